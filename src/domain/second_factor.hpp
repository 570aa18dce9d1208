// The second factor at local sign-in: who must prove one, and the one-time recovery codes that
// stand in for a lost phone. The codes themselves (TOTP) are common/totp's arithmetic; this is the
// model's rule of whom it applies to.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/organisation.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::domain {

struct SecondFactorPolicy {
    // A person holding any of these roles (today) must give a code after the password: the first
    // sign-in without a confirmed authenticator app leads to enrolment instead of the start page.
    std::vector<Role> required_for;
};

// Every role whose work reads children's data — working with children, and reviewing who read
// it (the access log names children) — the default of --require-second-factor.
std::vector<Role> RolesReadingChildData();

bool SecondFactorRequired(const SecondFactorPolicy& policy, const UserAccount& user);

inline constexpr int kRecoveryCodeCount = 10;
// A recovery code as stored and compared: lower case, the hyphens and spaces people type or copy
// dropped; nullopt when it cannot be one (length, characters), so it costs no lookup.
std::optional<std::string> NormalizeRecoveryCode(std::string_view typed);
// The alphabet and length the codes are drawn from (no 0/o, 1/l/i: read aloud or typed from paper).
inline constexpr std::string_view kRecoveryCodeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
inline constexpr std::size_t kRecoveryCodeLength = 12;  // 59 bits; shown as xxxx-xxxx-xxxx

}  // namespace kronobarn::domain
