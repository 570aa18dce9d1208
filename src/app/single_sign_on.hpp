// Signing in through an organisation's identity provider (OpenID Connect, authorization code flow
// with PKCE). Begin() sends the browser to the provider with a fresh state, nonce and code verifier,
// remembered under the state's hash with a hash of a cookie only that browser holds; Complete()
// takes that request back (once), has the provider exchange the code and checks the ID token, and
// opens a session for the staff account the configured claim names. No staff account is ever
// created by signing in; an unknown or closed account, a replayed or foreign state: each is refused
// with an audited failure and no session. A second factor the provider did not prove is asked for
// here. A family provider (Swedish e-ID) signs in the guardians and children its personal number
// finds instead (family_sign_in.hpp).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/authentication.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/second_factor.hpp"
#include "oidc/provider.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct SsoPolicy {
    // `acr` values that count as two-factor: a session proven with one satisfies
    // --require-second-factor; with any other value such a person continues to the app's code.
    std::vector<std::string> two_factor_acrs;
    domain::SecondFactorPolicy second_factor;
    // Providers that sign in families by Swedish e-ID (their claim is a personal identity number),
    // the assurance levels such a sign-in must have (the Swedish eID framework's LoA 3 and up), and
    // the age from which a child signs in to its own record.
    std::vector<std::string> family_providers;
    std::vector<std::string> family_acrs;
    int child_login_age = 13;
};

struct SsoStart {
    std::string redirect_url;   // the provider's authorisation endpoint with our request
    std::string browser_token;  // give to the browser as a cookie; the answer must come back with it
};

class SingleSignOn {
  public:
    SingleSignOn(store::Store& store, const Clock& clock, Authentication& authentication,
                 std::vector<std::shared_ptr<oidc::Provider>> providers, SsoPolicy policy);

    // The configured providers' names, in the order given (the login page's buttons).
    std::vector<std::string> ProviderNames() const;
    bool Knows(std::string_view provider) const;
    bool IsFamilyProvider(std::string_view provider) const;

    // Errors: kNotFound (no such provider), kUnavailable / kFailedPrecondition (provider down or its
    // discovery document unusable: the login page says so; audited).
    Result<SsoStart> Begin(std::string_view provider, const RequestContext& context);

    // The provider's answer. `error` is the provider's own error parameter (the person cancelled).
    // A session, or — for a role that needs two factors when the provider's acr is not one of
    // them — the second step. Errors: kUnauthenticated "oidc.refused" (detail: the check that
    // failed), "sso.no_account", "sso.no_family_account" (a family provider's person opens nothing:
    // the same for every reason), "sso.assurance_too_low" (a family sign-in below the required
    // assurance level), kUnavailable (the provider did not answer the code exchange).
    // Every refusal is audited.
    Result<LoginOutcome> Complete(std::string_view provider, std::string_view state, std::string_view code,
                                  std::string_view error, std::string_view browser_token,
                                  const RequestContext& context);

    // Where the browser goes after Kronobarn's own sign-out of a session proven by `method`, to end
    // the provider's session too; empty when it was not a provider's or it has no end-session endpoint.
    std::string ProviderLogoutUrl(std::string_view method, const std::string& post_logout_redirect_uri);

  private:
    oidc::Provider* Find(std::string_view provider) const;
    Result<LoginOutcome> CompleteFamily(std::string_view provider, const oidc::IdTokenClaims& claims,
                                        const std::string& value, const RequestContext& context);
    Status Refuse(std::string_view provider, const domain::UserAccount* user, std::string_view why,
                  const RequestContext& context);

    store::Store& store_;
    const Clock& clock_;
    Authentication& authentication_;
    std::vector<std::shared_ptr<oidc::Provider>> providers_;
    SsoPolicy policy_;
};

}  // namespace kronobarn::app
