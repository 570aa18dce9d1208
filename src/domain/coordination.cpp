#include "domain/coordination.hpp"

namespace kronobarn::domain {

int AgeInYears(Date birth, Date today) {
    int age = static_cast<int>(today.year()) - static_cast<int>(birth.year());
    if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day())) --age;
    return age;
}

Result<UnitKind> DefaultHolderKind(const StageFacts& facts, Date today) {
    if (!facts.birth_date) return UnitKind::kMvc;
    const int age = AgeInYears(*facts.birth_date, today);
    if (age >= 20) return Error::FailedPrecondition("holder.too_old");
    if (age < 6) return UnitKind::kBvc;
    if (age >= 16 && !facts.attends_school) return UnitKind::kKaa;
    if (age >= 18) return Error::FailedPrecondition("holder.too_old");  // 18–19 in school: adult pupil
    return UnitKind::kSchoolUnit;
}

bool ActsForHolderUnit(Role role) {
    switch (role) {
        case Role::kPrincipal:
        case Role::kStudentHealth:
        case Role::kBvcNurse:
        case Role::kMidwife:
        case Role::kKaaOfficer:
            return true;
        default:
            return false;
    }
}

}  // namespace kronobarn::domain
