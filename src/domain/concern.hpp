// Concern (oro, "signal"): what a professional noticed about a child, routed to the child's
// coordination holder. The person who noticed sees their own signal and its status afterwards, and
// nothing else of the child's file. A report of concern to social services (orosanmälan) can be
// recorded with it; that record is never shown to guardians or other participants.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::domain {

using ConcernId = std::int64_t;

enum class ConcernStatus { kReceived, kHandled };
std::string_view Code(ConcernStatus status);

struct ReportOfConcern {
    Date reported_on;
    UnitId receiving_unit_id = 0;  // a social-services unit
};

// Praxismodellen step 3: A — the own organisation meets the need; B — it lies wholly with another
// organisation (handover); C — two or more parties are needed (consent, collaboration meeting).
enum class DecisionOutcome { kOwnOrganisation, kOtherOrganisation, kCollaboration };
std::string_view Code(DecisionOutcome outcome);  // "A", "B", "C"

struct ConcernDecision {
    DecisionOutcome outcome = DecisionOutcome::kOwnOrganisation;
    std::string rationale;
    std::string actions_taken;  // for A: what the own organisation does
    UserId decided_by = 0;
    UnitId decided_unit_id = 0;
    Timestamp decided_at{};
};

struct Concern {
    ConcernId id = 0;
    ChildId child_id = 0;
    Date noticed_on;
    std::string description;               // factual: what was seen or heard
    std::string child_name_given;          // as the noticing user typed it (shown back to them)
    std::vector<std::string> wheel_areas;  // area codes touched
    bool guardians_informed = false;
    UserId noticing_user_id = 0;
    UnitId noticing_unit_id = 0;
    UnitId holder_unit_id = 0;  // where it was routed
    ConcernStatus status = ConcernStatus::kReceived;
    Timestamp registered_at{};
    std::optional<ReportOfConcern> report;
    std::optional<ConcernDecision> decision;
};

inline constexpr std::size_t kMaxConcernDescription = 4000;

// The description alone: "concern.description_missing", "concern.description_too_long".
Status CheckConcernText(std::string_view description);

// Checks what a user typed. Errors (kInvalidArgument), first found wins:
// "concern.description_missing", "concern.description_too_long", "concern.noticed_in_future",
// "concern.wheel_area_unknown", "concern.report_date_before_noticed", "concern.report_in_future".
Status ValidateConcern(const Concern& concern, const std::vector<std::string>& known_wheel_areas, Date today);

// Records decision A on a received signal and marks it handled. Errors: kFailedPrecondition
// "concern.already_decided"; kInvalidArgument "decision.rationale_missing", "decision.actions_missing",
// "decision.text_too_long" (each text at most kMaxConcernDescription).
Status DecideOwnOrganisation(Concern& concern, ConcernDecision decision);

// Records decision B (the need lies wholly with another organisation; a handover is requested) and
// marks the signal handled. Errors as DecideOwnOrganisation, without the actions requirement.
Status DecideOtherOrganisation(Concern& concern, ConcernDecision decision);

// A decision-B handover was declined: the signal goes back to the holder's inbox for a new decision
// (the declined one stays in the history). kFailedPrecondition "concern.not_handed_over" unless the
// signal is handled with decision B.
Status ReopenAfterDeclinedHandover(Concern& concern);

// Records decision C (two or more parties are needed: consent, then a collaboration meeting) and
// marks the signal handled. Errors as DecideOtherOrganisation.
Status DecideCollaboration(Concern& concern, ConcernDecision decision);

}  // namespace kronobarn::domain
