// Actor: the signed-in person a use case acts for, as established by a valid session.
#pragma once

#include <string>

#include "domain/user_account.hpp"

namespace kronobarn::app {

struct Actor {
    domain::UserAccount user;
    std::string session_token_hash;
    std::string sign_in_method = "password";  // "password+totp", "oidc:region", … (signing out follows it)
};

// Who is asking and from where, for audit rows and throttling. Never personal data.
struct RequestContext {
    std::string request_id;
    std::string client_address;
};

}  // namespace kronobarn::app
