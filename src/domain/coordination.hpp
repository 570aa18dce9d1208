// Coordination responsibility (Barnens bästa-ansvarig): exactly one unit per child holds it. When a
// child has none yet, the default rule by age and stage picks the kind of unit (domain.md §2):
// before birth the MVC; from birth until förskoleklass the BVC — förskoleklass starts with the
// autumn term of the calendar year the child turns six, not on its birthday; then the principal of
// the child's school unit until 18; outside upper-secondary school from the autumn term of the
// year it turns sixteen until 18 the municipality's KAA. The model covers children 0–18.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::domain {

// The day the autumn term starts, the same every year (--school-year-start, default 15 August).
struct SchoolYearStart {
    std::chrono::month month{8};
    std::chrono::day day{15};
};
// "MM-DD" ("08-15"); nullopt when it is not a day of the year (29 February is not: not every year has it).
std::optional<SchoolYearStart> ParseSchoolYearStart(std::string_view text);
// The term start in `year`.
Date TermStart(SchoolYearStart start, std::chrono::year year);

struct StageFacts {
    std::optional<Date> birth_date;  // nullopt before birth
    bool attends_school = false;     // has a school unit (förskoleklass, compulsory or upper-secondary)
    SchoolYearStart school_year;
};

// The kind of unit that holds coordination by default. Errors: kFailedPrecondition
// "holder.too_old" from the 18th birthday (the model covers children 0–18).
Result<UnitKind> DefaultHolderKind(const StageFacts& facts, Date today);

// The day a child is an adult: its 18th birthday (1 March for one born on 29 February).
Date AdultOn(Date birth);
// True from that day on; for a day already known (AccessTarget::adult_on), false when it is not.
bool IsAdult(Date birth, Date today);
bool IsAdultBy(std::optional<Date> adult_on, Date today);

// Completed years between `birth` and `today`.
int AgeInYears(Date birth, Date today);

// Stage transitions (Praxismodellen §5): förskoleklass (from the BVC to the principal, at the term
// start of the year the child turns six), upper-secondary school or the municipality's KAA (the term
// start of the year it turns sixteen), and adulthood (the 18th birthday: the holder closes the plan
// or, with the young person's own consent, hands it to adult services). The holder gets a task
// `notice_days` ahead; förskoleklass already passed stays a task until handed over.
enum class TransitionKind { kPreschoolClass, kSixteen, kAdult };
std::string_view Code(TransitionKind kind);
struct StageTransition {
    TransitionKind kind = TransitionKind::kPreschoolClass;
    Date on;
};
std::optional<StageTransition> UpcomingTransition(Date birth, UnitKind holder_kind, Date today, int notice_days,
                                                  SchoolYearStart school_year = {});

// Roles that act for their unit (organisation.hpp's role table): its signals when it holds
// coordination, its plans when it is collaboration-responsible. Teachers, administrators and
// others in the same unit do not.
bool ActsForHolderUnit(Role role);

}  // namespace kronobarn::domain
