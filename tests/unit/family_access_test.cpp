// The family's access bases as a table (family_access_table.txt), what a guardian and the child
// see of the plan, and the family's own rules: giving one's part of a consent, entries.
#include <gtest/gtest.h>

#include "domain/access.hpp"
#include "domain/family_entry.hpp"
#include "unit/decision_table.hpp"

namespace kronobarn::domain {
namespace {

using std::chrono::year;

constexpr UnitId kHolderUnit = 10;
constexpr ChildId kChild = 1;
constexpr GuardianId kMother = 21;
constexpr GuardianId kFather = 22;
const Date kToday = year{2026} / 11 / 23;

AccessTarget Target(bool with_plan) {
    AccessTarget target{.child_id = kChild, .holder_unit_id = kHolderUnit};
    if (with_plan) target.plan = PlanFacts{{kHolderUnit}, std::nullopt, std::nullopt};
    target.guardian_ids = {kMother, kFather};
    target.restricted_guardian_ids = {kFather};
    target.today = kToday;
    return target;
}

ActorFacts Member(const std::string& member) {
    ActorFacts actor{100, {}, {}};
    if (member == "guardian") actor.family = {{kChild, kMother, "Maja"}};
    if (member == "restricted_guardian") actor.family = {{kChild, kFather, "Maja"}};
    if (member == "other_family") actor.family = {{2, 31, "Liam"}};
    if (member == "child_self") actor.family = {{kChild, std::nullopt, "Maja"}};
    if (member == "other_child") actor.family = {{2, std::nullopt, "Liam"}};
    if (member == "staff_principal") actor.roles = {{kHolderUnit, 1, Role::kPrincipal, UnitKind::kSchoolUnit}};
    return actor;
}

TEST(FamilyAccessTable, EveryRowHolds) {
    int rows = 0;
    for (const auto& [line, cells] : testing::LoadDecisionTable("family_access_table.txt")) {
        SCOPED_TRACE("family_access_table.txt line " + std::to_string(line));
        ASSERT_EQ(cells.size(), 5u);
        const auto action = ParseAccessAction(cells[2]);
        ASSERT_TRUE(action) << cells[2];
        const AccessDecision decision = Decide(Member(cells[0]), *action, Target(cells[1] == "yes"));
        EXPECT_EQ(Code(decision.outcome), cells[3]);
        EXPECT_EQ(Code(decision.basis), cells[4]);
        ++rows;
    }
    EXPECT_GE(rows, 30) << "table file missing or truncated";
}

// At 18 the young person is an adult: the guardians' family access ends that day, the young
// person's own stays (issue 21, "barn 0-18 år").
TEST(FamilyAccess, AGuardiansAccessEndsOnTheEighteenthBirthdayTheYoungPersonsDoesNot) {
    AccessTarget target = Target(true);
    target.adult_on = year{2026} / 11 / 24;  // tomorrow
    EXPECT_TRUE(Decide(Member("guardian"), AccessAction::kReadPlan, target).Allowed()) << "the day before";
    target.adult_on = kToday;
    const AccessDecision adult = Decide(Member("guardian"), AccessAction::kReadPlan, target);
    EXPECT_FALSE(adult.Allowed());
    EXPECT_EQ(adult.reason, "child_adult");
    EXPECT_FALSE(Decide(Member("guardian"), AccessAction::kReadAccessLog, target).Allowed());
    EXPECT_TRUE(Decide(Member("child_self"), AccessAction::kReadPlan, target).Allowed());
}

Plan FullPlan() {
    Plan plan;
    plan.basics.reason = "Oro för frånvaro";
    plan.basics.child_view = "Jag vill ha en kompis";
    plan.basics.guardian_views = "Vi vill ha stöd";
    plan.support_areas = {"utvecklas"};
    plan.goals.push_back({1, "utvecklas", "I skolan varje dag", "Närvaron", kToday});
    plan.actions.push_back({1, "Extra stöd", kHolderUnit, "Anna", kToday, "", kToday, ActionStatus::kPlanned});
    plan.actions.push_back({2, "Samtal", 11, "Sara", kToday, "", kToday, ActionStatus::kPlanned});
    plan.participants = {{kHolderUnit, "Anna", "0470-1"}};
    plan.meetings.push_back({});
    plan.meetings.back().notes = "Anteckningar från mötet";
    plan.basics.next_meeting = kToday;
    return plan;
}

Plan SeenBy(const std::string& member) {
    const ActorFacts actor = Member(member);
    const AccessTarget target = Target(true);
    const auto decision = Decide(actor, AccessAction::kReadPlan, target);
    EXPECT_TRUE(decision.Allowed());
    const auto reading = PlanReadingFor(actor, decision, target);
    EXPECT_TRUE(reading);
    return reading ? RedactPlan(FullPlan(), *reading) : Plan{};
}

TEST(FamilyPlanReading, TheGuardianSeesGoalsActionsContactsAndFollowUpsButNotTheProfessionalsNotes) {
    const Plan seen = SeenBy("guardian");
    ASSERT_EQ(seen.actions.size(), 1u) << "the holder's action; unit 11 takes no part no consent covers";
    EXPECT_EQ(seen.actions[0].what, "Extra stöd");
    EXPECT_EQ(seen.goals.size(), 1u);
    ASSERT_EQ(seen.meetings.size(), 1u) << "for the latest follow-up";
    EXPECT_TRUE(seen.meetings[0].notes.empty());
    EXPECT_EQ(seen.basics.child_view, "Jag vill ha en kompis");
    EXPECT_TRUE(seen.basics.reason.empty());
}

TEST(FamilyPlanReading, TheChildSeesWhoHelpsWithWhatAndItsOwnWordsButNotTheAdultsNotes) {
    const Plan seen = SeenBy("child_self");
    ASSERT_EQ(seen.actions.size(), 1u) << "who helps me with what";
    EXPECT_EQ(seen.actions[0].responsible, "Anna");
    EXPECT_TRUE(seen.basics.next_meeting);
    EXPECT_EQ(seen.basics.child_view, "Jag vill ha en kompis");
    EXPECT_EQ(seen.support_areas.size(), 1u);
    EXPECT_TRUE(seen.goals.empty());
    EXPECT_TRUE(seen.meetings.empty());
    EXPECT_TRUE(seen.basics.guardian_views.empty());
    EXPECT_TRUE(seen.basics.reason.empty());
}

Consent PreparedByTheHolder() {
    Consent consent;
    consent.purpose = "Samverkan";
    consent.unit_ids = {kHolderUnit};
    consent.categories = {DataCategory::kSchool};
    consent.valid_from = year{2026} / 11 / 1;
    consent.valid_to = year{2027} / 6 / 30;
    consent.parties = {{kMother, "Eva Berg"}};
    return consent;
}

TEST(GiveConsent, TheSecondGuardiansPartBringsTheConsentIntoForce) {
    Consent consent = PreparedByTheHolder();
    EXPECT_EQ(StateOf(consent, {kMother, kFather}, kToday, std::nullopt), ConsentState::kPartial);
    ASSERT_TRUE(GiveConsent(consent, {kFather, "Per", "Berg"}, {kMother, kFather}, kToday));
    EXPECT_EQ(StateOf(consent, {kMother, kFather}, kToday, std::nullopt), ConsentState::kInForce);
}

TEST(GiveConsent, IsRefusedTwiceAfterWithdrawalAfterExpiryAndForSomeoneElse) {
    Consent consent = PreparedByTheHolder();
    EXPECT_EQ(GiveConsent(consent, {kMother, "Eva", "Berg"}, {kMother, kFather}, kToday).error().message_key,
              "consent.already_given");
    EXPECT_EQ(GiveConsent(consent, {99, "Ola", "X"}, {kMother, kFather}, kToday).error().message_key,
              "consent.party_not_guardian");
    EXPECT_EQ(
        GiveConsent(consent, {kFather, "Per", "Berg"}, {kMother, kFather}, year{2027} / 7 / 1).error().message_key,
        "consent.already_expired");
    consent.withdrawn_at = FromUnixMillis(1);
    EXPECT_EQ(GiveConsent(consent, {kFather, "Per", "Berg"}, {kMother, kFather}, kToday).error().message_key,
              "consent.already_withdrawn");
}

TEST(FamilyEntry, EmptyOverlongAndAChildWritingAGuardiansViewAreRefused) {
    FamilyEntry entry{.kind = FamilyEntryKind::kGuardianView, .text = "Det går bättre", .guardian_id = kMother};
    EXPECT_TRUE(ValidateFamilyEntry(entry));
    entry.text = "  \n ";
    EXPECT_EQ(ValidateFamilyEntry(entry).error().message_key, "family.entry_empty");
    entry.text = std::string(kMaxFamilyEntryText + 1, 'a');
    EXPECT_EQ(ValidateFamilyEntry(entry).error().message_key, "family.entry_too_long");
    entry.text = "Bra";
    entry.guardian_id.reset();
    EXPECT_EQ(ValidateFamilyEntry(entry).error().message_key, "family.entry_kind_not_yours");
    entry.kind = FamilyEntryKind::kChildGood;
    EXPECT_TRUE(ValidateFamilyEntry(entry));
}

}  // namespace
}  // namespace kronobarn::domain
