#include "domain/handover.hpp"

namespace kronobarn::domain {
namespace {

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

Status Answer(Handover& handover, HandoverState state, UserId by, Timestamp at) {
    if (handover.state != HandoverState::kPending) return Error::FailedPrecondition("handover.not_pending");
    handover.state = state;
    handover.answered_by = by;
    handover.answered_at = at;
    return Ok();
}

// What every request shares: another unit, a note, who and when.
Result<Handover> NewRequest(HandoverKind kind, const Unit& from, const Unit& to, std::string note, UserId by,
                            Timestamp at) {
    if (from.id == to.id) return Error::InvalidArgument("handover.same_unit");
    if (Blank(note)) return Error::InvalidArgument("handover.note_missing");
    if (note.size() > 4000) return Error::InvalidArgument("handover.note_too_long");
    Handover handover;
    handover.kind = kind;
    handover.from_unit_id = from.id;
    handover.to_unit_id = to.id;
    handover.note = std::move(note);
    handover.requested_by = by;
    handover.requested_at = at;
    return handover;
}

}  // namespace

std::string_view Code(HandoverState state) {
    switch (state) {
        case HandoverState::kPending:
            return "pending";
        case HandoverState::kAccepted:
            return "accepted";
        case HandoverState::kDeclined:
            return "declined";
        case HandoverState::kCancelled:
            return "cancelled";
    }
    return "pending";
}

std::optional<HandoverState> ParseHandoverState(std::string_view code) {
    for (auto state :
         {HandoverState::kPending, HandoverState::kAccepted, HandoverState::kDeclined, HandoverState::kCancelled}) {
        if (Code(state) == code) return state;
    }
    return std::nullopt;
}

std::string_view Code(HandoverKind kind) {
    return kind == HandoverKind::kCollaboration ? "collaboration" : "coordination";
}

std::optional<HandoverKind> ParseHandoverKind(std::string_view code) {
    if (code == "coordination") return HandoverKind::kCoordination;
    if (code == "collaboration") return HandoverKind::kCollaboration;
    return std::nullopt;
}

bool CanHoldCollaboration(UnitKind kind) { return CanHoldCoordination(kind); }

Result<Handover> RequestCollaborationHandover(UnitId responsible, bool other_pending, const Unit& from, const Unit& to,
                                              std::string note, UserId by, Timestamp at) {
    if (responsible != from.id) return Error::FailedPrecondition("handover.not_responsible");
    if (other_pending) return Error::FailedPrecondition("handover.already_pending");
    if (from.id != to.id && !CanHoldCollaboration(to.kind)) {
        return Error::InvalidArgument("handover.unit_cannot_collaborate");
    }
    return NewRequest(HandoverKind::kCollaboration, from, to, std::move(note), by, at);
}

bool CanHoldCoordination(UnitKind kind) { return TraitsOf(kind).may_hold_coordination; }

Result<Handover> RequestHandover(std::optional<UnitId> current_holder, bool other_pending, const Unit& from,
                                 const Unit& to, std::string note, UserId by, Timestamp at) {
    if (!current_holder || *current_holder != from.id) return Error::FailedPrecondition("handover.not_holder");
    if (other_pending) return Error::FailedPrecondition("handover.already_pending");
    if (from.id != to.id && !CanHoldCoordination(to.kind)) return Error::InvalidArgument("handover.unit_cannot_hold");
    return NewRequest(HandoverKind::kCoordination, from, to, std::move(note), by, at);
}

Status AcceptHandover(Handover& handover, UserId by, Timestamp at) {
    return Answer(handover, HandoverState::kAccepted, by, at);
}

Status DeclineHandover(Handover& handover, std::string reason, UserId by, Timestamp at) {
    if (handover.state != HandoverState::kPending) return Error::FailedPrecondition("handover.not_pending");
    if (Blank(reason)) return Error::InvalidArgument("handover.reason_missing");
    handover.decline_reason = std::move(reason);
    return Answer(handover, HandoverState::kDeclined, by, at);
}

Status CancelHandover(Handover& handover, UserId by, Timestamp at) {
    return Answer(handover, HandoverState::kCancelled, by, at);
}

}  // namespace kronobarn::domain
