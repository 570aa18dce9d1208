// The plan forms' parsers (web/plan_forms.hpp): each kind of field, the version, and the first
// field that does not parse kept with its message key. The use cases never see form words.
#include <gtest/gtest.h>

#include "web/plan_forms.hpp"

namespace kronobarn::web {
namespace {

using std::chrono::year;

FormFields Form(std::initializer_list<std::pair<std::string, std::string>> fields) {
    FormFields form;
    for (const auto& [name, value] : fields) form.Add(name, value);
    return form;
}

TEST(FormReader, ReadsEachKindOfFieldAndKeepsTheFirstThatDoesNotParse) {
    const FormFields form = Form({{"text", "Hej"},
                                  {"box", "ja"},
                                  {"day", "2027-01-15"},
                                  {"bad_day", "15/1"},
                                  {"unit", "12"},
                                  {"bad_unit", "-3"},
                                  {"kind", "follow_up"}});
    FormReader reader(form);
    EXPECT_EQ(reader.Text("text"), "Hej");
    EXPECT_EQ(reader.Text("missing"), "");
    EXPECT_TRUE(reader.Flag("box"));
    EXPECT_FALSE(reader.Flag("text"));
    EXPECT_EQ(reader.RequiredDate("day", "x.date"), year{2027} / 1 / 15);
    EXPECT_FALSE(reader.OptionalDate("missing", "x.date"));
    EXPECT_EQ(reader.Id("unit", "x.unit"), 12);
    EXPECT_EQ(reader.Code("kind", &domain::ParseMeetingKind, "x.kind"), domain::MeetingKind::kFollowUp);
    EXPECT_TRUE(reader.Outcome());
    reader.RequiredDate("bad_day", "x.bad_date");
    reader.Id("bad_unit", "x.bad_unit");
    const auto outcome = reader.Outcome();
    ASSERT_FALSE(outcome);
    EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(outcome.error().message_key, "x.bad_date") << "the first field that failed is the one shown";
    EXPECT_EQ(reader.ErrorField(), "bad_day");
}

TEST(PlanForms, AMissingOrMalformedVersionIsAStaleForm) {
    for (const auto* version : {"", "0", "abc", "99999999999"}) {
        const auto parsed = ParseAgreeForm(Form({{"version", version}}));
        ASSERT_FALSE(parsed) << version;
        EXPECT_EQ(parsed.error().code, ErrorCode::kConflict);
        EXPECT_EQ(parsed.error().message_key, "plan.stale");
    }
    const auto parsed = ParseAgreeForm(Form({{"version", "7"}}));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->based_on, 7);
}

TEST(PlanForms, BasicsTakeTheirTextsFromTheFieldTableAndEachGuardianByIdAndAValidDate) {
    const auto parsed = ParsePlanBasicsForm(Form({{"version", "3"},
                                                  {"reason", "Oro"},
                                                  {"child_view", "Jag vill"},
                                                  {"trusted_adult", "Mormor"},
                                                  {"guardian_view_21", "Eva tycker"},
                                                  {"guardian_view_x", "ignored"},
                                                  {"next_meeting", "2027-02-01"}}));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->input.basics.reason, "Oro");
    EXPECT_EQ(parsed->input.basics.child_view, "Jag vill");
    EXPECT_EQ(parsed->input.basics.trusted_adult, "Mormor");
    EXPECT_EQ(parsed->input.guardian_views.size(), 1u);
    EXPECT_EQ(parsed->input.guardian_views.at(21), "Eva tycker");
    EXPECT_EQ(parsed->input.basics.next_meeting, year{2027} / 2 / 1);
    const auto bad = ParsePlanBasicsForm(Form({{"version", "3"}, {"next_meeting", "nästa vecka"}}));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message_key, "plan.date_invalid");
}

TEST(PlanForms, AnActionForTheFamilyHasNoUnitAndBadDatesOrUnitsAreNamed) {
    const auto family = ParseActionForm(Form({{"version", "1"},
                                              {"what", "Läsa varje kväll"},
                                              {"unit_id", "familjen"},
                                              {"responsible", "Eva"},
                                              {"start", "2026-12-01"},
                                              {"due", "2027-01-01"}}));
    ASSERT_TRUE(family);
    EXPECT_FALSE(family->input.unit_id);
    EXPECT_EQ(family->input.due, year{2027} / 1 / 1);
    const auto unit = ParseActionForm(Form({{"version", "1"}, {"unit_id", "abc"}, {"start", "2026-12-01"}}));
    ASSERT_FALSE(unit);
    EXPECT_EQ(unit.error().message_key, "action.unit_unknown");
    const auto date = ParseActionForm(Form({{"version", "1"}, {"unit_id", "4"}, {"start", "i morgon"}}));
    ASSERT_FALSE(date);
    EXPECT_EQ(date.error().message_key, "action.date_invalid");
}

