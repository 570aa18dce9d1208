#include "app/handovers.hpp"
#include "app/notifications.hpp"
#include "store/store.hpp"

#include <algorithm>

#include "app/child_access.hpp"
#include "app/child_context.hpp"
#include "app/plan_follow.hpp"
#include "common/ids.hpp"
#include "domain/coordination.hpp"

namespace kronobarn::app {

Status Handovers::RequestFromConcern(const Actor& actor, domain::ConcernId concern_id, const std::string& to_unit_id,
                                     const std::string& note, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(auto concern, uow->Concerns().Find(concern_id));
    std::optional<domain::Child> child;
    std::optional<domain::UnitId> holder;
    if (concern) {
        KB_ASSIGN_OR_RETURN(child, uow->Children().Find(concern->child_id));
        KB_ASSIGN_OR_RETURN(holder, uow->Coordination().FindHolder(concern->child_id));
    }
    // Only the current holder may hand over: decide on the child's holder alone.
    AccessRequest request{domain::AccessAction::kHandleConcern, {}, "concern", std::to_string(concern_id), "decide"};
    if (concern && child) request.target = {child->id, holder, child->protected_identity, std::nullopt};
    auto allowed = Authorize(*uow, actor, request, context, now);
    if (!allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }

    domain::ConcernDecision decision;
    decision.rationale = note;
    decision.decided_by = actor.user.id;
    decision.decided_unit_id = *holder;
    decision.decided_at = now;
    if (auto inserted = Insert(*uow, actor, request, to_unit_id, note, context, now, concern_id); !inserted) {
        return inserted.error();
    }
    // Insert found the receiving unit, so the id parses and the unit exists.
    KB_ASSIGN_OR_RETURN(const auto to, uow->Organisations().FindUnit(*ParsePositiveId(to_unit_id)));
    decision.actions_taken = "→ " + (to ? to->name : std::string());
    KB_RETURN_IF_ERROR(domain::DecideOtherOrganisation(*concern, decision));
    KB_RETURN_IF_ERROR(uow->Concerns().SaveDecision(concern_id, *concern->decision));
    return uow->Commit();
}

Result<domain::HandoverId> Handovers::Insert(store::UnitOfWork& uow, const Actor& actor, const AccessRequest& request,
                                             const std::string& to_unit_id, const std::string& note,
                                             const RequestContext& context, Timestamp now,
                                             std::optional<domain::ConcernId> concern) {
    const auto to_id = ParsePositiveId(to_unit_id);
    std::optional<domain::Unit> to, from;
    if (to_id) {
        KB_ASSIGN_OR_RETURN(to, uow.Organisations().FindUnit(*to_id));
    }
    if (!to) return Error::InvalidArgument("handover.unit_unknown");
    const auto holder = request.target.holder_unit_id;
    KB_ASSIGN_OR_RETURN(from, uow.Organisations().FindUnit(*holder));
    KB_ASSIGN_OR_RETURN(const auto pending, uow.Coordination().PendingHandoverOf(request.target.child_id));
    KB_ASSIGN_OR_RETURN(auto handover,
                        domain::RequestHandover(holder, pending.has_value(), *from, *to, note, actor.user.id, now));
    handover.child_id = request.target.child_id;
    handover.concern_id = concern;
    KB_ASSIGN_OR_RETURN(const auto id, uow.Coordination().InsertHandover(handover));
    KB_RETURN_IF_ERROR(NotifyUnit(uow, to->id, {domain::NotificationKind::kHandoverRequest, "/inkorg"}, now));
    AccessRequest write = request;
    write.object_type = "handover";
    write.object_id = std::to_string(id);
    write.audit_action = "create";
    KB_RETURN_IF_ERROR(Authorize(uow, actor, write, context, now));
    return id;
}

Result<domain::HandoverId> Handovers::RequestForChild(const Actor& actor, domain::ChildId child_id,
                                                      const std::string& to_unit_id, const std::string& note,
                                                      const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto child, uow->Children().Find(child_id));
    // Only the current holder may hand over: decide on the child's holder alone.
    AccessRequest request{domain::AccessAction::kHandleConcern, {}, "child", std::to_string(child_id), "handover"};
    if (child) {
        KB_ASSIGN_OR_RETURN(const auto holder, uow->Coordination().FindHolder(child_id));
        request.target = {child_id, holder, child->protected_identity, std::nullopt};
    }
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    KB_ASSIGN_OR_RETURN(const auto id, Insert(*uow, actor, request, to_unit_id, note, context, now));
    KB_RETURN_IF_ERROR(uow->Commit());
    return id;
}

