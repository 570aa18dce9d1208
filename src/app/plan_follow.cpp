#include "app/plan_follow.hpp"
#include "store/store.hpp"

#include <algorithm>

#include "app/child_context.hpp"

namespace kronobarn::app {

Result<domain::PlanFollowDeciders> PlanFollowDecidersOf(store::UnitOfWork& uow, domain::ChildId child_id, Date today,
                                                        int child_consent_age) {
    KB_ASSIGN_OR_RETURN(const auto child, uow.Children().Find(child_id));
    if (!child) return Error::NotFound("child vanished");
    KB_ASSIGN_OR_RETURN(const auto guardians, uow.Children().GuardiansOf(child_id));
    std::vector<domain::GuardianId> ids;
    for (const auto& guardian : guardians) ids.push_back(guardian.id);
    return domain::WhoDecidesPlanFollow(ids, child->personal_number.BirthDate(), today, child_consent_age);
}

Result<std::optional<PlanFollowQuestion>> LoadPlanFollowQuestion(store::UnitOfWork& uow, domain::ChildId child_id,
                                                                 Date today, int child_consent_age) {
    KB_ASSIGN_OR_RETURN(const auto pending, uow.Coordination().PendingHandoverOf(child_id));
    if (!pending || pending->kind != domain::HandoverKind::kCoordination) return std::optional<PlanFollowQuestion>{};
    KB_ASSIGN_OR_RETURN(const auto open, uow.Plans().OpenPlanOf(child_id));
    if (!open) return std::optional<PlanFollowQuestion>{};
    KB_ASSIGN_OR_RETURN(const auto child, uow.Children().Find(child_id));
    if (!child) return Error::NotFound("child vanished");
    KB_ASSIGN_OR_RETURN(const auto guardians, uow.Children().GuardiansOf(child_id));
    std::vector<domain::GuardianId> guardian_ids;
    for (const auto& guardian : guardians) guardian_ids.push_back(guardian.id);
    const auto deciders =
        domain::WhoDecidesPlanFollow(guardian_ids, child->personal_number.BirthDate(), today, child_consent_age);
    KB_ASSIGN_OR_RETURN(const auto answers, uow.Coordination().PlanFollowAnswersOf(pending->id));
    KB_ASSIGN_OR_RETURN(const auto to, uow.Organisations().FindUnit(pending->to_unit_id));
    PlanFollowQuestion question;
    question.handover_id = pending->id;
    question.to_unit_name = to ? to->name : std::string();
    const auto person = [&](std::optional<domain::GuardianId> who, std::string name) {
        PlanFollowQuestion::Person entry{who, std::move(name), std::nullopt, std::nullopt, {}};
        for (const auto& answer : answers) {
            if (answer.guardian_id != who) continue;
            entry.answer = answer.answer;
            entry.via = answer.via;
            entry.answered_on = DayOf(answer.recorded_at);
        }
        question.people.push_back(std::move(entry));
    };
    for (const auto& guardian : guardians) {
        const bool asked =
            std::find(deciders.guardians.begin(), deciders.guardians.end(), guardian.id) != deciders.guardians.end();
        if (asked) person(guardian.id, guardian.given_name + " " + guardian.family_name);
    }
    if (deciders.child) person(std::nullopt, child->given_name + " " + child->family_name);
    question.plan_follows = domain::PlanMayFollow(deciders, answers);
    return std::optional<PlanFollowQuestion>{std::move(question)};
}

}  // namespace kronobarn::app
