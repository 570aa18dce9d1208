#include "app/organisation_admin.hpp"

#include <algorithm>

#include "common/text.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

constexpr std::size_t kMaxNameLength = 120;

const domain::RoleAssignment* CountyAdminRole(const Actor& actor) {
    const auto it = std::find_if(actor.user.roles.begin(), actor.user.roles.end(),
                                 [](const auto& assignment) { return assignment.role == domain::Role::kCountyAdmin; });
    return it == actor.user.roles.end() ? nullptr : &*it;
}

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

domain::AuditEvent AdminEvent(const Actor& actor, const domain::RoleAssignment& role, Timestamp now,
                              domain::OrganisationId id, std::string_view action, const RequestContext& context) {
    domain::AuditEvent event;
    event.at = now;
    event.user_id = actor.user.id;
    event.role = std::string(domain::Code(role.role));
    event.unit_id = role.unit_id;
    event.organisation_id = role.organisation_id;
    event.object_type = "organisation";
    event.object_id = std::to_string(id);
    event.action = std::string(action);
    event.legal_basis = "administration";
    event.request_id = context.request_id;
    return event;
}

// A unique name or code taken by another organisation says which, in words the form can show.
Error Taken(const Error& error) {
    if (error.code != ErrorCode::kConflict) return error;
    return Error::Conflict("organisation.taken", error.detail);
}

}  // namespace

Result<std::vector<domain::Organisation>> OrganisationAdmin::List(const Actor& actor) {
    if (CountyAdminRole(actor) == nullptr)
        return Error::PermissionDenied("organisations are for county administrators");
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    return uow->Organisations().List();
}

Result<domain::OrganisationId> OrganisationAdmin::Create(const Actor& actor, const OrganisationInput& input,
                                                         const RequestContext& context) {
    const auto* admin = CountyAdminRole(actor);
    if (admin == nullptr) return Error::PermissionDenied("organisations are for county administrators");
    KB_ASSIGN_OR_RETURN(domain::Organisation organisation, Checked(input, input.kind));
    organisation.active = true;
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    auto id = uow->Organisations().Insert(organisation);
    if (!id) return Taken(id.error());
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdminEvent(actor, *admin, clock_.Now(), *id, "create", context)));
    KB_RETURN_IF_ERROR(uow->Commit());
    return *id;
}

Status OrganisationAdmin::Change(const Actor& actor, domain::OrganisationId id, const OrganisationInput& input,
                                 const RequestContext& context) {
    const auto* admin = CountyAdminRole(actor);
    if (admin == nullptr) return Error::PermissionDenied("organisations are for county administrators");
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
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdminEvent(actor, *admin, clock_.Now(), id, action, context)));
    return uow->Commit();
}

}  // namespace kronobarn::app
