// What the sign-in use cases share: the audit row of a sign-in event and the throttle keys. Internal
// to app (authentication.cpp, authentication_second_step.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/actor.hpp"
#include "domain/audit_event.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::app::login {

inline std::string AccountKey(std::string_view username) { return "account:" + std::string(username); }
inline std::string AddressKey(std::string_view address) { return "address:" + std::string(address); }

// object_type "session"; the caller sets object_id: how the person was proven ("password",
// "password+totp", …) or why they were refused. `user` (null when unknown): the row is theirs, and
// their organisation's (that of their first role) to review — a family account belongs to none.
inline domain::AuditEvent Event(Timestamp now, const RequestContext& context, const domain::UserAccount* user,
                                std::string_view action, domain::AuditOutcome outcome) {
    domain::AuditEvent event;
    event.at = now;
    if (user != nullptr) {
        event.user_id = user->id;
        if (!user->roles.empty()) event.organisation_id = user->roles.front().organisation_id;
    }
    event.object_type = "session";
    event.action = std::string(action);
    event.legal_basis = "authentication";
    event.outcome = outcome;
    event.request_id = context.request_id;
    return event;
}

}  // namespace kronobarn::app::login
