#include "app/emergency_access.hpp"
#include "app/read_audit.hpp"

#include "app/notifications.hpp"
#include "store/store.hpp"

#include <algorithm>

#include "app/child_context.hpp"
#include "domain/coordination.hpp"
#include "domain/personal_number.hpp"

namespace kronobarn::app {
namespace {

domain::AuditEvent GrantEvent(const Actor& actor, const domain::RoleAssignment* acting, domain::ChildId child,
                              std::string object_id, domain::AuditOutcome outcome, std::string basis,
                              const RequestContext& context, Timestamp now) {
    domain::AuditEvent event;
    event.at = now;
    event.user_id = actor.user.id;
    if (acting != nullptr) {
        event.role = std::string(domain::Code(acting->role));
        event.unit_id = acting->unit_id;
        event.organisation_id = acting->organisation_id;
    } else if (!actor.user.roles.empty()) {
        event.role = std::string(domain::Code(actor.user.roles.front().role));
    }
    if (child != 0) event.child_id = child;
    event.object_type = "emergency_grant";
    event.object_id = std::move(object_id);
    event.action = "create";
    event.legal_basis = std::move(basis);
    event.outcome = outcome;
    event.request_id = context.request_id;
    return event;
}

Result<EmergencyNotice> NoticeOf(store::UnitOfWork& uow, const domain::EmergencyGrant& grant, bool with_child_name) {
    EmergencyNotice notice{grant, "", "", ""};
    KB_ASSIGN_OR_RETURN(const auto unit, uow.Organisations().FindUnit(grant.unit_id));
    if (unit) notice.unit_name = unit->name;
    KB_ASSIGN_OR_RETURN(const auto user, uow.Users().Find(grant.user_id));
    if (user) {
        for (const auto& assignment : user->roles) {
            if (assignment.unit_id == grant.unit_id) notice.role = std::string(domain::Code(assignment.role));
        }
    }
    if (with_child_name) {
        KB_ASSIGN_OR_RETURN(const auto child, uow.Children().Find(grant.child_id));
        if (child) notice.child_name = child->given_name + " " + child->family_name;
    }
    return notice;
}

}  // namespace

Result<std::vector<EmergencyUnitChoice>> EmergencyAccess::Units(const Actor& actor) {
    std::vector<EmergencyUnitChoice> choices;
    const auto capable = domain::EmergencyCapableAssignments(actor.user.roles, policy_);
    if (capable.empty()) return choices;
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    for (const auto& assignment : capable) {
        KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(assignment.unit_id));
        if (unit) choices.push_back({unit->id, unit->name});
    }
    return choices;
}

namespace {

// The holder unit (on its start page) and the family (on "who has opened") hear of it at once: that
// it happened, never the reason or who (that is behind sign-in).
Status NotifyOfGrant(store::UnitOfWork& uow, domain::ChildId child, domain::UnitId opened_by, Timestamp now) {
    KB_ASSIGN_OR_RETURN(const auto holder, uow.Coordination().FindHolder(child));
    if (holder && *holder != opened_by) {
        KB_RETURN_IF_ERROR(NotifyUnit(uow, *holder, {domain::NotificationKind::kEmergencyAccess, "/start"}, now));
    }
    KB_ASSIGN_OR_RETURN(const auto unit, uow.Organisations().FindUnit(opened_by));
    const std::string link = "/familj/barn/" + std::to_string(child) + "/vem-har-oppnat";
    KB_RETURN_IF_ERROR(NotifyFamily(uow, child, unit ? unit->name : std::string(),
                                    {domain::NotificationKind::kEmergencyAccess, link}, now));
    return Ok();
}

}  // namespace

Result<domain::ChildId> EmergencyAccess::Request(const Actor& actor, std::string_view personal_number,
                                                 domain::UnitId unit, std::string reason,
                                                 const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(const auto number, domain::PersonalNumber::Parse(personal_number, DayOf(now)));
    // The form's rules first, so a refused request saves nothing and reveals nothing.
    KB_ASSIGN_OR_RETURN(auto grant, domain::GrantEmergencyAccess(actor.user.roles, actor.user.id, unit, 0,
                                                                 std::move(reason), policy_, now));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto child, uow->Children().FindByPersonalNumber(number.Normalised()));
    const auto acting = std::find_if(actor.user.roles.begin(), actor.user.roles.end(),
                                     [&](const auto& assignment) { return assignment.unit_id == unit; });
    if (!child) {
        // Asked, and found nothing: the attempt is recorded all the same.
        KB_RETURN_IF_ERROR(uow->Audit().Append(
            GrantEvent(actor, &*acting, 0, "", domain::AuditOutcome::kDenied, "child_unknown", context, now)));
        KB_RETURN_IF_ERROR(uow->Commit());
        return Error::FailedPrecondition("emergency.child_unknown");
    }
    grant.child_id = child->id;
    KB_ASSIGN_OR_RETURN(grant.id, uow->Emergency().Insert(grant));
    KB_RETURN_IF_ERROR(
        uow->Audit().Append(GrantEvent(actor, &*acting, child->id, std::to_string(grant.id),
                                       domain::AuditOutcome::kAllowed, "emergency_access", context, now)));
    KB_RETURN_IF_ERROR(NotifyOfGrant(*uow, child->id, unit, now));
    KB_RETURN_IF_ERROR(uow->Commit());
    return child->id;
}

Result<std::vector<EmergencyNotice>> EmergencyAccess::ForHolder(const Actor& actor, const RequestContext& context) {
    std::vector<EmergencyNotice> notices;
    std::vector<domain::AuditEvent> reads;
    const Timestamp now = clock_.Now();
    const Timestamp since = now - std::chrono::days(30);
    {
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
        for (const auto& assignment : actor.user.roles) {
            if (!domain::ActsForHolderUnit(assignment.role)) continue;
            KB_ASSIGN_OR_RETURN(const auto grants, uow->Emergency().ForHolderUnit(assignment.unit_id, since, 20));
            for (const auto& grant : grants) {
                KB_ASSIGN_OR_RETURN(auto notice, NoticeOf(*uow, grant, true));
                notices.push_back(std::move(notice));
                // The holder reads which of its children were opened in an emergency: audited too.
                auto event = GrantEvent(actor, &assignment, grant.child_id, std::to_string(grant.id),
                                        domain::AuditOutcome::kAllowed, "coordination_holder", context, now);
                event.action = "list";
                reads.push_back(std::move(event));
            }
        }
    }
    KB_RETURN_IF_ERROR(RecordReads(store_, context, std::move(reads)));
    return notices;
}

Result<std::vector<EmergencyNotice>> EmergencyNoticesOf(store::UnitOfWork& uow, domain::ChildId child) {
    std::vector<EmergencyNotice> notices;
    KB_ASSIGN_OR_RETURN(const auto grants, uow.Emergency().OfChild(child, Timestamp{}));
    for (const auto& grant : grants) {
        KB_ASSIGN_OR_RETURN(auto notice, NoticeOf(uow, grant, false));
        notices.push_back(std::move(notice));
    }
    return notices;
}

}  // namespace kronobarn::app
