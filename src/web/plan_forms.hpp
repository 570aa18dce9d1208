// The plan's forms, parsed into the typed inputs of app::Plans: the one place that knows the
// forms' words ("ja", "familjen", eval_<action id>). Each parser reads the version the form was
// rendered from (kConflict "plan.stale" when it is missing) and answers the first field that does
// not parse as kInvalidArgument with that field's message key; FormReader says which field it was.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/plans.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "web/form.hpp"
#include "web/form_reader.hpp"

namespace kronobarn::web {

Result<app::PlanChange<app::PlanBasicsInput>> ParsePlanBasicsForm(const FormFields& form);
Result<app::PlanChange<app::ParticipantInput>> ParseParticipantForm(const FormFields& form);
Result<app::PlanChange<domain::PlanGoal>> ParseGoalForm(const FormFields& form);
// The family's choice where a unit's id would be: an action for the family, the family invited.
inline constexpr std::string_view kFamilyChoice = "familjen";

// The unit "familjen" is the family's own action (no unit).
Result<app::PlanChange<domain::PlanAction>> ParseActionForm(const FormFields& form);
// Evaluations come from the fields eval_<action id> (a status, or empty for none) and
// eval_<action id>_note.
Result<app::PlanChange<domain::Meeting>> ParseMeetingForm(const FormFields& form);
Result<app::PlanChange<app::AgreeInput>> ParseAgreeForm(const FormFields& form);
// Corrections and removals name their item by a hidden field: goal_id, action_id, unit_id, meeting_id.
Result<app::PlanChange<domain::PlanGoal>> ParseGoalEditForm(const FormFields& form);
Result<app::PlanChange<app::GoalRemoval>> ParseGoalRemovalForm(const FormFields& form);
Result<app::PlanChange<domain::PlanAction>> ParseActionEditForm(const FormFields& form);
Result<app::PlanChange<app::ActionRemoval>> ParseActionRemovalForm(const FormFields& form);
Result<app::PlanChange<app::ParticipantRemoval>> ParseParticipantRemovalForm(const FormFields& form);
Result<app::PlanChange<app::MeetingCorrection>> ParseMeetingCorrectionForm(const FormFields& form);
// The next meeting: kind, day, time ("13:30"), place, and who is invited: one "invited" per ticked
// box, a unit's id or "familjen".
Result<app::PlanChange<domain::PlannedMeeting>> ParsePlannedMeetingForm(const FormFields& form);
Result<app::PlanChange<app::MeetingCancellation>> ParseMeetingCancellationForm(const FormFields& form);
// A party's report: action_id, status, note, proposed_due. No version (see domain::ReportOnAction).
Result<domain::ActionReport> ParseActionReportForm(const FormFields& form);

// The form field a message key is about ("goal.outcome_missing" → "outcome"), so the error
// summary links to it and the field is marked; empty when the message is about the whole form.
std::string_view FormFieldOf(std::string_view message_key);
Result<app::PlanChange<app::CloseInput>> ParseCloseForm(const FormFields& form);

}  // namespace kronobarn::web
