#include "domain/plan.hpp"

#include <algorithm>

#include "common/find.hpp"
#include "domain/plan_fields.hpp"

namespace kronobarn::domain {
namespace {

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::chrono::sys_days Days(Date date) { return std::chrono::sys_days{date}; }

template <typename Enum, std::size_t N>
std::optional<Enum> ParseFrom(std::string_view code, const Enum (&all)[N]) {
    for (Enum value : all) {
        if (Code(value) == code) return value;
    }
    return std::nullopt;
}

bool IsParticipant(const Plan& plan, UnitId unit) {
    return std::any_of(plan.participants.begin(), plan.participants.end(),
                       [&](const Participant& participant) { return participant.unit_id == unit; });
}

bool IsOpen(ActionStatus status) { return status == ActionStatus::kPlanned || status == ActionStatus::kOngoing; }

// The element of `items` whose key is `key`, or nullptr.

std::string GoalText(const PlanGoal& goal) {
    return goal.area_code + ": " + goal.outcome + " (" + FormatDate(goal.by_when) + ")";
}
std::string ActionText(const PlanAction& action) {
    return action.what + " — " + action.responsible + " (" + FormatDate(action.due) + ")";
}

std::string PlannedMeetingText(const PlannedMeeting& meeting) {
    return FormatDate(meeting.on) + " " + FormatTimeOfDay(meeting.starts_at) + ", " + meeting.place;
}

Status CheckGoal(const PlanGoal& goal, const std::vector<std::string>& catalogue_codes) {
    if (std::find(catalogue_codes.begin(), catalogue_codes.end(), goal.area_code) == catalogue_codes.end()) {
        return Error::InvalidArgument("goal.area_unknown");
    }
    if (Blank(goal.outcome)) return Error::InvalidArgument("goal.outcome_missing");
    if (Blank(goal.how_we_know)) return Error::InvalidArgument("goal.how_we_know_missing");
    return CheckTextLimits(goal);
}

Status CheckAction(const Plan& plan, const PlanAction& action) {
    if (Blank(action.what)) return Error::InvalidArgument("action.what_missing");
    if (Blank(action.responsible)) return Error::InvalidArgument("action.responsible_missing");
    KB_RETURN_IF_ERROR(CheckTextLimits(action));
    if (Days(action.due) < Days(action.start)) return Error::InvalidArgument("action.due_before_start");
    if (action.unit_id && !IsParticipant(plan, *action.unit_id)) {
        return Error::InvalidArgument("action.unit_not_participant");
    }
    return Ok();
}

}  // namespace

std::string_view Code(PlanState state) {
    switch (state) {
        case PlanState::kDraft:
            return "draft";
        case PlanState::kAgreed:
            return "agreed";
        case PlanState::kActive:
            return "active";
        case PlanState::kClosed:
            return "closed";
    }
    return "draft";
}
std::optional<PlanState> ParsePlanState(std::string_view code) {
    static constexpr PlanState kAll[] = {PlanState::kDraft, PlanState::kAgreed, PlanState::kActive, PlanState::kClosed};
    return ParseFrom(code, kAll);
}

std::string_view Code(ActionStatus status) {
    switch (status) {
        case ActionStatus::kPlanned:
            return "planned";
        case ActionStatus::kOngoing:
            return "ongoing";
        case ActionStatus::kDone:
            return "done";
        case ActionStatus::kChanged:
            return "changed";
        case ActionStatus::kStopped:
            return "stopped";
    }
    return "planned";
}
std::optional<ActionStatus> ParseActionStatus(std::string_view code) {
    static constexpr ActionStatus kAll[] = {ActionStatus::kPlanned, ActionStatus::kOngoing, ActionStatus::kDone,
                                            ActionStatus::kChanged, ActionStatus::kStopped};
    return ParseFrom(code, kAll);
}

std::string_view Code(CloseReason reason) {
    switch (reason) {
        case CloseReason::kNeedsMet:
            return "needs_met";
        case CloseReason::kCollaborationEnded:
            return "collaboration_ended";
        case CloseReason::kConsentWithdrawn:
            return "consent_withdrawn";
        case CloseReason::kChildAdult:
            return "child_adult";
        case CloseReason::kMoved:
            return "moved";
        case CloseReason::kHandedOverWithoutConsent:
            return "handed_over_without_consent";
    }
    return "needs_met";
}
std::optional<CloseReason> ParseCloseReason(std::string_view code) {
    static constexpr CloseReason kAll[] = {CloseReason::kNeedsMet,
                                           CloseReason::kCollaborationEnded,
                                           CloseReason::kConsentWithdrawn,
                                           CloseReason::kChildAdult,
                                           CloseReason::kMoved,
                                           CloseReason::kHandedOverWithoutConsent};
    return ParseFrom(code, kAll);
}

std::string_view Code(GuardianPartKind kind) {
    switch (kind) {
        case GuardianPartKind::kPresentAtMeeting:
            return "present";
        case GuardianPartKind::kAgreedInFamilyView:
            return "family_view";
        case GuardianPartKind::kNotTakingPart:
            return "not_taking_part";
    }
    return "not_taking_part";
}
std::optional<GuardianPartKind> ParseGuardianPartKind(std::string_view code) {
    static constexpr GuardianPartKind kAll[] = {
        GuardianPartKind::kPresentAtMeeting, GuardianPartKind::kAgreedInFamilyView, GuardianPartKind::kNotTakingPart};
    return ParseFrom(code, kAll);
}

std::string_view Code(MeetingKind kind) { return kind == MeetingKind::kFollowUp ? "follow_up" : "collaboration"; }
std::optional<MeetingKind> ParseMeetingKind(std::string_view code) {
    static constexpr MeetingKind kAll[] = {MeetingKind::kCollaboration, MeetingKind::kFollowUp};
    return ParseFrom(code, kAll);
}

Result<Plan> StartPlan(ChildId child, std::optional<std::int64_t> concern, std::string reason,
                       std::vector<std::string> support_areas, UserId by, Timestamp at) {
    if (Blank(reason)) return Error::InvalidArgument("plan.reason_missing");
    if (reason.size() > FindPlanField("basics.reason")->max_length) return Error::InvalidArgument("plan.text_too_long");
    Plan plan;
    plan.child_id = child;
    plan.concern_id = concern;
    plan.basics.reason = std::move(reason);
    plan.support_areas = std::move(support_areas);
    plan.created_by = by;
    plan.created_at = at;
    return plan;
}

Status CheckEditable(const Plan& plan, int based_on) {
    if (plan.state == PlanState::kClosed) return Error::FailedPrecondition("plan.closed");
    if (based_on != plan.version) return Error::Conflict("plan.stale");
    return Ok();
}

Status EditBasics(Plan& plan, int based_on, PlanBasics basics, Date today) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    if (Blank(basics.reason)) return Error::InvalidArgument("plan.reason_missing");
    KB_RETURN_IF_ERROR(CheckTextLimits(basics));
    // A date already passed is only refused when it changes: an old next meeting may stay on record.
    if (basics.next_meeting && basics.next_meeting != plan.basics.next_meeting &&
        Days(*basics.next_meeting) < Days(today)) {
        return Error::InvalidArgument("plan.next_meeting_in_past");
    }
    plan.basics = std::move(basics);
    ++plan.version;
    return Ok();
}

