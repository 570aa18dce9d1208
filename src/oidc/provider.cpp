#include "oidc/provider.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace kronobarn::oidc {
namespace {

std::string TextOf(const boost::json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

Error BadDiscovery(std::string detail) { return Error::FailedPrecondition("oidc.bad_discovery", std::move(detail)); }

}  // namespace

Provider::Provider(ProviderConfig config, const Clock& clock) : config_(std::move(config)), clock_(clock) {}

Result<ProviderMetadata> Provider::Metadata() {
    {
        std::lock_guard lock(mutex_);
        if (metadata_) return *metadata_;
    }
    std::string base = config_.issuer;
    if (base.ends_with('/')) base.pop_back();
    KB_ASSIGN_OR_RETURN(const HttpReply reply, HttpGet(base + "/.well-known/openid-configuration", config_.limits));
    if (reply.status != 200) return BadDiscovery("discovery answered " + std::to_string(reply.status));
    boost::system::error_code parse_error;
    const boost::json::value document = boost::json::parse(reply.body, parse_error);
    if (parse_error || !document.is_object()) return BadDiscovery("discovery is not a JSON object");
    const auto& object = document.as_object();
    // OpenID Connect Discovery §4.3: the issuer in the document must be the one we asked.
    if (TextOf(object, "issuer") != config_.issuer) return BadDiscovery("issuer differs: " + TextOf(object, "issuer"));
    ProviderMetadata metadata{TextOf(object, "authorization_endpoint"), TextOf(object, "token_endpoint"),
                              TextOf(object, "jwks_uri"), TextOf(object, "end_session_endpoint")};
    for (const auto& [name, url] :
         {std::pair{"authorization_endpoint", metadata.authorization_endpoint},
          std::pair{"token_endpoint", metadata.token_endpoint}, std::pair{"jwks_uri", metadata.jwks_uri}}) {
        if (!IsAllowedProviderUrl(url)) return BadDiscovery(std::string(name) + " missing or not https");
    }
    if (!metadata.end_session_endpoint.empty() && !IsAllowedProviderUrl(metadata.end_session_endpoint)) {
        metadata.end_session_endpoint.clear();
    }
    std::lock_guard lock(mutex_);
    metadata_ = metadata;
    return metadata;
}

Result<std::string> Provider::AuthorizationUrl(const std::string& state, const std::string& nonce,
                                               const std::string& code_challenge, const std::string& acr_values) {
    KB_ASSIGN_OR_RETURN(const auto metadata, Metadata());
    std::string url = metadata.authorization_endpoint;
    url += metadata.authorization_endpoint.find('?') == std::string::npos ? '?' : '&';
    url += "response_type=code&scope=" + FormEncode(config_.scope) + "&client_id=" + FormEncode(config_.client_id) +
           "&redirect_uri=" + FormEncode(config_.redirect_uri) + "&state=" + FormEncode(state) +
           "&nonce=" + FormEncode(nonce) + "&code_challenge=" + FormEncode(code_challenge) +
           "&code_challenge_method=S256";
    if (!acr_values.empty()) url += "&acr_values=" + FormEncode(acr_values);
    return url;
}

Result<std::shared_ptr<const KeySet>> Provider::KeysFor(const std::optional<std::string>& kid) {
    KB_ASSIGN_OR_RETURN(const auto metadata, Metadata());
    const Timestamp now = clock_.Now();
    {
        std::lock_guard lock(mutex_);
        const bool known = keys_ && keys_->Find(kid) != nullptr;
        const bool may_refetch = !keys_fetched_at_ || now - *keys_fetched_at_ >= config_.key_refetch_interval;
        if (known || (keys_ && !may_refetch)) return keys_;
    }
    KB_ASSIGN_OR_RETURN(const HttpReply reply, HttpGet(metadata.jwks_uri, config_.limits));
    if (reply.status != 200)
        return Error::Unavailable("oidc.provider_unreachable: keys answered " + std::to_string(reply.status));
    KB_ASSIGN_OR_RETURN(auto fetched, KeySet::FromJwks(reply.body));
    auto keys = std::make_shared<const KeySet>(std::move(fetched));
    std::lock_guard lock(mutex_);
    keys_ = keys;
    keys_fetched_at_ = now;
    return keys;
}

Result<IdTokenClaims> Provider::Redeem(const std::string& code, const std::string& code_verifier,
                                       const std::string& nonce) {
    KB_ASSIGN_OR_RETURN(const auto metadata, Metadata());
    const std::string form = "grant_type=authorization_code&code=" + FormEncode(code) +
                             "&redirect_uri=" + FormEncode(config_.redirect_uri) +
                             "&code_verifier=" + FormEncode(code_verifier);
    KB_ASSIGN_OR_RETURN(const HttpReply reply, HttpPostForm(metadata.token_endpoint, form, config_.client_id,
                                                            config_.client_secret, config_.limits));
    if (reply.status >= 500) {
        return Error::Unavailable("oidc.provider_unreachable: token endpoint answered " + std::to_string(reply.status));
    }
    boost::system::error_code parse_error;
    const boost::json::value document = boost::json::parse(reply.body, parse_error);
    if (reply.status != 200 || parse_error || !document.is_object()) {
        return Error::Unauthenticated("oidc.refused", "code_refused");
    }
    const std::string id_token = TextOf(document.as_object(), "id_token");
    if (id_token.empty()) return Error::Unauthenticated("oidc.refused", "no_id_token");
    KB_ASSIGN_OR_RETURN(const auto keys, KeysFor(KeyIdOf(id_token)));
    return VerifyIdToken(id_token, *keys, {config_.issuer, config_.client_id, nonce}, clock_.Now());
}

std::string Provider::LogoutUrl(const std::string& post_logout_redirect_uri) {
    auto metadata = Metadata();
    if (!metadata || metadata->end_session_endpoint.empty()) return {};
    const std::string& endpoint = metadata->end_session_endpoint;
    return endpoint + (endpoint.find('?') == std::string::npos ? "?" : "&") +
           "client_id=" + FormEncode(config_.client_id) +
           "&post_logout_redirect_uri=" + FormEncode(post_logout_redirect_uri);
}

}  // namespace kronobarn::oidc
