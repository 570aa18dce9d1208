// Barnets plan (domain.md §5): who does what, by when, and how it is followed up. It belongs to the
// child and the guardians. Lifecycle: draft → agreed (upprättad) → active (after the first
// follow-up) → closed (with a reason); a closed plan is read-only. Every change bumps the plan's
// version: a save names the version it was based on, and a stale one is refused (optimistic
// locking), so two people editing at once never silently overwrite each other.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::domain {

using PlanId = std::int64_t;
using GoalId = std::int64_t;
using PlanActionId = std::int64_t;
using MeetingId = std::int64_t;
using PlannedMeetingId = std::int64_t;

enum class PlanState { kDraft, kAgreed, kActive, kClosed };
std::string_view Code(PlanState state);
std::optional<PlanState> ParsePlanState(std::string_view code);

enum class ActionStatus { kPlanned, kOngoing, kDone, kChanged, kStopped };
std::string_view Code(ActionStatus status);
std::optional<ActionStatus> ParseActionStatus(std::string_view code);

enum class CloseReason {
    kNeedsMet,
    kCollaborationEnded,
    kConsentWithdrawn,
    kChildAdult,
    kMoved,
    kHandedOverWithoutConsent,  // coordination moved on, and no consent let the plan move with it
};
std::string_view Code(CloseReason reason);
std::optional<CloseReason> ParseCloseReason(std::string_view code);

enum class MeetingKind { kCollaboration, kFollowUp };
std::string_view Code(MeetingKind kind);
std::optional<MeetingKind> ParseMeetingKind(std::string_view code);

struct PlanGoal {
    GoalId id = 0;
    std::string area_code;    // wheel area the goal answers
    std::string outcome;      // the desired outcome
    std::string how_we_know;  // how we will know it is reached
    Date by_when;
    bool operator==(const PlanGoal&) const = default;
};

struct PlanAction {
    PlanActionId id = 0;
    std::string what;
    std::optional<UnitId> unit_id;  // nullopt: the family or the child itself
    std::string responsible;        // the person who answers for it
    Date start;
    std::string frequency;  // "varje vecka", "en gång" …
    Date due;               // due / evaluation date
    ActionStatus status = ActionStatus::kPlanned;
    // The latest report of the party that carries the action out (or the family, for its own):
    // between meetings the holder sees how it goes without calling round.
    std::string progress_note;
    std::optional<Date> proposed_due;  // a new date the reporting party proposes
    std::string reported_by;           // the reporting person's name
    std::optional<Timestamp> reported_at;
    bool operator==(const PlanAction&) const = default;
};

// What a party reports on one of its own actions.
struct ActionReport {
    PlanActionId action_id = 0;
    ActionStatus status = ActionStatus::kOngoing;
    std::string note;
    std::optional<Date> proposed_due;
};

// A unit that takes part in the plan, with its one contact person.
struct Participant {
    UnitId unit_id = 0;
    std::string contact_name;
    std::string contact_phone;
    bool operator==(const Participant&) const = default;
};

// A unit that no longer takes part, and why: the plan's keepers see who left and the reason.
struct RemovedParticipant {
    UnitId unit_id = 0;
    std::string contact_name;
    std::string reason;
    bool operator==(const RemovedParticipant&) const = default;
};

struct ActionEvaluation {
    PlanActionId action_id = 0;
    ActionStatus result = ActionStatus::kOngoing;  // done / ongoing / changed / stopped
    std::string note;
    bool operator==(const ActionEvaluation&) const = default;
};

// A collaboration meeting (samverkansmöte) or a follow-up meeting.
struct Meeting {
    MeetingId id = 0;
    MeetingKind kind = MeetingKind::kCollaboration;
    Date held_on;
    std::string place;  // room or link
    bool guardians_present = false;
    bool child_present = false;
    std::string child_absent_reason;
    std::string notes;
    bool collaborate = true;  // collaboration meetings: the parties agreed to collaborate
    std::vector<ActionEvaluation> evaluations;
    std::optional<Date> next_meeting;
    UserId recorded_by = 0;
    Timestamp recorded_at{};
    bool operator==(const Meeting&) const = default;
};

// The next meeting as planned: when (Swedish local time), where, who is invited. A plan has at most
// one; moving it keeps its id and raises its sequence (a calendar invitation's SEQUENCE), holding
// it or calling it off ends it.
struct PlannedMeeting {
    PlannedMeetingId id = 0;
    MeetingKind kind = MeetingKind::kFollowUp;
    Date on;
    std::chrono::minutes starts_at{0};  // after midnight, local time
    std::string place;                  // a room, an address or a link
    std::vector<UnitId> invited_units;  // participants of the plan
    bool family_invited = true;         // the guardians, and the child when old enough
    int sequence = 0;
    bool operator==(const PlannedMeeting&) const = default;
};

