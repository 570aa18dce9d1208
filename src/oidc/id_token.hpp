// The checks of an ID token (OpenID Connect Core §3.1.3.7), as pure functions: the signature with an
// asymmetric algorithm from an allow-list and a key of the provider's set that fits it, then iss,
// aud, azp, exp, iat (with a small clock skew) and nonce. Any failure is kUnauthenticated
// "oidc.refused" with `detail` naming the check, for the audit row and the log (never shown).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "oidc/key_set.hpp"

namespace kronobarn::oidc {

// RS256 is what every provider must support (OpenID Connect Core §15.1); the others are the
// asymmetric algorithms Entra ID, ADFS and the Swedish e-ID brokers use. Never "none", never HMAC.
inline constexpr std::string_view kAllowedAlgorithms[] = {"RS256", "RS384", "RS512", "PS256",
                                                          "PS384", "PS512", "ES256", "ES384"};
// Bigger than any real ID token by far (a few kB); a larger one is refused before parsing.
inline constexpr std::size_t kMaxIdTokenBytes = 64 * 1024;

struct Expected {
    std::string issuer;     // exactly as the discovery document gives it
    std::string client_id;  // this relying party's at the provider
    std::string nonce;      // the one sent with the authorisation request
    std::chrono::seconds clock_skew{60};
    std::chrono::seconds max_age{10 * 60};  // iat no older than this
};

struct IdTokenClaims {
    std::string subject;
    std::string acr;               // empty when the provider sent none
    std::vector<std::string> amr;  // authentication methods, when sent
    std::string payload;           // the whole claims object as JSON, for Claim()
};

// The `kid` the token's header names (nullopt for none, or a token that does not parse): whether
// the key set must be fetched again before verifying (a provider that rotated its keys).
std::optional<std::string> KeyIdOf(std::string_view token);

Result<IdTokenClaims> VerifyIdToken(std::string_view token, const KeySet& keys, const Expected& expected,
                                    Timestamp now);

// A claim of the verified token as text (a string, or a number written out), by name, e.g.
// "https://id.oidc.se/claim/personalIdentityNumber" or "email"; nullopt when absent.
std::optional<std::string> Claim(const IdTokenClaims& claims, std::string_view name);

}  // namespace kronobarn::oidc
