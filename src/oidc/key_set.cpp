#include "oidc/key_set.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "oidc/key_set_internal.hpp"

namespace kronobarn::oidc {
namespace {

std::string TextOf(const boost::json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

}  // namespace

KeySet::KeySet() = default;
KeySet::~KeySet() = default;
KeySet::KeySet(KeySet&&) noexcept = default;
KeySet& KeySet::operator=(KeySet&&) noexcept = default;

Result<KeySet> KeySet::FromJwks(std::string_view json) {
    boost::system::error_code parse_error;
    const boost::json::value document = boost::json::parse(json, parse_error);
    if (parse_error || !document.is_object()) return Error::InvalidArgument("oidc.bad_keys", "JWKS is not JSON");
    const auto* keys = document.as_object().if_contains("keys");
    if (keys == nullptr || !keys->is_array()) return Error::InvalidArgument("oidc.bad_keys", "JWKS has no keys");
    KeySet set;
    for (const auto& entry : keys->as_array()) {
        if (!entry.is_object()) continue;
        const auto& object = entry.as_object();
        const std::string kty = TextOf(object, "kty");
        const std::string use = TextOf(object, "use");
        if ((kty != "RSA" && kty != "EC") || (!use.empty() && use != "sig")) continue;
        const std::string text = boost::json::serialize(entry);
        cjose_err err;
        cjose_jwk_t* jwk = cjose_jwk_import(text.c_str(), text.size(), &err);
        if (jwk == nullptr) continue;
        auto key = std::make_unique<SigningKey>();
        key->jwk = jwk;
        key->kid = TextOf(object, "kid");
        key->kty = kty == "RSA" ? CJOSE_JWK_KTY_RSA : CJOSE_JWK_KTY_EC;
        key->alg = TextOf(object, "alg");
        key->crv = TextOf(object, "crv");
        set.keys_.push_back(std::move(key));
    }
    return set;
}

const SigningKey* KeySet::Find(const std::optional<std::string>& kid) const {
    if (!kid) return keys_.size() == 1 ? keys_.front().get() : nullptr;
    for (const auto& key : keys_) {
        if (key->kid == *kid) return key.get();
    }
    return nullptr;
}

}  // namespace kronobarn::oidc