Status AddGoal(Plan& plan, int based_on, PlanGoal goal, const std::vector<std::string>& catalogue_codes) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    KB_RETURN_IF_ERROR(CheckGoal(goal, catalogue_codes));
    goal.id = 0;
    plan.goals.push_back(std::move(goal));
    ++plan.version;
    return Ok();
}

Status AddAction(Plan& plan, int based_on, PlanAction action) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    KB_RETURN_IF_ERROR(CheckAction(plan, action));
    // A new action starts planned, with no report yet.
    PlanAction added;
    added.what = std::move(action.what);
    added.unit_id = action.unit_id;
    added.responsible = std::move(action.responsible);
    added.start = action.start;
    added.frequency = std::move(action.frequency);
    added.due = action.due;
    action = std::move(added);
    plan.actions.push_back(std::move(action));
    ++plan.version;
    return Ok();
}

Status AddParticipant(Plan& plan, int based_on, Participant participant) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    if (Blank(participant.contact_name)) return Error::InvalidArgument("participant.contact_missing");
    KB_RETURN_IF_ERROR(CheckTextLimits(participant));
    if (IsParticipant(plan, participant.unit_id)) return Error::InvalidArgument("participant.already_in_plan");
    // A unit that left may come back: it is a participant again, no longer one that left.
    std::erase_if(plan.removed_participants,
                  [&](const RemovedParticipant& each) { return each.unit_id == participant.unit_id; });
    plan.participants.push_back(std::move(participant));
    ++plan.version;
    return Ok();
}

