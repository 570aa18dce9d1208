// Barnets plan: lifecycle transitions, the optimistic lock, validation and the field-level diff.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "domain/plan.hpp"

namespace kronobarn::domain {
namespace {

using std::chrono::year;

constexpr UnitId kSchool = 10, kSocial = 11;
const Date kToday = year{2026} / 11 / 23;
const std::vector<std::string> kCatalogue{"trygg", "ma_bra", "utvecklas"};

std::string KeyOf(const Status& status) { return status ? "ok" : status.error().message_key; }

constexpr std::int64_t kMother = 7, kFather = 8;
const std::vector<std::int64_t> kGuardians{kMother, kFather};
const std::vector<GuardianPart> kBothPresent{{kMother, "Maria", GuardianPartKind::kPresentAtMeeting, "", {}},
                                             {kFather, "Jonas", GuardianPartKind::kPresentAtMeeting, "", {}}};

// Agreed at the meeting with both guardians present.
Status Agree(Plan& plan, int based_on) { return Agree(plan, based_on, kBothPresent, kGuardians, kToday); }

Plan Draft() {
    auto plan = StartPlan(5, 1, "Oro för frånvaro", {"utvecklas"}, 1, FromUnixMillis(0));
    EXPECT_TRUE(plan);
    plan->participants.push_back({kSchool, "Anna", ""});
    return *plan;
}

Meeting CollaborationMeeting() {
    Meeting meeting;
    meeting.held_on = kToday;
    meeting.place = "Skolan";
    meeting.child_present = true;
    return meeting;
}

PlanAction Action(std::optional<UnitId> unit) {
    return {0,
            "Extra stöd",
            unit,
            "Anna",
            year{2026} / 11 / 24,
            "varje vecka",
            year{2027} / 1 / 15,
            ActionStatus::kPlanned};
}

// A draft that has everything agreeing needs.
Plan ReadyToAgree() {
    Plan plan = Draft();
    EXPECT_TRUE(RecordMeeting(plan, plan.version, CollaborationMeeting(), kToday, 3));
    EXPECT_TRUE(AddGoal(plan, plan.version, {0, "utvecklas", "I skolan varje dag", "Närvaron", year{2027} / 6 / 1},
                        kCatalogue));
    EXPECT_TRUE(AddAction(plan, plan.version, Action(kSchool)));
    return plan;
}

TEST(PlanLifecycle, AgreeNeedsMeetingGoalAndOwnedActionInThatOrder) {
    Plan plan = Draft();
    EXPECT_EQ(KeyOf(Agree(plan, plan.version)), "plan.needs_meeting");
    ASSERT_TRUE(RecordMeeting(plan, plan.version, CollaborationMeeting(), kToday, 3));
    EXPECT_EQ(KeyOf(Agree(plan, plan.version)), "plan.needs_goal");
    ASSERT_TRUE(AddGoal(plan, plan.version, {0, "trygg", "Trygg på rasten", "Barnet säger det", kToday}, kCatalogue));
    EXPECT_EQ(KeyOf(Agree(plan, plan.version)), "plan.needs_owned_action");
    ASSERT_TRUE(AddAction(plan, plan.version, Action(std::nullopt)));
    ASSERT_TRUE(Agree(plan, plan.version));
    EXPECT_EQ(plan.state, PlanState::kAgreed);
    EXPECT_EQ(KeyOf(Agree(plan, plan.version)), "plan.not_draft");
}

TEST(PlanLifecycle, AgreeingRecordsHowEachGuardianTookPart) {
    Plan plan = ReadyToAgree();
    const GuardianPart absent{kFather, "Jonas", GuardianPartKind::kNotTakingPart, "", {}};
    EXPECT_EQ(KeyOf(Agree(plan, plan.version, {}, kGuardians, kToday)), "plan.guardian_part_missing");
    EXPECT_EQ(KeyOf(Agree(plan, plan.version, {}, {}, kToday)), "plan.guardian_part_missing") << "nobody at all";
    EXPECT_EQ(KeyOf(Agree(plan, plan.version, {kBothPresent[0]}, kGuardians, kToday)), "plan.guardian_part_missing");
    EXPECT_EQ(KeyOf(Agree(plan, plan.version, {kBothPresent[0], absent}, kGuardians, kToday)),
              "plan.guardian_part_reason_missing");
    GuardianPart stranger = kBothPresent[0];
    stranger.guardian_id = 99;
    EXPECT_EQ(KeyOf(Agree(plan, plan.version, {stranger}, kGuardians, kToday)), "plan.guardian_unknown");
    GuardianPart claimed = kBothPresent[1];
    claimed.kind = GuardianPartKind::kAgreedInFamilyView;
    EXPECT_EQ(KeyOf(Agree(plan, plan.version, {kBothPresent[0], claimed}, kGuardians, kToday)),
              "plan.guardian_part_invalid")
        << "only the guardian agrees in the family view";
    EXPECT_EQ(plan.state, PlanState::kDraft) << "nothing changed by a refused agreement";
    EXPECT_TRUE(plan.guardian_parts.empty());

    GuardianPart restricted = absent;
    restricted.reason = "Dokumenterad begränsning";
    ASSERT_TRUE(Agree(plan, plan.version, {kBothPresent[0], restricted}, kGuardians, kToday));
    ASSERT_EQ(plan.guardian_parts.size(), 2u);
    EXPECT_EQ(plan.guardian_parts[1].kind, GuardianPartKind::kNotTakingPart);
    EXPECT_EQ(plan.guardian_parts[1].recorded_on, kToday);
}

TEST(PlanLifecycle, AGuardianAgreesInTheFamilyViewOnceThePlanIsReady) {
    Plan plan = Draft();
    EXPECT_EQ(KeyOf(AgreeInFamilyView(plan, kMother, "Maria", kToday)), "family.agree.not_ready");
    plan = ReadyToAgree();
    const int version = plan.version;
    ASSERT_TRUE(AgreeInFamilyView(plan, kMother, "Maria", kToday));
    EXPECT_EQ(plan.version, version + 1);
    EXPECT_EQ(KeyOf(AgreeInFamilyView(plan, kMother, "Maria", kToday)), "family.agree.already_given");
    // The holder still needs the father's part; the mother's agreement is kept, not overwritten.
    EXPECT_EQ(KeyOf(Agree(plan, plan.version, {}, kGuardians, kToday)), "plan.guardian_part_missing");
    ASSERT_TRUE(Agree(plan, plan.version, {kBothPresent[1]}, kGuardians, kToday));
    ASSERT_EQ(plan.guardian_parts.size(), 2u);
    const auto mother = std::find_if(plan.guardian_parts.begin(), plan.guardian_parts.end(),
                                     [](const GuardianPart& part) { return part.guardian_id == kMother; });
    ASSERT_NE(mother, plan.guardian_parts.end());
    EXPECT_EQ(mother->kind, GuardianPartKind::kAgreedInFamilyView);
    EXPECT_EQ(KeyOf(AgreeInFamilyView(plan, kFather, "Jonas", kToday)), "family.agree.closed");
    // The history names each guardian's part.
    bool named = false;
    for (const auto& change : Diff(ReadyToAgree(), plan)) named |= change.field == "guardian_part.kind:Maria";
    EXPECT_TRUE(named);
}

TEST(PlanLifecycle, FollowUpActivatesTheAgreedPlanAndAppliesEvaluations) {
    Plan plan = ReadyToAgree();
    Meeting follow_up = CollaborationMeeting();
    follow_up.kind = MeetingKind::kFollowUp;
    EXPECT_EQ(KeyOf(RecordMeeting(plan, plan.version, follow_up, kToday, 3)), "meeting.follow_up_before_agreed");
    ASSERT_TRUE(Agree(plan, plan.version));
    plan.actions[0].id = 42;  // as stored
    follow_up.evaluations = {{42, ActionStatus::kDone, "Klart"}};
    ASSERT_TRUE(RecordMeeting(plan, plan.version, follow_up, kToday, 3));
    EXPECT_EQ(plan.state, PlanState::kActive);
    EXPECT_EQ(plan.actions[0].status, ActionStatus::kDone);
    // The next meeting defaults to the configured number of months later.
    ASSERT_TRUE(plan.basics.next_meeting);
    EXPECT_EQ(*plan.basics.next_meeting, year{2027} / 2 / 23);
}

TEST(PlanLifecycle, DefaultNextMeetingClampsToTheEndOfAShortMonth) {
    Plan plan = ReadyToAgree();
    ASSERT_TRUE(Agree(plan, plan.version));
    Meeting follow_up = CollaborationMeeting();
    follow_up.kind = MeetingKind::kFollowUp;
    follow_up.held_on = year{2026} / 11 / 30;
    ASSERT_TRUE(RecordMeeting(plan, plan.version, follow_up, year{2026} / 12 / 1, 3));
    EXPECT_EQ(*plan.basics.next_meeting, year{2027} / 2 / 28);
}

TEST(PlanLifecycle, ClosedPlanIsReadOnly) {
    Plan plan = ReadyToAgree();
    ASSERT_TRUE(Close(plan, plan.version, CloseReason::kNeedsMet));
    EXPECT_EQ(plan.state, PlanState::kClosed);
    EXPECT_EQ(KeyOf(AddAction(plan, plan.version, Action(kSchool))), "plan.closed");
    EXPECT_EQ(KeyOf(EditBasics(plan, plan.version, plan.basics, kToday)), "plan.closed");
    EXPECT_EQ(KeyOf(Close(plan, plan.version, CloseReason::kMoved)), "plan.closed");
}

TEST(PlanLifecycle, MeetingThatDecidesNotToCollaborateClosesTheDraft) {
    Plan plan = Draft();
    Meeting meeting = CollaborationMeeting();
    meeting.collaborate = false;
    ASSERT_TRUE(RecordMeeting(plan, plan.version, meeting, kToday, 3));
    EXPECT_EQ(plan.state, PlanState::kClosed);
    EXPECT_EQ(plan.close_reason, CloseReason::kCollaborationEnded);
}

TEST(PlanVersioning, EveryEditBumpsTheVersionAndAStaleOneIsRefusedUntouched) {
    Plan plan = Draft();
    const int first = plan.version;
    ASSERT_TRUE(AddParticipant(plan, first, {kSocial, "Sara", "0470"}));
    EXPECT_EQ(plan.version, first + 1);
    const Plan before = plan;
    PlanBasics basics = plan.basics;
    basics.child_view = "Jag vill ha en kompis";
    EXPECT_EQ(KeyOf(EditBasics(plan, first, basics, kToday)), "plan.stale");
    EXPECT_EQ(plan.basics.child_view, before.basics.child_view);
    EXPECT_EQ(plan.version, before.version);
}

TEST(PlanValidation, BadInputIsRefusedWithTheFieldNamed) {
    Plan plan = Draft();
    PlanAction reversed = Action(kSchool);
    reversed.due = year{2026} / 11 / 1;
    EXPECT_EQ(KeyOf(AddAction(plan, plan.version, reversed)), "action.due_before_start");
    EXPECT_EQ(KeyOf(AddAction(plan, plan.version, Action(kSocial))), "action.unit_not_participant");
    PlanAction unowned = Action(kSchool);
    unowned.responsible = "";
    EXPECT_EQ(KeyOf(AddAction(plan, plan.version, unowned)), "action.responsible_missing");
    PlanAction huge = Action(kSchool);
    huge.what = std::string(kMaxPlanText + 1, 'x');
    EXPECT_EQ(KeyOf(AddAction(plan, plan.version, huge)), "plan.text_too_long");
    EXPECT_EQ(KeyOf(AddGoal(plan, plan.version, {0, "okänt", "x", "y", kToday}, kCatalogue)), "goal.area_unknown");
    EXPECT_EQ(KeyOf(AddParticipant(plan, plan.version, {kSchool, "Anna", ""})), "participant.already_in_plan");
    Meeting absent = CollaborationMeeting();
    absent.child_present = false;
    EXPECT_EQ(KeyOf(RecordMeeting(plan, plan.version, absent, kToday, 3)), "meeting.child_absent_reason_missing");
    Meeting future = CollaborationMeeting();
    future.held_on = year{2026} / 12 / 24;
    EXPECT_EQ(KeyOf(RecordMeeting(plan, plan.version, future, kToday, 3)), "meeting.in_future");
    PlanBasics past = plan.basics;
    past.next_meeting = year{2026} / 1 / 1;
    EXPECT_EQ(KeyOf(EditBasics(plan, plan.version, past, kToday)), "plan.next_meeting_in_past");
    EXPECT_EQ(plan.version, Draft().version) << "no refused edit may change the plan";
    EXPECT_FALSE(StartPlan(5, 1, " ", {}, 1, FromUnixMillis(0)));
}

TEST(PlanDiff, NamesEachChangedFieldWithBeforeAndAfter) {
    Plan before = Draft();
    Plan after = before;
    after.basics.child_view = "Jag vill ha en kompis";
    after.state = PlanState::kAgreed;
    const auto changes = Diff(before, after);
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].field, "plan.state") << "the field table's code";
    EXPECT_EQ(changes[0].before, "draft");
    EXPECT_EQ(changes[0].after, "agreed");
    EXPECT_EQ(changes[1].field, "basics.child_view");
    EXPECT_EQ(changes[1].after, "Jag vill ha en kompis");
    EXPECT_TRUE(Diff(before, before).empty());
}

