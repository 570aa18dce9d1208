#include "app/staff_admin.hpp"

#include <algorithm>

#include "app/audit_events.hpp"
#include "common/text.hpp"
#include "domain/administrative_change.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

bool WorksIn(const domain::UserAccount& user, domain::OrganisationId organisation) {
    return std::any_of(user.roles.begin(), user.roles.end(),
                       [&](const auto& assignment) { return assignment.organisation_id == organisation; });
}

constexpr std::size_t kMaxNameLength = 200;

// The unit, when it is one of the organisation's open ones (a closed unit takes no new roles).
Result<std::optional<domain::Unit>> OwnUnit(store::UnitOfWork& uow, domain::UnitId unit,
                                            domain::OrganisationId organisation) {
    KB_ASSIGN_OR_RETURN(auto found, uow.Organisations().FindUnit(unit));
    if (found && (found->organisation_id != organisation || !found->IsOpen())) found.reset();
    return found;
}

bool GivenByOrganisation(const std::optional<domain::Role>& role) {
    return role && domain::TraitsOf(*role).given_by_organisation_admin;
}

// The account, when it works in the organisation; kNotFound otherwise (another organisation's
// staff and no account look the same).
Result<domain::UserAccount> OwnStaff(store::UnitOfWork& uow, domain::UserId user, domain::OrganisationId organisation) {
    KB_ASSIGN_OR_RETURN(auto account, uow.Users().Find(user));
    if (!account || !WorksIn(*account, organisation)) return Error::NotFound("user");
    return std::move(*account);
}

std::string RoleObjectId(const RoleChange& change) {
    return domain::RoleObjectId(change.user, change.unit, domain::Code(*change.role));
}

}  // namespace

std::vector<FieldError> CheckNewAccount(const NewStaffInput& input, domain::UserAccount& account) {
    account.display_name = Trimmed(input.display_name);
    account.username = domain::NormalizeUsername(input.username);
    account.email = Trimmed(input.email);
    account.phone = Trimmed(input.phone);
    // Every field at once: the administrator corrects them all in one go.
    std::vector<FieldError> problems;
    if (account.display_name.empty()) problems.push_back({"display_name", "staff.name_missing"});
    if (account.display_name.size() > kMaxNameLength) problems.push_back({"display_name", "staff.name_too_long"});
    if (!domain::IsValidUsername(account.username)) problems.push_back({"username", "user.username_invalid"});
    if (!domain::IsPlausibleEmail(account.email)) problems.push_back({"email", "staff.email_invalid"});
    if (!account.phone.empty() && !domain::IsPlausiblePhone(account.phone)) {
        problems.push_back({"phone", "staff.phone_invalid"});
    }
    return problems;
}

Result<StaffPage> StaffAdmin::Staff(const Actor& actor) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "staff"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto organisations, uow->Organisations().List());
    KB_ASSIGN_OR_RETURN(const auto units, uow->Organisations().ListUnits());
    KB_ASSIGN_OR_RETURN(auto users, uow->Users().ListStaffOf(administered));
    KB_ASSIGN_OR_RETURN(const auto with_app, uow->SecondFactors().UsersWithAppIn(administered));
    StaffPage page;
    for (const auto& organisation : organisations) {
        if (organisation.id == administered) page.organisation_name = organisation.name;
    }
    for (auto& user : users) {
        StaffMember member;
        for (const auto& assignment : user.roles) {
            if (assignment.organisation_id != administered) continue;
            const auto unit = std::find_if(units.begin(), units.end(),
                                           [&](const auto& candidate) { return candidate.id == assignment.unit_id; });
            member.roles.push_back({assignment.unit_id, assignment.role,
                                    unit == units.end() ? std::string() : unit->name, assignment.from, assignment.to});
        }
        member.is_me = user.id == actor.user.id;
        member.has_app = std::find(with_app.begin(), with_app.end(), user.id) != with_app.end();
        member.account = std::move(user);
        page.staff.push_back(std::move(member));
    }
    std::sort(page.staff.begin(), page.staff.end(),
              [](const auto& a, const auto& b) { return a.account.display_name < b.account.display_name; });
    for (const auto& unit : units) {
        if (unit.organisation_id == administered && unit.IsOpen()) {
            page.units.push_back({unit.id, unit.name});
        }
    }
    std::sort(page.units.begin(), page.units.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& traits : domain::AllRoleTraits()) {
        if (traits.given_by_organisation_admin) page.roles_given.push_back(traits.role);
    }
    return page;
}

Result<Invitation> StaffAdmin::Create(const Actor& actor, const NewStaffInput& input, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "staff"));
    domain::UserAccount account;
    std::vector<FieldError> problems = CheckNewAccount(input, account);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto unit, OwnUnit(*uow, input.unit_id, administered));
    if (!unit) problems.push_back({"unit_id", "staff.unit_unknown"});
    if (!GivenByOrganisation(input.role)) problems.push_back({"role", "staff.role_unknown"});
    if (!problems.empty()) return Error::InvalidFields(std::move(problems));
    account.roles.push_back({unit->id, unit->organisation_id, *input.role, unit->kind});
    // No password until the person sets their own through the link: nobody can sign in before.
    auto inserted = uow->Users().Insert(account, "");
    if (!inserted) {
        const Error& error = inserted.error();
        if (error.code != ErrorCode::kConflict) return error;
        return Error::ConflictOn("username", error.message_key, error.detail);
    }
    const domain::UserId user = *inserted;
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto invitation,
                        IssueActivationLink(*uow, user, account.display_name, actor.user.id, now, activation_days_));
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdministrationEvent(
        actor, domain::Role::kSystemAdmin,
        {"user", std::to_string(user), "user_create", domain::AccountCreated(account)}, context, now)));
    KB_RETURN_IF_ERROR(uow->Audit().Append(
        AdministrationEvent(actor, domain::Role::kSystemAdmin,
                            {"user_role", RoleObjectId({user, unit->id, input.role}), "role_add"}, context, now)));
    KB_RETURN_IF_ERROR(uow->Commit());
    return invitation;
}