Status EditGoal(Plan& plan, int based_on, PlanGoal goal, const std::vector<std::string>& catalogue_codes) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    PlanGoal* current = FindBy(plan.goals, goal.id, kIdOf);
    if (current == nullptr) return Error::InvalidArgument("goal.unknown");
    KB_RETURN_IF_ERROR(CheckGoal(goal, catalogue_codes));
    *current = std::move(goal);
    ++plan.version;
    return Ok();
}

Status RemoveGoal(Plan& plan, int based_on, GoalId goal) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    if (std::erase_if(plan.goals, [&](const PlanGoal& each) { return each.id == goal; }) == 0) {
        return Error::InvalidArgument("goal.unknown");
    }
    ++plan.version;
    return Ok();
}

Status EditAction(Plan& plan, int based_on, PlanAction action) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    PlanAction* current = FindBy(plan.actions, action.id, kIdOf);
    if (current == nullptr) return Error::InvalidArgument("action.unknown");
    KB_RETURN_IF_ERROR(CheckAction(plan, action));
    current->what = std::move(action.what);
    current->unit_id = action.unit_id;
    current->responsible = std::move(action.responsible);
    current->start = action.start;
    current->frequency = std::move(action.frequency);
    current->due = action.due;
    // A date the party proposed is settled once the plan's date is changed.
    current->proposed_due.reset();
    ++plan.version;
    return Ok();
}

Status RemoveAction(Plan& plan, int based_on, PlanActionId action) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    if (std::erase_if(plan.actions, [&](const PlanAction& each) { return each.id == action; }) == 0) {
        return Error::InvalidArgument("action.unknown");
    }
    ++plan.version;
    return Ok();
}

Status EditParticipant(Plan& plan, int based_on, Participant participant) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    Participant* current = FindBy(plan.participants, participant.unit_id, kUnitOf);
    if (current == nullptr) return Error::InvalidArgument("participant.unknown");
    if (Blank(participant.contact_name)) return Error::InvalidArgument("participant.contact_missing");
    KB_RETURN_IF_ERROR(CheckTextLimits(participant));
    *current = std::move(participant);
    ++plan.version;
    return Ok();
}

Status RemoveParticipant(Plan& plan, int based_on, UnitId unit, std::string reason, std::optional<UnitId> holder) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    const Participant* current = FindBy(plan.participants, unit, kUnitOf);
    if (current == nullptr) return Error::InvalidArgument("participant.unknown");
    if (Blank(reason)) return Error::InvalidArgument("participant.reason_missing");
    if (unit == holder || unit == plan.basics.collaboration_unit_id) {
        return Error::FailedPrecondition("participant.is_holder");
    }
    const bool open_actions = std::any_of(plan.actions.begin(), plan.actions.end(), [&](const PlanAction& action) {
        return action.unit_id == unit && IsOpen(action.status);
    });
    if (open_actions) return Error::FailedPrecondition("participant.has_open_actions");
    RemovedParticipant removed{unit, current->contact_name, std::move(reason)};
    KB_RETURN_IF_ERROR(CheckTextLimits(removed));
    std::erase_if(plan.removed_participants, [&](const RemovedParticipant& each) { return each.unit_id == unit; });
    plan.removed_participants.push_back(std::move(removed));
    std::erase_if(plan.participants, [&](const Participant& each) { return each.unit_id == unit; });
    if (plan.planned_meeting) std::erase(plan.planned_meeting->invited_units, unit);
    ++plan.version;
    return Ok();
}

Status CorrectMeeting(Plan& plan, int based_on, MeetingId meeting, Date held_on, std::string place, std::string notes,
                      Date today) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    Meeting* current = FindBy(plan.meetings, meeting, kIdOf);
    if (current == nullptr) return Error::InvalidArgument("meeting.unknown");
    if (Days(held_on) > Days(today)) return Error::InvalidArgument("meeting.in_future");
    Meeting corrected = *current;
    corrected.held_on = held_on;
    corrected.place = std::move(place);
    corrected.notes = std::move(notes);
    KB_RETURN_IF_ERROR(CheckTextLimits(corrected));
    if (corrected.next_meeting && Days(*corrected.next_meeting) <= Days(held_on)) {
        return Error::InvalidArgument("meeting.next_before_held");
    }
    *current = std::move(corrected);
    ++plan.version;
    return Ok();
}

