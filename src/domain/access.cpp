#include "domain/access.hpp"

#include <algorithm>

#include "domain/coordination.hpp"

namespace kronobarn::domain {
namespace {

bool ActsForUnit(const ActorFacts& actor, UnitId unit) {
    for (const auto& assignment : actor.roles) {
        if (assignment.unit_id == unit && ActsForHolderUnit(assignment.role)) return true;
    }
    return false;
}

bool HandlesReportsAt(const ActorFacts& actor, UnitId unit) {
    for (const auto& assignment : actor.roles) {
        if (assignment.unit_id == unit && TraitsOf(assignment.role).handles_reports_of_concern) return true;
    }
    return false;
}

// The actor's role assignment at a plan participant whose sector a consent in force covers.
// With `at`, only a role at that unit counts.
std::optional<RoleAssignment> ParticipationOf(const ActorFacts& actor, const AccessTarget& target,
                                              std::optional<UnitId> at = std::nullopt) {
    if (!target.plan) return std::nullopt;
    const auto& units = target.plan->participant_unit_ids;
    for (const auto& assignment : actor.roles) {
        if (!MayRegisterConcern(assignment.role)) continue;
        if (at && assignment.unit_id != *at) continue;
        if (std::find(units.begin(), units.end(), assignment.unit_id) == units.end()) continue;
        const DataCategory category = CategoryOf(assignment.unit_kind);
        for (const auto& consent : target.consents) {
            if (Covers(consent, target.guardian_ids, assignment.unit_id, category, target.today, target.adult_on)) {
                return assignment;
            }
        }
    }
    return std::nullopt;
}

// The actor's active emergency grant for this child, at a unit where the actor still holds a role.
const EmergencyGrant* ActiveEmergencyGrant(const ActorFacts& actor, const AccessTarget& target) {
    for (const auto& grant : target.emergency_grants) {
        if (grant.user_id != actor.user_id || grant.child_id != target.child_id || !grant.ActiveAt(target.now))
            continue;
        for (const auto& assignment : actor.roles) {
            if (assignment.unit_id == grant.unit_id) return &grant;
        }
    }
    return nullptr;
}

// Emergency access reads the child overview, the wheel and the plan — never writes, signals or a
// report of concern.
bool EmergencyReadable(AccessAction action) {
    return action == AccessAction::kReadChild || action == AccessAction::kReadWheel ||
           action == AccessAction::kReadPlan;
}

constexpr AccessDecision Allow(LegalBasis basis, std::string_view reason) {
    return {AccessOutcome::kAllow, basis, reason};
}
constexpr AccessDecision NotFound(std::string_view reason) {
    return {AccessOutcome::kDenyAsNotFound, LegalBasis::kNone, reason};
}

// Family members act only on their own child's plan, consents and access log — and nothing a
// professional does (signals, the wheel, handovers, other children).
AccessDecision DecideForFamily(const ActorFacts& actor, AccessAction action, const AccessTarget& target) {
    const bool plan_action = action == AccessAction::kReadPlan || action == AccessAction::kWriteFamilyEntry;
    for (const auto& link : actor.family) {
        if (link.child_id != target.child_id || target.child_id == 0) continue;
        if (link.IsChildSelf()) {
            if (plan_action && target.plan) return Allow(LegalBasis::kChildSelf, "own_plan");
            return NotFound("no_relation");
        }
        // At 18 the young person is an adult: the guardians' access ends, the young person's stays.
        if (IsAdultBy(target.adult_on, target.today)) {
            return NotFound("child_adult");
        }
        const auto& restricted = target.restricted_guardian_ids;
        if (std::find(restricted.begin(), restricted.end(), *link.guardian_id) != restricted.end()) {
            return NotFound("guardian_restricted");
        }
        if (plan_action && target.plan) return Allow(LegalBasis::kGuardian, "own_child");
        // A guardian reports on the family's own actions, never on a professional's.
        if (action == AccessAction::kReportOnAction && target.plan) {
            if (target.action && !target.action->unit_id) return Allow(LegalBasis::kGuardian, "family_action");
            return NotFound("not_family_action");
        }
        if (action == AccessAction::kManageOwnConsent || action == AccessAction::kReadAccessLog) {
            return Allow(LegalBasis::kGuardian, "own_child");
        }
        return NotFound("no_relation");
    }
    return NotFound("no_relation");
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
        case AccessAction::kReadPlan:
            return "read_plan";
        case AccessAction::kReadPlanHistory:
            return "read_plan_history";
        case AccessAction::kEditPlan:
            return "edit_plan";
        case AccessAction::kManageConsent:
            return "manage_consent";
        case AccessAction::kReadChild:
            return "read_child";
        case AccessAction::kManageFamilyAccess:
            return "manage_family_access";
        case AccessAction::kWriteFamilyEntry:
            return "write_family_entry";
        case AccessAction::kManageOwnConsent:
            return "manage_own_consent";
        case AccessAction::kReadAccessLog:
            return "read_access_log";
        case AccessAction::kReportOnAction:
            return "report_on_action";
    }
    return "unknown";
}

std::optional<AccessAction> ParseAccessAction(std::string_view code) {
    for (auto action :
         {AccessAction::kReadConcern, AccessAction::kHandleConcern, AccessAction::kReadReportOfConcern,
          AccessAction::kReadWheel, AccessAction::kEditWheel, AccessAction::kAnswerHandover, AccessAction::kReadPlan,
          AccessAction::kReadPlanHistory, AccessAction::kEditPlan, AccessAction::kManageConsent,
          AccessAction::kReadChild, AccessAction::kManageFamilyAccess, AccessAction::kWriteFamilyEntry,
          AccessAction::kManageOwnConsent, AccessAction::kReadAccessLog, AccessAction::kReportOnAction}) {
        if (Code(action) == code) return action;
    }
    return std::nullopt;
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
        case LegalBasis::kCollaborationResponsible:
            return "collaboration_responsible";
        case LegalBasis::kParticipantWithConsent:
            return "participant_with_consent";
        case LegalBasis::kNoticingUser:
            return "noticing_user";
        case LegalBasis::kSocialServicesReport:
            return "social_services_report";
        case LegalBasis::kHandoverReceiver:
            return "handover_receiver";
        case LegalBasis::kGuardian:
            return "guardian";
        case LegalBasis::kChildSelf:
            return "child_self";
        case LegalBasis::kEmergencyAccess:
            return "emergency_access";
        case LegalBasis::kLogReviewer:
            return "log_reviewer";
        case LegalBasis::kSteeringGroup:
            return "steering_group";
        case LegalBasis::kResearchApproval:
            return "research_approval";
    }
    return "none";
}

