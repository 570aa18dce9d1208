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
#include <variant>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/login_throttle.hpp"
#include "domain/second_factor.hpp"
#include "domain/session_policy.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct LoginSucceeded {
    std::string session_token;  // give to the browser once; only its hash is stored
    domain::UserAccount user;
};

// The password was right and the person must now give a code from their authenticator app (or a
// recovery code), or — when a second factor is required and none is set up — set one up first.
struct SecondStepNeeded {
    std::string step_token;  // give to the browser once; only its hash is stored; no session yet
    bool enrol = false;
};

// A right password opens a session, or leads to the second step.
using LoginOutcome = std::variant<LoginSucceeded, SecondStepNeeded>;

// What a sign-in with the second step waits for.
struct PendingSecondStep {
    std::string username;  // the label in the person's authenticator app
    bool enrol = false;
};

// An authenticator app being set up: the secret to show (as QR code and as text) and the address
// the QR code carries.
struct Enrolment {
    std::string secret;
    std::string uri;
};

// The app is set up and the person signed in; the recovery codes are shown this once.
struct EnrolmentDone {
    LoginSucceeded login;
    std::vector<std::string> recovery_codes;  // xxxx-xxxx-xxxx
};

class Authentication {
  public:
    Authentication(store::Store& store, const Clock& clock, domain::SessionPolicy session_policy,
                   domain::ThrottlePolicy throttle_policy, domain::SecondFactorPolicy second_factor = {});

    // Errors: kUnauthenticated "login.failed" (wrong username or password, or disabled account),
    // kResourceExhausted "login.throttled" (too many failures; wait), kUnavailable.
    // Writes one audit row in every case the database is reachable. A person with an authenticator
    // app, or whose roles require one, gets the second step instead of a session.
    Result<LoginOutcome> Login(std::string_view username, std::string_view password, const RequestContext& context);

    // An identity provider proved the person, but not with two factors that their roles need: the
    // second step follows as after a password (`first_method` "oidc:region"; the session's method
    // becomes "oidc:region+totp"). `acr`: what the provider said (its acr, and " amr=…" when it sent
    // its methods), for the audit row.
    Result<SecondStepNeeded> BeginSecondStep(const domain::UserAccount& user, std::string_view first_method,
                                             const RequestContext& context, std::string_view acr);

    // The second step (authentication_second_step.cpp). Each errs kUnauthenticated
    // "login.step_expired" for an unknown, used or too old step token (sign in again).
    Result<PendingSecondStep> PendingStep(std::string_view step_token);
    // The secret being set up for this sign-in (the same one again on a reload).
    Result<Enrolment> BeginEnrolment(std::string_view step_token);
    // The first code from the newly set-up app confirms it: a session and ten recovery codes.
    // kInvalidArgument "second_factor.wrong_code" (audited failure, counts towards throttling),
    // kResourceExhausted "login.throttled".
    Result<EnrolmentDone> CompleteEnrolment(std::string_view step_token, std::string_view code,
                                            const RequestContext& context);
    // A code from the app, or one of the recovery codes (each works once). Errors as above.
    Result<LoginSucceeded> CompleteWithCode(std::string_view step_token, std::string_view code,
                                            const RequestContext& context);

    // Opens a session for an account an identity provider has proven, and audits the login with
    // the provider's method ("password", "oidc:bankid", …). kUnauthenticated "login.failed" for a
    // disabled account.
    // `acr`: the authentication context class the provider reported (and " amr=…", its methods, when
    // sent), written into the audit row.
    Result<LoginSucceeded> StartSession(const domain::UserAccount& user, std::string_view method,
                                        const RequestContext& context, std::string_view acr = {});

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
                                          std::string_view method, const RequestContext& context,
                                          std::string_view acr = {});
    Status RecordFailure(std::string_view username, const domain::UserAccount* user, const RequestContext& context,
                         std::string_view reason);
    // A sign-in waiting for its second step: whose, what proved them first, and (once looked up)
    // the secret of their app.
    struct Step {
        domain::UserAccount account;
        std::string first_method;
        std::string secret;
    };
    // The step's account, read fresh; kUnauthenticated "login.step_expired" when the step is gone,
    // too old, or its account was closed since the first proof.
    Result<Step> StepOf(store::UnitOfWork& uow, std::string_view step_token);
    // The step with the secret of its app, when it waits for a code of an app that is (or,
    // enrolling, is not yet) confirmed; kResourceExhausted "login.throttled" while throttled.
    Result<Step> StepAwaitingCode(std::string_view step_token, bool app_confirmed, const RequestContext& context);
    // The step is done: it is used up, the account's failures are forgotten, the session opens.
    Result<LoginSucceeded> FinishStep(store::UnitOfWork& uow, std::string_view step_token,
                                      const domain::UserAccount& account, std::string_view method,
                                      const RequestContext& context);
    Result<SecondStepNeeded> BeginSecondStepIn(store::UnitOfWork& uow, const domain::UserAccount& user, bool has_app,
                                               std::string_view first_method, const RequestContext& context,
                                               std::string_view acr);

    store::Store& store_;
    const Clock& clock_;
    domain::SessionPolicy session_policy_;
    domain::ThrottlePolicy throttle_policy_;
    domain::SecondFactorPolicy second_factor_;
    std::string dummy_password_hash_;  // verified against when the account is unknown, to even out timing
};

}  // namespace kronobarn::app
