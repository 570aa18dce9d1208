#include "domain/family_sign_in.hpp"

#include "domain/coordination.hpp"

namespace kronobarn::domain {

std::vector<FamilyLink> EidFamilyLinks(const std::vector<GuardianOfChild>& as_guardian,
                                       const std::optional<OwnChildRecord>& own, Date today, int child_login_age) {
    std::vector<FamilyLink> links;
    for (const auto& record : as_guardian) {
        // The same two limits the family view applies on every request (DecideForFamily).
        if (record.restricted || IsAdult(record.child_birth_date, today)) continue;
        links.push_back({record.child_id, record.guardian_id, ""});
    }
    if (own && AgeInYears(own->birth_date, today) >= child_login_age) {
        links.push_back({own->child_id, std::nullopt, ""});
    }
    return links;
}

}  // namespace kronobarn::domain