bool MayRegisterConcern(Role role) { return TraitsOf(role).work == Work::kWithChildren; }

AccessDecision Decide(const ActorFacts& actor, AccessAction action, const AccessTarget& target) {
    // The history holds every field of every version: only those who read the whole plan read it.
    if (action == AccessAction::kReadPlanHistory) {
        const AccessDecision read = Decide(actor, AccessAction::kReadPlan, target);
        const auto reading = PlanReadingFor(actor, read, target);
        if (reading && reading->reader == PlanReader::kCoordinating) return read;
        return read.Allowed() ? NotFound("history_for_coordinating") : read;
    }
    if (!actor.family.empty()) return DecideForFamily(actor, action, target);
    // Staff never write the family's own entries or act as a guardian on consents and logs.
    if (action == AccessAction::kWriteFamilyEntry || action == AccessAction::kManageOwnConsent ||
        action == AccessAction::kReadAccessLog) {
        return NotFound("family_only");
    }

    // 0. A handover request is answered only by the unit it is addressed to — not by the sender.
    if (action == AccessAction::kAnswerHandover) {
        const auto receiver = target.pending_handover_to_unit_id;
        const bool acts = receiver && ActsForUnit(actor, *receiver);
        if (acts) {
            return Allow(LegalBasis::kHandoverReceiver, "handover_receiver");
        }
        return NotFound("no_relation");
    }

    // 1. The coordination holder unit: the child's current holder, or for a signal the unit it
    //    was routed to (which may since have handed over, yet keeps its own signal).
    //    A plan that stayed with a former holder (no consent let it move) is that unit's, not the
    //    current holder's.
    const bool plan_only = action == AccessAction::kReadPlan || action == AccessAction::kEditPlan ||
                           action == AccessAction::kReportOnAction;
    const auto kept_by = target.plan ? target.plan->kept_by_unit_id : std::nullopt;
    const bool holder = (plan_only && kept_by)
                            ? ActsForUnit(actor, *kept_by)
                            : (target.holder_unit_id && ActsForUnit(actor, *target.holder_unit_id)) ||
                                  (target.concern && ActsForUnit(actor, target.concern->routed_to_unit_id));
    if (holder) return Allow(LegalBasis::kCoordinationHolder, "holder_unit");

    // 2. The collaboration-responsible unit works on the plan and its information gathering, but
    //    signals stay with the holder they were sent to.
    const bool plan_action = action == AccessAction::kReadPlan || action == AccessAction::kEditPlan ||
                             action == AccessAction::kManageConsent || action == AccessAction::kReportOnAction;
    const bool wheel_action =
        action == AccessAction::kReadWheel || action == AccessAction::kEditWheel || action == AccessAction::kReadChild;
    if ((plan_action || wheel_action) && target.plan && target.plan->collaboration_unit_id &&
        ActsForUnit(actor, *target.plan->collaboration_unit_id)) {
        return Allow(LegalBasis::kCollaborationResponsible, "collaboration_unit");
    }

    // 3. A participating unit reads the plan while a consent in force covers it and its sector.
    if (action == AccessAction::kReadPlan && ParticipationOf(actor, target)) {
        return Allow(LegalBasis::kParticipantWithConsent, "consent_in_force");
    }

    //    It reports on its own unit's actions, not on another unit's or the family's.
    if (action == AccessAction::kReportOnAction) {
        const auto unit = target.action ? target.action->unit_id : std::nullopt;
        if (unit && ParticipationOf(actor, target, unit))
            return Allow(LegalBasis::kParticipantWithConsent, "own_action");
        return NotFound(ParticipationOf(actor, target) ? "not_own_action" : "no_consent_in_force");
    }

    // 4. Emergency access: the last resort, read only, while the actor's grant for this child lasts.
    if (EmergencyReadable(action) && ActiveEmergencyGrant(actor, target)) {
        return Allow(LegalBasis::kEmergencyAccess, "emergency_grant");
    }
    if (action == AccessAction::kReadPlan) return NotFound(target.plan ? "no_consent_in_force" : "no_relation");

    // Everything below concerns one signal.
    if (!target.concern || plan_action || wheel_action) return NotFound("no_relation");
    const ConcernFacts& concern = *target.concern;

    // 5. Social services that received a recorded report of concern may read it and its signal.
    if (concern.report_receiving_unit_id && HandlesReportsAt(actor, *concern.report_receiving_unit_id) &&
        action != AccessAction::kHandleConcern) {
        return Allow(LegalBasis::kSocialServicesReport, "report_receiver");
    }

    // 6. The person who noticed sees their own signal (and the report they recorded), never more.
    if (concern.noticing_user_id == actor.user_id && action != AccessAction::kHandleConcern) {
        return Allow(LegalBasis::kNoticingUser, "own_signal");
    }
    return NotFound("no_relation");
}

