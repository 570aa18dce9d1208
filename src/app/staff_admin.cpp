#include "app/staff_admin.hpp"

#include <algorithm>

#include "app/audit_events.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

bool WorksIn(const domain::UserAccount& user, domain::OrganisationId organisation) {
    return std::any_of(user.roles.begin(), user.roles.end(),
                       [&](const auto& assignment) { return assignment.organisation_id == organisation; });
}

}  // namespace

Result<StaffPage> StaffAdmin::Staff(const Actor& actor) {
    const auto* admin = actor.user.AssignmentOf(domain::Role::kSystemAdmin);
    if (admin == nullptr) return Error::PermissionDenied("staff are for system administrators");
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto organisations, uow->Organisations().List());
    KB_ASSIGN_OR_RETURN(const auto units, uow->Organisations().ListUnits());
    KB_ASSIGN_OR_RETURN(auto users, uow->Users().List());
    StaffPage page;
    for (const auto& organisation : organisations) {
        if (organisation.id == admin->organisation_id) page.organisation_name = organisation.name;
    }
    for (auto& user : users) {
        if (!WorksIn(user, admin->organisation_id)) continue;
        StaffMember member;
        for (const auto& assignment : user.roles) {
            if (assignment.organisation_id != admin->organisation_id) continue;
            const auto unit = std::find_if(units.begin(), units.end(),
                                           [&](const auto& candidate) { return candidate.id == assignment.unit_id; });
            member.roles.emplace_back(assignment.role, unit == units.end() ? std::string() : unit->name);
        }
        member.is_me = user.id == actor.user.id;
        member.account = std::move(user);
        page.staff.push_back(std::move(member));
    }
    std::sort(page.staff.begin(), page.staff.end(),
              [](const auto& a, const auto& b) { return a.account.display_name < b.account.display_name; });
    return page;
}

Status StaffAdmin::SetOpen(const Actor& actor, domain::UserId user, bool open, const RequestContext& context) {
    const auto* admin = actor.user.AssignmentOf(domain::Role::kSystemAdmin);
    if (admin == nullptr) return Error::PermissionDenied("staff are for system administrators");
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto account, uow->Users().Find(user));
    if (!account || !WorksIn(*account, admin->organisation_id)) return Error::NotFound("user");
    if (account->id == actor.user.id) return Error::FailedPrecondition("staff.cannot_close_self");
    KB_RETURN_IF_ERROR(uow->Users().SetDisabled(user, !open));
    if (!open) KB_RETURN_IF_ERROR(uow->Sessions().DeleteAllOf(user));
    // Recorded in the assignment that gave the right (the first system administrator one, as `admin`).
    KB_RETURN_IF_ERROR(uow->Audit().Append(AdministrationEvent(
        actor, domain::Role::kSystemAdmin, {"user", std::to_string(user), open ? "user_enable" : "user_disable"},
        context, clock_.Now())));
    return uow->Commit();
}

}  // namespace kronobarn::app
