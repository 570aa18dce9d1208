// Actor: the signed-in person a use case acts for, as established by a valid session.
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::app {

struct Actor {
    domain::UserAccount user;
    std::string session_token_hash;
    std::string sign_in_method = "password";  // "password+totp", "oidc:region", … (signing out follows it)
};

class AuditDeferral;  // read_audit.hpp

// Who is asking and from where, for audit rows and throttling. Never personal data.
struct RequestContext {
    std::string request_id;
    std::string client_address;
    // Where the request's audited reads leave their rows when its answer waits for them (a GET
    // through the web server); null: each read waits for its rows itself (read_audit.hpp).
    AuditDeferral* audit_deferral = nullptr;
};

// The organisation the actor is system administrator of, which every administration page works on
// (units, staff, the import); kPermissionDenied naming `what` for anyone else.
inline Result<domain::OrganisationId> AdministeredOrganisation(const Actor& actor, std::string_view what) {
    const auto* admin = actor.user.AssignmentOf(domain::Role::kSystemAdmin);
    if (admin == nullptr) return Error::PermissionDenied(std::string(what) + " are for system administrators");
    return admin->organisation_id;
}

}  // namespace kronobarn::app
