#include "app/family_view.hpp"

#include "app/notifications.hpp"
#include "store/store.hpp"

#include "app/child_access.hpp"
#include "app/child_context.hpp"

#include <limits>
#include <utility>

namespace kronobarn::app {
namespace {

AccessRequest ChildRequest(domain::AccessAction action, domain::ChildId child, std::string object_type,
                           std::string object_id, std::string audit_action) {
    AccessRequest request{action, {}, std::move(object_type), std::move(object_id), std::move(audit_action)};
    request.target.child_id = child;
    return request;
}

}  // namespace

const domain::FamilyLink* LinkTo(const Actor& actor, domain::ChildId child) {
    for (const auto& link : actor.user.family) {
        if (link.child_id == child) return &link;
    }
    return nullptr;
}

Result<std::vector<FamilyChild>> FamilyView::Children(const Actor& actor, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    AuditedRead reads(store_, actor, context, now);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    std::vector<FamilyChild> out;
    for (const auto& link : actor.user.family) {
        auto request = ChildRequest(domain::AccessAction::kReadPlan, link.child_id, "plan", "", "list");
        KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
        // Only a child with a plan is listed, and only when the family member may see it: no row
        // is written for a child without a plan, as nothing of the child is shown.
        if (!request.target.plan) continue;
        if (reads.Authorize(request)) out.push_back({link.child_id, link.child_name, link.IsChildSelf()});
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return out;
}

Result<PlanView> FamilyView::Plan(const Actor& actor, domain::ChildId child, const RequestContext& context,
                                  std::string audit_action) {
    domain::PlanId plan_id = 0;
    {
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
        KB_ASSIGN_OR_RETURN(const auto open, uow->Plans().OpenPlanOf(child));
        if (open) plan_id = *open;
    }
    if (plan_id == 0) {
        // Audited like any other miss, then "not found".
        const Timestamp now = clock_.Now();
        AuditedRead reads(store_, actor, context, now);
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
        auto request = ChildRequest(domain::AccessAction::kReadPlan, child, "plan", "", std::move(audit_action));
        KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
        auto decision = reads.Authorize(request);
        uow.reset();
        KB_RETURN_IF_ERROR(reads.Flush());
        return Error::NotFound("no open plan");
    }
    auto view = plans_.View(actor, plan_id, context, false, std::move(audit_action));
    if (view) {
        if (const auto* link = LinkTo(actor, child)) view->reader_guardian = link->guardian_id;
    }
    return view;
}

Status FamilyView::Write(const Actor& actor, domain::ChildId child, const std::string& kind_code,
                         const std::string& text, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto plan_id, uow->Plans().OpenPlanOf(child));
    auto request = ChildRequest(domain::AccessAction::kWriteFamilyEntry, child, "family_entry",
                                plan_id ? std::to_string(*plan_id) : "", "create");
    KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    const auto kind = domain::ParseFamilyEntryKind(kind_code);
    if (!kind) return Error::InvalidArgument("family.entry_kind_unknown");
    const domain::FamilyLink* link = LinkTo(actor, child);
    domain::FamilyEntry entry;
    entry.plan_id = *plan_id;
    entry.child_id = child;
    entry.kind = *kind;
    entry.text = text;
    entry.written_by = actor.user.id;
    entry.guardian_id = link->guardian_id;
    entry.author_name = actor.user.display_name;
    entry.written_at = now;
    KB_RETURN_IF_ERROR(domain::ValidateFamilyEntry(entry));
    KB_RETURN_IF_ERROR(uow->Family().InsertEntry(entry));
    return uow->Commit();
}

Status FamilyView::AgreeToPlan(const Actor& actor, domain::ChildId child, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto plan_id, uow->Plans().OpenPlanOf(child));
    auto request = ChildRequest(domain::AccessAction::kWriteFamilyEntry, child, "plan",
                                plan_id ? std::to_string(*plan_id) : "", "agree");
    KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
    const domain::FamilyLink* link = LinkTo(actor, child);
    // Only a guardian has a guardian's part: the child's own account is refused like a stranger.
    if (link != nullptr && link->IsChildSelf()) request.target.plan.reset();
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    KB_ASSIGN_OR_RETURN(auto plan, uow->Plans().Find(*plan_id));
    if (!plan) return Error::NotFound("no open plan");
    KB_ASSIGN_OR_RETURN(const auto guardians, uow->Children().GuardiansOf(child));
    std::string name = actor.user.display_name;
    for (const auto& guardian : guardians) {
        if (guardian.id == link->guardian_id) name = guardian.given_name + " " + guardian.family_name;
    }
    const domain::Plan before = *plan;
    KB_RETURN_IF_ERROR(domain::AgreeInFamilyView(*plan, *link->guardian_id, name, DayOf(now)));
    KB_RETURN_IF_ERROR(uow->Plans().Save(before, *plan, actor.user.id, now));
    return uow->Commit();
}