// A plan as stored: every goal, action and meeting has its id.
Plan StoredPlan() {
    Plan plan = ReadyToAgree();
    plan.goals[0].id = 21;
    plan.actions[0].id = 31;
    plan.meetings[0].id = 41;
    plan.participants.push_back({kSocial, "Sara", "0470-1"});
    return plan;
}

TEST(LivingPlan, GoalsAreEditedAndRemovedByIdAndTheHistorySaysWhich) {
    Plan plan = StoredPlan();
    const Plan before = plan;
    PlanGoal changed = plan.goals[0];
    changed.outcome = "I skolan fyra dagar av fem";
    ASSERT_TRUE(EditGoal(plan, plan.version, changed, kCatalogue));
    EXPECT_EQ(plan.goals[0].outcome, "I skolan fyra dagar av fem");
    EXPECT_EQ(plan.version, before.version + 1);
    const auto diff = Diff(before, plan);
    ASSERT_EQ(diff.size(), 1u);
    EXPECT_EQ(diff[0].field, "goal.outcome:I skolan fyra dagar av fem");
    EXPECT_EQ(diff[0].before, "I skolan varje dag");

    const Plan edited = plan;
    ASSERT_TRUE(RemoveGoal(plan, plan.version, 21));
    EXPECT_TRUE(plan.goals.empty());
    const auto removal = Diff(edited, plan);
    ASSERT_EQ(removal.size(), 1u);
    EXPECT_EQ(removal[0].field, "goal.removed");
    EXPECT_NE(removal[0].before.find("I skolan fyra dagar av fem"), std::string::npos);
}