Result<domain::HandoverId> Handovers::RequestCollaboration(const Actor& actor, domain::PlanId plan_id,
                                                           const std::string& to_unit_id, const std::string& note,
                                                           const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto plan, uow->Plans().Find(plan_id));
    AccessRequest request{domain::AccessAction::kEditPlan, {}, "plan", std::to_string(plan_id), "handover"};
    if (plan) {
        request.target.child_id = plan->child_id;
        KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now, &*plan));
    }
    auto allowed = Authorize(*uow, actor, request, context, now);
    if (!allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    if (plan->state == domain::PlanState::kClosed) return Error::FailedPrecondition("plan.closed");
    const domain::UnitId responsible = plan->basics.collaboration_unit_id.value_or(*request.target.holder_unit_id);
    const auto acting = domain::ActingAssignment(FactsOf(actor), *allowed, request.target);
    std::optional<domain::Unit> from, to;
    KB_ASSIGN_OR_RETURN(from, uow->Organisations().FindUnit(acting ? acting->unit_id : 0));
    if (const auto to_id = ParsePositiveId(to_unit_id)) {
        KB_ASSIGN_OR_RETURN(to, uow->Organisations().FindUnit(*to_id));
    }
    if (!to) return Error::InvalidArgument("handover.unit_unknown");
    if (!from) return Error::FailedPrecondition("handover.not_responsible");
    KB_ASSIGN_OR_RETURN(const auto pending, uow->Coordination().PendingHandoverOf(plan->child_id));
    KB_ASSIGN_OR_RETURN(auto handover, domain::RequestCollaborationHandover(responsible, pending.has_value(), *from,
                                                                            *to, note, actor.user.id, now));
    handover.child_id = plan->child_id;
    KB_ASSIGN_OR_RETURN(const auto id, uow->Coordination().InsertHandover(handover));
    AccessRequest write = request;
    write.object_type = "handover";
    write.object_id = std::to_string(id);
    write.audit_action = "create";
    KB_RETURN_IF_ERROR(Authorize(*uow, actor, write, context, now));
    KB_RETURN_IF_ERROR(uow->Commit());
    return id;
}

Result<HandoverLists> Handovers::ListFor(const Actor& actor, const RequestContext& context) {
    AuditedRead reads(store_, actor, context, clock_.Now());
    HandoverLists lists;
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    std::vector<domain::UnitId> units;
    for (const auto& assignment : actor.user.roles) {
        const bool may_receive = domain::ActsForHolderUnit(assignment.role);
        if (may_receive && std::find(units.begin(), units.end(), assignment.unit_id) == units.end()) {
            units.push_back(assignment.unit_id);
        }
    }
    auto item = [&](const domain::Handover& handover, domain::UnitId other) -> Result<HandoverItem> {
        KB_ASSIGN_OR_RETURN(const auto child, uow->Children().Find(handover.child_id));
        KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(other));
        return HandoverItem{handover.id,
                            child ? child->given_name + " " + child->family_name : std::string(),
                            unit ? unit->name : std::string(),
                            handover.note,
                            handover.state,
                            handover.decline_reason,
                            handover.kind};
    };
    for (const auto unit : units) {
        KB_ASSIGN_OR_RETURN(const auto incoming, uow->Coordination().PendingTo(unit, 100));
        for (const auto& handover : incoming) {
            AccessRequest request{
                domain::AccessAction::kAnswerHandover, {}, "handover", std::to_string(handover.id), "list"};
            request.target.child_id = handover.child_id;
            request.target.pending_handover_to_unit_id = handover.to_unit_id;
            request.target.pending_handover_is_collaboration = handover.kind == domain::HandoverKind::kCollaboration;
            if (!domain::Decide(FactsOf(actor), request.action, request.target).Allowed()) continue;
            KB_RETURN_IF_ERROR(reads.Authorize(request));
            KB_ASSIGN_OR_RETURN(auto entry, item(handover, handover.from_unit_id));
            if (handover.kind == domain::HandoverKind::kCoordination) {
                KB_ASSIGN_OR_RETURN(
                    const auto question,
                    LoadPlanFollowQuestion(*uow, handover.child_id, DayOf(clock_.Now()), child_consent_age_));
                entry.plan_follows = question && question->plan_follows;
            }
            lists.incoming.push_back(std::move(entry));
        }
        KB_ASSIGN_OR_RETURN(const auto outgoing, uow->Coordination().SentFrom(unit, 50));
        for (const auto& handover : outgoing) {
            AccessRequest request{
                domain::AccessAction::kReadConcern, {}, "handover", std::to_string(handover.id), "list"};
            if (handover.kind == domain::HandoverKind::kCollaboration) {
                request.action = domain::AccessAction::kEditPlan;
                request.target.child_id = handover.child_id;
                KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, clock_.Now()));
            } else {
                KB_ASSIGN_OR_RETURN(const auto holder, uow->Coordination().FindHolder(handover.child_id));
                request.target = {handover.child_id, holder, false, std::nullopt};
            }
            // No longer responsible: the child is not ours to list.
            if (!domain::Decide(FactsOf(actor), request.action, request.target).Allowed()) continue;
            KB_RETURN_IF_ERROR(reads.Authorize(request));
            KB_ASSIGN_OR_RETURN(auto entry, item(handover, handover.to_unit_id));
            lists.outgoing.push_back(std::move(entry));
        }
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return lists;
}