Status FamilyView::ReportOnAction(const Actor& actor, domain::ChildId child, const domain::ActionReport& report,
                                  const RequestContext& context) {
    domain::PlanId plan_id = 0;  // none: the report is refused and audited like any other miss
    {
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
        KB_ASSIGN_OR_RETURN(const auto open, uow->Plans().OpenPlanOf(child));
        if (open) plan_id = *open;
    }
    return plans_.ReportOnAction(actor, plan_id, report, context);
}

Result<FamilyConsentPage> FamilyView::Consents(const Actor& actor, domain::ChildId child_id,
                                               const RequestContext& context) {
    const Timestamp now = clock_.Now();
    const Date today = DayOf(now);
    AuditedRead reads(store_, actor, context, now);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    auto request =
        ChildRequest(domain::AccessAction::kManageOwnConsent, child_id, "consent", std::to_string(child_id), "list");
    KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
    if (auto allowed = reads.Authorize(request); !allowed) {
        uow.reset();
        KB_RETURN_IF_ERROR(reads.Flush());
        return allowed.error();
    }
    FamilyConsentPage page;
    page.child_id = child_id;
    if (const auto* link = LinkTo(actor, child_id)) page.child_name = link->child_name;
    const auto my_guardian = LinkTo(actor, child_id)->guardian_id;
    KB_ASSIGN_OR_RETURN(const auto units, uow->Organisations().ListUnits());
    for (auto it = request.target.consents.rbegin(); it != request.target.consents.rend(); ++it) {
        FamilyConsentItem entry;
        entry.item = {*it,
                      domain::StateOf(*it, request.target.guardian_ids, today, request.target.adult_on),
                      {},
                      domain::DaysUntilExpiry(*it, today)};
        for (const auto unit_id : it->unit_ids) {
            for (const auto& unit : units) {
                if (unit.id == unit_id) entry.item.unit_names.push_back(unit.name);
            }
        }
        for (const auto& party : it->parties) {
            if (party.guardian_id && party.guardian_id == my_guardian) entry.given_by_me = true;
        }
        const auto state = entry.item.state;
        const bool open = state != domain::ConsentState::kWithdrawn && state != domain::ConsentState::kExpired &&
                          state != domain::ConsentState::kRefused;
        entry.may_withdraw = open;
        entry.may_give = open && !entry.given_by_me;
        page.consents.push_back(std::move(entry));
    }
    KB_ASSIGN_OR_RETURN(page.plan_follow, LoadPlanFollowQuestion(*uow, child_id, today, options_.child_consent_age));
    if (page.plan_follow) {
        for (const auto& person : page.plan_follow->people) {
            if (person.guardian_id && person.guardian_id == my_guardian) page.my_plan_follow_answer = person.answer;
        }
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return page;
}

Result<domain::ChildId> FamilyView::AnswerPlanFollow(const Actor& actor, domain::HandoverId id,
                                                     std::optional<domain::PlanFollowAnswerKind> answer,
                                                     const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto handover, uow->Coordination().FindHandover(id));
    const domain::ChildId child = handover ? handover->child_id : 0;
    auto request = ChildRequest(domain::AccessAction::kManageOwnConsent, child, "handover", std::to_string(id),
                                "plan_follow_answer");
    KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    if (handover->state != domain::HandoverState::kPending || handover->kind != domain::HandoverKind::kCoordination) {
        return Error::FailedPrecondition("handover.not_pending");
    }
    if (!answer) return Error::InvalidArgument("family.plan_follow.answer_unknown");
    KB_ASSIGN_OR_RETURN(const auto open, uow->Plans().OpenPlanOf(child));
    if (!open) return Error::FailedPrecondition("plan_follow.no_plan");
    const auto guardian = LinkTo(actor, child)->guardian_id;
    KB_ASSIGN_OR_RETURN(const auto deciders, PlanFollowDecidersOf(*uow, child, DayOf(now), options_.child_consent_age));
    KB_RETURN_IF_ERROR(domain::CheckPlanFollowDecider(deciders, guardian));
    KB_RETURN_IF_ERROR(uow->Coordination().InsertPlanFollowAnswer(
        {id, guardian, *answer, domain::PlanFollowVia::kFamilyView, actor.user.id, now}));
    KB_RETURN_IF_ERROR(uow->Commit());
    return child;
}