Status ReportOnAction(Plan& plan, ActionReport report, std::string by, Timestamp at, Date today) {
    if (plan.state == PlanState::kClosed) return Error::FailedPrecondition("plan.closed");
    PlanAction* action = FindBy(plan.actions, report.action_id, kIdOf);
    if (action == nullptr) return Error::InvalidArgument("action.unknown");
    if (report.proposed_due && Days(*report.proposed_due) < Days(today)) {
        return Error::InvalidArgument("action.proposed_due_in_past");
    }
    PlanAction reported = *action;
    reported.status = report.status;
    reported.progress_note = std::move(report.note);
    reported.proposed_due = report.proposed_due;
    reported.reported_by = std::move(by);
    reported.reported_at = at;
    KB_RETURN_IF_ERROR(CheckTextLimits(reported));
    *action = std::move(reported);
    ++plan.version;
    return Ok();
}

Status PlanMeeting(Plan& plan, int based_on, PlannedMeeting meeting, Date today) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    if (Days(meeting.on) < Days(today)) return Error::InvalidArgument("meeting.in_past");
    if (meeting.starts_at < std::chrono::minutes{0} || meeting.starts_at >= std::chrono::hours{24}) {
        return Error::InvalidArgument("meeting.time_invalid");
    }
    if (Blank(meeting.place)) return Error::InvalidArgument("meeting.place_missing");
    if (meeting.invited_units.empty() && !meeting.family_invited) {
        return Error::InvalidArgument("meeting.nobody_invited");
    }
    for (const UnitId unit : meeting.invited_units) {
        if (!IsParticipant(plan, unit)) return Error::InvalidArgument("meeting.invited_not_participant");
    }
    KB_RETURN_IF_ERROR(CheckTextLimits(meeting));
    std::sort(meeting.invited_units.begin(), meeting.invited_units.end());
    meeting.invited_units.erase(std::unique(meeting.invited_units.begin(), meeting.invited_units.end()),
                                meeting.invited_units.end());
    // Moving the planned meeting keeps it the same meeting, so a calendar updates its entry.
    meeting.id = plan.planned_meeting ? plan.planned_meeting->id : 0;
    meeting.sequence = plan.planned_meeting ? plan.planned_meeting->sequence + 1 : 0;
    plan.basics.next_meeting = meeting.on;
    plan.planned_meeting = std::move(meeting);
    ++plan.version;
    return Ok();
}

Status CancelPlannedMeeting(Plan& plan, int based_on) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    if (!plan.planned_meeting) return Error::InvalidArgument("meeting.none_planned");
    plan.planned_meeting.reset();
    ++plan.version;
    return Ok();
}

Status RecordMeeting(Plan& plan, int based_on, Meeting meeting, Date today, int follow_up_months) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    if (Days(meeting.held_on) > Days(today)) return Error::InvalidArgument("meeting.in_future");
    if (!meeting.child_present && Blank(meeting.child_absent_reason)) {
        return Error::InvalidArgument("meeting.child_absent_reason_missing");
    }
    KB_RETURN_IF_ERROR(CheckTextLimits(meeting));
    if (meeting.next_meeting && Days(*meeting.next_meeting) <= Days(meeting.held_on)) {
        return Error::InvalidArgument("meeting.next_before_held");
    }
    if (meeting.kind == MeetingKind::kFollowUp) {
        if (plan.state == PlanState::kDraft) return Error::FailedPrecondition("meeting.follow_up_before_agreed");
        for (const auto& evaluation : meeting.evaluations) {
            const bool known = std::any_of(plan.actions.begin(), plan.actions.end(),
                                           [&](const PlanAction& a) { return a.id == evaluation.action_id; });
            if (!known) return Error::InvalidArgument("meeting.evaluation_unknown_action");
        }
        for (const auto& evaluation : meeting.evaluations) {
            for (auto& action : plan.actions) {
                if (action.id == evaluation.action_id) action.status = evaluation.result;
            }
        }
        if (!meeting.next_meeting) {
            meeting.next_meeting = Date{meeting.held_on.year(), meeting.held_on.month(), meeting.held_on.day()} +
                                   std::chrono::months{follow_up_months};
            if (!meeting.next_meeting->ok()) {  // 31 May + 3 months: the last day of August
                meeting.next_meeting = meeting.next_meeting->year() / meeting.next_meeting->month() / std::chrono::last;
            }
        }
        plan.state = PlanState::kActive;
    } else {
        meeting.evaluations.clear();
        if (!meeting.collaborate) {
            plan.state = PlanState::kClosed;
            plan.close_reason = CloseReason::kCollaborationEnded;
        }
    }
    if (meeting.next_meeting) plan.basics.next_meeting = meeting.next_meeting;
    if (plan.planned_meeting && Days(plan.planned_meeting->on) <= Days(meeting.held_on)) plan.planned_meeting.reset();
    plan.meetings.push_back(std::move(meeting));
    ++plan.version;
    return Ok();
}

