#include "app/organisation_admin.hpp"

#include <algorithm>

#include "app/audit_events.hpp"
#include "common/text.hpp"
#include "domain/administrative_change.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

constexpr std::size_t kMaxNameLength = 120;

// The organisation as it will be stored, or every field in error at once.
Result<domain::Organisation> Checked(const OrganisationInput& input, std::optional<domain::OrganisationKind> kind) {
    std::vector<FieldError> errors;
    domain::Organisation organisation;
    organisation.active = input.active;
    organisation.name = Trimmed(input.name);
    if (organisation.name.empty()) errors.push_back({"name", "organisation.name_missing"});
    if (organisation.name.size() > kMaxNameLength) errors.push_back({"name", "organisation.name_too_long"});
    if (kind) {
        organisation.kind = *kind;
    } else {
        errors.push_back({"kind", "organisation.kind_missing"});
    }
    if (kind && !Trimmed(input.code).empty()) {
        const auto code = domain::NormalizeOrganisationCode(*kind, input.code);
        if (code) {
            organisation.code = *code;
        } else {
            errors.push_back({"code", "organisation.code_invalid"});
        }
    }
    if (!errors.empty()) return Error::InvalidFields(std::move(errors));
    return organisation;
}

// A unique name or code taken by another organisation says which, in words the form can show.
Error Taken(const Error& error) {
    if (error.code != ErrorCode::kConflict) return error;
    return Error::Conflict("organisation.taken", error.detail);
}

}  // namespace

Result<std::vector<domain::Organisation>> OrganisationAdmin::List(const Actor& actor) {
    if (!actor.user.HasRole(domain::Role::kCountyAdmin))
        return Error::PermissionDenied("organisations are for county administrators");
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    return uow->Organisations().List();
}

Result<domain::OrganisationId> OrganisationAdmin::Create(const Actor& actor, const OrganisationInput& input,
                                                         const RequestContext& context) {
    if (!actor.user.HasRole(domain::Role::kCountyAdmin))
        return Error::PermissionDenied("organisations are for county administrators");
    KB_ASSIGN_OR_RETURN(domain::Organisation organisation, Checked(input, input.kind));
    organisation.active = true;
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    auto id = uow->Organisations().Insert(organisation);
    if (!id) return Taken(id.error());
    KB_RETURN_IF_ERROR(uow->Audit().Append(
        AdministrationEvent(actor, domain::Role::kCountyAdmin,
                            {"organisation", std::to_string(*id), "create", domain::OrganisationCreated(organisation)},
                            context, clock_.Now())));
    KB_RETURN_IF_ERROR(uow->Commit());
    return *id;
}

Status OrganisationAdmin::Change(const Actor& actor, domain::OrganisationId id, const OrganisationInput& input,
                                 const RequestContext& context) {
    if (!actor.user.HasRole(domain::Role::kCountyAdmin))
        return Error::PermissionDenied("organisations are for county administrators");
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto current, uow->Organisations().Find(id));
    if (!current) return Error::NotFound("organisation.not_found");
    KB_ASSIGN_OR_RETURN(domain::Organisation changed, Checked(input, current->kind));
    changed.id = id;
    // The audit row says what happened: a deactivation or reactivation is its own action.
    std::string_view action = "update";
    if (current->active && !changed.active) action = "deactivate";
    if (!current->active && changed.active) action = "reactivate";
    if (auto updated = uow->Organisations().Update(changed); !updated) return Taken(updated.error());
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdministrationEvent(
        actor, domain::Role::kCountyAdmin,
        {"organisation", std::to_string(id), std::string(action), domain::OrganisationChanges(*current, changed)},
        context, clock_.Now())));
    return uow->Commit();
}

Result<Invitation> OrganisationAdmin::InviteAdministrator(const Actor& actor, domain::OrganisationId id,
                                                          const NewStaffInput& input, const RequestContext& context) {
    if (!actor.user.HasRole(domain::Role::kCountyAdmin))
        return Error::PermissionDenied("organisations are for county administrators");
    domain::UserAccount account;
    std::vector<FieldError> problems = CheckNewAccount(input, account);
    if (!problems.empty()) return Error::InvalidFields(std::move(problems));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto organisation, uow->Organisations().Find(id));
    if (!organisation) return Error::NotFound("organisation.not_found");
    if (!organisation->active) return Error::FailedPrecondition("organisation.inactive");
    const Timestamp now = clock_.Now();
    const auto audit = [&](std::string type, std::string object, std::string action,
                           std::vector<domain::AuditChange> changes = {}) {
        return uow->Audit().Append(AdministrationEvent(
            actor, domain::Role::kCountyAdmin,
            {std::move(type), std::move(object), std::move(action), std::move(changes)}, context, now));
    };
    // Where the role is held: the organisation's open administration unit, or a new one.
    KB_ASSIGN_OR_RETURN(const auto units, uow->Organisations().ListUnits());
    const auto existing = std::find_if(units.begin(), units.end(), [&](const auto& unit) {
        return unit.organisation_id == id && unit.kind == domain::UnitKind::kAdministration && unit.IsOpen();
    });
    domain::Unit unit;
    if (existing != units.end()) {
        unit = *existing;
    } else {
        unit = {0, id, "Administration " + organisation->name, domain::UnitKind::kAdministration, ""};
        KB_ASSIGN_OR_RETURN(unit.id, uow->Organisations().InsertUnit(unit));
        KB_RETURN_IF_ERROR(audit("unit", std::to_string(unit.id), "create", domain::UnitCreated(unit)));
    }
    account.roles.push_back({unit.id, id, domain::Role::kSystemAdmin, unit.kind});
    auto inserted = uow->Users().Insert(account, "");
    if (!inserted) {
        if (inserted.error().code != ErrorCode::kConflict) return inserted.error();
        return Error::ConflictOn("username", "user.username_taken");
    }
    const domain::UserId user = *inserted;
    KB_ASSIGN_OR_RETURN(auto invitation,
                        IssueActivationLink(*uow, user, account.display_name, actor.user.id, now, activation_days_));
    KB_RETURN_IF_ERROR(audit("user", std::to_string(user), "user_create", domain::AccountCreated(account)));
    KB_RETURN_IF_ERROR(
        audit("user_role", domain::RoleObjectId(user, unit.id, domain::Code(domain::Role::kSystemAdmin)), "role_add"));
    KB_RETURN_IF_ERROR(uow->Commit());
    return invitation;
}

}  // namespace kronobarn::app
