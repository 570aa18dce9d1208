// Barnets plan: lifecycle transitions, the optimistic lock, validation and the field-level diff.
#include <gtest/gtest.h>

#include "domain/plan.hpp"

namespace kronobarn::domain {
namespace {

using std::chrono::year;

constexpr UnitId kSchool = 10, kSocial = 11;
const Date kToday = year{2026} / 11 / 23;
const std::vector<std::string> kCatalogue{"trygg", "ma_bra", "utvecklas"};

std::string KeyOf(const Status& status) { return status ? "ok" : status.error().message_key; }

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

}  // namespace
}  // namespace kronobarn::domain