bool ReadyToAgree(const Plan& plan) {
    const bool owned = std::any_of(plan.actions.begin(), plan.actions.end(),
                                   [](const PlanAction& action) { return !Blank(action.responsible); });
    return !plan.goals.empty() && owned;
}

Status Agree(Plan& plan, int based_on, const std::vector<GuardianPart>& parts,
             const std::vector<std::int64_t>& guardians, Date today) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    if (plan.state != PlanState::kDraft) return Error::FailedPrecondition("plan.not_draft");
    const bool met = std::any_of(plan.meetings.begin(), plan.meetings.end(), [](const Meeting& meeting) {
        return meeting.kind == MeetingKind::kCollaboration && meeting.collaborate;
    });
    if (!met) return Error::FailedPrecondition("plan.needs_meeting");
    if (plan.goals.empty()) return Error::FailedPrecondition("plan.needs_goal");
    if (!ReadyToAgree(plan)) return Error::FailedPrecondition("plan.needs_owned_action");
    const auto is_guardian = [&](std::int64_t id) {
        return std::find(guardians.begin(), guardians.end(), id) != guardians.end();
    };
    std::vector<GuardianPart> merged;
    for (const auto& part : parts) {
        if (!is_guardian(part.guardian_id)) return Error::InvalidArgument("plan.guardian_unknown");
        if (part.kind == GuardianPartKind::kAgreedInFamilyView) {
            return Error::InvalidArgument("plan.guardian_part_invalid");
        }
        if (part.kind == GuardianPartKind::kNotTakingPart && Blank(part.reason)) {
            return Error::InvalidArgument("plan.guardian_part_reason_missing");
        }
        if (part.reason.size() > kMaxShortText) return Error::InvalidArgument("plan.text_too_long");
        GuardianPart recorded = part;
        recorded.recorded_on = today;
        merged.push_back(std::move(recorded));
    }
    for (const auto& earlier : plan.guardian_parts) {
        const bool replaced = std::any_of(merged.begin(), merged.end(), [&](const GuardianPart& part) {
            return part.guardian_id == earlier.guardian_id;
        });
        if (!replaced && is_guardian(earlier.guardian_id)) merged.push_back(earlier);
    }
    if (guardians.empty()) return Error::FailedPrecondition("plan.guardian_part_missing");
    for (const auto guardian : guardians) {
        const bool has_part = std::any_of(merged.begin(), merged.end(),
                                          [&](const GuardianPart& part) { return part.guardian_id == guardian; });
        if (!has_part) return Error::FailedPrecondition("plan.guardian_part_missing");
    }
    plan.guardian_parts = std::move(merged);
    plan.state = PlanState::kAgreed;
    ++plan.version;
    return Ok();
}

Status AgreeInFamilyView(Plan& plan, std::int64_t guardian, std::string name, Date today) {
    if (plan.state != PlanState::kDraft) return Error::FailedPrecondition("family.agree.closed");
    if (!ReadyToAgree(plan)) return Error::FailedPrecondition("family.agree.not_ready");
    for (const auto& part : plan.guardian_parts) {
        if (part.guardian_id == guardian && part.kind == GuardianPartKind::kAgreedInFamilyView) {
            return Error::FailedPrecondition("family.agree.already_given");
        }
    }
    std::erase_if(plan.guardian_parts, [&](const GuardianPart& part) { return part.guardian_id == guardian; });
    plan.guardian_parts.push_back({guardian, std::move(name), GuardianPartKind::kAgreedInFamilyView, {}, today});
    ++plan.version;
    return Ok();
}

