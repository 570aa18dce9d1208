// Signing a family member in by Swedish e-ID: the personal number the e-ID broker vouches for finds
// the children the person is recorded as guardian of (and their own record, from the age a child
// may have its own login). The family account is the one an invitation or an earlier e-ID sign-in
// made, or a new one — so no invitation link is needed, and the link stays for those without e-ID.
// Internal to app (single_sign_on.cpp).
#pragma once

#include <string_view>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/personal_number.hpp"
#include "domain/user_account.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

// The username of a family account made by an e-ID sign-in (never typed: no password is ever set):
// the holder's page tells it from one waiting for its invitation.
inline constexpr std::string_view kEidUsernamePrefix = "e-id-";

// The family account for the person, linked to every child their e-ID opens (a link already held by
// another account stays there); each new link and a new account are audited. kNotFound
// "family.nothing_to_open" when the number opens nothing — which the caller must not tell apart
// from any other refusal (no oracle of who has a child in Kronobarn).
Result<domain::UserAccount> FamilyAccountForEid(store::Store& store, const domain::PersonalNumber& number,
                                                Timestamp now, int child_login_age, const RequestContext& context);

}  // namespace kronobarn::app
