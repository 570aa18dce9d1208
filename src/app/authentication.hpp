// Authentication use cases: log in with username and password, recognise a session on later
// requests, log out. Every login attempt — success, wrong credentials, throttled — writes an audit
// row. A failed attempt tells the user nothing about whether the account exists.
#pragma once

#include <string>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/login_throttle.hpp"
#include "domain/session_policy.hpp"
#include "store/store.hpp"

namespace kronobarn::app {

struct LoginSucceeded {
    std::string session_token;  // give to the browser once; only its hash is stored
    domain::UserAccount user;
};

class Authentication {
  public:
    Authentication(store::Store& store, const Clock& clock, domain::SessionPolicy session_policy,
                   domain::ThrottlePolicy throttle_policy);

    // Errors: kUnauthenticated "login.failed" (wrong username or password, or disabled account),
    // kResourceExhausted "login.throttled" (too many failures; wait), kUnavailable.
    // Writes one audit row in every case the database is reachable.
    Result<LoginSucceeded> Login(std::string_view username, std::string_view password, const RequestContext& context);

    // The actor behind a session token. Errors: kUnauthenticated "session.missing" (unknown token)
    // or "session.expired" (idle or absolute timeout; the session is deleted), kUnavailable.
    Result<Actor> Authenticate(std::string_view session_token);

    // Ends the session and writes an audit row. Unknown tokens are ignored.
    Status Logout(const Actor& actor, const RequestContext& context);

    // Remembers the language the person chose, for their next login on any device.
    Status SetPreferredLanguage(const Actor& actor, std::string_view lang);

    static std::string HashSessionToken(std::string_view session_token);

  private:
    Status RecordFailure(std::string_view username, std::optional<domain::UserId> user_id,
                         const RequestContext& context, std::string_view reason);

    store::Store& store_;
    const Clock& clock_;
    domain::SessionPolicy session_policy_;
    domain::ThrottlePolicy throttle_policy_;
    std::string dummy_password_hash_;  // verified against when the account is unknown, to even out timing
};

}  // namespace kronobarn::app
