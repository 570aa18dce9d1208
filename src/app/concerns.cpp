#include "app/concerns.hpp"
#include "app/notifications.hpp"
#include "store/store.hpp"

#include <algorithm>

#include "app/child_access.hpp"
#include "app/concern_routing.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "domain/access.hpp"
#include "domain/coordination.hpp"
#include "domain/personal_number.hpp"

namespace kronobarn::app {
namespace {

// Names compared as a person would: case, and spaces around and between words, do not count.
bool SameName(std::string_view a, std::string_view b) {
    const auto words = [](std::string_view text) {
        std::string out;
        for (const char c : text) {
            if (c == ' ' || c == '\t') {
                if (!out.empty() && out.back() != ' ') out += ' ';
            } else {
                out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            }
        }
        if (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    };
    return words(a) == words(b);
}

Date Today(Timestamp now) { return Date{std::chrono::floor<std::chrono::days>(now)}; }

domain::AuditEvent WriteEvent(const Actor& actor, const domain::RoleAssignment& acting_as, domain::ChildId child,
                              std::string object_type, std::string object_id, const RequestContext& context,
                              Timestamp now) {
    domain::AuditEvent event;
    event.at = now;
    event.user_id = actor.user.id;
    event.role = std::string(domain::Code(acting_as.role));
    event.unit_id = acting_as.unit_id;
    event.organisation_id = acting_as.organisation_id;
    event.child_id = child;
    event.object_type = std::move(object_type);
    event.object_id = std::move(object_id);
    event.action = "create";
    event.legal_basis = "register_concern";
    event.request_id = context.request_id;
    return event;
}

}  // namespace

Result<ConcernFormOptions> Concerns::FormOptions(const Actor& actor) {
    ConcernFormOptions options;
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(options.wheel_areas, uow->Wheel().CurrentAreas());
    for (const auto& assignment : actor.user.roles) {
        if (!domain::MayRegisterConcern(assignment.role)) continue;
        KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(assignment.unit_id));
        const bool listed = std::any_of(options.my_units.begin(), options.my_units.end(),
                                        [&](const UnitChoice& u) { return u.id == assignment.unit_id; });
        if (unit && !listed) options.my_units.push_back({unit->id, unit->name, unit->kind});
    }
    for (auto kind : {domain::UnitKind::kPreschool, domain::UnitKind::kSchoolUnit, domain::UnitKind::kBvc}) {
        KB_ASSIGN_OR_RETURN(const auto units, uow->Organisations().ListUnitsOfKind(kind, std::nullopt));
        for (const auto& unit : units) options.child_units.push_back({unit.id, unit.name, unit.kind});
    }
    KB_ASSIGN_OR_RETURN(const auto social,
                        uow->Organisations().ListUnitsOfKind(domain::UnitKind::kSocialServices, std::nullopt));
    for (const auto& unit : social) options.social_services.push_back({unit.id, unit.name, unit.kind});
    return options;
}

Result<domain::ConcernId> Concerns::Register(const Actor& actor, const ConcernForm& form,
                                             const RequestContext& context) {
    const Timestamp now = clock_.Now();
    const Date today = Today(now);

    // Phase 1: parse what was typed, every field before answering, so a person corrects all at once.
    std::vector<FieldError> problems;
    const auto number = domain::PersonalNumber::Parse(form.personal_number, today);
    if (!number) problems.push_back({"personal_number", number.error().message_key});
    // The model covers children 0–18; an adult's own services take a concern about an adult.
    if (number && domain::IsAdult(number->BirthDate(), today)) {
        problems.push_back({"personal_number", "concern.adult"});
    }
    const std::string given_name = Trimmed(form.given_name), family_name = Trimmed(form.family_name);
    if (given_name.empty() || given_name.size() > 100) problems.push_back({"given_name", "concern.child_name_missing"});
    if (family_name.empty() || family_name.size() > 100) {
        problems.push_back({"family_name", "concern.child_name_missing"});
    }
    const auto noticed_on = ParseDate(Trimmed(form.noticed_on));
    if (!noticed_on) problems.push_back({"noticed_on", "concern.noticed_on_invalid"});
    const auto noticing_unit_id = ParsePositiveId(form.noticing_unit_id);
    const auto acting_as = std::find_if(actor.user.roles.begin(), actor.user.roles.end(), [&](const auto& assignment) {
        return noticing_unit_id && assignment.unit_id == *noticing_unit_id &&
               domain::MayRegisterConcern(assignment.role);
    });
    if (acting_as == actor.user.roles.end()) problems.push_back({"noticing_unit_id", "concern.unit_not_yours"});
    if (const auto text = domain::CheckConcernText(form.description); !text) {
        problems.push_back({"description", text.error().message_key});
    }
    std::optional<Date> reported_on;
    std::optional<std::int64_t> report_unit;
    if (form.report_made) {
        reported_on = ParseDate(Trimmed(form.report_date));
        if (!reported_on) problems.push_back({"report_date", "concern.report_date_invalid"});
        report_unit = ParsePositiveId(form.report_unit_id);
        if (!report_unit) problems.push_back({"report_unit_id", "concern.report_unit_invalid"});
    }
    if (!problems.empty()) return Error::InvalidFields(std::move(problems));

    domain::Concern concern;
    concern.noticed_on = *noticed_on;
    concern.description = form.description;
    concern.child_name_given = given_name + " " + family_name;
    concern.wheel_areas = form.wheel_areas;
    concern.guardians_informed = form.guardians_informed;
    concern.noticing_user_id = actor.user.id;
    concern.noticing_unit_id = *noticing_unit_id;
    concern.registered_at = now;
    if (form.report_made) concern.report = domain::ReportOfConcern{*reported_on, *report_unit};

    // Phase 2: validate against the catalogue and the units, in the write transaction.
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto areas, uow->Wheel().CurrentAreas());
    std::vector<std::string> area_codes;
    for (const auto& area : areas) area_codes.push_back(area.code);
    KB_RETURN_IF_ERROR(domain::ValidateConcern(concern, area_codes, today));
    if (concern.report) {
        KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(concern.report->receiving_unit_id));
        if (!unit || unit->kind != domain::UnitKind::kSocialServices) {
            return Error::InvalidArgument("concern.report_unit_invalid");
        }
    }
    KB_ASSIGN_OR_RETURN(const auto noticing_unit, uow->Organisations().FindUnit(*noticing_unit_id));
    if (!noticing_unit) return Error::InvalidArgument("concern.unit_not_yours");

    // Phase 3: find or create the child. The answer never depends on which happened.
    KB_ASSIGN_OR_RETURN(auto child, uow->Children().FindByPersonalNumber(number->Normalised()));
    if (!child) {
        domain::Child created{.personal_number = *number};
        created.given_name = given_name;
        created.family_name = family_name;
        if (!Trimmed(form.child_unit_id).empty()) {
            const auto unit_id = ParsePositiveId(Trimmed(form.child_unit_id));
            std::optional<domain::Unit> unit;
            if (unit_id) {
                KB_ASSIGN_OR_RETURN(unit, uow->Organisations().FindUnit(*unit_id));
            }
            if (!unit) return Error::InvalidArgument("concern.child_unit_unknown");
            if (unit->kind == domain::UnitKind::kBvc) {
                created.health_unit_id = unit->id;
            } else if (unit->kind == domain::UnitKind::kPreschool || unit->kind == domain::UnitKind::kSchoolUnit) {
                created.school_unit_id = unit->id;
            } else {
                return Error::InvalidArgument("concern.child_unit_unknown");
            }
        }
        for (const std::string* typed : {&form.guardian_1, &form.guardian_2}) {
            const std::string name(Trimmed(*typed));
            if (name.empty()) continue;
            if (name.size() > 200) return Error::InvalidArgument("concern.guardian_name_too_long");
            const auto space = name.rfind(' ');
            domain::Guardian guardian;
            guardian.given_name = space == std::string::npos ? name : name.substr(0, space);
            guardian.family_name = space == std::string::npos ? std::string() : name.substr(space + 1);
            created.guardians.push_back(std::move(guardian));
        }
        created.joint_custody = created.guardians.size() == 2;
        KB_ASSIGN_OR_RETURN(created.id, uow->Children().Insert(created));
        KB_RETURN_IF_ERROR(uow->Audit().Append(
            WriteEvent(actor, *acting_as, created.id, "child", std::to_string(created.id), context, now)));
        child = std::move(created);
    }

    // Phase 4: route to the holder, assigning the default holder when the child has none.
    KB_ASSIGN_OR_RETURN(auto holder, uow->Coordination().FindHolder(child->id));
    if (!holder) {
        KB_ASSIGN_OR_RETURN(holder, DefaultHolderUnit(*uow, *child, *noticing_unit, today, school_year_));
        if (!holder) return Error::FailedPrecondition("concern.no_holder");
        KB_RETURN_IF_ERROR(uow->Coordination().SetHolder(child->id, *holder, now));
        KB_RETURN_IF_ERROR(uow->Audit().Append(
            WriteEvent(actor, *acting_as, child->id, "coordination_holder", std::to_string(*holder), context, now)));
    }
    concern.child_id = child->id;
    concern.holder_unit_id = *holder;
    KB_ASSIGN_OR_RETURN(const auto id, uow->Concerns().Insert(concern));
    KB_RETURN_IF_ERROR(
        uow->Audit().Append(WriteEvent(actor, *acting_as, child->id, "concern", std::to_string(id), context, now)));
    // The holder's mailbox learns that a signal waits, in this same transaction: nothing about the child.
    KB_RETURN_IF_ERROR(
        NotifyUnit(*uow, *holder, {domain::NotificationKind::kNewSignal, "/oro/" + std::to_string(id)}, now));
    KB_RETURN_IF_ERROR(uow->Commit());
    return id;
}