TEST(PlanForms, AFollowUpReadsEachEvaluatedActionWithItsNoteAndSkipsTheOthers) {
    const auto parsed = ParseMeetingForm(Form({{"version", "5"},
                                               {"kind", "follow_up"},
                                               {"held_on", "2026-12-01"},
                                               {"child_present", "ja"},
                                               {"eval_3", "done"},
                                               {"eval_3_note", "Gick bra"},
                                               {"eval_4", ""},
                                               {"eval_12", "stopped"}}));
    ASSERT_TRUE(parsed);
    const domain::Meeting& meeting = parsed->input;
    EXPECT_EQ(meeting.kind, domain::MeetingKind::kFollowUp);
    EXPECT_TRUE(meeting.child_present);
    EXPECT_FALSE(meeting.guardians_present);
    EXPECT_TRUE(meeting.collaborate) << "only an explicit 'nej' ends the collaboration";
    ASSERT_EQ(meeting.evaluations.size(), 2u) << "an action left unevaluated is not evaluated";
    for (const auto& evaluation : meeting.evaluations) {
        if (evaluation.action_id == 3) {
            EXPECT_EQ(evaluation.result, domain::ActionStatus::kDone);
            EXPECT_EQ(evaluation.note, "Gick bra");
        } else {
            EXPECT_EQ(evaluation.action_id, 12);
            EXPECT_EQ(evaluation.result, domain::ActionStatus::kStopped);
        }
    }
    const auto bad = ParseMeetingForm(
        Form({{"version", "5"}, {"kind", "follow_up"}, {"held_on", "2026-12-01"}, {"eval_3", "klart"}}));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message_key, "meeting.evaluation_unknown");
    const auto kind = ParseMeetingForm(Form({{"version", "5"}, {"kind", "fika"}, {"held_on", "2026-12-01"}}));
    ASSERT_FALSE(kind);
    EXPECT_EQ(kind.error().message_key, "meeting.kind_unknown");
}

TEST(PlanForms, AgreeingReadsEachGuardiansPartAndLeavesAnUnchosenOneToTheFamilyView) {
    const auto parsed = ParseAgreeForm(Form({{"version", "4"},
                                             {"part_7", "present"},
                                             {"part_reason_7", ""},
                                             {"part_8", "not_taking_part"},
                                             {"part_reason_8", "Dokumenterad begränsning"},
                                             {"part_9", ""}}));
    ASSERT_TRUE(parsed);
    ASSERT_EQ(parsed->input.parts.size(), 2u) << "guardian 9 agreed in the family view: no part now";
    for (const auto& part : parsed->input.parts) {
        if (part.guardian_id == 7) {
            EXPECT_EQ(part.kind, domain::GuardianPartKind::kPresentAtMeeting);
        } else {
            EXPECT_EQ(part.guardian_id, 8);
            EXPECT_EQ(part.kind, domain::GuardianPartKind::kNotTakingPart);
            EXPECT_EQ(part.reason, "Dokumenterad begränsning");
        }
    }
    const auto bad = ParseAgreeForm(Form({{"version", "4"}, {"part_7", "kanske"}}));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message_key, "plan.guardian_part_invalid");
}

TEST(PlanForms, ClosingNeedsAKnownReasonAndAParticipantAUnitId) {
    const auto missing = ParseCloseForm(Form({{"version", "2"}}));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message_key, "plan.close_reason_missing");
    const auto closed = ParseCloseForm(Form({{"version", "2"}, {"close_reason", "needs_met"}}));
    ASSERT_TRUE(closed);
    EXPECT_EQ(closed->input.reason, domain::CloseReason::kNeedsMet);
    const auto participant = ParseParticipantForm(Form({{"version", "2"}, {"contact_name", "Sara"}}));
    ASSERT_FALSE(participant);
    EXPECT_EQ(participant.error().message_key, "participant.unit_unknown");
}

TEST(PlanForms, APlannedMeetingReadsWhoIsInvitedFromOneGroupOfBoxes) {
    const auto planned = ParsePlannedMeetingForm(Form({{"version", "4"},
                                                       {"kind", "follow_up"},
                                                       {"meets_on", "2027-01-12"},
                                                       {"starts_at", "13:30"},
                                                       {"place", "Rum 3"},
                                                       {"invited", "familjen"},
                                                       {"invited", "10"},
                                                       {"invited", "12"}}));
    ASSERT_TRUE(planned);
    EXPECT_EQ(planned->based_on, 4);
    EXPECT_TRUE(planned->input.family_invited);
    EXPECT_EQ(planned->input.invited_units, (std::vector<domain::UnitId>{10, 12}));
    EXPECT_EQ(planned->input.starts_at, std::chrono::minutes(13 * 60 + 30));
    const auto units_only = ParsePlannedMeetingForm(Form({{"version", "4"},
                                                          {"kind", "collaboration"},
                                                          {"meets_on", "2027-01-12"},
                                                          {"starts_at", "08.00"},
                                                          {"invited", "10"}}));
    ASSERT_TRUE(units_only);
    EXPECT_FALSE(units_only->input.family_invited) << "an unticked family box is not an invitation";
    const auto bad_time = ParsePlannedMeetingForm(
        Form({{"version", "4"}, {"kind", "follow_up"}, {"meets_on", "2027-01-12"}, {"starts_at", "25:00"}}));
    ASSERT_FALSE(bad_time);
    EXPECT_EQ(bad_time.error().message_key, "meeting.time_invalid");
    EXPECT_EQ(FormFieldOf("meeting.time_invalid"), "starts_at");
    const auto bad_unit = ParsePlannedMeetingForm(Form({{"version", "4"},
                                                        {"kind", "follow_up"},
                                                        {"meets_on", "2027-01-12"},
                                                        {"starts_at", "10:00"},
                                                        {"invited", "skolan"}}));
    ASSERT_FALSE(bad_unit);
    EXPECT_EQ(bad_unit.error().message_key, "meeting.invited_not_participant");
}

}  // namespace
}  // namespace kronobarn::web
