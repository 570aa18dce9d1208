#include "oidc/id_token.hpp"

#include <cjose/header.h>
#include <cjose/jws.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cstdlib>
#include <memory>

#include "oidc/key_set_internal.hpp"

namespace kronobarn::oidc {
namespace {

struct JwsDeleter {
    void operator()(cjose_jws_t* jws) const { cjose_jws_release(jws); }
};
using Jws = std::unique_ptr<cjose_jws_t, JwsDeleter>;

Error Refused(std::string check) { return Error::Unauthenticated("oidc.refused", std::move(check)); }

Jws Import(std::string_view token) {
    cjose_err err;
    return Jws(cjose_jws_import(token.data(), token.size(), &err));
}

std::optional<std::string> HeaderText(cjose_jws_t* jws, const char* name) {
    cjose_header_t* header = cjose_jws_get_protected(jws);  // owned by the jws
    if (header == nullptr) return std::nullopt;
    cjose_err err;
    const char* value = cjose_header_get(header, name, &err);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
}

// Whether the key can make a signature of `alg` at all: RSA keys for RS/PS, EC keys of the curve
// the ES algorithm names; and, when the key set declares the key's algorithm, that one only.
bool KeyFits(const SigningKey& key, std::string_view alg) {
    if (!key.alg.empty() && key.alg != alg) return false;
    if (alg.starts_with("RS") || alg.starts_with("PS")) return key.kty == CJOSE_JWK_KTY_RSA;
    if (alg == "ES256") return key.kty == CJOSE_JWK_KTY_EC && key.crv == "P-256";
    if (alg == "ES384") return key.kty == CJOSE_JWK_KTY_EC && key.crv == "P-384";
    return false;
}

std::optional<std::int64_t> NumberClaim(const boost::json::object& claims, std::string_view name) {
    const auto* value = claims.if_contains(name);
    if (value == nullptr) return std::nullopt;
    if (value->is_int64()) return value->as_int64();
    if (value->is_uint64()) return static_cast<std::int64_t>(value->as_uint64());
    if (value->is_double()) return static_cast<std::int64_t>(value->as_double());
    return std::nullopt;
}

std::string TextClaim(const boost::json::object& claims, std::string_view name) {
    const auto* value = claims.if_contains(name);
    return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

Timestamp FromUnixSeconds(std::int64_t seconds) { return Timestamp{std::chrono::seconds(seconds)}; }

}  // namespace

std::optional<std::string> KeyIdOf(std::string_view token) {
    if (token.size() > kMaxIdTokenBytes) return std::nullopt;
    Jws jws = Import(token);
    if (!jws) return std::nullopt;
    return HeaderText(jws.get(), CJOSE_HDR_KID);
}

Result<IdTokenClaims> VerifyIdToken(std::string_view token, const KeySet& keys, const Expected& expected,
                                    Timestamp now) {
    if (token.size() > kMaxIdTokenBytes) return Refused("token_too_large");
    Jws jws = Import(token);
    if (!jws) return Refused("malformed");
    const auto alg = HeaderText(jws.get(), CJOSE_HDR_ALG);
    if (!alg ||
        std::find(std::begin(kAllowedAlgorithms), std::end(kAllowedAlgorithms), *alg) == std::end(kAllowedAlgorithms)) {
        return Refused("algorithm_not_allowed");
    }
    const SigningKey* key = keys.Find(HeaderText(jws.get(), CJOSE_HDR_KID));
    if (key == nullptr) return Refused("unknown_key");
    if (!KeyFits(*key, *alg)) return Refused("key_does_not_fit_algorithm");
    cjose_err err;
    if (!cjose_jws_verify(jws.get(), key->jwk, &err)) return Refused("bad_signature");

    uint8_t* plaintext = nullptr;
    std::size_t length = 0;
    if (!cjose_jws_get_plaintext(jws.get(), &plaintext, &length, &err)) return Refused("malformed");
    const std::string payload(reinterpret_cast<const char*>(plaintext), length);  // owned by the jws
    boost::system::error_code parse_error;
    boost::json::value parsed = boost::json::parse(payload, parse_error);
    if (parse_error || !parsed.is_object()) return Refused("malformed_claims");
    const boost::json::object& claims = parsed.as_object();

    if (TextClaim(claims, "iss") != expected.issuer) return Refused("wrong_issuer");
    const auto* aud = claims.if_contains("aud");
    bool audience_ok = false;
    std::size_t audiences = 0;
    if (aud != nullptr && aud->is_string()) {
        audiences = 1;
        audience_ok = aud->as_string() == expected.client_id;
    } else if (aud != nullptr && aud->is_array()) {
        for (const auto& entry : aud->as_array()) {
            ++audiences;
            if (entry.is_string() && entry.as_string() == expected.client_id) audience_ok = true;
        }
    }
    if (!audience_ok) return Refused("wrong_audience");
    // §3.1.3.7 points 4–5: with several audiences azp must be there; when there, it must be us.
    const std::string azp = TextClaim(claims, "azp");
    if ((audiences > 1 && azp.empty()) || (!azp.empty() && azp != expected.client_id)) return Refused("wrong_azp");

    const auto exp = NumberClaim(claims, "exp");
    const auto iat = NumberClaim(claims, "iat");
    if (!exp || !iat) return Refused("missing_time");
    if (now - expected.clock_skew >= FromUnixSeconds(*exp)) return Refused("expired");
    if (FromUnixSeconds(*iat) > now + expected.clock_skew) return Refused("issued_in_future");
    if (FromUnixSeconds(*iat) < now - expected.max_age - expected.clock_skew) return Refused("issued_too_long_ago");

    const auto* nonce = claims.if_contains("nonce");
    if (nonce == nullptr || !nonce->is_string() || expected.nonce.empty() || nonce->as_string() != expected.nonce) {
        return Refused("nonce_mismatch");
    }
    IdTokenClaims verified;
    verified.subject = TextClaim(claims, "sub");
    if (verified.subject.empty()) return Refused("missing_subject");
    verified.acr = TextClaim(claims, "acr");
    if (const auto* amr = claims.if_contains("amr"); amr != nullptr && amr->is_array()) {
        for (const auto& method : amr->as_array()) {
            if (method.is_string()) verified.amr.emplace_back(method.as_string());
        }
    }
    verified.payload = payload;
    return verified;
}

std::optional<std::string> Claim(const IdTokenClaims& claims, std::string_view name) {
    boost::system::error_code parse_error;
    const boost::json::value parsed = boost::json::parse(claims.payload, parse_error);
    if (parse_error || !parsed.is_object()) return std::nullopt;
    const auto* value = parsed.as_object().if_contains(name);
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) return std::string(value->as_string());
    if (value->is_int64() || value->is_uint64()) return boost::json::serialize(*value);
    return std::nullopt;
}

}  // namespace kronobarn::oidc
