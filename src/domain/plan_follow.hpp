// Whether Barnets plan follows the child to a new holder (issue 21, rule 4; the county's text: the
// plan "följer med barnet mellan aktörer och över stadieövergångar om vårdnadshavare och barn
// godkänner det"). The question is asked per handover of coordination and answered per person —
// each guardian, and the child from the consent age — by staff on the person's word or by the
// guardian in the family view. The latest answer of each person counts; a yes can be withdrawn
// until the handover is answered. Only when everyone asked has said yes does the plan move with
// coordination; otherwise only the fact of the handover moves.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/child.hpp"
#include "domain/handover.hpp"

namespace kronobarn::domain {

enum class PlanFollowAnswerKind { kYes, kNo, kWithdrawn };
std::string_view Code(PlanFollowAnswerKind kind);
std::optional<PlanFollowAnswerKind> ParsePlanFollowAnswerKind(std::string_view code);

// Who gave the answer to the system: staff on the person's word, or the guardian themselves.
enum class PlanFollowVia { kStaff, kFamilyView };
std::string_view Code(PlanFollowVia via);
std::optional<PlanFollowVia> ParsePlanFollowVia(std::string_view code);

struct PlanFollowAnswer {
    HandoverId handover_id = 0;
    std::optional<GuardianId> guardian_id;  // nullopt: the child itself
    PlanFollowAnswerKind answer = PlanFollowAnswerKind::kNo;
    PlanFollowVia via = PlanFollowVia::kStaff;
    UserId recorded_by = 0;
    Timestamp recorded_at{};
};

// Those whose yes the plan needs: each guardian with custody until the 18th birthday, and the
// child from `child_consent_age` (from 18 the young person alone).
struct PlanFollowDeciders {
    std::vector<GuardianId> guardians;
    bool child = false;
};
PlanFollowDeciders WhoDecidesPlanFollow(const std::vector<GuardianId>& guardians, Date birth, Date today,
                                        int child_consent_age);

// kInvalidArgument "plan_follow.not_asked" when `who` (nullopt: the child) is not one of the
// deciders — not a guardian of the child, or the child under the consent age.
Status CheckPlanFollowDecider(const PlanFollowDeciders& deciders, std::optional<GuardianId> who);

// The answer that counts for each person: the latest. nullopt when the person has not answered.
std::optional<PlanFollowAnswerKind> LatestAnswer(const std::vector<PlanFollowAnswer>& answers,
                                                 std::optional<GuardianId> who);

// True when every decider's latest answer is yes (and there is at least one decider).
bool PlanMayFollow(const PlanFollowDeciders& deciders, const std::vector<PlanFollowAnswer>& answers);

}  // namespace kronobarn::domain
