#include "domain/coordination.hpp"

namespace kronobarn::domain {

int AgeInYears(Date birth, Date today) {
    int age = static_cast<int>(today.year()) - static_cast<int>(birth.year());
    if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day())) --age;
    return age;
}

std::string_view Code(TransitionKind kind) {
    switch (kind) {
        case TransitionKind::kSixteen:
            return "sixteen";
        case TransitionKind::kAdult:
            return "adult";
        case TransitionKind::kPreschoolClass:
            return "preschool_class";
    }
    return "preschool_class";
}

std::optional<SchoolYearStart> ParseSchoolYearStart(std::string_view text) {
    // A date in a year that has every day but 29 February tells whether "MM-DD" is a day of the year.
    const auto date = text.size() == 5 ? ParseDate("2027-" + std::string(text)) : std::nullopt;
    if (!date) return std::nullopt;
    return SchoolYearStart{date->month(), date->day()};
}

Date TermStart(SchoolYearStart start, std::chrono::year year) { return year / start.month / start.day; }

bool IsAdult(Date birth, Date today) { return IsAdultBy(AdultOn(birth), today); }

bool IsAdultBy(std::optional<Date> adult_on, Date today) {
    return adult_on && std::chrono::sys_days{today} >= std::chrono::sys_days{*adult_on};
}

Date AdultOn(Date birth) {
    Date date = birth.year() / birth.month() / birth.day() + std::chrono::years{18};
    if (!date.ok()) date = date.year() / std::chrono::March / 1;  // born 29 February
    return date;
}

std::optional<StageTransition> UpcomingTransition(Date birth, UnitKind holder_kind, Date today, int notice_days,
                                                  SchoolYearStart school_year) {
    using std::chrono::sys_days;
    const auto horizon = sys_days{today} + std::chrono::days{notice_days};
    const auto coming = [&](Date on) { return sys_days{on} >= sys_days{today} && sys_days{on} <= horizon; };
    if (holder_kind == UnitKind::kBvc) {
        // Still at the BVC: the move to the principal is due (or overdue) once within the notice.
        const Date preschool_class = TermStart(school_year, birth.year() + std::chrono::years{6});
        if (sys_days{preschool_class} <= horizon)
            return StageTransition{TransitionKind::kPreschoolClass, preschool_class};
    }
    if (holder_kind == UnitKind::kSchoolUnit) {
        const Date upper_secondary = TermStart(school_year, birth.year() + std::chrono::years{16});
        if (coming(upper_secondary)) return StageTransition{TransitionKind::kSixteen, upper_secondary};
    }
    if (coming(AdultOn(birth))) return StageTransition{TransitionKind::kAdult, AdultOn(birth)};
    return std::nullopt;
}

Result<UnitKind> DefaultHolderKind(const StageFacts& facts, Date today) {
    using std::chrono::sys_days;
    if (!facts.birth_date) return UnitKind::kMvc;
    const Date birth = *facts.birth_date;
    if (IsAdult(birth, today)) return Error::FailedPrecondition("holder.too_old");
    const auto started = [&](int years) {
        return sys_days{today} >= sys_days{TermStart(facts.school_year, birth.year() + std::chrono::years{years})};
    };
    if (!started(6)) return UnitKind::kBvc;
    if (started(16) && !facts.attends_school) return UnitKind::kKaa;
    return UnitKind::kSchoolUnit;
}

bool ActsForHolderUnit(Role role) { return TraitsOf(role).acts_for_unit; }

}  // namespace kronobarn::domain