TEST(LivingPlan, AStaleOrUnknownOrClosedEditChangesNothing) {
    Plan plan = StoredPlan();
    const Plan before = plan;
    PlanGoal goal = plan.goals[0];
    goal.outcome = "Nytt";
    EXPECT_EQ(KeyOf(EditGoal(plan, plan.version - 1, goal, kCatalogue)), "plan.stale");
    goal.id = 99;
    EXPECT_EQ(KeyOf(EditGoal(plan, plan.version, goal, kCatalogue)), "goal.unknown");
    EXPECT_EQ(KeyOf(RemoveAction(plan, plan.version, 99)), "action.unknown");
    PlanAction action = plan.actions[0];
    action.what = "";
    EXPECT_EQ(KeyOf(EditAction(plan, plan.version, action)), "action.what_missing");
    EXPECT_EQ(KeyOf(CorrectMeeting(plan, plan.version, 41, year{2026} / 11 / 24, "", "", kToday)), "meeting.in_future");
    EXPECT_TRUE(Diff(before, plan).empty());
    EXPECT_EQ(plan.version, before.version);

    ASSERT_TRUE(Close(plan, plan.version, CloseReason::kNeedsMet));
    EXPECT_EQ(KeyOf(RemoveGoal(plan, plan.version, 21)), "plan.closed");
    EXPECT_EQ(
        KeyOf(ReportOnAction(plan, {31, ActionStatus::kDone, "", std::nullopt}, "Anna", FromUnixMillis(5), kToday)),
        "plan.closed");
}