Result<Invitation> StaffAdmin::NewActivationLink(const Actor& actor, domain::UserId user,
                                                 const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "staff"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto account, OwnStaff(*uow, user, administered));
    if (account.disabled) return Error::FailedPrecondition("staff.account_closed");
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto invitation,
                        IssueActivationLink(*uow, user, account.display_name, actor.user.id, now, activation_days_));
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdministrationEvent(
        actor, domain::Role::kSystemAdmin, {"user", std::to_string(user), "user_activation_link"}, context, now)));
    KB_RETURN_IF_ERROR(uow->Commit());
    return invitation;
}

Status StaffAdmin::AddRole(const Actor& actor, const RoleChange& change, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "staff"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto account, OwnStaff(*uow, change.user, administered));
    KB_ASSIGN_OR_RETURN(const auto unit, OwnUnit(*uow, change.unit, administered));
    std::vector<FieldError> problems;
    if (!unit) problems.push_back({"unit_id", "staff.unit_unknown"});
    if (!GivenByOrganisation(change.role)) problems.push_back({"role", "staff.role_unknown"});
    const auto day = [&](const std::string& typed, const char* field) -> std::optional<Date> {
        const std::string text = Trimmed(typed);
        if (text.empty()) return std::nullopt;
        auto parsed = ParseDate(text);
        if (!parsed) problems.push_back({field, "staff.date_invalid"});
        return parsed;
    };
    const auto from = day(change.from, "valid_from");
    const auto to = day(change.to, "valid_to");
    if (from && to && *to < *from) problems.push_back({"valid_to", "staff.period_reversed"});
    if (!problems.empty()) return Error::InvalidFields(std::move(problems));
    const bool holds = std::any_of(account.roles.begin(), account.roles.end(), [&](const auto& assignment) {
        return assignment.unit_id == change.unit && assignment.role == *change.role;
    });
    if (holds) return Error::ConflictOn("role", "staff.role_exists");
    const domain::RoleAssignment assignment{unit->id, unit->organisation_id, *change.role, unit->kind, from, to};
    KB_RETURN_IF_ERROR(uow->Users().AddRole(change.user, assignment));
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdministrationEvent(
        actor, domain::Role::kSystemAdmin,
        {"user_role", RoleObjectId(change), "role_add", domain::RolePeriod(assignment)}, context, clock_.Now())));
    return uow->Commit();
}

Status StaffAdmin::RemoveRole(const Actor& actor, const RoleChange& change, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "staff"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto account, OwnStaff(*uow, change.user, administered));
    int roles_here = 0;
    bool holds = false;
    for (const auto& assignment : account.roles) {
        if (assignment.organisation_id != administered) continue;
        ++roles_here;
        holds = holds || (change.role && assignment.unit_id == change.unit && assignment.role == *change.role);
    }
    if (!holds) return Error::NotFound("role");
    // Nobody locks the organisation out of its own administration by a slip of the hand.
    if (account.id == actor.user.id && *change.role == domain::Role::kSystemAdmin) {
        return Error::FailedPrecondition("staff.cannot_remove_own_admin");
    }
    // Without a role here the person would drop out of this list: closing the account says it.
    if (roles_here == 1) return Error::FailedPrecondition("staff.last_role");
    KB_RETURN_IF_ERROR(uow->Users().RemoveRole(change.user, change.unit, *change.role));
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdministrationEvent(
        actor, domain::Role::kSystemAdmin, {"user_role", RoleObjectId(change), "role_remove"}, context, clock_.Now())));
    return uow->Commit();
}

Status StaffAdmin::SetOpen(const Actor& actor, domain::UserId user, bool open, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "staff"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto account, uow->Users().Find(user));
    if (!account || !WorksIn(*account, administered)) return Error::NotFound("user");
    if (account->id == actor.user.id) return Error::FailedPrecondition("staff.cannot_close_self");
    KB_RETURN_IF_ERROR(uow->Users().SetDisabled(user, !open));
    if (!open) KB_RETURN_IF_ERROR(uow->Sessions().DeleteAllOf(user));
    // Recorded in the assignment that gave the right (the first system administrator one, as `admin`).
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdministrationEvent(
        actor, domain::Role::kSystemAdmin,
        {"user", std::to_string(user), open ? "user_enable" : "user_disable", domain::AccountClosing(*account, !open)},
        context, clock_.Now())));
    return uow->Commit();
}

Status StaffAdmin::ResetSecondFactor(const Actor& actor, domain::UserId user, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const domain::OrganisationId administered, AdministeredOrganisation(actor, "staff"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto account, uow->Users().Find(user));
    if (!account || !WorksIn(*account, administered)) return Error::NotFound("user");
    KB_ASSIGN_OR_RETURN(const auto factor, uow->SecondFactors().Find(user));
    if (!factor) return Error::FailedPrecondition("second_factor.none");
    KB_RETURN_IF_ERROR(uow->SecondFactors().Remove(user));
    // Whoever holds the lost phone must not stay signed in on its strength.
    KB_RETURN_IF_ERROR(uow->Sessions().DeleteAllOf(user));
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdministrationEvent(actor, domain::Role::kSystemAdmin,
                                                               {"user", std::to_string(user), "second_factor_reset"},
                                                               context, clock_.Now())));
    return uow->Commit();
}

}  // namespace kronobarn::app