Status Handovers::Answer(const Actor& actor, domain::HandoverId id, bool accept, const std::string& reason,
                         const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(auto handover, uow->Coordination().FindHandover(id));
    AccessRequest request{
        domain::AccessAction::kAnswerHandover, {}, "handover", std::to_string(id), accept ? "accept" : "decline"};
    if (handover) {
        request.target.child_id = handover->child_id;
        if (handover->state == domain::HandoverState::kPending) {
            request.target.pending_handover_to_unit_id = handover->to_unit_id;
            request.target.pending_handover_is_collaboration = handover->kind == domain::HandoverKind::kCollaboration;
        }
    }
    auto allowed = Authorize(*uow, actor, request, context, now);
    if (!allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    if (accept && handover->kind == domain::HandoverKind::kCollaboration) {
        KB_RETURN_IF_ERROR(domain::AcceptHandover(*handover, actor.user.id, now));
        KB_ASSIGN_OR_RETURN(const auto open, uow->Plans().OpenPlanOf(handover->child_id));
        std::optional<domain::Plan> plan;
        if (open) {
            KB_ASSIGN_OR_RETURN(plan, uow->Plans().Find(*open));
        }
        if (!plan) return Error::FailedPrecondition("handover.no_plan");
        const domain::Plan before = *plan;
        KB_RETURN_IF_ERROR(domain::MoveCollaborationResponsibility(*plan, handover->to_unit_id));
        KB_RETURN_IF_ERROR(uow->Plans().Save(before, *plan, actor.user.id, now));
    } else if (accept) {
        KB_RETURN_IF_ERROR(domain::AcceptHandover(*handover, actor.user.id, now));
        KB_RETURN_IF_ERROR(uow->Coordination().SetHolder(handover->child_id, handover->to_unit_id, now));
        // The plan follows the child only when each guardian (and the child from the consent age)
        // has said it may (rule 4); otherwise only the fact of the handover moves.
        KB_ASSIGN_OR_RETURN(const auto open, uow->Plans().OpenPlanOf(handover->child_id));
        if (open) {
            KB_ASSIGN_OR_RETURN(auto plan, uow->Plans().Find(*open));
            KB_ASSIGN_OR_RETURN(const auto deciders,
                                PlanFollowDecidersOf(*uow, handover->child_id, DayOf(now), child_consent_age_));
            KB_ASSIGN_OR_RETURN(const auto answers, uow->Coordination().PlanFollowAnswersOf(handover->id));
            if (plan && !domain::PlanMayFollow(deciders, answers)) {
                const domain::Plan before = *plan;
                KB_RETURN_IF_ERROR(domain::KeepWithFormerHolder(*plan, handover->from_unit_id));
                KB_RETURN_IF_ERROR(uow->Plans().Save(before, *plan, actor.user.id, now));
            }
        }
    } else {
        KB_RETURN_IF_ERROR(domain::DeclineHandover(*handover, reason, actor.user.id, now));
        // Declined: the signal that asked for it goes back to the sender's inbox for a new decision.
        if (handover->concern_id) {
            KB_ASSIGN_OR_RETURN(auto concern, uow->Concerns().Find(*handover->concern_id));
            if (concern && domain::ReopenAfterDeclinedHandover(*concern)) {
                KB_RETURN_IF_ERROR(uow->Concerns().Reopen(concern->id));
            }
        }
    }
    KB_RETURN_IF_ERROR(uow->Coordination().SaveAnswer(*handover));
    KB_RETURN_IF_ERROR(
        NotifyUnit(*uow, handover->from_unit_id, {domain::NotificationKind::kHandoverAnswered, "/start"}, now));
    return uow->Commit();
}

Status Handovers::Cancel(const Actor& actor, domain::HandoverId id, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(auto handover, uow->Coordination().FindHandover(id));
    AccessRequest request{domain::AccessAction::kHandleConcern, {}, "handover", std::to_string(id), "cancel"};
    if (handover) {
        KB_ASSIGN_OR_RETURN(const auto holder, uow->Coordination().FindHolder(handover->child_id));
        // Only the holder that sent it: a request from an earlier holder is not ours to withdraw.
        if (holder == handover->from_unit_id) request.target = {handover->child_id, holder, false, std::nullopt};
    }
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    KB_RETURN_IF_ERROR(domain::CancelHandover(*handover, actor.user.id, now));
    KB_RETURN_IF_ERROR(uow->Coordination().SaveAnswer(*handover));
    return uow->Commit();
}

Result<domain::ChildId> Handovers::RecordPlanFollowAnswer(const Actor& actor, domain::HandoverId id,
                                                          const PlanFollowAnswerInput& input,
                                                          const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto handover, uow->Coordination().FindHandover(id));
    AccessRequest request{
        domain::AccessAction::kHandleConcern, {}, "handover", std::to_string(id), "plan_follow_answer"};
    if (handover && handover->kind == domain::HandoverKind::kCoordination) {
        KB_ASSIGN_OR_RETURN(const auto holder, uow->Coordination().FindHolder(handover->child_id));
        // Only the holder that asks the receiving unit to take over asks the family.
        if (holder == handover->from_unit_id) request.target = {handover->child_id, holder, false, std::nullopt};
    }
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    if (handover->state != domain::HandoverState::kPending) return Error::FailedPrecondition("handover.not_pending");
    if (!input.person_named) return Error::InvalidArgument("plan_follow.not_asked");
    if (!input.answer || *input.answer == domain::PlanFollowAnswerKind::kWithdrawn) {
        return Error::InvalidArgument("plan_follow.answer_unknown");
    }
    KB_ASSIGN_OR_RETURN(const auto open, uow->Plans().OpenPlanOf(handover->child_id));
    if (!open) return Error::FailedPrecondition("plan_follow.no_plan");
    KB_ASSIGN_OR_RETURN(const auto deciders,
                        PlanFollowDecidersOf(*uow, handover->child_id, DayOf(now), child_consent_age_));
    KB_RETURN_IF_ERROR(domain::CheckPlanFollowDecider(deciders, input.guardian));
    KB_RETURN_IF_ERROR(uow->Coordination().InsertPlanFollowAnswer(
        {id, input.guardian, *input.answer, domain::PlanFollowVia::kStaff, actor.user.id, now}));
    KB_RETURN_IF_ERROR(uow->Commit());
    return handover->child_id;
}

Result<domain::ChildId> Handovers::ChildOfHandover(domain::HandoverId id) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto found, uow->Coordination().FindHandover(id));
    return found ? found->child_id : domain::ChildId{0};
}

Status Handovers::Accept(const Actor& actor, domain::HandoverId id, const RequestContext& context) {
    return Answer(actor, id, true, "", context);
}

Status Handovers::Decline(const Actor& actor, domain::HandoverId id, const std::string& reason,
                          const RequestContext& context) {
    return Answer(actor, id, false, reason, context);
}

}  // namespace kronobarn::app
