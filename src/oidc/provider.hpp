// One OpenID Connect provider this relying party trusts (the Region's Entra ID, a municipality's
// ADFS, the e-ID broker): its discovery document and signing keys, fetched and cached, the
// authorisation request (code flow with PKCE S256, state, nonce) and the code exchange, whose ID
// token is checked by VerifyIdToken. Thread-safe: one instance serves every request.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "oidc/http_client.hpp"
#include "oidc/id_token.hpp"
#include "oidc/key_set.hpp"

namespace kronobarn::oidc {

struct ProviderConfig {
    std::string name;  // short, in URLs and audit rows ("oidc:region")
    std::string issuer;
    std::string client_id;
    std::string client_secret;
    std::string claim;             // the claim whose value names the account
    std::string redirect_uri;      // this relying party's callback for the provider, absolute
    std::string scope = "openid";  // space-separated, as the authorisation request asks
    HttpLimits limits;
    // Keys are fetched again for an unknown kid at most this often: a stream of forged kids cannot
    // make us hammer the provider.
    std::chrono::seconds key_refetch_interval{60};
};

struct ProviderMetadata {
    std::string authorization_endpoint;
    std::string token_endpoint;
    std::string jwks_uri;
    std::string end_session_endpoint;  // empty when the provider has none
};

class Provider {
  public:
    Provider(ProviderConfig config, const Clock& clock);
    const ProviderConfig& Config() const { return config_; }

    // The discovery document, fetched once and kept. Errors: kUnavailable (provider down),
    // kFailedPrecondition "oidc.bad_discovery" (not JSON, another issuer, a required endpoint missing).
    Result<ProviderMetadata> Metadata();

    // Where to send the browser. `acr_values` empty: none asked for.
    Result<std::string> AuthorizationUrl(const std::string& state, const std::string& nonce,
                                         const std::string& code_challenge, const std::string& acr_values);

    // Exchanges the code (once: a second exchange of the same code is the provider's to refuse) and
    // checks the ID token. Errors: kUnavailable; kUnauthenticated "oidc.refused" with the check in
    // `detail` ("code_refused" when the provider would not exchange the code).
    Result<IdTokenClaims> Redeem(const std::string& code, const std::string& code_verifier, const std::string& nonce);

    // Where to send the browser to end the provider's session too (RP-initiated logout); empty when
    // the provider has no end-session endpoint.
    std::string LogoutUrl(const std::string& post_logout_redirect_uri);

  private:
    Result<std::shared_ptr<const KeySet>> KeysFor(const std::optional<std::string>& kid);

    ProviderConfig config_;
    const Clock& clock_;
    std::mutex mutex_;
    std::optional<ProviderMetadata> metadata_;
    std::shared_ptr<const KeySet> keys_;
    std::optional<Timestamp> keys_fetched_at_;
};

}  // namespace kronobarn::oidc
