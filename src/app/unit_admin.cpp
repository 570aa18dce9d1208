#include "app/unit_admin.hpp"

#include <algorithm>

#include "app/audit_events.hpp"
#include "common/text.hpp"
#include "domain/administrative_change.hpp"
#include "domain/user_account.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxAreaLength = 100;

// The unit, when it is one of the organisation's; kNotFound otherwise (another organisation's unit
// and no unit look the same).
Result<domain::Unit> OwnUnit(store::UnitOfWork& uow, domain::UnitId unit, domain::OrganisationId organisation) {
    KB_ASSIGN_OR_RETURN(auto found, uow.Organisations().FindUnit(unit));
    if (!found || found->organisation_id != organisation) return Error::NotFound("unit");
    return std::move(*found);
}

Status Audit(store::UnitOfWork& uow, const Actor& actor, domain::UnitId unit, std::string action,
             std::vector<domain::AuditChange> changes, const RequestContext& context, Timestamp now) {
    return uow.Audit().Append(AdministrationEvent(actor, domain::Role::kSystemAdmin,
                                                  {"unit", std::to_string(unit), std::move(action), std::move(changes)},
                                                  context, now));
}

// One audit row per kind of change (domain::UnitChangeRows), each with its fields before and after.
Status AuditChanges(store::UnitOfWork& uow, const Actor& actor, const domain::Unit& before, const domain::Unit& after,
                    const RequestContext& context, Timestamp now) {
    for (auto& row : domain::UnitChangeRows(before, after)) {
        KB_RETURN_IF_ERROR(Audit(uow, actor, after.id, std::string(row.action), std::move(row.changes), context, now));
    }
    return Ok();
}

}  // namespace

void ApplyUnitInput(const UnitInput& input, domain::Unit& unit, std::vector<FieldError>& errors) {
    unit.name = Trimmed(input.name);
    unit.area = Trimmed(input.area);
    unit.external_id = Trimmed(input.external_id);
    unit.phone = Trimmed(input.phone);
    unit.email = Trimmed(input.email);
    if (unit.name.empty()) errors.push_back({"name", "unit.name_missing"});
    if (unit.name.size() > kMaxNameLength) errors.push_back({"name", "unit.name_too_long"});
    if (unit.area.size() > kMaxAreaLength) errors.push_back({"area", "unit.area_too_long"});
    if (!unit.external_id.empty() && !domain::IsValidExternalId(unit.external_id)) {
        errors.push_back({"external_id", "unit.external_id_invalid"});
    }
    if (!unit.phone.empty() && !domain::IsPlausiblePhone(unit.phone)) errors.push_back({"phone", "unit.phone_invalid"});
    if (!unit.email.empty() && !domain::IsPlausibleEmail(unit.email)) errors.push_back({"email", "unit.email_invalid"});
    const std::string from = Trimmed(input.active_from);
    unit.active_from.reset();
    if (!from.empty()) {
        unit.active_from = ParseDate(from);
        if (!unit.active_from) errors.push_back({"active_from", "unit.date_invalid"});
    }
}

Result<UnitsPage> UnitAdmin::Units(const Actor& actor) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "units"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto organisation, uow->Organisations().Find(administered));
    if (!organisation) return Error::NotFound("organisation");
    KB_ASSIGN_OR_RETURN(auto units, uow->Organisations().ListUnits());
    UnitsPage page;
    page.organisation_name = organisation->name;
    for (auto& unit : units) {
        if (unit.organisation_id == administered) page.units.push_back(std::move(unit));
    }
    std::stable_sort(page.units.begin(), page.units.end(), [](const auto& a, const auto& b) {
        return a.IsOpen() != b.IsOpen() ? a.IsOpen() : a.name < b.name;
    });
    for (const auto& traits : domain::AllUnitKinds()) {
        if (domain::UnitKindFits(traits.kind, organisation->kind)) page.kinds.push_back(traits.kind);
    }
    KB_ASSIGN_OR_RETURN(page.areas, uow->Organisations().ListAreas());
    return page;
}

Result<domain::UnitId> UnitAdmin::Create(const Actor& actor, const UnitInput& input, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "units"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto organisation, uow->Organisations().Find(administered));
    if (!organisation) return Error::NotFound("organisation");
    domain::Unit unit;
    unit.organisation_id = organisation->id;
    std::vector<FieldError> errors;
    if (!input.kind) {
        errors.push_back({"kind", "unit.kind_unknown"});
    } else if (!domain::UnitKindFits(*input.kind, organisation->kind)) {
        errors.push_back({"kind", "unit.kind_not_for_organisation"});
    } else {
        unit.kind = *input.kind;
    }
    ApplyUnitInput(input, unit, errors);
    if (!errors.empty()) return Error::InvalidFields(std::move(errors));
    auto id = uow->Organisations().InsertUnit(unit);
    if (!id) return id.error();  // a taken name or external id names its field
    KB_RETURN_IF_ERROR(Audit(*uow, actor, *id, "create", domain::UnitCreated(unit), context, clock_.Now()));
    KB_RETURN_IF_ERROR(uow->Commit());
    return *id;
}

Status UnitAdmin::Change(const Actor& actor, domain::UnitId id, const UnitInput& input, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "units"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto before, OwnUnit(*uow, id, administered));
    domain::Unit after = before;
    std::vector<FieldError> errors;
    ApplyUnitInput(input, after, errors);
    if (!errors.empty()) return Error::InvalidFields(std::move(errors));
    // Renamed, moved to another municipality, or its details changed: a row for each, saying what it was.
    if (domain::UnitChangeRows(before, after).empty()) return Ok();  // nothing changed: nothing written
    KB_RETURN_IF_ERROR(uow->Organisations().UpdateUnit(after));
    KB_RETURN_IF_ERROR(AuditChanges(*uow, actor, before, after, context, clock_.Now()));
    return uow->Commit();
}

