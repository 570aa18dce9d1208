#include "app/wheel_assessments.hpp"
#include "store/store.hpp"

#include "app/child_access.hpp"
#include "app/child_context.hpp"

namespace kronobarn::app {
namespace {

// The access request for a child's wheel; an unknown child yields no relation (decided as denied).
Result<AccessRequest> WheelRequest(store::UnitOfWork& uow, domain::ChildId id, domain::AccessAction action,
                                   std::string audit_action, std::optional<domain::Child>& child, Timestamp now) {
    KB_ASSIGN_OR_RETURN(child, uow.Children().Find(id));
    AccessRequest request{action, {}, "wheel", std::to_string(id), std::move(audit_action)};
    if (child) {
        request.target.child_id = child->id;
        KB_RETURN_IF_ERROR(LoadChildRelations(uow, request.target, now));
    }
    return request;
}

}  // namespace

Result<WheelOverview> WheelAssessments::Overview(const Actor& actor, domain::ChildId child_id,
                                                 const RequestContext& context,
                                                 std::optional<domain::ConcernId> from_signal) {
    AuditedRead reads(store_, actor, context, clock_.Now());
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    std::optional<domain::Child> child;
    KB_ASSIGN_OR_RETURN(const auto request,
                        WheelRequest(*uow, child_id, domain::AccessAction::kReadWheel, "read", child, clock_.Now()));
    if (auto allowed = reads.Authorize(request); !allowed) {
        uow.reset();
        KB_RETURN_IF_ERROR(reads.Flush());
        return allowed.error();
    }
    WheelOverview overview;
    overview.child_id = child->id;
    overview.child_name = child->given_name + " " + child->family_name;
    KB_ASSIGN_OR_RETURN(overview.catalogue, uow->Wheel().CurrentAreas());
    KB_ASSIGN_OR_RETURN(overview.assessments, uow->Wheel().AssessmentsOf(child->id));
    if (from_signal) {
        KB_ASSIGN_OR_RETURN(const auto concern, uow->Concerns().Find(*from_signal));
        if (concern && concern->child_id == child->id) {
            AccessRequest signal_request{domain::AccessAction::kReadConcern, request.target, "concern",
                                         std::to_string(concern->id), "read_areas"};
            signal_request.target.concern = domain::ConcernFacts{
                concern->noticing_user_id, concern->holder_unit_id,
                concern->report ? std::optional(concern->report->receiving_unit_id) : std::nullopt};
            if (reads.Authorize(signal_request)) {
                overview.signal_id = concern->id;
                overview.signal_areas = concern->wheel_areas;
            }
        }
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return overview;
}

Result<domain::AssessmentId> WheelAssessments::Record(const Actor& actor, domain::ChildId child_id,
                                                      const AssessmentForm& form, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    std::optional<domain::Child> child;
    KB_ASSIGN_OR_RETURN(const auto request,
                        WheelRequest(*uow, child_id, domain::AccessAction::kEditWheel, "create", child, now));
    auto allowed = Authorize(*uow, actor, request, context, now);
    if (!allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }

    domain::WheelAssessment assessment;
    const auto assessed_on = ParseDate(form.assessed_on);
    if (!assessed_on) return Error::InvalidArgument("assessment.date_invalid");
    assessment.assessed_on = *assessed_on;
    assessment.child_id = child->id;
    assessment.sources = form.sources;
    assessment.recorded_by = actor.user.id;
    // Allowed only as the holder or the collaboration-responsible unit, so the unit is known.
    assessment.unit_id = allowed->basis == domain::LegalBasis::kCoordinationHolder
                             ? request.target.holder_unit_id.value_or(0)
                             : request.target.plan->collaboration_unit_id.value_or(0);
    assessment.recorded_at = now;
    KB_ASSIGN_OR_RETURN(const auto catalogue, uow->Wheel().CurrentAreas());
    std::vector<std::string> codes;
    for (const auto& area : catalogue) {
        codes.push_back(area.code);
        assessment.catalogue_version = area.version;
    }
    for (const auto& [code, typed] : form.areas) {
        const auto status = domain::ParseAreaStatus(typed.status.empty() ? "not_known" : typed.status);
        if (!status) return Error::InvalidArgument("assessment.status_invalid");
        assessment.areas.push_back({code, *status, typed.description, typed.child_words, typed.guardian_view,
                                    typed.professional_note, typed.support_needed});
    }
    KB_RETURN_IF_ERROR(domain::ValidateAssessment(assessment, codes, Date{std::chrono::floor<std::chrono::days>(now)}));
    KB_ASSIGN_OR_RETURN(const auto id, uow->Wheel().InsertAssessment(assessment));
    KB_RETURN_IF_ERROR(uow->Commit());
    return id;
}

}  // namespace kronobarn::app
