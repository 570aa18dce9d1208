// Authentication use cases: log in, recognise a session on later requests, log out. Every login
// attempt — success, wrong credentials, throttled — writes an audit row. A failed attempt tells the
// user nothing about whether the account exists.
//
// Identity providers. How a person proves who they are is separate from the session that follows:
// Login() is the password provider (Argon2id, throttled per account and address) and ends in
// StartSession(account, "password"). Swedish e-ID for guardians and staff (BankID / Freja eID via an
// OpenID Connect identity provider) is an addition behind the same seam: its callback handler
// verifies the ID token (issuer, audience, nonce, signature), maps the verified personal identity
// number to an existing account — accounts are still created only by an invitation — and calls
// StartSession(account, "oidc:<provider>"). Sessions, timeouts, the audit row (which names the
// method) and every access decision after that are the same whichever provider proved the person.
#pragma once

#include <string>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/login_throttle.hpp"
#include "domain/session_policy.hpp"
#include "store/records/forward.hpp"

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

    // Opens a session for an account an identity provider has proven, and audits the login with
    // the provider's method ("password", "oidc:bankid", …). kUnauthenticated "login.failed" for a
    // disabled account.
    Result<LoginSucceeded> StartSession(const domain::UserAccount& user, std::string_view method,
                                        const RequestContext& context);

    // The actor behind a session token. Errors: kUnauthenticated "session.missing" (unknown token)
    // or "session.expired" (idle or absolute timeout; the session is deleted), kUnavailable.
    Result<Actor> Authenticate(std::string_view session_token);

    // Ends the session and writes an audit row. Unknown tokens are ignored.
    Status Logout(const Actor& actor, const RequestContext& context);

    // Remembers the language the person chose, for their next login on any device.
    Status SetPreferredLanguage(const Actor& actor, std::string_view lang);

    static std::string HashSessionToken(std::string_view session_token);

  private:
    Result<LoginSucceeded> StartSessionIn(store::UnitOfWork& uow, const domain::UserAccount& user,
                                          std::string_view method, const RequestContext& context);
    Status RecordFailure(std::string_view username, std::optional<domain::UserId> user_id,
                         const RequestContext& context, std::string_view reason);

    store::Store& store_;
    const Clock& clock_;
    domain::SessionPolicy session_policy_;
    domain::ThrottlePolicy throttle_policy_;
    std::string dummy_password_hash_;  // verified against when the account is unknown, to even out timing
};

}  // namespace kronobarn::app
