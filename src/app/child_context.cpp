#include "app/child_context.hpp"
#include "store/store.hpp"

#include "domain/coordination.hpp"

namespace kronobarn::app {

Date DayOf(Timestamp now) { return Date{std::chrono::floor<std::chrono::days>(now)}; }

domain::PlanFacts FactsOf(const domain::Plan& plan) {
    domain::PlanFacts facts;
    for (const auto& participant : plan.participants) facts.participant_unit_ids.push_back(participant.unit_id);
    facts.collaboration_unit_id = plan.basics.collaboration_unit_id;
    facts.kept_by_unit_id = plan.kept_by_unit_id;
    return facts;
}

Status LoadChildRelations(store::UnitOfWork& uow, domain::AccessTarget& target, Timestamp now, const domain::Plan* plan,
                          std::optional<domain::Child>* child) {
    target.today = DayOf(now);
    target.now = now;
    std::optional<domain::Child> found;
    if (child == nullptr) child = &found;
    KB_ASSIGN_OR_RETURN(*child, uow.Children().Find(target.child_id));
    if (!*child) return Ok();
    target.protected_identity = (*child)->protected_identity;
    target.adult_on = domain::AdultOn((*child)->personal_number.BirthDate());
    KB_ASSIGN_OR_RETURN(target.holder_unit_id, uow.Coordination().FindHolder(target.child_id));
    if (plan != nullptr) {
        target.plan = FactsOf(*plan);
    } else {
        KB_ASSIGN_OR_RETURN(target.plan, uow.Plans().OpenPlanFactsOf(target.child_id));
    }
    KB_ASSIGN_OR_RETURN(target.consents, uow.Consents().OfChild(target.child_id));
    KB_ASSIGN_OR_RETURN(target.emergency_grants, uow.Emergency().OfChild(target.child_id, now));
    KB_ASSIGN_OR_RETURN(const auto guardians, uow.Children().GuardiansOf(target.child_id));
    target.guardian_ids.clear();
    target.restricted_guardian_ids.clear();
    for (const auto& guardian : guardians) {
        target.guardian_ids.push_back(guardian.id);
        if (guardian.access_restricted) target.restricted_guardian_ids.push_back(guardian.id);
    }
    return Ok();
}

}  // namespace kronobarn::app
