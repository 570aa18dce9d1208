// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), the codes an
// authenticator app shows. The arithmetic is liboath's; this layer chooses the parameters every
// authenticator app understands and says which time step a code belonged to, so the caller can
// refuse a code that was already used (RFC 6238 §5.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.hpp"

namespace kronobarn::totp {

inline constexpr int kStepSeconds = 30;
inline constexpr int kDigits = 6;

// A new shared secret of 20 random bytes (the size RFC 4226 recommends for SHA-1), base32 without
// padding as authenticator apps take it typed.
std::string NewSecret();

// The step a valid `code` belongs to, for `now` and one step either side (clock drift and the
// seconds a person needs to type); nullopt for a wrong, malformed or out-of-window code or a
// secret that does not decode. Spaces in the typed code are ignored.
std::optional<std::int64_t> MatchingStep(std::string_view secret_base32, std::string_view typed_code, Timestamp now);

// The code for the step containing `at`: for tests and for showing what an app would show.
std::string CodeAt(std::string_view secret_base32, Timestamp at);

// The enrolment address an authenticator app reads from a QR code (Key Uri Format):
// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
std::string EnrolmentUri(std::string_view issuer, std::string_view account, std::string_view secret_base32);

// The secret in groups of four characters, for a person (or a screen reader) to type it.
std::string GroupedForReading(std::string_view secret_base32);

}  // namespace kronobarn::totp
