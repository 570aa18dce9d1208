// The access decision: ONE pure function answers whether an actor may do an action on a child's
// data, on which legal basis, and why not. Every use case that touches child data calls it before
// loading the data and writes its outcome to the audit log. Anything it does not explicitly allow
// is denied, and a denial of child data answers "not found", so the system never reveals that a
// child has a signal or a plan (docs/access-model.md).
//
// Bases implemented so far: coordination holder unit, collaboration-responsible unit, a plan
// participant's unit with a consent in force covering it and its sector, the noticing user for
// their own signal, social services for a recorded report of concern, the receiver of a pending
// handover, the guardian for their own child (unless a documented restriction applies) and the
// child itself for its own plan, and emergency access (read only, while a grant is active). The log
// reviewer's basis covers the audit log of their own organisation, not a child (log_review.hpp).
// Family accounts hold no roles and staff accounts no family links, so the two sets of bases never
// mix: a guardian who is also a teacher signs in with two accounts.
#pragma once

#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "common/time.hpp"
#include "domain/consent.hpp"
#include "domain/emergency_access.hpp"
#include "domain/organisation.hpp"
#include "domain/plan.hpp"
#include "domain/plan_fields.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::domain {

enum class AccessAction {
    kReadConcern,          // a signal's content and status
    kHandleConcern,        // decide on a signal, gather information
    kReadReportOfConcern,  // the orosanmälan record attached to a signal
    kReadWheel,            // information gathering on Barnets bästa-hjulet
    kEditWheel,            // record a new wheel assessment
    kAnswerHandover,       // see and accept/decline a handover request addressed to one's unit
    kReadPlan,             // Barnets plan, in the fields the reader sees (plan_fields.hpp)
    kReadPlanHistory,      // the plan's field-level change history: only for those who see the whole plan
    kEditPlan,             // change the plan (holder and collaboration-responsible unit)
    kManageConsent,        // read, record and withdraw the child's consents
    kReadChild,            // the child overview: identity, guardians, holder, links to plan and wheel
    kManageFamilyAccess,   // create the family's logins, record a restriction towards a guardian
    kWriteFamilyEntry,     // the family writes its own view or the child's words into the plan
    kManageOwnConsent,     // a guardian reads, gives and withdraws their own consents
    kReadAccessLog,        // a guardian reads who has opened the child's data
    kReportOnAction,       // report on an action of the plan: its own unit's, or the family's own
};

enum class AccessOutcome { kAllow, kDenyAsNotFound, kDenyForbidden };

enum class LegalBasis {
    kNone,
    kCoordinationHolder,
    kCollaborationResponsible,
    kParticipantWithConsent,
    kNoticingUser,
    kSocialServicesReport,
    kHandoverReceiver,
    kGuardian,          // the child's guardian, without a documented restriction
    kChildSelf,         // the child, for its own plan
    kEmergencyAccess,   // an active emergency grant of this user for this child: read only
    kLogReviewer,       // a log reviewer, for the audit log of their own organisation (log_review.hpp)
    kSteeringGroup,     // the steering group, for anonymous statistics only (statistics.hpp)
    kResearchApproval,  // a researcher's extract under a recorded ethics approval
};

std::string_view Code(AccessAction action);
std::optional<AccessAction> ParseAccessAction(std::string_view code);
std::string_view Code(AccessOutcome outcome);
std::string_view Code(LegalBasis basis);

struct ActorFacts {
    UserId user_id = 0;
    std::vector<RoleAssignment> roles;
    std::vector<FamilyLink> family;
};

struct ConcernFacts {
    UserId noticing_user_id = 0;
    UnitId routed_to_unit_id = 0;                    // the holder unit the signal was sent to
    std::optional<UnitId> report_receiving_unit_id;  // social-services unit of a recorded report
};

