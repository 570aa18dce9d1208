#include "domain/concern.hpp"

#include <algorithm>

namespace kronobarn::domain {

std::string_view Code(DecisionOutcome outcome) {
    switch (outcome) {
        case DecisionOutcome::kOwnOrganisation:
            return "A";
        case DecisionOutcome::kOtherOrganisation:
            return "B";
        case DecisionOutcome::kCollaboration:
            return "C";
    }
    return "A";
}

namespace {
bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }
}  // namespace

Status DecideOwnOrganisation(Concern& concern, ConcernDecision decision) {
    if (concern.status != ConcernStatus::kReceived || concern.decision) {
        return Error::FailedPrecondition("concern.already_decided");
    }
    if (Blank(decision.rationale)) return Error::InvalidArgument("decision.rationale_missing");
    if (Blank(decision.actions_taken)) return Error::InvalidArgument("decision.actions_missing");
    if (decision.rationale.size() > kMaxConcernDescription || decision.actions_taken.size() > kMaxConcernDescription) {
        return Error::InvalidArgument("decision.text_too_long");
    }
    decision.outcome = DecisionOutcome::kOwnOrganisation;
    concern.decision = std::move(decision);
    concern.status = ConcernStatus::kHandled;
    return Ok();
}

namespace {
Status DecideWithRationale(Concern& concern, ConcernDecision decision, DecisionOutcome outcome) {
    if (concern.status != ConcernStatus::kReceived || concern.decision) {
        return Error::FailedPrecondition("concern.already_decided");
    }
    if (Blank(decision.rationale)) return Error::InvalidArgument("decision.rationale_missing");
    if (decision.rationale.size() > kMaxConcernDescription) return Error::InvalidArgument("decision.text_too_long");
    decision.outcome = outcome;
    concern.decision = std::move(decision);
    concern.status = ConcernStatus::kHandled;
    return Ok();
}
}  // namespace

Status DecideOtherOrganisation(Concern& concern, ConcernDecision decision) {
    return DecideWithRationale(concern, std::move(decision), DecisionOutcome::kOtherOrganisation);
}

Status ReopenAfterDeclinedHandover(Concern& concern) {
    if (concern.status != ConcernStatus::kHandled || !concern.decision ||
        concern.decision->outcome != DecisionOutcome::kOtherOrganisation) {
        return Error::FailedPrecondition("concern.not_handed_over");
    }
    concern.status = ConcernStatus::kReceived;
    concern.decision.reset();
    return Ok();
}

Status DecideCollaboration(Concern& concern, ConcernDecision decision) {
    return DecideWithRationale(concern, std::move(decision), DecisionOutcome::kCollaboration);
}

std::string_view Code(ConcernStatus status) { return status == ConcernStatus::kHandled ? "handled" : "received"; }

Status CheckConcernText(std::string_view description) {
    const bool blank = std::all_of(description.begin(), description.end(),
                                   [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
    if (blank) return Error::InvalidArgument("concern.description_missing");
    if (description.size() > kMaxConcernDescription) return Error::InvalidArgument("concern.description_too_long");
    return Ok();
}

Status ValidateConcern(const Concern& concern, const std::vector<std::string>& known_wheel_areas, Date today) {
    KB_RETURN_IF_ERROR(CheckConcernText(concern.description));
    if (std::chrono::sys_days{concern.noticed_on} > std::chrono::sys_days{today}) {
        return Error::InvalidArgument("concern.noticed_in_future");
    }
    for (const auto& area : concern.wheel_areas) {
        if (std::find(known_wheel_areas.begin(), known_wheel_areas.end(), area) == known_wheel_areas.end()) {
            return Error::InvalidArgument("concern.wheel_area_unknown");
        }
    }
    if (concern.report) {
        if (std::chrono::sys_days{concern.report->reported_on} < std::chrono::sys_days{concern.noticed_on}) {
            return Error::InvalidArgument("concern.report_date_before_noticed");
        }
        if (std::chrono::sys_days{concern.report->reported_on} > std::chrono::sys_days{today}) {
            return Error::InvalidArgument("concern.report_in_future");
        }
    }
    return Ok();
}

}  // namespace kronobarn::domain
