// Which children a person proven by Swedish e-ID may open in their family view: the children they
// are recorded as guardian of (not under a documented restriction, and only until the child is 18),
// and their own record from the age a child may have its own login. Anything else opens nothing —
// and the person is told the same as someone Kronobarn has never heard of.
#pragma once

#include <optional>
#include <vector>

#include "common/time.hpp"
#include "domain/organisation.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::domain {

// A child the person is recorded as guardian of.
struct GuardianOfChild {
    GuardianId guardian_id = 0;
    ChildId child_id = 0;
    bool restricted = false;
    Date child_birth_date{};
};

// The person's own child record.
struct OwnChildRecord {
    ChildId child_id = 0;
    Date birth_date{};
};

// The family links an e-ID sign-in opens, guardians' first; empty: nothing to sign in to.
std::vector<FamilyLink> EidFamilyLinks(const std::vector<GuardianOfChild>& as_guardian,
                                       const std::optional<OwnChildRecord>& own, Date today, int child_login_age);

}  // namespace kronobarn::domain