TEST(LivingPlan, EditingAnActionKeepsItsStatusAndReport) {
    Plan plan = StoredPlan();
    ASSERT_TRUE(ReportOnAction(plan, {31, ActionStatus::kOngoing, "Går bra", year{2027} / 2 / 1}, "Anna",
                               FromUnixMillis(5), kToday));
    PlanAction action = plan.actions[0];
    action.what = "Extra stöd i matematik";
    action.status = ActionStatus::kDone;  // a form cannot set the status through an edit
    ASSERT_TRUE(EditAction(plan, plan.version, action));
    EXPECT_EQ(plan.actions[0].what, "Extra stöd i matematik");
    EXPECT_EQ(plan.actions[0].status, ActionStatus::kOngoing);
    EXPECT_EQ(plan.actions[0].progress_note, "Går bra");
    EXPECT_FALSE(plan.actions[0].proposed_due) << "the proposed date is settled by the edit";
}

TEST(LivingPlan, AReportSetsStatusNoteDateAndWhoWithoutTheVersion) {
    Plan plan = StoredPlan();
    const Plan before = plan;
    ASSERT_TRUE(ReportOnAction(plan, {31, ActionStatus::kChanged, "Byter tid", year{2027} / 2 / 1}, "Anna Lind",
                               FromUnixMillis(5), kToday));
    const auto& action = plan.actions[0];
    EXPECT_EQ(action.status, ActionStatus::kChanged);
    EXPECT_EQ(action.progress_note, "Byter tid");
    EXPECT_EQ(action.proposed_due, year{2027} / 2 / 1);
    EXPECT_EQ(action.reported_by, "Anna Lind");
    EXPECT_EQ(plan.version, before.version + 1);
    std::set<std::string> fields;
    for (const auto& change : Diff(before, plan)) fields.insert(change.field);
    EXPECT_EQ(fields, (std::set<std::string>{"action.status:Extra stöd", "action.progress_note:Extra stöd",
                                             "action.proposed_due:Extra stöd"}));
    EXPECT_EQ(KeyOf(ReportOnAction(plan, {31, ActionStatus::kDone, "", year{2026} / 11 / 1}, "Anna", FromUnixMillis(6),
                                   kToday)),
              "action.proposed_due_in_past");
    EXPECT_EQ(KeyOf(ReportOnAction(plan, {31, ActionStatus::kDone, std::string(1001, 'x'), std::nullopt}, "Anna",
                                   FromUnixMillis(6), kToday)),
              "plan.text_too_long");
    EXPECT_EQ(plan.actions[0].status, ActionStatus::kChanged) << "a refused report changes nothing";
}

