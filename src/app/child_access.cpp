#include "app/child_access.hpp"
#include "app/read_audit.hpp"
#include "store/store.hpp"

#include <algorithm>

namespace kronobarn::app {

domain::ActorFacts FactsOf(const Actor& actor) { return {actor.user.id, actor.user.roles, actor.user.family}; }

namespace {

domain::AuditEvent EventFor(const Actor& actor, const AccessRequest& request, const domain::AccessDecision& decision,
                            const RequestContext& context, Timestamp now) {
    domain::AuditEvent event;
    event.at = now;
    event.user_id = actor.user.id;
    // The role and unit the actor acted in: the assignment the basis names, else the first one.
    if (actor.user.IsFamily()) {
        const bool child_self = std::any_of(actor.user.family.begin(), actor.user.family.end(), [&](const auto& link) {
            return link.child_id == request.target.child_id && link.IsChildSelf();
        });
        event.role = child_self ? "child" : "guardian";
    } else if (const auto assignment = domain::ActingAssignment(FactsOf(actor), decision, request.target)) {
        event.role = std::string(domain::Code(assignment->role));
        event.unit_id = assignment->unit_id;
        event.organisation_id = assignment->organisation_id;
    }
    event.child_id = request.target.child_id;
    event.object_type = request.object_type;
    event.object_id = request.object_id;
    event.action = request.audit_action;
    event.legal_basis = decision.Allowed() ? std::string(domain::Code(decision.basis)) : std::string(decision.reason);
    event.outcome = decision.Allowed() ? domain::AuditOutcome::kAllowed : domain::AuditOutcome::kDenied;
    event.request_id = context.request_id;
    return event;
}

}  // namespace

Result<domain::AccessDecision> Authorize(store::UnitOfWork& uow, const Actor& actor, const AccessRequest& request,
                                         const RequestContext& context, Timestamp now) {
    const domain::AccessDecision decision = domain::Decide(FactsOf(actor), request.action, request.target);
    auto event = EventFor(actor, request, decision, context, now);
    KB_RETURN_IF_ERROR(uow.Audit().Append(event));
    if (!decision.Allowed()) return Error::NotFound(std::string(domain::Code(request.action)));
    // Refused after this (bad input, a stale version): the row above rolls back, this one stays.
    event.action += "_rejected";
    uow.AuditIfRolledBack(std::move(event));
    return decision;
}

Result<domain::AccessDecision> AuditedRead::Authorize(const AccessRequest& request) {
    const domain::AccessDecision decision = domain::Decide(FactsOf(actor_), request.action, request.target);
    pending_.push_back(EventFor(actor_, request, decision, context_, now_));
    if (!decision.Allowed()) return Error::NotFound(std::string(domain::Code(request.action)));
    return decision;
}

Status AuditedRead::Flush() {
    std::vector<domain::AuditEvent> events;
    events.swap(pending_);
    return RecordReads(store_, context_, std::move(events));
}

}  // namespace kronobarn::app
