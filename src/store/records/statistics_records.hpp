// The records statistics and research extracts are computed from: one row per event, keyed by the
// child's internal id (never shown: statistics count, extracts replace it by a pseudonym) and
// without names, personal numbers or free text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::store {

// What every record says about the child: enough for an age band and a municipality.
struct ChildFacts {
    domain::ChildId child_id = 0;
    Date birth_date{};
    std::string municipality;  // the area of the child's school unit, else of its BVC; "" when county-wide
};

struct SignalRecord {
    ChildFacts child;
    std::int64_t concern_id = 0;
    Timestamp registered_at{};
    domain::UnitKind noticing_kind = domain::UnitKind::kAdministration;
    std::vector<std::string> wheel_areas;
    std::string outcome;  // "A"/"B"/"C", empty while undecided
    std::optional<Timestamp> decided_at;
    domain::UnitKind deciding_kind = domain::UnitKind::kAdministration;
    std::optional<Date> report_date;  // an orosanmälan recorded with the signal
};

struct ConsentRecord {
    ChildFacts child;
    Timestamp recorded_at{};
    Date valid_to{};
    std::optional<Timestamp> withdrawn_at;
    std::string categories;  // "school,health,…"
    bool refused = false;    // asked for and refused: lifts nothing, never ends
};

struct MeetingRecord {
    ChildFacts child;
    std::int64_t plan_id = 0;
    Date held_on{};
    std::string kind;  // collaboration / follow_up
    bool child_present = false;
    std::optional<Date> next_meeting;  // the follow-up this meeting set
};

struct HandoverRecord {
    ChildFacts child;
    Timestamp requested_at{};
    std::optional<Timestamp> answered_at;
    std::string state;  // pending / accepted / declined / cancelled
    std::string kind;   // coordination / collaboration
    domain::UnitKind from_kind = domain::UnitKind::kAdministration;
    domain::UnitKind to_kind = domain::UnitKind::kAdministration;
    bool after_decision = false;  // asked for by decision B on a signal, not by a stage transition
    // For an accepted coordination handover of a child with a plan: "followed" (a consent covered
    // the new holder), "stayed" (the plan was closed for the former holder); "" otherwise.
    std::string plan_outcome;
};

struct PlanRecord {
    ChildFacts child;
    std::int64_t plan_id = 0;
    Timestamp created_at{};
    std::string state;
    int participants = 0;
    int actions = 0;
    bool child_view_recorded = false;
    std::vector<std::string> support_areas;         // wheel areas the plan supports
    std::optional<domain::UnitKind> holder_kind;    // of the child's coordination holder now
    std::optional<Timestamp> signal_registered_at;  // when the plan grew out of a signal
    std::optional<Timestamp> agreed_at;             // first became agreed (or active)
    std::optional<Timestamp> closed_at;
    std::optional<Date> first_meeting_on;
};

struct PlanActionRecord {
    std::int64_t plan_id = 0;
    std::optional<domain::UnitKind> unit_kind;  // empty: the family or the child does it
    std::string status;
    Date start_on{};
    Date due_on{};
};

struct WheelStatusRecord {
    ChildFacts child;
    Date assessed_on{};
    std::string area_code;
    std::string status;  // not_known / works_well / challenging
    bool support_needed = false;
};

}  // namespace kronobarn::store