// The child's plan as far as access depends on it.
struct PlanFacts {
    std::vector<UnitId> participant_unit_ids;
    std::optional<UnitId> collaboration_unit_id;
    std::optional<UnitId> kept_by_unit_id;  // the plan stayed with this former holder
};

// The plan's action a report is about: whose it is.
struct ActionFacts {
    std::optional<UnitId> unit_id;  // nullopt: the family's (or the child's) own action
};

struct AccessTarget {
    ChildId child_id = 0;
    std::optional<UnitId> holder_unit_id;  // the child's current coordination holder
    bool protected_identity = false;
    std::optional<ConcernFacts> concern;                // set when the target is a signal
    std::optional<UnitId> pending_handover_to_unit_id;  // receiver of a pending handover request
    bool pending_handover_is_collaboration = false;     // of the plan's collaboration responsibility
    std::optional<PlanFacts> plan;                      // set when the child has an open plan
    std::vector<Consent> consents;                      // all of the child's consents, any state
    std::vector<GuardianId> guardian_ids;               // whose consent is required
    std::vector<GuardianId> restricted_guardian_ids;    // documented restriction: they see nothing
    Date today{};                                       // the day consents are judged on
    Timestamp now{};                                    // the moment emergency grants are judged on
    std::vector<EmergencyGrant> emergency_grants;       // the child's grants that may still be active
    std::map<UnitId, UnitKind> unit_kinds;              // of the plan's participants: whose sector a consent covers
    std::optional<ActionFacts> action;                  // set when the target is one action of the plan
    std::optional<Date> adult_on;                       // the child's 18th birthday: guardians' consents and access end
};

struct AccessDecision {
    AccessOutcome outcome = AccessOutcome::kDenyAsNotFound;
    LegalBasis basis = LegalBasis::kNone;
    std::string_view reason;  // short code for the audit log, e.g. "no_relation"

    bool Allowed() const { return outcome == AccessOutcome::kAllow; }
};

AccessDecision Decide(const ActorFacts& actor, AccessAction action, const AccessTarget& target);

// What of a plan the reader sees (domain.md §6, stories 9, 11, 12 and 15): the kind of reader by the
// decision's basis and the reader's sector, and which participants it may know take part — those
// a basis or a consent in force covers (a participant no consent covers is no party for anyone but
// the plan's keepers), and for a participant outside the protected sectors only itself and the
// holder. nullopt when the decision allows no reading of the plan.
std::optional<PlanReading> PlanReadingFor(const ActorFacts& actor, const AccessDecision& decision,
                                          const AccessTarget& target);

// The plan's participants a basis of their own (holder, collaboration-responsible unit, the unit
// that kept the plan) or a consent in force covering their unit and sector lets take part now.
// The rest are marked on the holder's page: they cannot open the plan and nobody else sees them.
std::vector<UnitId> CoveredParticipants(const AccessTarget& target);

// The role assignment the actor acted in for an allowed decision: the one at the unit the basis
// names (the holder, the collaboration unit, the participating unit, the report's receiver, the
// handover's receiver). The audit row records that role and unit, not merely the actor's first.
std::optional<RoleAssignment> ActingAssignment(const ActorFacts& actor, const AccessDecision& decision,
                                               const AccessTarget& target);

// True when the actor's unit takes part in the plan and a consent once covered it, but none does
// now (withdrawn or expired): the participant is told that a plan is no longer shared, no more.
bool LostConsentedAccess(const ActorFacts& actor, const AccessTarget& target);

// Skyddad identitet (issue 4 §6): the child's address, school or preschool and the guardians'
// contact details are shown only to those with an explicit need — the coordination holder unit.
// Everyone else who may read the child (collaboration-responsible unit, emergency access, …) sees
// the child without them.
bool SeesProtectedDetails(const AccessDecision& decision);

// Professionals who work with children may register a signal from their unit; administrators,
// log reviewers, the steering group and researchers do not act on individual children.
bool MayRegisterConcern(Role role);

}  // namespace kronobarn::domain