Status Close(Plan& plan, int based_on, CloseReason reason) {
    KB_RETURN_IF_ERROR(CheckEditable(plan, based_on));
    plan.state = PlanState::kClosed;
    plan.close_reason = reason;
    ++plan.version;
    return Ok();
}

Status KeepWithFormerHolder(Plan& plan, UnitId former_holder) {
    if (plan.state == PlanState::kClosed) return Error::FailedPrecondition("plan.closed");
    plan.state = PlanState::kClosed;
    plan.close_reason = CloseReason::kHandedOverWithoutConsent;
    plan.kept_by_unit_id = former_holder;
    ++plan.version;
    return Ok();
}

Status MoveCollaborationResponsibility(Plan& plan, UnitId to) {
    if (plan.state == PlanState::kClosed) return Error::FailedPrecondition("plan.closed");
    plan.basics.collaboration_unit_id = to;
    ++plan.version;
    return Ok();
}

std::vector<FieldChange> Diff(const Plan& before, const Plan& after) {
    std::vector<FieldChange> changes;
    auto field = [&](std::string name, const std::string& was, const std::string& is) {
        if (was != is) changes.push_back({std::move(name), was, is});
    };
    // The plan's own codes and the basics: every member the field table declares as a value.
    DiffDeclaredMembers(before, after, changes);
    for (const auto& guardian : after.basics.each_guardian) {
        std::string was;
        for (const auto& old : before.basics.each_guardian) {
            if (old.guardian_id == guardian.guardian_id) was = old.view;
        }
        field("guardian_view.view:" + guardian.name, was, guardian.view);
    }
    // Goals, actions, participants and meetings by their ids: added, removed or changed.
    for (const auto& goal : after.goals) {
        const PlanGoal* was = FindBy(before.goals, goal.id, kIdOf);
        if (goal.id == 0 || was == nullptr) {
            field("plan.goals", "", GoalText(goal));
        } else {
            DiffDeclaredMembers(*was, goal, goal.outcome, changes);
        }
    }
    for (const auto& goal : before.goals) {
        if (FindBy(after.goals, goal.id, kIdOf) == nullptr) field("goal.removed", GoalText(goal), "");
    }
    for (const auto& action : after.actions) {
        const PlanAction* was = FindBy(before.actions, action.id, kIdOf);
        if (action.id == 0 || was == nullptr) {
            field("plan.actions", "", ActionText(action));
        } else {
            DiffDeclaredMembers(*was, action, action.what, changes);
        }
    }
    for (const auto& action : before.actions) {
        if (FindBy(after.actions, action.id, kIdOf) == nullptr) field("action.removed", ActionText(action), "");
    }
    for (const auto& participant : after.participants) {
        const Participant* was = FindBy(before.participants, participant.unit_id, kUnitOf);
        if (was == nullptr) {
            field("plan.participants", "", participant.contact_name);
        } else {
            DiffDeclaredMembers(*was, participant, participant.contact_name, changes);
        }
    }
    for (const auto& removed : after.removed_participants) {
        if (FindBy(after.participants, removed.unit_id, kUnitOf) != nullptr) continue;
        if (FindBy(before.participants, removed.unit_id, kUnitOf) == nullptr) continue;
        field("participant.removed:" + removed.contact_name, removed.contact_name, removed.reason);
    }
    for (const auto& meeting : after.meetings) {
        const Meeting* was = FindBy(before.meetings, meeting.id, kIdOf);
        if (meeting.id == 0 || was == nullptr) {
            field("plan.meetings", "", std::string(Code(meeting.kind)) + " " + FormatDate(meeting.held_on));
        } else {
            DiffDeclaredMembers(*was, meeting, FormatDate(was->held_on), changes);
        }
    }
    const auto planned_text = [](const std::optional<PlannedMeeting>& planned) {
        return planned ? PlannedMeetingText(*planned) : std::string();
    };
    field("plan.planned_meeting", planned_text(before.planned_meeting), planned_text(after.planned_meeting));
    for (const auto& part : after.guardian_parts) {
        std::string was;
        for (const auto& old : before.guardian_parts) {
            if (old.guardian_id == part.guardian_id) was = Code(old.kind);
        }
        field("guardian_part.kind:" + part.name, was, std::string(Code(part.kind)));
    }
    return changes;
}

}  // namespace kronobarn::domain