TEST(LivingPlan, AParticipantLeavesWithAReasonOnceItsWorkIsSettled) {
    Plan plan = StoredPlan();
    plan.actions.push_back(Action(kSocial));
    plan.actions.back().id = 32;
    EXPECT_EQ(KeyOf(RemoveParticipant(plan, plan.version, kSocial, " ", kSchool)), "participant.reason_missing");
    EXPECT_EQ(KeyOf(RemoveParticipant(plan, plan.version, kSocial, "Klart", kSchool)), "participant.has_open_actions");
    EXPECT_EQ(KeyOf(RemoveParticipant(plan, plan.version, kSchool, "Klart", kSchool)), "participant.is_holder");
    ASSERT_TRUE(ReportOnAction(plan, {32, ActionStatus::kDone, "", std::nullopt}, "Sara", FromUnixMillis(5), kToday));
    const Plan before = plan;
    ASSERT_TRUE(RemoveParticipant(plan, plan.version, kSocial, "Samtalen är klara", kSchool));
    ASSERT_EQ(plan.participants.size(), 1u);
    ASSERT_EQ(plan.removed_participants.size(), 1u);
    EXPECT_EQ(plan.removed_participants[0].reason, "Samtalen är klara");
    const auto diff = Diff(before, plan);
    ASSERT_EQ(diff.size(), 1u);
    EXPECT_EQ(diff[0].field, "participant.removed:Sara");
    EXPECT_EQ(diff[0].after, "Samtalen är klara");

    // It may come back: a participant again, no longer one that left.
    ASSERT_TRUE(AddParticipant(plan, plan.version, {kSocial, "Sara", ""}));
    EXPECT_TRUE(plan.removed_participants.empty());
}