std::vector<UnitId> CoveredParticipants(const AccessTarget& target) {
    std::vector<UnitId> covered;
    if (!target.plan) return covered;
    const auto& plan = *target.plan;
    for (const UnitId unit : plan.participant_unit_ids) {
        bool own_basis =
            unit == target.holder_unit_id || unit == plan.collaboration_unit_id || unit == plan.kept_by_unit_id;
        const auto kind = target.unit_kinds.find(unit);
        if (!own_basis && kind != target.unit_kinds.end()) {
            for (const auto& consent : target.consents) {
                if (Covers(consent, target.guardian_ids, unit, CategoryOf(kind->second), target.today,
                           target.adult_on)) {
                    own_basis = true;
                    break;
                }
            }
        }
        if (own_basis) covered.push_back(unit);
    }
    return covered;
}

std::optional<PlanReading> PlanReadingFor(const ActorFacts& actor, const AccessDecision& decision,
                                          const AccessTarget& target) {
    if (!decision.Allowed() || !target.plan) return std::nullopt;
    PlanReading reading;
    reading.holder_unit = target.plan->kept_by_unit_id ? target.plan->kept_by_unit_id : target.holder_unit_id;
    switch (decision.basis) {
        case LegalBasis::kCoordinationHolder:
        case LegalBasis::kCollaborationResponsible:
        case LegalBasis::kEmergencyAccess:  // the acute need cannot be foreseen; it cannot write
            reading.reader = PlanReader::kCoordinating;
            reading.known_units = target.plan->participant_unit_ids;
            return reading;
        case LegalBasis::kGuardian:
            reading.reader = PlanReader::kGuardian;
            reading.known_units = CoveredParticipants(target);
            return reading;
        case LegalBasis::kChildSelf:
            reading.reader = PlanReader::kChild;
            reading.known_units = CoveredParticipants(target);
            return reading;
        case LegalBasis::kParticipantWithConsent:
            break;
        default:
            return std::nullopt;
    }
    const auto participation = ParticipationOf(actor, target);
    if (!participation) return std::nullopt;
    reading.own_unit = participation->unit_id;
    if (CategoryOf(participation->unit_kind) == DataCategory::kOther) {
        // That social services or BUP take part is itself sensitive: a club or the police knows
        // only itself and whom to call at the holder.
        reading.reader = PlanReader::kOtherSectorParticipant;
        reading.known_units.push_back(participation->unit_id);
        if (reading.holder_unit && *reading.holder_unit != participation->unit_id) {
            reading.known_units.push_back(*reading.holder_unit);
        }
    } else {
        reading.reader = PlanReader::kParticipant;
        reading.known_units = CoveredParticipants(target);
    }
    return reading;
}

