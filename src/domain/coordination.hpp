// Coordination responsibility (Barnens bästa-ansvarig): exactly one unit per child holds it. When a
// child has none yet, the default rule by age and stage picks the kind of unit (domain.md §2):
// before birth the MVC; from birth until förskoleklass (approximated by the 6th birthday) the BVC;
// then the principal of the child's school unit until 18; from 16 to 19 outside upper-secondary
// school the municipality's KAA.
#pragma once

#include <optional>
#include <string_view>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::domain {

struct StageFacts {
    std::optional<Date> birth_date;  // nullopt before birth
    bool attends_school = false;     // has a school unit (förskoleklass, compulsory or upper-secondary)
};

// The kind of unit that holds coordination by default. Errors: kFailedPrecondition
// "holder.too_old" from the 20th birthday (the model covers children and young people up to 19).
Result<UnitKind> DefaultHolderKind(const StageFacts& facts, Date today);

// Completed years between `birth` and `today`.
int AgeInYears(Date birth, Date today);

// Stage transitions (Praxismodellen §5): the 6th birthday (förskoleklass: from the BVC to the
// principal) and the 16th (upper-secondary school or the municipality's KAA). The holder gets a
// handover task `notice_days` ahead; a transition already passed stays a task until handed over.
enum class TransitionKind { kPreschoolClass, kSixteen };
std::string_view Code(TransitionKind kind);
struct StageTransition {
    TransitionKind kind = TransitionKind::kPreschoolClass;
    Date on;
};
std::optional<StageTransition> UpcomingTransition(Date birth, UnitKind holder_kind, Date today, int notice_days);

// Roles that act for their unit (organisation.hpp's role table): its signals when it holds
// coordination, its plans when it is collaboration-responsible. Teachers, administrators and
// others in the same unit do not.
bool ActsForHolderUnit(Role role);

}  // namespace kronobarn::domain
