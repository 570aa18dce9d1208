// Cryptographic building blocks on libsodium: password hashing (Argon2id), random tokens, keyed and
// unkeyed hashes, constant-time comparison. Call InitialiseCrypto() once before any other function.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace kronobarn::crypto {

// Returns false when libsodium cannot initialise (no entropy source): the process must not start.
bool InitialiseCrypto();

// Argon2id cost profile. Both strengths resist offline guessing; "moderate" costs ~4x more.
enum class PasswordStrength { kInteractive, kModerate };

// Returns the encoded Argon2id hash (salt and parameters included). Fails with kResourceExhausted
// when memory for hashing cannot be allocated.
Result<std::string> HashPassword(std::string_view password, PasswordStrength strength);

// True when `password` matches `encoded_hash`; false for a mismatch or a malformed hash.
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

// A fresh random token of `bytes` bytes, URL-safe base64 without padding.
std::string RandomToken(std::size_t bytes = 32);

// A uniformly random number in [0, upper_bound).
std::uint32_t RandomBelow(std::uint32_t upper_bound);

// BLAKE2b-256 of `data`, optionally keyed, as 64 lowercase hex characters.
std::string HashHex(std::string_view data, std::string_view key = {});

// SHA-256 of `data`, URL-safe base64 without padding: the PKCE S256 code challenge (RFC 7636 §4.2).
std::string Sha256Base64Url(std::string_view data);

// Compares without leaking the position of the first difference through timing.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace kronobarn::crypto