TEST(LivingPlan, AMeetingIsCorrectedInDatePlaceAndNotes) {
    Plan plan = StoredPlan();
    const Plan before = plan;
    ASSERT_TRUE(CorrectMeeting(plan, plan.version, 41, year{2026} / 11 / 20, "Rum 2", "Rättade anteckningar", kToday));
    EXPECT_EQ(plan.meetings[0].held_on, year{2026} / 11 / 20);
    EXPECT_EQ(plan.meetings[0].notes, "Rättade anteckningar");
    std::set<std::string> fields;
    for (const auto& change : Diff(before, plan)) fields.insert(change.field.substr(0, change.field.find(':')));
    EXPECT_EQ(fields, (std::set<std::string>{"meeting.held_on", "meeting.place", "meeting.notes"}));
}

PlannedMeeting NextMeeting() {
    PlannedMeeting meeting;
    meeting.kind = MeetingKind::kFollowUp;
    meeting.on = year{2027} / 1 / 12;
    meeting.starts_at = std::chrono::hours{13} + std::chrono::minutes{30};
    meeting.place = "Rum 3, Växjö skola";
    meeting.invited_units = {kSchool};
    return meeting;
}

TEST(PlannedMeeting, MovingItKeepsTheMeetingAndRaisesItsSequence) {
    Plan plan = ReadyToAgree();
    ASSERT_TRUE(PlanMeeting(plan, plan.version, NextMeeting(), kToday));
    ASSERT_TRUE(plan.planned_meeting);
    EXPECT_EQ(plan.basics.next_meeting, year{2027} / 1 / 12) << "the plan's next meeting follows the planned one";
    plan.planned_meeting->id = 7;  // as stored
    PlannedMeeting moved = NextMeeting();
    moved.on = year{2027} / 1 / 19;
    ASSERT_TRUE(PlanMeeting(plan, plan.version, moved, kToday));
    EXPECT_EQ(plan.planned_meeting->id, 7);
    EXPECT_EQ(plan.planned_meeting->sequence, 1);
    EXPECT_EQ(plan.basics.next_meeting, year{2027} / 1 / 19);
    Plan before = plan;
    ASSERT_TRUE(CancelPlannedMeeting(plan, plan.version));
    EXPECT_FALSE(plan.planned_meeting);
    bool named = false;
    for (const auto& change : Diff(before, plan)) {
        if (change.field == "plan.planned_meeting") {
            named = true;
            EXPECT_EQ(change.before, "2027-01-19 13:30, Rum 3, Växjö skola");
            EXPECT_EQ(change.after, "");
        }
    }
    EXPECT_TRUE(named);
    EXPECT_EQ(KeyOf(CancelPlannedMeeting(plan, plan.version)), "meeting.none_planned");
}

