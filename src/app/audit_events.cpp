#include "app/audit_events.hpp"

#include <algorithm>

namespace kronobarn::app {

namespace {

// Who acted, in which role, unit and organisation, on what.
domain::AuditEvent EventOf(const Actor& actor, domain::Role role, std::optional<domain::OrganisationId> organisation,
                           AuditedUse use, const RequestContext& context, Timestamp now) {
    domain::AuditEvent event;
    event.at = now;
    event.user_id = actor.user.id;
    const auto& roles = actor.user.roles;
    const auto acting = std::find_if(roles.begin(), roles.end(), [&](const domain::RoleAssignment& assignment) {
        return assignment.role == role && (!organisation || assignment.organisation_id == *organisation);
    });
    const domain::RoleAssignment* assignment = acting != roles.end() ? &*acting : nullptr;
    if (assignment == nullptr && !roles.empty()) assignment = &roles.front();
    if (assignment != nullptr) {
        event.role = std::string(domain::Code(assignment->role));
        event.unit_id = assignment->unit_id;
        event.organisation_id = assignment->organisation_id;
    }
    event.object_type = std::move(use.object_type);
    event.object_id = std::move(use.object_id);
    event.action = std::move(use.action);
    event.changes = std::move(use.changes);
    event.request_id = context.request_id;
    return event;
}

}  // namespace

domain::AuditEvent EventActingAs(const Actor& actor, domain::Role role,
                                 std::optional<domain::OrganisationId> organisation, AuditedUse use,
                                 const domain::AccessDecision& decision, const RequestContext& context, Timestamp now) {
    domain::AuditEvent event = EventOf(actor, role, organisation, std::move(use), context, now);
    event.legal_basis = std::string(domain::Code(decision.basis));
    event.outcome = decision.Allowed() ? domain::AuditOutcome::kAllowed : domain::AuditOutcome::kDenied;
    return event;
}

domain::AuditEvent AdministrationEvent(const Actor& actor, domain::Role role, AuditedUse use,
                                       const RequestContext& context, Timestamp now) {
    domain::AuditEvent event = EventOf(actor, role, std::nullopt, std::move(use), context, now);
    event.legal_basis = "administration";
    event.outcome = domain::AuditOutcome::kAllowed;
    return event;
}

}  // namespace kronobarn::app
