#include "domain/access.hpp"

#include "domain/coordination.hpp"

namespace kronobarn::domain {
namespace {

bool ActsForUnit(const ActorFacts& actor, UnitId unit) {
    for (const auto& assignment : actor.roles) {
        if (assignment.unit_id == unit && ActsForHolderUnit(assignment.role)) return true;
    }
    return false;
}

bool IsSocialWorkerAt(const ActorFacts& actor, UnitId unit) {
    for (const auto& assignment : actor.roles) {
        if (assignment.unit_id == unit && assignment.role == Role::kSocialWorker) return true;
    }
    return false;
}

constexpr AccessDecision Allow(LegalBasis basis, std::string_view reason) {
    return {AccessOutcome::kAllow, basis, reason};
}
constexpr AccessDecision NotFound(std::string_view reason) {
    return {AccessOutcome::kDenyAsNotFound, LegalBasis::kNone, reason};
}

}  // namespace

std::string_view Code(AccessAction action) {
    switch (action) {
        case AccessAction::kReadConcern:
            return "read_concern";
        case AccessAction::kHandleConcern:
            return "handle_concern";
        case AccessAction::kReadReportOfConcern:
            return "read_report_of_concern";
        case AccessAction::kReadWheel:
            return "read_wheel";
        case AccessAction::kEditWheel:
            return "edit_wheel";
        case AccessAction::kAnswerHandover:
            return "answer_handover";
    }
    return "unknown";
}

std::string_view Code(AccessOutcome outcome) {
    switch (outcome) {
        case AccessOutcome::kAllow:
            return "allow";
        case AccessOutcome::kDenyAsNotFound:
            return "deny_as_not_found";
        case AccessOutcome::kDenyForbidden:
            return "deny_forbidden";
    }
    return "deny_as_not_found";
}

std::string_view Code(LegalBasis basis) {
    switch (basis) {
        case LegalBasis::kNone:
            return "none";
        case LegalBasis::kCoordinationHolder:
            return "coordination_holder";
        case LegalBasis::kNoticingUser:
            return "noticing_user";
        case LegalBasis::kSocialServicesReport:
            return "social_services_report";
        case LegalBasis::kHandoverReceiver:
            return "handover_receiver";
    }
    return "none";
}

bool MayRegisterConcern(Role role) {
    switch (role) {
        case Role::kLogReviewer:
        case Role::kSystemAdmin:
        case Role::kSteeringGroup:
        case Role::kResearcher:
            return false;
        default:
            return true;
    }
}

AccessDecision Decide(const ActorFacts& actor, AccessAction action, const AccessTarget& target) {
    // 0. A handover request is answered only by the unit it is addressed to — not by the sender.
    if (action == AccessAction::kAnswerHandover) {
        if (target.pending_handover_to_unit_id && ActsForUnit(actor, *target.pending_handover_to_unit_id)) {
            return Allow(LegalBasis::kHandoverReceiver, "handover_receiver");
        }
        return NotFound("no_relation");
    }

    // 1. The coordination holder unit: the child's current holder, or for a signal the unit it
    //    was routed to (which may since have handed over, yet keeps its own signal).
    const bool holder = (target.holder_unit_id && ActsForUnit(actor, *target.holder_unit_id)) ||
                        (target.concern && ActsForUnit(actor, target.concern->routed_to_unit_id));
    if (holder) return Allow(LegalBasis::kCoordinationHolder, "holder_unit");

    // Everything below concerns one signal; the wheel is the holder's (and, with the trust core,
    // consenting participants').
    if (!target.concern || action == AccessAction::kReadWheel || action == AccessAction::kEditWheel) {
        return NotFound("no_relation");
    }
    const ConcernFacts& concern = *target.concern;

    // 2. Social services that received a recorded report of concern may read it and its signal.
    if (concern.report_receiving_unit_id && IsSocialWorkerAt(actor, *concern.report_receiving_unit_id) &&
        action != AccessAction::kHandleConcern) {
        return Allow(LegalBasis::kSocialServicesReport, "report_receiver");
    }

    // 3. The person who noticed sees their own signal (and the report they recorded), never more.
    if (concern.noticing_user_id == actor.user_id && action != AccessAction::kHandleConcern) {
        return Allow(LegalBasis::kNoticingUser, "own_signal");
    }
    return NotFound("no_relation");
}

}  // namespace kronobarn::domain