std::optional<RoleAssignment> ActingAssignment(const ActorFacts& actor, const AccessDecision& decision,
                                               const AccessTarget& target) {
    const auto at = [&](std::optional<UnitId> unit) -> std::optional<RoleAssignment> {
        if (!unit) return std::nullopt;
        for (const auto& assignment : actor.roles) {
            if (assignment.unit_id == *unit) return assignment;
        }
        return std::nullopt;
    };
    std::optional<RoleAssignment> found;
    switch (decision.basis) {
        case LegalBasis::kCoordinationHolder:
            if (target.plan && target.plan->kept_by_unit_id) found = at(target.plan->kept_by_unit_id);
            if (!found) found = at(target.holder_unit_id);
            if (!found && target.concern) found = at(target.concern->routed_to_unit_id);
            break;
        case LegalBasis::kCollaborationResponsible:
            if (target.plan) found = at(target.plan->collaboration_unit_id);
            break;
        case LegalBasis::kParticipantWithConsent:
            found = ParticipationOf(actor, target, target.action ? target.action->unit_id : std::nullopt);
            break;
        case LegalBasis::kSocialServicesReport:
            if (target.concern) found = at(target.concern->report_receiving_unit_id);
            break;
        case LegalBasis::kHandoverReceiver:
            found = at(target.pending_handover_to_unit_id);
            break;
        case LegalBasis::kEmergencyAccess:
            if (const auto* grant = ActiveEmergencyGrant(actor, target)) found = at(grant->unit_id);
            break;
        case LegalBasis::kNoticingUser:
        case LegalBasis::kGuardian:
        case LegalBasis::kChildSelf:
        case LegalBasis::kLogReviewer:
        case LegalBasis::kSteeringGroup:
        case LegalBasis::kResearchApproval:
        case LegalBasis::kNone:
            break;
    }
    if (!found && !actor.roles.empty()) found = actor.roles.front();
    return found;
}

bool SeesProtectedDetails(const AccessDecision& decision) {
    return decision.Allowed() && decision.basis == LegalBasis::kCoordinationHolder;
}

bool LostConsentedAccess(const ActorFacts& actor, const AccessTarget& target) {
    if (!target.plan || ParticipationOf(actor, target)) return false;
    const auto& units = target.plan->participant_unit_ids;
    for (const auto& assignment : actor.roles) {
        if (!MayRegisterConcern(assignment.role)) continue;
        if (std::find(units.begin(), units.end(), assignment.unit_id) == units.end()) continue;
        for (const auto& consent : target.consents) {
            const auto state = StateOf(consent, target.guardian_ids, target.today, target.adult_on);
            const bool ended = state == ConsentState::kWithdrawn || state == ConsentState::kExpired;
            if (ended && std::find(consent.unit_ids.begin(), consent.unit_ids.end(), assignment.unit_id) !=
                             consent.unit_ids.end()) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace kronobarn::domain
