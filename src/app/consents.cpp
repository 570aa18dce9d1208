#include "app/consents.hpp"

#include "app/notifications.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <map>

#include "app/child_access.hpp"
#include "app/child_context.hpp"
#include "common/ids.hpp"
#include "domain/coordination.hpp"

namespace kronobarn::app {
namespace {

// Builds and authorises the request for a child's consents inside `uow`; the denied row is
// committed by the caller.
Result<AccessRequest> ConsentRequest(store::UnitOfWork& uow, domain::ChildId child, std::string object_id,
                                     std::string audit_action, Timestamp now) {
    AccessRequest request{
        domain::AccessAction::kManageConsent, {}, "consent", std::move(object_id), std::move(audit_action)};
    request.target.child_id = child;
    KB_RETURN_IF_ERROR(LoadChildRelations(uow, request.target, now));
    return request;
}

Result<domain::Consent> Parse(store::UnitOfWork& uow, const ConsentInput& input, domain::ChildId child,
                              const std::vector<domain::Guardian>& guardians) {
    domain::Consent consent;
    consent.child_id = child;
    if (input.answer == "refused") {
        consent.refused = true;
    } else if (!input.answer.empty() && input.answer != "given") {
        return Error::InvalidArgument("consent.answer_unknown");
    }
    consent.purpose = input.purpose;
    const auto from = ParseDate(input.valid_from);
    const auto to = ParseDate(input.valid_to);
    if (!from || !to) return Error::InvalidArgument("consent.date_invalid");
    consent.valid_from = *from;
    consent.valid_to = *to;
    for (const auto& text : input.unit_ids) {
        const auto id = ParsePositiveId(text);
        std::optional<domain::Unit> unit;
        if (id) {
            KB_ASSIGN_OR_RETURN(unit, uow.Organisations().FindUnit(*id));
        }
        if (!unit) return Error::InvalidArgument("consent.unit_unknown");
        if (std::find(consent.unit_ids.begin(), consent.unit_ids.end(), unit->id) == consent.unit_ids.end()) {
            consent.unit_ids.push_back(unit->id);
        }
    }
    for (const auto& code : input.categories) {
        const auto category = domain::ParseDataCategory(code);
        if (!category) return Error::InvalidArgument("consent.category_unknown");
        if (std::find(consent.categories.begin(), consent.categories.end(), *category) == consent.categories.end()) {
            consent.categories.push_back(*category);
        }
    }
    const auto form = domain::ParseConsentForm(input.form.empty() ? "written" : input.form);
    if (!form) return Error::InvalidArgument("consent.form_unknown");
    consent.form = *form;
    consent.documented_by = input.documented_by;
    for (const auto& text : input.guardian_ids) {
        const auto id = ParsePositiveId(text);
        const auto guardian = std::find_if(guardians.begin(), guardians.end(),
                                           [&](const domain::Guardian& g) { return id && g.id == *id; });
        if (guardian == guardians.end()) return Error::InvalidArgument("consent.guardian_unknown");
        consent.parties.push_back({guardian->id, guardian->given_name + " " + guardian->family_name});
    }
    if (input.child_consented) consent.parties.push_back({std::nullopt, "barnet"});
    consent.child_assessed_mature = input.child_assessed_mature;
    consent.maturity_note = input.maturity_note;
    return consent;
}

}  // namespace

Result<ConsentPage> Consents::Page(const Actor& actor, domain::ChildId child_id, const RequestContext& context,
                                   const std::string& units_area) {
    const Timestamp now = clock_.Now();
    AuditedRead reads(store_, actor, context, now);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto request, ConsentRequest(*uow, child_id, std::to_string(child_id), "list", now));
    if (auto allowed = reads.Authorize(request); !allowed) {
        uow.reset();
        KB_RETURN_IF_ERROR(reads.Flush());
        return allowed.error();
    }
    KB_ASSIGN_OR_RETURN(const auto child, uow->Children().Find(child_id));
    if (!child) return Error::NotFound("child vanished");
    ConsentPage page;
    page.child_id = child_id;
    page.child_name = child->given_name + " " + child->family_name;
    page.child_age = domain::AgeInYears(child->personal_number.BirthDate(), DayOf(now));
    page.ask_the_child = page.child_age >= child_prompt_age_;
    KB_ASSIGN_OR_RETURN(page.guardians, uow->Children().GuardiansOf(child_id));
    KB_ASSIGN_OR_RETURN(page.unit_scope, ScopeForChild(*uow, *child, units_area));
    KB_ASSIGN_OR_RETURN(const auto units, UnitsInScope(*uow, page.unit_scope));
    for (const auto& unit : units) page.units.push_back({unit.id, unit.name, unit.kind});
    std::map<domain::UnitId, std::string> names;  // of the units earlier consents name, wherever they are
    for (auto it = request.target.consents.rbegin(); it != request.target.consents.rend(); ++it) {
        ConsentItem item{*it,
                         domain::StateOf(*it, request.target.guardian_ids, DayOf(now), request.target.adult_on),
                         {},
                         domain::DaysUntilExpiry(*it, DayOf(now))};
        for (const auto unit_id : it->unit_ids) {
            if (names.count(unit_id) == 0) {
                KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(unit_id));
                names[unit_id] = unit ? unit->name : std::string();
            }
            item.unit_names.push_back(names[unit_id]);
        }
        page.consents.push_back(std::move(item));
    }
    KB_ASSIGN_OR_RETURN(page.open_plan, uow->Plans().OpenPlanOf(child_id));
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return page;
}

Result<domain::ConsentId> Consents::Record(const Actor& actor, domain::ChildId child_id, const ConsentInput& input,
                                           const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(auto request, ConsentRequest(*uow, child_id, "new", "create", now));
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    KB_ASSIGN_OR_RETURN(const auto guardians, uow->Children().GuardiansOf(child_id));
    KB_ASSIGN_OR_RETURN(auto consent, Parse(*uow, input, child_id, guardians));
    KB_RETURN_IF_ERROR(domain::ValidateConsent(consent, request.target.guardian_ids));
    consent.recorded_by = actor.user.id;
    consent.recorded_at = now;
    KB_ASSIGN_OR_RETURN(const auto id, uow->Consents().Insert(consent));
    request.object_id = std::to_string(id);
    request.audit_action = consent.refused ? "recorded_refusal" : "recorded";
    KB_RETURN_IF_ERROR(Authorize(*uow, actor, request, context, now));
    KB_RETURN_IF_ERROR(uow->Commit());
    return id;
}

Result<domain::ChildId> Consents::Withdraw(const Actor& actor, domain::ConsentId consent_id,
                                           const std::string& on_word_of, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(auto consent, uow->Consents().Find(consent_id));
    KB_ASSIGN_OR_RETURN(auto request, ConsentRequest(*uow, consent ? consent->child_id : 0, std::to_string(consent_id),
                                                     "withdraw", now));
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    KB_RETURN_IF_ERROR(domain::Withdraw(*consent, actor.user.id, on_word_of, now));
    KB_RETURN_IF_ERROR(uow->Consents().SaveWithdrawal(*consent));
    KB_RETURN_IF_ERROR(NotifyConsentWithdrawn(*uow, *consent, now));
    KB_RETURN_IF_ERROR(uow->Commit());
    return consent->child_id;
}

}  // namespace kronobarn::app