Result<AccessRequest> Concerns::RequestFor(store::UnitOfWork& uow, domain::ConcernId id, domain::AccessAction action,
                                           std::string audit_action, std::optional<domain::Concern>& concern,
                                           std::optional<domain::Child>& child) {
    KB_ASSIGN_OR_RETURN(concern, uow.Concerns().Find(id));
    if (concern) {
        KB_ASSIGN_OR_RETURN(child, uow.Children().Find(concern->child_id));
    }
    AccessRequest request{action, {}, "concern", std::to_string(id), std::move(audit_action)};
    if (concern && child) {
        KB_ASSIGN_OR_RETURN(const auto holder, uow.Coordination().FindHolder(child->id));
        request.target = {
            child->id, holder, child->protected_identity,
            domain::ConcernFacts{concern->noticing_user_id, concern->holder_unit_id,
                                 concern->report ? std::optional(concern->report->receiving_unit_id) : std::nullopt}};
    }
    return request;
}

Result<ConcernView> Concerns::View(const Actor& actor, domain::ConcernId id, const RequestContext& context,
                                   const std::string& units_area) {
    AuditedRead reads(store_, actor, context, clock_.Now());
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    std::optional<domain::Concern> concern;
    std::optional<domain::Child> child;
    KB_ASSIGN_OR_RETURN(const auto request,
                        RequestFor(*uow, id, domain::AccessAction::kReadConcern, "read", concern, child));
    auto decision = reads.Authorize(request);
    if (!decision) {
        uow.reset();                        // release the read snapshot before waiting for the flush
        KB_RETURN_IF_ERROR(reads.Flush());  // the denied attempt is recorded before answering
        return decision.error();
    }

    ConcernView view;
    view.concern = std::move(*concern);
    view.viewer_is_holder = decision->basis == domain::LegalBasis::kCoordinationHolder;
    // Only the holder sees the registered name; the noticing user sees what they typed, so the
    // page never confirms who is registered under a personal number (no oracle).
    const bool sees_registered_identity =
        view.viewer_is_holder || decision->basis == domain::LegalBasis::kSocialServicesReport;
    view.child_name =
        sees_registered_identity ? child->given_name + " " + child->family_name : view.concern.child_name_given;
    view.child_personal_number = child->personal_number.Display();
    if (view.viewer_is_holder && !SameName(view.concern.child_name_given, view.child_name)) {
        view.name_in_signal = view.concern.child_name_given;
    }
    KB_ASSIGN_OR_RETURN(const auto noticer, uow->Users().Find(view.concern.noticing_user_id));
    if (noticer) view.noticed_by = noticer->display_name;
    KB_ASSIGN_OR_RETURN(const auto noticing_unit, uow->Organisations().FindUnit(view.concern.noticing_unit_id));
    if (noticing_unit) view.noticed_at_unit = noticing_unit->name;
    KB_ASSIGN_OR_RETURN(const auto areas, uow->Wheel().CurrentAreas());
    for (const auto& code : view.concern.wheel_areas) {
        const auto area = std::find_if(areas.begin(), areas.end(), [&](const auto& a) { return a.code == code; });
        view.wheel_area_labels.push_back(area != areas.end() ? area->label_sv : code);
    }
    // Before deciding too: decision C on a child with a plan links the signal to it.
    if (view.viewer_is_holder &&
        (!view.concern.decision || view.concern.decision->outcome == domain::DecisionOutcome::kCollaboration)) {
        KB_ASSIGN_OR_RETURN(view.open_plan_id, uow->Plans().OpenPlanOf(child->id));
    }
    if (view.viewer_is_holder && !view.concern.decision) {
        KB_ASSIGN_OR_RETURN(view.receiver_scope, ScopeForChild(*uow, *child, units_area));
        KB_ASSIGN_OR_RETURN(const auto units, UnitsInScope(*uow, view.receiver_scope));
        for (const auto& unit : units) {
            if (unit.id != view.concern.holder_unit_id && domain::CanHoldCoordination(unit.kind)) {
                view.receivers.push_back({unit.id, unit.name, unit.kind});
            }
        }
    }
    if (view.concern.report) {
        AccessRequest report_request = request;
        report_request.action = domain::AccessAction::kReadReportOfConcern;
        report_request.object_type = "report_of_concern";
        if (domain::Decide(FactsOf(actor), report_request.action, report_request.target).Allowed()) {
            KB_RETURN_IF_ERROR(reads.Authorize(report_request));
            KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(view.concern.report->receiving_unit_id));
            view.show_report = true;
            view.report_unit_name = unit ? unit->name : std::string();
        }
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());  // no data leaves before its audit rows are durable
    return view;
}

