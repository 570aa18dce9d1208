#include "common/crypto.hpp"

#include <sodium.h>

#include <vector>

namespace kronobarn::crypto {

bool InitialiseCrypto() { return sodium_init() >= 0; }

Result<std::string> HashPassword(std::string_view password, PasswordStrength strength) {
    const auto ops =
        strength == PasswordStrength::kModerate ? crypto_pwhash_OPSLIMIT_MODERATE : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const auto mem =
        strength == PasswordStrength::kModerate ? crypto_pwhash_MEMLIMIT_MODERATE : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    char encoded[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Error::ResourceExhausted("error.internal", "argon2id: out of memory");
    }
    return std::string(encoded);
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
    // crypto_pwhash_str_verify needs a NUL-terminated hash no longer than crypto_pwhash_STRBYTES.
    if (encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
    const std::string terminated(encoded_hash);
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

std::uint32_t RandomBelow(std::uint32_t upper_bound) { return randombytes_uniform(upper_bound); }

std::string RandomToken(std::size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.size() - 1);  // drop the terminating NUL that libsodium counts in the length
    return out;
}

std::string Sha256Base64Url(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    std::string out(sodium_base64_ENCODED_LEN(sizeof digest, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), digest, sizeof digest, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.size() - 1);
    return out;
}

std::string HashHex(std::string_view data, std::string_view key) {
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                       key.empty() ? nullptr : reinterpret_cast<const unsigned char*>(key.data()), key.size());
    char hex[2 * sizeof digest + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, 2 * sizeof digest);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace kronobarn::crypto