// One guardian's own view, in their words (with joint custody each guardian has one).
struct GuardianView {
    std::int64_t guardian_id = 0;
    std::string name;
    std::string view;
    bool operator==(const GuardianView&) const = default;
};

// How one guardian took part in agreeing the plan (the county's texts: the plan is drawn up
// together with the guardians). Recorded per guardian when the plan is agreed, or earlier by the
// guardian in the family view.
enum class GuardianPartKind {
    kPresentAtMeeting,    // was at the meeting where the plan was agreed
    kAgreedInFamilyView,  // "Jag har tagit del av planen och är med på den", in the family view
    kNotTakingPart,       // did not take part, with a reason (e.g. a documented restriction)
};
std::string_view Code(GuardianPartKind kind);
std::optional<GuardianPartKind> ParseGuardianPartKind(std::string_view code);

struct GuardianPart {
    std::int64_t guardian_id = 0;
    std::string name;  // as registered, for the page
    GuardianPartKind kind = GuardianPartKind::kPresentAtMeeting;
    std::string reason;  // kNotTakingPart: why
    Date recorded_on;
    bool operator==(const GuardianPart&) const = default;
};

// The fields of the plan a holder edits as one form.
struct PlanBasics {
    std::string reason;  // why there is a plan
    std::string child_view;
    std::string trusted_adult;                // the adult the child trusts most, in its own choice
    std::string guardian_views;               // what the guardians say together
    std::vector<GuardianView> each_guardian;  // each guardian's own view
    std::string disagreements;
    std::string follow_up_how;
    std::optional<Date> next_meeting;
    std::optional<UnitId> collaboration_unit_id;
    bool operator==(const PlanBasics&) const = default;
};

struct Plan {
    PlanId id = 0;
    ChildId child_id = 0;
    std::optional<std::int64_t> concern_id;  // the signal it grew from
    PlanState state = PlanState::kDraft;
    int version = 1;
    PlanBasics basics;
    std::vector<std::string> support_areas;  // wheel areas needing support
    std::optional<CloseReason> close_reason;
    std::optional<UnitId> kept_by_unit_id;  // set when the plan stayed with a former holder
    UserId created_by = 0;
    Timestamp created_at{};
    std::vector<PlanGoal> goals;
    std::vector<PlanAction> actions;
    std::vector<Participant> participants;
    std::vector<Meeting> meetings;
    std::vector<RemovedParticipant> removed_participants;
    std::optional<PlannedMeeting> planned_meeting;
    std::vector<GuardianPart> guardian_parts;  // how each guardian took part in agreeing it
    bool operator==(const Plan&) const = default;
};

inline constexpr std::size_t kMaxPlanText = 4000;
inline constexpr int kDefaultFollowUpMonths = 3;

// A new draft from a collaboration decision. Errors: kInvalidArgument "plan.reason_missing",
// "plan.text_too_long".
Result<Plan> StartPlan(ChildId child, std::optional<std::int64_t> concern, std::string reason,
                       std::vector<std::string> support_areas, UserId by, Timestamp at);

// The optimistic lock: kConflict "plan.stale" when `based_on` is not the current version, and
// kFailedPrecondition "plan.closed" for any edit of a closed plan. Every edit below checks both.
Status CheckEditable(const Plan& plan, int based_on);

// Edits. Each bumps the version on success and leaves the plan untouched on error.
// Errors (kInvalidArgument): "plan.reason_missing", "plan.text_too_long", "plan.next_meeting_in_past".
Status EditBasics(Plan& plan, int based_on, PlanBasics basics, Date today);
// "goal.area_unknown", "goal.outcome_missing", "goal.how_we_know_missing", "plan.text_too_long".
Status AddGoal(Plan& plan, int based_on, PlanGoal goal, const std::vector<std::string>& catalogue_codes);
// "action.what_missing", "action.responsible_missing", "action.due_before_start",
// "action.unit_not_participant" (the unit must take part in the plan), "plan.text_too_long".
Status AddAction(Plan& plan, int based_on, PlanAction action);
// "participant.contact_missing", "participant.already_in_plan", "plan.text_too_long".
Status AddParticipant(Plan& plan, int based_on, Participant participant);
// Corrections and removals. A goal or an action is named by its id, a participant by its unit;
// "goal.unknown", "action.unknown", "participant.unknown", "meeting.unknown" when it is not (or no
// longer) in the plan. Editing an action keeps its status and its latest report.
Status EditGoal(Plan& plan, int based_on, PlanGoal goal, const std::vector<std::string>& catalogue_codes);
Status RemoveGoal(Plan& plan, int based_on, GoalId goal);
Status EditAction(Plan& plan, int based_on, PlanAction action);
Status RemoveAction(Plan& plan, int based_on, PlanActionId action);
Status EditParticipant(Plan& plan, int based_on, Participant participant);
// The removal keeps the unit in the plan's record with the reason. "participant.reason_missing",
// "participant.is_holder" (the coordinating unit always takes part), "participant.has_open_actions"
// (its planned or ongoing actions must be removed or reported first).
Status RemoveParticipant(Plan& plan, int based_on, UnitId unit, std::string reason, std::optional<UnitId> holder);
// Corrects a recorded meeting's date, place or notes. "meeting.in_future", "plan.text_too_long".
Status CorrectMeeting(Plan& plan, int based_on, MeetingId meeting, Date held_on, std::string place, std::string notes,
                      Date today);
