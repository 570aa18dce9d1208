// How records become the facts a measure counts: follow-ups on time, late or overdue; a wheel
// area's first status against its latest; plans by units taking part; consents asked for and
// ended; first meetings; transitions and whether the plan followed.
#include <gtest/gtest.h>

#include "app/statistics.hpp"

namespace kronobarn::app {
namespace {

using std::chrono::April;
using std::chrono::December;
using std::chrono::January;
using std::chrono::March;
using std::chrono::year;

store::ChildFacts Child(domain::ChildId id) { return {id, year{2015} / March / 12, "Växjö"}; }

store::MeetingRecord Meeting(std::int64_t plan, Date held, std::optional<Date> next) {
    return {Child(plan), plan, held, "follow_up", true, next};
}

std::vector<std::size_t> Categories(const std::vector<domain::StatisticsFact>& facts) {
    std::vector<std::size_t> categories;
    for (const auto& fact : facts) categories.push_back(fact.category);
    return categories;
}

TEST(FollowUpFacts, OnTimeLateAndOverdueOnTheDayTheyWereDue) {
    const Date today = year{2026} / March / 1;
    const std::vector<store::MeetingRecord> meetings{
        Meeting(1, year{2025} / December / 1, year{2026} / January / 10),
        Meeting(1, year{2026} / January / 10, year{2026} / January / 20),  // held on the due day: on time
        Meeting(1, year{2026} / January / 25, year{2026} / March / 20),    // five days late; next not yet due
        Meeting(2, year{2025} / December / 1, year{2026} / January / 31),  // never held: overdue
        Meeting(3, year{2025} / December / 1, std::nullopt),               // set no follow-up
    };
    const auto facts = FollowUpFacts(meetings, today);
    EXPECT_EQ(Categories(facts), (std::vector<std::size_t>{0, 1, 2}));
    ASSERT_EQ(facts.size(), 3U);
    EXPECT_EQ(facts[0].on, (year{2026} / January / 10));
    EXPECT_EQ(facts[2].on, (year{2026} / January / 31));
}

store::WheelStatusRecord Status(domain::ChildId child, Date on, std::string area, std::string status) {
    return {Child(child), on, std::move(area), std::move(status), false};
}

TEST(WheelChangeFacts, FirstKnownStatusAgainstTheLatestPerChildAndArea) {
    const std::vector<store::WheelStatusRecord> statuses{
        Status(1, year{2026} / January / 5, "trygg", "challenging"),
        Status(1, year{2026} / January / 5, "utvecklas", "works_well"),
        Status(1, year{2026} / March / 5, "trygg", "not_known"),  // not a status to compare
        Status(1, year{2026} / March / 9, "trygg", "works_well"),
        Status(1, year{2026} / March / 9, "utvecklas", "challenging"),
        Status(2, year{2026} / January / 5, "trygg", "challenging"),
        Status(2, year{2026} / March / 5, "trygg", "challenging"),
        Status(3, year{2026} / March / 5, "aktiv", "challenging"),  // one assessment: no course yet
    };
    const auto facts = WheelChangeFacts(statuses);
    ASSERT_EQ(facts.size(), 3U);
    EXPECT_EQ(facts[0].category, 0U);  // child 1, trygg: improved
    EXPECT_EQ(facts[0].wheel_areas, std::vector<std::string>{"trygg"});
    EXPECT_EQ(facts[0].on, (year{2026} / March / 9));
    EXPECT_EQ(facts[1].category, 2U);  // child 1, utvecklas: worsened
    EXPECT_EQ(facts[2].category, 1U);  // child 2, trygg: unchanged
}

TEST(PlanFacts, UnitsTakingPartAndDaysFromTheSignal) {
    store::PlanRecord plan;
    plan.child = Child(1);
    plan.created_at = StartOfSwedishDay(year{2026} / March / 12);
    plan.signal_registered_at = StartOfSwedishDay(year{2026} / March / 2);
    plan.participants = 7;
    plan.child_view_recorded = false;
    plan.holder_kind = domain::UnitKind::kSchoolUnit;
    auto other = plan;
    other.participants = 0;
    other.child_view_recorded = true;
    EXPECT_EQ(Categories(PlanOrganisationFacts({plan, other})), (std::vector<std::size_t>{4, 0}));
    const auto started = PlanFacts({plan, other});
    EXPECT_EQ(Categories(started), (std::vector<std::size_t>{1, 0}));
    EXPECT_EQ(started[0].days, 10);
    EXPECT_EQ(started[0].on, (year{2026} / March / 12));
}

TEST(ActivePlanFacts, OneFactPerMonthEndThePlanWasOpen) {
    store::PlanRecord plan;
    plan.child = Child(1);
    plan.created_at = StartOfSwedishDay(year{2025} / December / 15);
    plan.closed_at = StartOfSwedishDay(year{2026} / March / 31);  // closed on the last day: not open at its end
    plan.holder_kind = domain::UnitKind::kBvc;
    store::PlanRecord open = plan;
    open.closed_at.reset();
    const auto facts = ActivePlanFacts({plan, open}, year{2026} / January / 1, year{2026} / April / 20);
    std::vector<Date> ends;
    for (const auto& fact : facts) ends.push_back(fact.on);
    EXPECT_EQ(ends, (std::vector<Date>{year{2026} / January / 31, year{2026} / std::chrono::February / 28,
                                       year{2026} / January / 31, year{2026} / std::chrono::February / 28,
                                       year{2026} / March / 31, year{2026} / April / 20}));  // April as of today
    EXPECT_EQ(facts[0].unit_kind, domain::UnitKind::kBvc);
}

TEST(ConsentFacts, AskedForThenGivenOrRefusedAndGivenOnesEndByWithdrawalOrExpiry) {
    const Date today = year{2026} / March / 1;
    store::ConsentRecord withdrawn{Child(1), StartOfSwedishDay(year{2026} / January / 2), year{2026} / December / 31,
                                   StartOfSwedishDay(year{2026} / January / 20), "school"};
    store::ConsentRecord expired{Child(2), StartOfSwedishDay(year{2025} / December / 2), year{2026} / January / 31,
                                 std::nullopt, "school"};
    store::ConsentRecord running{Child(3), StartOfSwedishDay(year{2026} / January / 2), year{2026} / December / 31,
                                 std::nullopt, "school"};
    store::ConsentRecord refused{Child(4), StartOfSwedishDay(year{2026} / January / 3), year{2026} / January / 31,
                                 std::nullopt, "school"};
    refused.refused = true;
    const auto asked = ConsentFacts({withdrawn, expired, running, refused});
    EXPECT_EQ(Categories(asked), (std::vector<std::size_t>{0, 0, 0, 1}));
    EXPECT_EQ(asked[3].on, (year{2026} / January / 3));
    const auto ended = ConsentEndFacts({withdrawn, expired, running, refused}, today);
    EXPECT_EQ(Categories(ended), (std::vector<std::size_t>{0, 1})) << "a refused consent never ends";
    EXPECT_EQ(ended[0].on, (year{2026} / January / 20));
    EXPECT_EQ(ended[1].on, (year{2026} / std::chrono::February / 1)) << "expired the day after its last valid day";
}

TEST(FirstMeetingFacts, OnTheDayOfThePlansFirstMeetingWithDaysFromTheSignal) {
    store::PlanRecord plan;
    plan.child = Child(1);
    plan.created_at = StartOfSwedishDay(year{2026} / March / 12);
    plan.signal_registered_at = StartOfSwedishDay(year{2026} / March / 2);
    plan.first_meeting_on = year{2026} / March / 20;
    plan.holder_kind = domain::UnitKind::kSchoolUnit;
    auto without_signal = plan;
    without_signal.signal_registered_at.reset();
    auto not_met = plan;
    not_met.first_meeting_on.reset();
    const auto facts = FirstMeetingFacts({plan, without_signal, not_met});
    ASSERT_EQ(facts.size(), 2U) << "a plan without a meeting has no first meeting yet";
    EXPECT_EQ(facts[0].on, (year{2026} / March / 20));
    EXPECT_EQ(facts[0].days, 18);
    EXPECT_EQ(facts[0].unit_kind, domain::UnitKind::kSchoolUnit);
    EXPECT_FALSE(facts[1].days.has_value());
}

TEST(TransitionFacts, AcceptedCoordinationHandoversNotByDecisionBByWhatBecameOfThePlan) {
    store::HandoverRecord followed;
    followed.child = Child(1);
    followed.requested_at = StartOfSwedishDay(year{2026} / March / 2);
    followed.answered_at = StartOfSwedishDay(year{2026} / March / 9);
    followed.state = "accepted";
    followed.kind = "coordination";
    followed.from_kind = domain::UnitKind::kBvc;
    followed.to_kind = domain::UnitKind::kSchoolUnit;
    followed.plan_outcome = "followed";
    auto stayed = followed;
    stayed.plan_outcome = "stayed";
    auto no_plan = followed;
    no_plan.plan_outcome = "";
    auto decision_b = followed;
    decision_b.after_decision = true;
    auto declined = followed;
    declined.state = "declined";
    auto collaboration = followed;
    collaboration.kind = "collaboration";
    const auto facts = TransitionFacts({followed, stayed, no_plan, decision_b, declined, collaboration});
    EXPECT_EQ(Categories(facts), (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(facts[0].on, (year{2026} / March / 9));
    EXPECT_EQ(facts[0].unit_kind, domain::UnitKind::kSchoolUnit) << "counted by the new holder's type";
}

}  // namespace
}  // namespace kronobarn::app
