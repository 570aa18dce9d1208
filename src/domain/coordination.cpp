#include "domain/coordination.hpp"

namespace kronobarn::domain {

int AgeInYears(Date birth, Date today) {
    int age = static_cast<int>(today.year()) - static_cast<int>(birth.year());
    if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day())) --age;
    return age;
}

std::string_view Code(TransitionKind kind) { return kind == TransitionKind::kSixteen ? "sixteen" : "preschool_class"; }

std::optional<StageTransition> UpcomingTransition(Date birth, UnitKind holder_kind, Date today, int notice_days) {
    const auto birthday = [&](int years) {
        Date date = birth.year() / birth.month() / birth.day() + std::chrono::years{years};
        if (!date.ok()) date = date.year() / std::chrono::March / 1;  // born 29 February
        return date;
    };
    const auto horizon = std::chrono::sys_days{today} + std::chrono::days{notice_days};
    if (holder_kind == UnitKind::kBvc) {
        // Still at the BVC: the move to the principal is due (or overdue) once within the notice.
        const Date sixth = birthday(6);
        if (std::chrono::sys_days{sixth} <= horizon) return StageTransition{TransitionKind::kPreschoolClass, sixth};
    }
    if (holder_kind == UnitKind::kSchoolUnit) {
        const Date sixteenth = birthday(16);
        if (std::chrono::sys_days{sixteenth} >= std::chrono::sys_days{today} &&
            std::chrono::sys_days{sixteenth} <= horizon) {
            return StageTransition{TransitionKind::kSixteen, sixteenth};
        }
    }
    return std::nullopt;
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

bool ActsForHolderUnit(Role role) { return TraitsOf(role).acts_for_unit; }

}  // namespace kronobarn::domain
