#include "app/refused_requests.hpp"
#include "app/read_audit.hpp"
#include "store/store.hpp"

#include "common/ids.hpp"

namespace kronobarn::app {
namespace {

// The child an id of `object_type` points at, when it parses and the object exists.
Result<std::optional<domain::ChildId>> ChildOf(store::UnitOfWork& uow, std::string_view object_type, std::int64_t id) {
    std::optional<domain::ChildId> child;
    if (object_type == "child") {
        KB_ASSIGN_OR_RETURN(const auto found, uow.Children().Find(id));
        if (found) child = found->id;
    } else if (object_type == "plan") {
        KB_ASSIGN_OR_RETURN(const auto found, uow.Plans().FindOutline(id));
        if (found) child = found->child_id;
    } else if (object_type == "concern") {
        KB_ASSIGN_OR_RETURN(const auto found, uow.Concerns().Find(id));
        if (found) child = found->child_id;
    } else if (object_type == "consent") {
        KB_ASSIGN_OR_RETURN(const auto found, uow.Consents().Find(id));
        if (found) child = found->child_id;
    } else if (object_type == "handover") {
        KB_ASSIGN_OR_RETURN(const auto found, uow.Coordination().FindHandover(id));
        if (found) child = found->child_id;
    }
    return child;
}

}  // namespace

Status RefusedRequests::Record(const Actor& actor, std::string_view object_type, std::string_view raw_id,
                               std::string_view reason, const RequestContext& context) {
    domain::AuditEvent event;
    event.at = clock_.Now();
    event.user_id = actor.user.id;
    event.object_type = std::string(object_type);
    // An id as typed may be any text: the row keeps a bounded copy, never more than an id needs.
    event.object_id = std::string(raw_id.substr(0, 40));
    event.action = "read";
    event.legal_basis = std::string(reason);
    event.outcome = domain::AuditOutcome::kDenied;
    event.request_id = context.request_id;
    if (actor.user.IsFamily()) {
        event.role = actor.user.family.front().IsChildSelf() ? "child" : "guardian";
    } else if (!actor.user.roles.empty()) {
        const auto& first = actor.user.roles.front();
        event.role = std::string(domain::Code(first.role));
        event.unit_id = first.unit_id;
        event.organisation_id = first.organisation_id;
    }
    if (const auto id = ParsePositiveId(raw_id)) {
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
        KB_ASSIGN_OR_RETURN(event.child_id, ChildOf(*uow, object_type, *id));
        if (event.child_id && actor.user.IsFamily()) {
            KB_ASSIGN_OR_RETURN(const auto holder, uow->Coordination().FindHolder(*event.child_id));
            if (holder) {
                KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(*holder));
                if (unit) event.organisation_id = unit->organisation_id;
            }
        }
    }
    return RecordReads(store_, context, {std::move(event)});
}

}  // namespace kronobarn::app
