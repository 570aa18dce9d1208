#include "app/user_admin.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

domain::AuditEvent AdminEvent(Timestamp now, const RequestContext& context, domain::UserId user_id,
                              std::string_view action) {
    domain::AuditEvent event;
    event.at = now;
    event.object_type = "user";
    event.object_id = std::to_string(user_id);
    event.action = std::string(action);
    event.legal_basis = "administration";
    event.request_id = context.request_id;
    return event;
}

}  // namespace

Result<domain::UserId> UserAdmin::Add(const NewUser& typed, const RequestContext& context) {
    NewUser request = typed;
    request.username = domain::NormalizeUsername(typed.username);
    if (!domain::IsValidUsername(request.username)) return Error::InvalidArgument("user.username_invalid");
    if (request.display_name.empty()) return Error::InvalidArgument("user.display_name_missing");
    if (!domain::IsAcceptablePassword(request.password)) return Error::InvalidArgument("user.password_too_short");
    const auto role = domain::ParseRole(request.role);
    if (!role) return Error::InvalidArgument("user.role_unknown", request.role);
    if (!request.email.empty() && !domain::IsPlausibleEmail(request.email)) {
        return Error::InvalidArgument("staff.email_invalid", request.email);
    }
    if (!request.phone.empty() && !domain::IsPlausiblePhone(request.phone)) {
        return Error::InvalidArgument("staff.phone_invalid", request.phone);
    }

    KB_ASSIGN_OR_RETURN(const std::string password_hash, crypto::HashPassword(request.password, strength_));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto units, uow->Organisations().ListUnits());
    const domain::Unit* unit = nullptr;
    for (const auto& candidate : units) {
        if (candidate.name == request.unit_name) unit = &candidate;
    }
    if (unit == nullptr) return Error::InvalidArgument("user.unit_unknown", request.unit_name);

    domain::UserAccount user;
    user.username = request.username;
    user.display_name = request.display_name;
    user.email = request.email;
    user.phone = request.phone;
    user.roles.push_back({unit->id, unit->organisation_id, *role});
    KB_ASSIGN_OR_RETURN(const domain::UserId id, uow->Users().Insert(user, password_hash));
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdminEvent(clock_.Now(), context, id, "user_add")));
    KB_RETURN_IF_ERROR(uow->Commit());
    return id;
}

Result<std::vector<domain::UserAccount>> UserAdmin::List() {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    return uow->Users().List();
}

Status UserAdmin::Disable(std::string_view username, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto found, uow->Users().FindByUsername(username));
    if (!found) return Error::NotFound("user");
    KB_RETURN_IF_ERROR(uow->Users().SetDisabled(found->user.id, true));
    KB_RETURN_IF_ERROR(uow->Sessions().DeleteAllOf(found->user.id));
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdminEvent(clock_.Now(), context, found->user.id, "user_disable")));
    return uow->Commit();
}

Status UserAdmin::ResetSecondFactor(std::string_view username, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto found, uow->Users().FindByUsername(domain::NormalizeUsername(username)));
    if (!found) return Error::NotFound("user");
    KB_ASSIGN_OR_RETURN(const auto factor, uow->SecondFactors().Find(found->user.id));
    if (!factor) return Error::FailedPrecondition("second_factor.none");
    KB_RETURN_IF_ERROR(uow->SecondFactors().Remove(found->user.id));
    // Whoever has the phone now must not stay signed in on its strength.
    KB_RETURN_IF_ERROR(uow->Sessions().DeleteAllOf(found->user.id));
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdminEvent(clock_.Now(), context, found->user.id, "second_factor_reset")));
    return uow->Commit();
}

}  // namespace kronobarn::app