// A party's report on one action: status, a short note, perhaps a new date. Not held to the plan's
// version: a report changes only its own action, and a party never sees the whole plan to follow
// its version. "plan.closed", "action.unknown", "action.proposed_due_in_past", "plan.text_too_long".
Status ReportOnAction(Plan& plan, ActionReport report, std::string by, Timestamp at, Date today);

// Plans the next meeting, or moves the one planned (same id, sequence + 1); the plan's next
// meeting date follows it. "meeting.in_past", "meeting.time_invalid", "meeting.place_missing",
// "meeting.nobody_invited", "meeting.invited_not_participant", "plan.text_too_long".
Status PlanMeeting(Plan& plan, int based_on, PlannedMeeting meeting, Date today);
// Calls off the planned meeting. "meeting.none_planned".
Status CancelPlannedMeeting(Plan& plan, int based_on);

// A collaboration meeting that decides not to collaborate closes the plan (collaboration ended).
// A follow-up applies each evaluation to its action, moves an agreed plan to active and sets the
// next meeting (default: `follow_up_months` after the meeting). A planned meeting on or before the
// day recorded was this one: it is no longer planned.
// "meeting.in_future", "meeting.child_absent_reason_missing", "meeting.evaluation_unknown_action",
// "meeting.follow_up_before_agreed" (kFailedPrecondition), "meeting.next_before_held", "plan.text_too_long".
Status RecordMeeting(Plan& plan, int based_on, Meeting meeting, Date today, int follow_up_months);
// A draft the family can be asked to agree to: it has a goal and an action someone answers for.
bool ReadyToAgree(const Plan& plan);

// draft → agreed, with how each guardian took part: `parts` as the holder records them now (present
// at the meeting, or not taking part with a reason), merged with the parts guardians recorded in the
// family view; every guardian in `guardians` (the child's guardians with custody) needs one.
// kFailedPrecondition "plan.not_draft", "plan.needs_goal", "plan.needs_owned_action" (at least one
// action with a responsible person and a due date), "plan.needs_meeting" (a collaboration meeting
// that agreed to collaborate), "plan.guardian_part_missing" (a guardian without a part, or no
// guardian at all); kInvalidArgument "plan.guardian_part_reason_missing", "plan.guardian_unknown",
// "plan.guardian_part_invalid" (only the guardian agrees in the family view), "plan.text_too_long".
Status Agree(Plan& plan, int based_on, const std::vector<GuardianPart>& parts,
             const std::vector<std::int64_t>& guardians, Date today);
// The guardian agrees in the family view ("Jag har tagit del av planen och är med på den"), to a
// plan that is ready and not yet agreed. Not held to the version: the family does not edit the plan.
// kFailedPrecondition "family.agree.closed" (agreed already), "family.agree.not_ready",
// "family.agree.already_given" (the family view shows these).
Status AgreeInFamilyView(Plan& plan, std::int64_t guardian, std::string name, Date today);
Status Close(Plan& plan, int based_on, CloseReason reason);
// Coordination responsibility moved to another unit that no consent in force covers: the plan does
// not move with it (domain.md §3 step 4). It is closed and stays with the former holder, read-only;
// the new holder learns only that a handover happened. kFailedPrecondition "plan.closed".
Status KeepWithFormerHolder(Plan& plan, UnitId former_holder);

// An accepted handover of collaboration responsibility; kFailedPrecondition "plan.closed".
Status MoveCollaborationResponsibility(Plan& plan, UnitId to);

// One field that changed between two versions, for the history's field-level diff.
struct FieldChange {
    std::string field;  // "basics.child_view", "action.3.status", "goal.new" …
    std::string before;
    std::string after;
};
std::vector<FieldChange> Diff(const Plan& before, const Plan& after);

}  // namespace kronobarn::domain