Result<domain::ChildId> FamilyView::WithdrawConsent(const Actor& actor, domain::ConsentId consent,
                                                    const RequestContext& context) {
    return ChangeConsent(actor, consent, false, context);
}

Result<domain::ChildId> FamilyView::GiveConsent(const Actor& actor, domain::ConsentId consent,
                                                const RequestContext& context) {
    return ChangeConsent(actor, consent, true, context);
}

Result<domain::ChildId> FamilyView::ChangeConsent(const Actor& actor, domain::ConsentId consent_id, bool give,
                                                  const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(auto consent, uow->Consents().Find(consent_id));
    auto request = ChildRequest(domain::AccessAction::kManageOwnConsent, consent ? consent->child_id : 0, "consent",
                                std::to_string(consent_id), give ? "give" : "withdraw");
    if (consent) KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    const domain::FamilyLink* link = LinkTo(actor, consent->child_id);
    KB_ASSIGN_OR_RETURN(const auto guardians, uow->Children().GuardiansOf(consent->child_id));
    const domain::Guardian* me = nullptr;
    for (const auto& guardian : guardians) {
        if (guardian.id == link->guardian_id) me = &guardian;
    }
    if (me == nullptr) return Error::NotFound("guardian");
    if (give) {
        KB_RETURN_IF_ERROR(domain::GiveConsent(*consent, *me, request.target.guardian_ids, DayOf(now)));
        KB_RETURN_IF_ERROR(uow->Consents().AddParty(consent_id, static_cast<int>(consent->parties.size()) - 1,
                                                    consent->parties.back()));
    } else {
        if (!consent->withdrawn_at && DayOf(now) > consent->valid_to) {
            return Error::FailedPrecondition("consent.already_expired");
        }
        KB_RETURN_IF_ERROR(domain::Withdraw(*consent, actor.user.id, me->given_name + " " + me->family_name, now));
        KB_RETURN_IF_ERROR(uow->Consents().SaveWithdrawal(*consent));
        KB_RETURN_IF_ERROR(NotifyConsentWithdrawn(*uow, *consent, now));
    }
    KB_RETURN_IF_ERROR(uow->Commit());
    return consent->child_id;
}

Result<FamilyAccessLog> FamilyView::AccessLog(const Actor& actor, domain::ChildId child_id,
                                              std::optional<std::int64_t> before, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    AuditedRead reads(store_, actor, context, now);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    auto request =
        ChildRequest(domain::AccessAction::kReadAccessLog, child_id, "access_log", std::to_string(child_id), "read");
    KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
    if (auto allowed = reads.Authorize(request); !allowed) {
        uow.reset();
        KB_RETURN_IF_ERROR(reads.Flush());
        return allowed.error();
    }
    FamilyAccessLog log;
    log.child_id = child_id;
    log.child_name = LinkTo(actor, child_id)->child_name;
    log.shows_names = options_.access_log_shows_names;
    log.is_newest_page = !before.has_value();
    // One row more than a page tells whether an older page exists without counting the child's rows.
    KB_ASSIGN_OR_RETURN(log.entries,
                        uow->Family().AccessLogOf(child_id, before.value_or(std::numeric_limits<std::int64_t>::max()),
                                                  options_.access_log_page_size + 1));
    if (std::cmp_greater(log.entries.size(), options_.access_log_page_size)) {
        log.entries.resize(static_cast<std::size_t>(options_.access_log_page_size));
        log.older_before = log.entries.back().sequence;
    }
    KB_ASSIGN_OR_RETURN(log.emergency, EmergencyNoticesOf(*uow, child_id));
    if (!log.shows_names) {
        for (auto& entry : log.entries) entry.user_name.clear();
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return log;
}

Result<domain::ChildId> FamilyView::ChildOfConsent(domain::ConsentId consent) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto found, uow->Consents().Find(consent));
    return found ? found->child_id : domain::ChildId{0};
}

}  // namespace kronobarn::app
