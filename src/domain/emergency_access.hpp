// Emergency access (nödåtkomst, issue 4 §5): a professional in an acute situation may read a child's
// data without any other basis — only in a role the county allows it, with a written reason, for a
// limited time (default one hour), read only, and never silently: the grant is audited, flagged for
// log review, shown to the child's holder and in the guardian's access log with its reason.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/child.hpp"
#include "domain/organisation.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::domain {

using EmergencyGrantId = std::int64_t;

inline constexpr std::size_t kMaxEmergencyReasonLength = 2000;

struct EmergencyPolicy {
    std::vector<Role> allowed_roles = DefaultEmergencyRoles();
    std::chrono::minutes duration{60};
};

struct EmergencyGrant {
    EmergencyGrantId id = 0;
    ChildId child_id = 0;
    UserId user_id = 0;
    UnitId unit_id = 0;  // the unit the user acted for
    std::string reason;
    Timestamp granted_at{};
    Timestamp expires_at{};

    bool ActiveAt(Timestamp now) const { return granted_at <= now && now < expires_at; }
};

// The grant a request would create. Errors (kInvalidArgument, shown on the form):
// "emergency.reason_missing", "emergency.reason_too_long"; kFailedPrecondition
// "emergency.role_not_allowed" when the user holds no allowed role at `unit`.
Result<EmergencyGrant> GrantEmergencyAccess(const std::vector<RoleAssignment>& roles, UserId user, UnitId unit,
                                            ChildId child, std::string reason, const EmergencyPolicy& policy,
                                            Timestamp now);

// The units where the user may ask for emergency access (the form offers only these).
std::vector<RoleAssignment> EmergencyCapableAssignments(const std::vector<RoleAssignment>& roles,
                                                        const EmergencyPolicy& policy);

}  // namespace kronobarn::domain
