// Records of the family's own view: accounts, activation links and the access log as the family
// sees it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/time.hpp"
#include "domain/family_entry.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::store {

struct FamilyAccount {
    domain::UserId user_id = 0;
    std::optional<domain::GuardianId> guardian_id;  // empty: the child's own account
    std::string username;
    bool activated = false;
    std::optional<Timestamp> open_invitation_expires_at;  // an unused activation link, if any
};

struct Activation {
    std::string token_hash;
    domain::UserId user_id = 0;
    domain::UserId created_by = 0;
    Timestamp created_at{};
    Timestamp expires_at{};
    std::optional<Timestamp> used_at;
};

// One opening of the child's data by a professional, as a guardian may see it (domain.md §7).
struct AccessLogEntry {
    std::int64_t sequence = 0;  // the row's place in the audit chain: where an older page starts
    Timestamp at{};
    std::string role;
    std::string unit_name;
    std::string organisation_name;
    std::string user_name;
    std::string object_type;
    std::string action;
    std::string legal_basis;
};

}  // namespace kronobarn::store
