// May Barnets plan follow the child to the unit taking over coordination (issue 21, rule 4)? The
// question of one pending handover as the holder and the family see it: who is asked, and each
// person's latest answer. Shared by the child overview, the family's consent page and the handover
// itself, which moves the plan only when everyone asked has said yes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/plan_follow.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct PlanFollowQuestion {
    domain::HandoverId handover_id = 0;
    std::string to_unit_name;
    struct Person {
        std::optional<domain::GuardianId> guardian_id;  // nullopt: the child
        std::string name;
        std::optional<domain::PlanFollowAnswerKind> answer;  // nullopt: not answered
        std::optional<domain::PlanFollowVia> via;
        Date answered_on;
    };
    std::vector<Person> people;
    bool plan_follows = false;  // everyone asked has said yes
};

// The question of the child's pending handover of coordination while the child has an open plan;
// nullopt when there is none. `child_consent_age`: from this age the child is asked too.
Result<std::optional<PlanFollowQuestion>> LoadPlanFollowQuestion(store::UnitOfWork& uow, domain::ChildId child,
                                                                 Date today, int child_consent_age);

// Who decides for a handover's child, read from the store.
Result<domain::PlanFollowDeciders> PlanFollowDecidersOf(store::UnitOfWork& uow, domain::ChildId child, Date today,
                                                        int child_consent_age);

}  // namespace kronobarn::app
