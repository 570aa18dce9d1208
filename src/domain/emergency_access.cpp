#include "domain/emergency_access.hpp"

#include <algorithm>

#include "common/text.hpp"

namespace kronobarn::domain {
std::vector<RoleAssignment> EmergencyCapableAssignments(const std::vector<RoleAssignment>& roles,
                                                        const EmergencyPolicy& policy) {
    std::vector<RoleAssignment> capable;
    for (const auto& assignment : roles) {
        if (std::find(policy.allowed_roles.begin(), policy.allowed_roles.end(), assignment.role) !=
            policy.allowed_roles.end()) {
            capable.push_back(assignment);
        }
    }
    return capable;
}

Result<EmergencyGrant> GrantEmergencyAccess(const std::vector<RoleAssignment>& roles, UserId user, UnitId unit,
                                            ChildId child, std::string reason, const EmergencyPolicy& policy,
                                            Timestamp now) {
    const auto capable = EmergencyCapableAssignments(roles, policy);
    if (std::none_of(capable.begin(), capable.end(), [&](const auto& a) { return a.unit_id == unit; })) {
        return Error::FailedPrecondition("emergency.role_not_allowed");
    }
    reason = Trimmed(reason);
    if (reason.empty()) return Error::InvalidArgument("emergency.reason_missing");
    if (reason.size() > kMaxEmergencyReasonLength) return Error::InvalidArgument("emergency.reason_too_long");
    return EmergencyGrant{0, child, user, unit, std::move(reason), now, now + policy.duration};
}

}  // namespace kronobarn::domain
