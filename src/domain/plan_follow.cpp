#include "domain/plan_follow.hpp"

#include <algorithm>

#include "domain/coordination.hpp"

namespace kronobarn::domain {

std::string_view Code(PlanFollowAnswerKind kind) {
    switch (kind) {
        case PlanFollowAnswerKind::kYes:
            return "yes";
        case PlanFollowAnswerKind::kNo:
            return "no";
        case PlanFollowAnswerKind::kWithdrawn:
            return "withdrawn";
    }
    return "no";
}

std::optional<PlanFollowAnswerKind> ParsePlanFollowAnswerKind(std::string_view code) {
    for (const auto kind : {PlanFollowAnswerKind::kYes, PlanFollowAnswerKind::kNo, PlanFollowAnswerKind::kWithdrawn}) {
        if (Code(kind) == code) return kind;
    }
    return std::nullopt;
}

std::string_view Code(PlanFollowVia via) { return via == PlanFollowVia::kFamilyView ? "family_view" : "staff"; }

std::optional<PlanFollowVia> ParsePlanFollowVia(std::string_view code) {
    for (const auto via : {PlanFollowVia::kStaff, PlanFollowVia::kFamilyView}) {
        if (Code(via) == code) return via;
    }
    return std::nullopt;
}

PlanFollowDeciders WhoDecidesPlanFollow(const std::vector<GuardianId>& guardians, Date birth, Date today,
                                        int child_consent_age) {
    const bool adult = IsAdult(birth, today);
    PlanFollowDeciders deciders;
    if (!adult) deciders.guardians = guardians;
    deciders.child = adult || AgeInYears(birth, today) >= child_consent_age;
    return deciders;
}

Status CheckPlanFollowDecider(const PlanFollowDeciders& deciders, std::optional<GuardianId> who) {
    const bool asked =
        who ? std::find(deciders.guardians.begin(), deciders.guardians.end(), *who) != deciders.guardians.end()
            : deciders.child;
    if (!asked) return Error::InvalidArgument("plan_follow.not_asked");
    return Ok();
}

std::optional<PlanFollowAnswerKind> LatestAnswer(const std::vector<PlanFollowAnswer>& answers,
                                                 std::optional<GuardianId> who) {
    const PlanFollowAnswer* latest = nullptr;
    for (const auto& answer : answers) {
        if (answer.guardian_id != who) continue;
        if (latest == nullptr || answer.recorded_at >= latest->recorded_at) latest = &answer;
    }
    if (latest == nullptr) return std::nullopt;
    return latest->answer;
}

bool PlanMayFollow(const PlanFollowDeciders& deciders, const std::vector<PlanFollowAnswer>& answers) {
    const auto yes = [&](std::optional<GuardianId> who) {
        return LatestAnswer(answers, who) == PlanFollowAnswerKind::kYes;
    };
    if (deciders.guardians.empty() && !deciders.child) return false;
    if (deciders.child && !yes(std::nullopt)) return false;
    return std::all_of(deciders.guardians.begin(), deciders.guardians.end(),
                       [&](GuardianId guardian) { return yes(guardian); });
}

}  // namespace kronobarn::domain
