#include "web/plan_forms.hpp"

#include <limits>

#include "common/ids.hpp"
#include "domain/plan_fields.hpp"

namespace kronobarn::web {
namespace {

constexpr std::string_view kEvaluationPrefix = "eval_";
constexpr std::string_view kNoteSuffix = "_note";
constexpr std::string_view kGuardianPartPrefix = "part_";
constexpr std::string_view kReasonPrefix = "part_reason_";

template <typename Input>
Result<app::PlanChange<Input>> Finish(const FormReader& reader, Input input) {
    KB_ASSIGN_OR_RETURN(const int version, reader.Version());
    KB_RETURN_IF_ERROR(reader.Outcome());
    return app::PlanChange<Input>{version, std::move(input)};
}

}  // namespace

Result<app::PlanChange<app::PlanBasicsInput>> ParsePlanBasicsForm(const FormFields& form) {
    FormReader reader(form);
    app::PlanBasicsInput input;
    // The texts come from the plan's field table, by each row's form name.
    domain::FillTextMembers(input.basics, [&](std::string_view name) { return reader.Text(name); });
    input.basics.next_meeting = reader.OptionalDate("next_meeting", "plan.date_invalid");
    constexpr std::string_view kGuardianPrefix = "guardian_view_";
    for (const auto& name : form.Names()) {
        if (!name.starts_with(kGuardianPrefix)) continue;
        if (const auto guardian = ParsePositiveId(std::string_view(name).substr(kGuardianPrefix.size()))) {
            input.guardian_views[*guardian] = reader.Text(name);
        }
    }
    return Finish(reader, std::move(input));
}

Result<app::PlanChange<app::ParticipantInput>> ParseParticipantForm(const FormFields& form) {
    FormReader reader(form);
    app::ParticipantInput input;
    input.unit_id = reader.Id("unit_id", "participant.unit_unknown");
    input.contact_name = reader.Text("contact_name");
    input.contact_phone = reader.Text("contact_phone");
    return Finish(reader, std::move(input));
}

Result<app::PlanChange<domain::PlanGoal>> ParseGoalForm(const FormFields& form) {
    FormReader reader(form);
    domain::PlanGoal goal;
    goal.area_code = reader.Text("area_code");
    goal.outcome = reader.Text("outcome");
    goal.how_we_know = reader.Text("how_we_know");
    goal.by_when = reader.RequiredDate("by_when", "goal.date_invalid");
    return Finish(reader, std::move(goal));
}

Result<app::PlanChange<domain::PlanAction>> ParseActionForm(const FormFields& form) {
    FormReader reader(form);
    domain::PlanAction action;
    action.what = reader.Text("what");
    if (form.Get("unit_id") != kFamilyChoice) action.unit_id = reader.Id("unit_id", "action.unit_unknown");
    action.responsible = reader.Text("responsible");
    action.frequency = reader.Text("frequency");
    action.start = reader.RequiredDate("start", "action.date_invalid");
    action.due = reader.RequiredDate("due", "action.date_invalid");
    return Finish(reader, std::move(action));
}

Result<app::PlanChange<domain::Meeting>> ParseMeetingForm(const FormFields& form) {
    FormReader reader(form);
    domain::Meeting meeting;
    meeting.kind = reader.Code("kind", &domain::ParseMeetingKind, "meeting.kind_unknown");
    meeting.held_on = reader.RequiredDate("held_on", "meeting.date_invalid");
    meeting.place = reader.Text("place");
    meeting.guardians_present = reader.Flag("guardians_present");
    meeting.child_present = reader.Flag("child_present");
    meeting.child_absent_reason = reader.Text("child_absent_reason");
    meeting.notes = reader.Text("notes");
    meeting.collaborate = form.Get("collaborate") != "nej";
    meeting.next_meeting = reader.OptionalDate("next_meeting", "meeting.date_invalid");
    for (const auto& name : form.Names()) {
        if (!name.starts_with(kEvaluationPrefix) || name.ends_with(kNoteSuffix)) continue;
        const auto action = ParsePositiveId(std::string_view(name).substr(kEvaluationPrefix.size()));
        if (!action || form.Get(name).empty()) continue;  // not evaluated at this meeting
        const auto result = reader.Code(name, &domain::ParseActionStatus, "meeting.evaluation_unknown");
        meeting.evaluations.push_back({*action, result, reader.Text(name + std::string(kNoteSuffix))});
    }
    return Finish(reader, std::move(meeting));
}

Result<app::PlanChange<app::AgreeInput>> ParseAgreeForm(const FormFields& form) {
    FormReader reader(form);
    app::AgreeInput input;
    // One choice per guardian: "part_<guardian>" (present / not_taking_part, empty: not chosen —
    // a guardian who agreed in the family view), with "part_reason_<guardian>".
    for (const auto& name : form.Names()) {
        if (!name.starts_with(kGuardianPartPrefix) || name.starts_with(kReasonPrefix)) continue;
        const auto guardian = ParsePositiveId(std::string_view(name).substr(kGuardianPartPrefix.size()));
        if (!guardian || form.Get(name).empty()) continue;
        const auto kind = reader.Code(name, &domain::ParseGuardianPartKind, "plan.guardian_part_invalid");
        input.parts.push_back({*guardian, kind, reader.Text(std::string(kReasonPrefix) + std::to_string(*guardian))});
    }
    return Finish(reader, std::move(input));
}

Result<app::PlanChange<domain::PlanGoal>> ParseGoalEditForm(const FormFields& form) {
    KB_ASSIGN_OR_RETURN(auto change, ParseGoalForm(form));
    FormReader reader(form);
    change.input.id = reader.Id("goal_id", "goal.unknown");
    KB_RETURN_IF_ERROR(reader.Outcome());
    return change;
}

Result<app::PlanChange<app::GoalRemoval>> ParseGoalRemovalForm(const FormFields& form) {
    FormReader reader(form);
    app::GoalRemoval input{reader.Id("goal_id", "goal.unknown")};
    return Finish(reader, input);
}

Result<app::PlanChange<domain::PlanAction>> ParseActionEditForm(const FormFields& form) {
    KB_ASSIGN_OR_RETURN(auto change, ParseActionForm(form));
    FormReader reader(form);
    change.input.id = reader.Id("action_id", "action.unknown");
    KB_RETURN_IF_ERROR(reader.Outcome());
    return change;
}

Result<app::PlanChange<app::ActionRemoval>> ParseActionRemovalForm(const FormFields& form) {
    FormReader reader(form);
    app::ActionRemoval input{reader.Id("action_id", "action.unknown")};
    return Finish(reader, input);
}

Result<app::PlanChange<app::ParticipantRemoval>> ParseParticipantRemovalForm(const FormFields& form) {
    FormReader reader(form);
    app::ParticipantRemoval input;
    input.unit_id = reader.Id("unit_id", "participant.unknown");
    input.reason = reader.Text("reason");
    return Finish(reader, std::move(input));
}

Result<app::PlanChange<app::MeetingCorrection>> ParseMeetingCorrectionForm(const FormFields& form) {
    FormReader reader(form);
    app::MeetingCorrection input;
    input.meeting_id = reader.Id("meeting_id", "meeting.unknown");
    input.held_on = reader.RequiredDate("held_on", "meeting.date_invalid");
    input.place = reader.Text("place");
    input.notes = reader.Text("notes");
    return Finish(reader, std::move(input));
}

Result<app::PlanChange<domain::PlannedMeeting>> ParsePlannedMeetingForm(const FormFields& form) {
    FormReader reader(form);
    domain::PlannedMeeting meeting;
    meeting.kind = reader.Code("kind", &domain::ParseMeetingKind, "meeting.kind_unknown");
    meeting.on = reader.RequiredDate("meets_on", "meeting.planned_date_invalid");
    if (const auto time = ParseTimeOfDay(form.Get("starts_at"))) {
        meeting.starts_at = *time;
    } else {
        reader.Fail("starts_at", "meeting.time_invalid");
    }
    meeting.place = reader.Text("place");
    meeting.family_invited = false;
    for (const auto& value : form.GetAll("invited")) {
        if (value == kFamilyChoice) {
            meeting.family_invited = true;
        } else if (const auto unit = ParsePositiveId(value)) {
            meeting.invited_units.push_back(*unit);
        } else {
            reader.Fail("invited", "meeting.invited_not_participant");
        }
    }
    return Finish(reader, std::move(meeting));
}

Result<app::PlanChange<app::MeetingCancellation>> ParseMeetingCancellationForm(const FormFields& form) {
    return Finish(FormReader(form), app::MeetingCancellation{});
}

Result<domain::ActionReport> ParseActionReportForm(const FormFields& form) {
    FormReader reader(form);
    domain::ActionReport report;
    report.action_id = reader.Id("action_id", "action.unknown");
    report.status = reader.Code("status", &domain::ParseActionStatus, "action.status_unknown");
    report.note = reader.Text("note");
    report.proposed_due = reader.OptionalDate("proposed_due", "action.proposed_due_invalid");
    KB_RETURN_IF_ERROR(reader.Outcome());
    return report;
}

std::string_view FormFieldOf(std::string_view message_key) {
    static constexpr std::pair<std::string_view, std::string_view> kFields[] = {
        {"plan.reason_missing", "reason"},
        {"plan.next_meeting_in_past", "next_meeting"},
        {"plan.date_invalid", "next_meeting"},
        {"participant.unit_unknown", "unit_id"},
        {"participant.already_in_plan", "unit_id"},
        {"participant.contact_missing", "contact_name"},
        {"participant.reason_missing", "reason"},
        {"goal.area_unknown", "area_code"},
        {"goal.outcome_missing", "outcome"},
        {"goal.how_we_know_missing", "how_we_know"},
        {"goal.date_invalid", "by_when"},
        {"action.what_missing", "what"},
        {"action.unit_unknown", "unit_id"},
        {"action.unit_not_participant", "unit_id"},
        {"action.responsible_missing", "responsible"},
        {"action.date_invalid", "start"},
        {"action.due_before_start", "due"},
        {"action.status_unknown", "status"},
        {"action.proposed_due_invalid", "proposed_due"},
        {"action.proposed_due_in_past", "proposed_due"},
        {"meeting.date_invalid", "held_on"},
        {"meeting.in_future", "held_on"},
        {"meeting.child_absent_reason_missing", "child_absent_reason"},
        {"meeting.next_before_held", "next_meeting"},
        {"meeting.planned_date_invalid", "meets_on"},
        {"meeting.in_past", "meets_on"},
        {"meeting.time_invalid", "starts_at"},
        {"meeting.place_missing", "place"},
        {"meeting.nobody_invited", "invited"},
        {"meeting.invited_not_participant", "invited"},
        {"plan.close_reason_missing", "close_reason"},
    };
    for (const auto& [key, field] : kFields) {
        if (key == message_key) return field;
    }
    return {};
}

Result<app::PlanChange<app::CloseInput>> ParseCloseForm(const FormFields& form) {
    FormReader reader(form);
    app::CloseInput input;
    input.reason = reader.Code("close_reason", &domain::ParseCloseReason, "plan.close_reason_missing");
    return Finish(reader, input);
}

}  // namespace kronobarn::web
