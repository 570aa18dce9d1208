// Rule 4 of issue 21: the plan follows the child only when each guardian, and the child from the
// consent age, says yes; the latest answer counts and a yes can be withdrawn.
#include <gtest/gtest.h>

#include "domain/plan_follow.hpp"

namespace kronobarn::domain {
namespace {

using std::chrono::year;

constexpr GuardianId kMother = 7, kFather = 8;
const Date kToday = year{2026} / 11 / 18;
const Date kSixYearOld = year{2020} / 9 / 1;
const Date kThirteenYearOld = year{2013} / 5 / 1;

std::string KeyOf(const Status& status) { return status ? "ok" : status.error().message_key; }

PlanFollowAnswer Answer(std::optional<GuardianId> who, PlanFollowAnswerKind kind, int second) {
    return {1, who, kind, PlanFollowVia::kStaff, 1, FromUnixMillis(second * 1000)};
}

TEST(PlanFollow, TheGuardiansDecideAndTheChildFromTheConsentAgeAndAloneFromEighteen) {
    const auto young = WhoDecidesPlanFollow({kMother, kFather}, kSixYearOld, kToday, 12);
    EXPECT_EQ(young.guardians, (std::vector<GuardianId>{kMother, kFather}));
    EXPECT_FALSE(young.child);
    const auto teenager = WhoDecidesPlanFollow({kMother, kFather}, kThirteenYearOld, kToday, 12);
    EXPECT_TRUE(teenager.child);
    EXPECT_EQ(teenager.guardians.size(), 2u);
    EXPECT_FALSE(WhoDecidesPlanFollow({kMother}, kThirteenYearOld, kToday, 14).child) << "a later consent age";
    // The day before the 18th birthday the guardians still decide; on it the young person alone.
    const Date birth = year{2008} / 11 / 19;
    EXPECT_EQ(WhoDecidesPlanFollow({kMother}, birth, kToday, 12).guardians.size(), 1u);
    const auto adult = WhoDecidesPlanFollow({kMother}, birth, year{2026} / 11 / 19, 12);
    EXPECT_TRUE(adult.guardians.empty());
    EXPECT_TRUE(adult.child);
}

TEST(PlanFollow, OnlyThoseAskedMayAnswer) {
    const auto deciders = WhoDecidesPlanFollow({kMother, kFather}, kSixYearOld, kToday, 12);
    EXPECT_EQ(KeyOf(CheckPlanFollowDecider(deciders, kMother)), "ok");
    EXPECT_EQ(KeyOf(CheckPlanFollowDecider(deciders, GuardianId{99})), "plan_follow.not_asked");
    EXPECT_EQ(KeyOf(CheckPlanFollowDecider(deciders, std::nullopt)), "plan_follow.not_asked")
        << "the child under the consent age";
}

TEST(PlanFollow, ThePlanFollowsOnlyWhenEveryoneAskedHasSaidYes) {
    const auto deciders = WhoDecidesPlanFollow({kMother, kFather}, kThirteenYearOld, kToday, 12);
    std::vector<PlanFollowAnswer> answers{Answer(kMother, PlanFollowAnswerKind::kYes, 1)};
    EXPECT_FALSE(PlanMayFollow(deciders, answers)) << "the father has not answered";
    answers.push_back(Answer(kFather, PlanFollowAnswerKind::kYes, 2));
    EXPECT_FALSE(PlanMayFollow(deciders, answers)) << "the child has not answered";
    answers.push_back(Answer(std::nullopt, PlanFollowAnswerKind::kYes, 3));
    EXPECT_TRUE(PlanMayFollow(deciders, answers));
    answers.push_back(Answer(kFather, PlanFollowAnswerKind::kWithdrawn, 4));
    EXPECT_FALSE(PlanMayFollow(deciders, answers)) << "a withdrawn yes";
    EXPECT_EQ(LatestAnswer(answers, kFather), PlanFollowAnswerKind::kWithdrawn);
    answers.push_back(Answer(kFather, PlanFollowAnswerKind::kYes, 4));
    EXPECT_TRUE(PlanMayFollow(deciders, answers)) << "the latest answer counts, also within the same second";
    answers.push_back(Answer(kMother, PlanFollowAnswerKind::kNo, 5));
    EXPECT_FALSE(PlanMayFollow(deciders, answers)) << "one no";
    EXPECT_FALSE(PlanMayFollow({}, {})) << "nobody to ask: the plan does not move";
}

}  // namespace
}  // namespace kronobarn::domain
