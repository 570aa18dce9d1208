#include "app/child_overview.hpp"
#include "store/store.hpp"

#include <algorithm>

#include "app/child_access.hpp"
#include "app/child_context.hpp"

namespace kronobarn::app {

Result<ChildOverview> ChildOverviews::Overview(const Actor& actor, domain::ChildId child_id,
                                               const RequestContext& context, const std::string& units_area) {
    const Timestamp now = clock_.Now();
    const Date today = DayOf(now);
    AuditedRead reads(store_, actor, context, now);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    AccessRequest request{domain::AccessAction::kReadChild, {}, "child", std::to_string(child_id), "read"};
    request.target.child_id = child_id;
    KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
    auto decision = reads.Authorize(request);
    if (!decision) {
        uow.reset();
        KB_RETURN_IF_ERROR(reads.Flush());
        return decision.error();
    }
    KB_ASSIGN_OR_RETURN(const auto child, uow->Children().Find(child_id));
    if (!child) return Error::NotFound("child vanished");
    ChildOverview overview;
    overview.id = child_id;
    overview.name = child->given_name + " " + child->family_name;
    overview.personal_number = child->personal_number.Display();
    overview.age = domain::AgeInYears(child->personal_number.BirthDate(), today);
    overview.protected_identity = child->protected_identity;
    overview.viewer_is_holder = decision->basis == domain::LegalBasis::kCoordinationHolder;
    KB_ASSIGN_OR_RETURN(overview.guardians, uow->Children().GuardiansOf(child_id));
    if (child->protected_identity && !domain::SeesProtectedDetails(*decision)) {
        overview.contact_details_hidden = true;
        for (auto& guardian : overview.guardians) guardian.phone.clear();
    }
    KB_ASSIGN_OR_RETURN(overview.open_plan, uow->Plans().OpenPlanOf(child_id));
    if (request.target.holder_unit_id) {
        KB_ASSIGN_OR_RETURN(const auto holder, uow->Organisations().FindUnit(*request.target.holder_unit_id));
        if (holder) {
            overview.holder_unit_name = holder->name;
            overview.transition = domain::UpcomingTransition(child->personal_number.BirthDate(), holder->kind, today,
                                                             notice_days_, school_year_);
        }
    }
    KB_ASSIGN_OR_RETURN(const auto pending, uow->Coordination().PendingHandoverOf(child_id));
    if (pending) {
        KB_ASSIGN_OR_RETURN(const auto to, uow->Organisations().FindUnit(pending->to_unit_id));
        overview.pending_handover_to = to ? to->name : std::string();
        if (overview.viewer_is_holder) {
            KB_ASSIGN_OR_RETURN(overview.plan_follow,
                                LoadPlanFollowQuestion(*uow, child_id, today, child_consent_age_));
        }
    }
    if (overview.viewer_is_holder && !pending) {
        KB_ASSIGN_OR_RETURN(overview.receiver_scope, ScopeForChild(*uow, *child, units_area));
        KB_ASSIGN_OR_RETURN(const auto units, UnitsInScope(*uow, overview.receiver_scope));
        for (const auto& unit : units) {
            if (unit.id != request.target.holder_unit_id && domain::CanHoldCoordination(unit.kind)) {
                overview.receivers.push_back({unit.id, unit.name, unit.kind});
            }
        }
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return overview;
}

Result<std::vector<TransitionTask>> ChildOverviews::UpcomingTransitions(const Actor& actor,
                                                                        const RequestContext& context) {
    using std::chrono::days;
    using std::chrono::sys_days;
    using std::chrono::years;
    const Timestamp now = clock_.Now();
    const Date today = DayOf(now);
    const auto shifted = [&](int back_years, int plus_days) {
        Date date = today.year() / today.month() / today.day() - years{back_years};
        if (!date.ok()) date = date.year() / date.month() / std::chrono::last;
        return Date{sys_days{date} + days{plus_days}};
    };
    // Born in a year whose term start (6 or 16 years on) falls in the window; the domain decides.
    const auto born_in = [&](Date first, Date last, int years_on) {
        return store::DateRange{(first.year() - years{years_on}) / std::chrono::January / 1,
                                (last.year() - years{years_on}) / std::chrono::December / 31};
    };
    const Date horizon{sys_days{today} + days{notice_days_}};
    const Date year_ago{sys_days{today} - days{366}};
    AuditedRead reads(store_, actor, context, now);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    std::vector<TransitionTask> tasks;
    std::vector<domain::UnitId> seen;
    for (const auto& assignment : actor.user.roles) {
        if (!domain::ActsForHolderUnit(assignment.role)) continue;
        if (std::find(seen.begin(), seen.end(), assignment.unit_id) != seen.end()) continue;
        seen.push_back(assignment.unit_id);
        // Förskoleklass from a year overdue to the notice; upper-secondary school and the 18th
        // birthday within the notice.
        KB_ASSIGN_OR_RETURN(const auto children,
                            uow->Coordination().HeldChildrenBornBetween(assignment.unit_id,
                                                                        {born_in(year_ago, horizon, 6),
                                                                         born_in(today, horizon, 16),
                                                                         {shifted(18, 0), shifted(18, notice_days_)}},
                                                                        200));
        for (const auto& child : children) {
            const auto transition =
                domain::UpcomingTransition(child.birth_date, assignment.unit_kind, today, notice_days_, school_year_);
            if (!transition) continue;
            AccessRequest request{domain::AccessAction::kReadChild, {}, "child", std::to_string(child.id), "list"};
            request.target.child_id = child.id;
            request.target.holder_unit_id = assignment.unit_id;
            if (!reads.Authorize(request)) continue;
            tasks.push_back({child.id, child.given_name + " " + child.family_name, *transition});
        }
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return tasks;
}

}  // namespace kronobarn::app
