// One-time activation links: whoever gives an account (a child's coordination holder for the
// family, an organisation's administrator for staff) hands the person a link with which they set
// their own password. The token is shown once and only its hash is stored; a new link replaces
// the person's earlier ones (and so serves as a password reset).
#pragma once

#include <string>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/user_account.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct Invitation {
    std::string token;  // shown once; only its hash is stored
    Timestamp expires_at{};
    std::string for_name;
};

// Revokes `user`'s earlier links and stores a new one that works for `days` days, inside `uow`.
Result<Invitation> IssueActivationLink(store::UnitOfWork& uow, domain::UserId user, std::string for_name,
                                       domain::UserId given_by, Timestamp now, int days);

}  // namespace kronobarn::app