Result<UnitClosing> UnitAdmin::Close(const Actor& actor, domain::UnitId id, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "units"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto before, OwnUnit(*uow, id, administered));
    if (!before.IsOpen()) return Error::FailedPrecondition("unit.already_closed");
    domain::Unit unit = before;
    // Counted in the transaction that closes: nothing can come to depend on the unit in between.
    KB_ASSIGN_OR_RETURN(const auto obligations, uow->Organisations().ObligationsOf(id));
    if (!obligations.None()) return UnitClosing{false, unit.name, obligations};
    const Timestamp now = clock_.Now();
    unit.active_to = SwedishDate(now);
    KB_RETURN_IF_ERROR(uow->Organisations().UpdateUnit(unit));
    KB_RETURN_IF_ERROR(AuditChanges(*uow, actor, before, unit, context, now));
    KB_RETURN_IF_ERROR(uow->Commit());
    return UnitClosing{true, unit.name, {}};
}

Status UnitAdmin::Reopen(const Actor& actor, domain::UnitId id, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "units"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto before, OwnUnit(*uow, id, administered));
    if (before.IsOpen()) return Error::FailedPrecondition("unit.not_closed");
    domain::Unit unit = before;
    unit.active_to.reset();
    KB_RETURN_IF_ERROR(uow->Organisations().UpdateUnit(unit));
    KB_RETURN_IF_ERROR(AuditChanges(*uow, actor, before, unit, context, clock_.Now()));
    return uow->Commit();
}

Result<UnitMerged> UnitAdmin::Merge(const Actor& actor, domain::UnitId id, domain::UnitId into_id,
                                    const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "units"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto from, OwnUnit(*uow, id, administered));
    if (!from.IsOpen()) return Error::FailedPrecondition("unit.already_closed");
    KB_ASSIGN_OR_RETURN(const auto found, uow->Organisations().FindUnit(into_id));
    const auto refused = [](std::string key) { return Error::InvalidFields({{"into_unit_id", std::move(key)}}); };
    if (!found || found->organisation_id != administered) return refused("unit.merge_into_unknown");
    const domain::Unit& into = *found;
    if (into.id == from.id) return refused("unit.merge_into_itself");
    if (!into.IsOpen()) return refused("unit.merge_into_closed");
    // The kind decides which sector's secrecy applies: a merge never moves a child across it.
    if (into.kind != from.kind) return refused("unit.merge_kind_differs");
    // A handover waits for someone at the unit to answer it: that answer is theirs, not the merge's.
    KB_ASSIGN_OR_RETURN(const auto obligations, uow->Organisations().ObligationsOf(from.id));
    if (obligations.pending_handovers > 0) return Error::FailedPrecondition("unit.merge_pending_handovers");

    const Timestamp now = clock_.Now();
    const Date today = SwedishDate(now);
    UnitMerged merged{from.name, into.name, into.id};
    KB_ASSIGN_OR_RETURN(merged.consents_left, uow->Organisations().ConsentsNaming(from.id, today));
    KB_ASSIGN_OR_RETURN(const auto moved, uow->Organisations().MergeInto(from.id, into.id, now));
    const auto audit = [&](std::string object_type, std::string object_id, std::string action,
                           std::optional<domain::ChildId> child, std::vector<domain::AuditChange> changes) {
        auto event = AdministrationEvent(
            actor, domain::Role::kSystemAdmin,
            {std::move(object_type), std::move(object_id), std::move(action), std::move(changes)}, context, now);
        event.child_id = child;
        return uow->Audit().Append(event);
    };
    const std::vector<domain::AuditChange> unit_moved{{"unit", from.name, into.name}};
    for (const auto child : moved.children) {
        KB_RETURN_IF_ERROR(audit("coordination_holder", std::to_string(child), "merge_move", child,
                                 {{"holder", from.name, into.name}}));
    }
    for (const auto& [plan, child] : moved.plans) {
        KB_RETURN_IF_ERROR(audit("plan", std::to_string(plan), "merge_move", child, unit_moved));
    }
    for (const auto& [signal, child] : moved.signals) {
        KB_RETURN_IF_ERROR(audit("concern", std::to_string(signal), "merge_move", child, unit_moved));
    }
    for (const auto& [user, role] : moved.roles_moved) {
        KB_RETURN_IF_ERROR(
            audit("user_role", domain::RoleObjectId(user, from.id, role), "role_move", std::nullopt, unit_moved));
    }
    for (const auto& [user, role] : moved.roles_ended) {
        KB_RETURN_IF_ERROR(
            audit("user_role", domain::RoleObjectId(user, from.id, role), "role_remove", std::nullopt, {}));
    }
    domain::Unit closed = from;
    closed.active_to = today;
    KB_RETURN_IF_ERROR(uow->Organisations().UpdateUnit(closed));
    KB_RETURN_IF_ERROR(audit("unit", std::to_string(from.id), "merge", std::nullopt, {{"merged_into", "", into.name}}));
    KB_RETURN_IF_ERROR(AuditChanges(*uow, actor, from, closed, context, now));
    KB_RETURN_IF_ERROR(uow->Commit());
    merged.children = moved.children.size();
    merged.plans = moved.plans.size();
    merged.signals = moved.signals.size();
    merged.roles = moved.roles_moved.size() + moved.roles_ended.size();
    return merged;
}

}  // namespace kronobarn::app
