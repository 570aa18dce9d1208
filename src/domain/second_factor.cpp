#include "domain/second_factor.hpp"

#include <algorithm>

namespace kronobarn::domain {

std::vector<Role> RolesReadingChildData() {
    std::vector<Role> roles;
    for (const RoleTraits& traits : AllRoleTraits()) {
        if (traits.work == Work::kWithChildren || traits.work == Work::kLogReview) roles.push_back(traits.role);
    }
    return roles;
}

bool SecondFactorRequired(const SecondFactorPolicy& policy, const UserAccount& user) {
    return std::ranges::any_of(policy.required_for, [&](Role role) { return user.HasRole(role); });
}

std::optional<std::string> NormalizeRecoveryCode(std::string_view typed) {
    std::string code;
    for (const char c : typed) {
        if (c == '-' || c == ' ') continue;
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (kRecoveryCodeAlphabet.find(lower) == std::string_view::npos) return std::nullopt;
        code.push_back(lower);
    }
    if (code.size() != kRecoveryCodeLength) return std::nullopt;
    return code;
}

}  // namespace kronobarn::domain