Result<InboxPage> Concerns::Inbox(const Actor& actor, const RequestContext& context, std::size_t limit) {
    const Timestamp now = clock_.Now();
    std::vector<std::pair<store::InboxEntry, domain::UnitId>> collected;
    AuditedRead reads(store_, actor, context, now);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    std::vector<domain::UnitId> seen_units;
    for (const auto& assignment : actor.user.roles) {
        if (!domain::ActsForHolderUnit(assignment.role)) continue;
        if (std::find(seen_units.begin(), seen_units.end(), assignment.unit_id) != seen_units.end()) continue;
        seen_units.push_back(assignment.unit_id);
        KB_ASSIGN_OR_RETURN(const auto entries, uow->Concerns().Inbox(assignment.unit_id, static_cast<int>(kInboxMax)));
        for (const auto& entry : entries) collected.emplace_back(entry, assignment.unit_id);
    }
    std::stable_sort(collected.begin(), collected.end(),
                     [](const auto& a, const auto& b) { return a.first.registered_at < b.first.registered_at; });
    InboxPage page;
    page.total = collected.size();
    // Only the signals shown are read (and audited); the rest are counted.
    for (const auto& [entry, unit] : collected) {
        if (page.items.size() == limit) break;
        AccessRequest request{domain::AccessAction::kReadConcern,
                              {entry.child_id, std::nullopt, false, domain::ConcernFacts{0, unit, {}}},
                              "concern",
                              std::to_string(entry.concern_id),
                              "list"};
        auto allowed = reads.Authorize(request);
        if (!allowed) continue;  // cannot happen for the actor's own holder unit; audited either way
        const auto days = std::chrono::floor<std::chrono::days>(now - entry.registered_at).count();
        InboxItem item{entry.concern_id, entry.child_given_name + " " + entry.child_family_name, entry.birth_date,
                       static_cast<int>(days), ""};
        if (!SameName(entry.child_name_given, item.child_name)) item.name_in_signal = entry.child_name_given;
        page.items.push_back(std::move(item));
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return page;
}

Status Concerns::DecideOwnOrganisation(const Actor& actor, domain::ConcernId id, const std::string& rationale,
                                       const std::string& actions_taken, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    std::optional<domain::Concern> concern;
    std::optional<domain::Child> child;
    KB_ASSIGN_OR_RETURN(const auto request,
                        RequestFor(*uow, id, domain::AccessAction::kHandleConcern, "decide", concern, child));
    auto allowed = Authorize(*uow, actor, request, context, now);
    if (!allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    domain::ConcernDecision decision;
    decision.rationale = rationale;
    decision.actions_taken = actions_taken;
    decision.decided_by = actor.user.id;
    decision.decided_unit_id = concern->holder_unit_id;
    decision.decided_at = now;
    KB_RETURN_IF_ERROR(domain::DecideOwnOrganisation(*concern, decision));
    KB_RETURN_IF_ERROR(uow->Concerns().SaveDecision(id, *concern->decision));
    return uow->Commit();
}

Result<std::vector<store::OwnConcernEntry>> Concerns::Mine(const Actor& actor, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    AuditedRead reads(store_, actor, context, now);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(auto entries, uow->Concerns().ByNoticingUser(actor.user.id, 20));
    std::vector<store::OwnConcernEntry> shown;
    for (auto& entry : entries) {
        AccessRequest request{domain::AccessAction::kReadConcern,
                              {entry.child_id, std::nullopt, false, domain::ConcernFacts{actor.user.id, 0, {}}},
                              "concern",
                              std::to_string(entry.concern_id),
                              "list"};
        if (reads.Authorize(request)) shown.push_back(std::move(entry));
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return shown;
}

}  // namespace kronobarn::app
