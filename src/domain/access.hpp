// The access decision: ONE pure function answers whether an actor may do an action on a child's
// data, on which legal basis, and why not. Every use case that touches child data calls it before
// loading the data and writes its outcome to the audit log. Anything it does not explicitly allow
// is denied, and a denial of child data answers "not found", so the system never reveals that a
// child has a signal or a plan (docs/access-model.md).
//
// Bases implemented so far: coordination holder unit, the noticing user for their own signal,
// social services for a recorded report of concern. The trust-core issue adds consent-based
// participation, guardians, the child, emergency access and the log reviewer.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/organisation.hpp"

namespace kronobarn::domain {

enum class AccessAction {
    kReadConcern,          // a signal's content and status
    kHandleConcern,        // decide on a signal, gather information
    kReadReportOfConcern,  // the orosanmälan record attached to a signal
    kReadWheel,            // information gathering on Barnets bästa-hjulet
    kEditWheel,            // record a new wheel assessment
    kAnswerHandover,       // see and accept/decline a handover request addressed to one's unit
};

enum class AccessOutcome { kAllow, kDenyAsNotFound, kDenyForbidden };

enum class LegalBasis { kNone, kCoordinationHolder, kNoticingUser, kSocialServicesReport, kHandoverReceiver };

std::string_view Code(AccessAction action);
std::string_view Code(AccessOutcome outcome);
std::string_view Code(LegalBasis basis);

struct ActorFacts {
    UserId user_id = 0;
    std::vector<RoleAssignment> roles;
};

struct ConcernFacts {
    UserId noticing_user_id = 0;
    UnitId routed_to_unit_id = 0;                    // the holder unit the signal was sent to
    std::optional<UnitId> report_receiving_unit_id;  // social-services unit of a recorded report
};

struct AccessTarget {
    ChildId child_id = 0;
    std::optional<UnitId> holder_unit_id;  // the child's current coordination holder
    bool protected_identity = false;
    std::optional<ConcernFacts> concern;                // set when the target is a signal
    std::optional<UnitId> pending_handover_to_unit_id;  // receiver of a pending handover request
};

struct AccessDecision {
    AccessOutcome outcome = AccessOutcome::kDenyAsNotFound;
    LegalBasis basis = LegalBasis::kNone;
    std::string_view reason;  // short code for the audit log, e.g. "no_relation"

    bool Allowed() const { return outcome == AccessOutcome::kAllow; }
};

AccessDecision Decide(const ActorFacts& actor, AccessAction action, const AccessTarget& target);

// Professionals who work with children may register a signal from their unit; administrators,
// log reviewers, the steering group and researchers do not act on individual children.
bool MayRegisterConcern(Role role);

}  // namespace kronobarn::domain
