// Handover of coordination responsibility (Barnens bästa-ansvarig) to another unit: a request the
// receiving unit must accept, or decline with a reason. Until it is accepted the sender stays the
// holder, so a child is never without one. Decision B on a signal ("the need lies wholly with
// another organisation") starts one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::domain {

using HandoverId = std::int64_t;

enum class HandoverState { kPending, kAccepted, kDeclined, kCancelled };

// What is handed over: coordination responsibility for the child (Barnens bästa-ansvarig), or
// collaboration responsibility for the child's plan (samverkansansvar).
enum class HandoverKind { kCoordination, kCollaboration };
std::string_view Code(HandoverKind kind);
std::optional<HandoverKind> ParseHandoverKind(std::string_view code);
std::string_view Code(HandoverState state);
std::optional<HandoverState> ParseHandoverState(std::string_view code);

struct Handover {
    HandoverId id = 0;
    ChildId child_id = 0;
    UnitId from_unit_id = 0;
    UnitId to_unit_id = 0;
    HandoverState state = HandoverState::kPending;
    HandoverKind kind = HandoverKind::kCoordination;
    std::optional<std::int64_t> concern_id;  // the signal whose decision B asked for it
    std::string note;                        // why, for the receiver
    std::string decline_reason;
    UserId requested_by = 0;
    Timestamp requested_at{};
    std::optional<UserId> answered_by;
    std::optional<Timestamp> answered_at;
};

// A new pending request from the current holder. Errors: kFailedPrecondition "handover.not_holder"
// (from is not the current holder), "handover.already_pending"; kInvalidArgument "handover.same_unit",
// "handover.note_missing", "handover.note_too_long", "handover.unit_cannot_hold".
Result<Handover> RequestHandover(std::optional<UnitId> current_holder, bool other_pending, const Unit& from,
                                 const Unit& to, std::string note, UserId by, Timestamp at);

// A request to move the plan's collaboration responsibility from `from` (the current
// collaboration-responsible unit, or the holder while there is none) to `to`. Errors:
// kFailedPrecondition "handover.not_responsible", "handover.already_pending"; kInvalidArgument
// "handover.same_unit", "handover.note_missing", "handover.note_too_long", "handover.unit_cannot_collaborate".
Result<Handover> RequestCollaborationHandover(UnitId responsible, bool other_pending, const Unit& from, const Unit& to,
                                              std::string note, UserId by, Timestamp at);

// Transitions of a pending request. Errors: kFailedPrecondition "handover.not_pending";
// Decline: kInvalidArgument "handover.reason_missing".
Status AcceptHandover(Handover& handover, UserId by, Timestamp at);
Status DeclineHandover(Handover& handover, std::string reason, UserId by, Timestamp at);
Status CancelHandover(Handover& handover, UserId by, Timestamp at);

// Unit kinds that may hold coordination responsibility by an accepted handover (the unit-kind
// table's column; preschool, police, clubs … may not).
bool CanHoldCoordination(UnitKind kind);
// A plan's collaboration responsibility goes to the most involved organisation: any that may hold
// coordination.
bool CanHoldCollaboration(UnitKind kind);

}  // namespace kronobarn::domain
