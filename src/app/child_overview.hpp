// The child overview for the coordination holder and the collaboration-responsible unit: who the
// child is, the guardians, who holds coordination, links to the plan, the wheel and the consents,
// a pending handover, and the next stage transition. Also the start page's list of transitions
// coming up for the actor's holder units. Audited like every other read of child data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/concerns.hpp"
#include "app/plan_follow.hpp"
#include "app/unit_scope.hpp"
#include "common/result.hpp"
#include "domain/coordination.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct ChildOverview {
    domain::ChildId id = 0;
    std::string name;
    std::string personal_number;
    int age = 0;
    bool protected_identity = false;
    bool contact_details_hidden = false;  // protected identity and no explicit need: no phone numbers
    std::vector<domain::Guardian> guardians;
    std::string holder_unit_name;
    bool viewer_is_holder = false;
    std::optional<domain::PlanId> open_plan;
    std::optional<std::string> pending_handover_to;  // receiving unit's name
    std::optional<PlanFollowQuestion> plan_follow;   // holder only: may the plan follow to it?
    std::optional<domain::StageTransition> transition;
    std::vector<UnitChoice> receivers;  // units that may take over coordination (holder only)
    UnitScope receiver_scope;           // whose units `receivers` are
};

struct TransitionTask {
    domain::ChildId child_id = 0;
    std::string child_name;
    domain::StageTransition transition;
};

class ChildOverviews {
  public:
    ChildOverviews(store::Store& store, const Clock& clock, int transition_notice_days = 60,
                   domain::SchoolYearStart school_year = {}, int child_consent_age = 12)
        : store_(store),
          clock_(clock),
          notice_days_(transition_notice_days),
          school_year_(school_year),
          child_consent_age_(child_consent_age) {}

    // kNotFound (audited) unless the actor acts for the holder or collaboration-responsible unit.
    // `units_area`: the municipality whose units the handover form offers (empty: the child's).
    Result<ChildOverview> Overview(const Actor& actor, domain::ChildId child, const RequestContext& context,
                                   const std::string& units_area = {});

    // Children the actor's holder units must hand over soon (förskoleklass, upper-secondary school,
    // the 18th birthday); one audit row each.
    Result<std::vector<TransitionTask>> UpcomingTransitions(const Actor& actor, const RequestContext& context);

  private:
    store::Store& store_;
    const Clock& clock_;
    int notice_days_;
    domain::SchoolYearStart school_year_;
    int child_consent_age_;
};

}  // namespace kronobarn::app