TEST(PlannedMeeting, RecordingTheMeetingEndsItsPlanningButNotALaterOne) {
    Plan plan = ReadyToAgree();
    ASSERT_TRUE(Agree(plan, plan.version));
    PlannedMeeting today = NextMeeting();
    today.on = kToday;
    ASSERT_TRUE(PlanMeeting(plan, plan.version, today, kToday));
    Meeting held = CollaborationMeeting();
    held.kind = MeetingKind::kFollowUp;
    ASSERT_TRUE(RecordMeeting(plan, plan.version, held, kToday, 3));
    EXPECT_FALSE(plan.planned_meeting) << "the meeting planned for today was held";
    ASSERT_TRUE(PlanMeeting(plan, plan.version, NextMeeting(), kToday));
    ASSERT_TRUE(RecordMeeting(plan, plan.version, held, kToday, 3));
    EXPECT_TRUE(plan.planned_meeting) << "a meeting in January is still to come";
}

TEST(PlannedMeeting, BadInputIsRefusedAndChangesNothing) {
    Plan plan = ReadyToAgree();
    const auto refused = [&](PlannedMeeting meeting) {
        const Plan before = plan;
        const std::string key = KeyOf(PlanMeeting(plan, plan.version, std::move(meeting), kToday));
        EXPECT_EQ(plan.version, before.version);
        EXPECT_FALSE(plan.planned_meeting);
        return key;
    };
    PlannedMeeting past = NextMeeting();
    past.on = year{2026} / 11 / 22;
    EXPECT_EQ(refused(past), "meeting.in_past");
    PlannedMeeting late = NextMeeting();
    late.starts_at = std::chrono::hours{24};
    EXPECT_EQ(refused(late), "meeting.time_invalid");
    PlannedMeeting nowhere = NextMeeting();
    nowhere.place = "  ";
    EXPECT_EQ(refused(nowhere), "meeting.place_missing");
    PlannedMeeting nobody = NextMeeting();
    nobody.invited_units.clear();
    nobody.family_invited = false;
    EXPECT_EQ(refused(nobody), "meeting.nobody_invited");
    PlannedMeeting stranger = NextMeeting();
    stranger.invited_units = {kSocial};
    EXPECT_EQ(refused(stranger), "meeting.invited_not_participant");
    PlannedMeeting long_place = NextMeeting();
    long_place.place = std::string(1001, 'x');
    EXPECT_EQ(refused(long_place), "plan.text_too_long");
    EXPECT_EQ(KeyOf(PlanMeeting(plan, plan.version - 1, NextMeeting(), kToday)), "plan.stale");
}

TEST(PlannedMeeting, AUnitThatLeavesThePlanIsNoLongerInvited) {
    Plan plan = Draft();
    plan.participants.push_back({kSocial, "Sara", ""});
    PlannedMeeting meeting = NextMeeting();
    meeting.invited_units = {kSocial, kSchool};
    ASSERT_TRUE(PlanMeeting(plan, plan.version, meeting, kToday));
    EXPECT_EQ(plan.planned_meeting->invited_units, (std::vector<UnitId>{kSchool, kSocial}));
    ASSERT_TRUE(RemoveParticipant(plan, plan.version, kSocial, "Flyttat", std::nullopt));
    EXPECT_EQ(plan.planned_meeting->invited_units, std::vector<UnitId>{kSchool});
}

}  // namespace
}  // namespace kronobarn::domain
