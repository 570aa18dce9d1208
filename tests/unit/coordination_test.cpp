#include "domain/coordination.hpp"

#include <gtest/gtest.h>

namespace kronobarn::domain {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

const Date kToday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{23}};

Date YearsAgo(int years, int extra_days = 0) {
    const Date anniversary{kToday.year() - std::chrono::years{years}, kToday.month(), kToday.day()};
    return Date{sys_days{anniversary} + days{extra_days}};
}

UnitKind KindFor(std::optional<Date> birth, bool attends_school) {
    auto kind = DefaultHolderKind({birth, attends_school}, kToday);
    EXPECT_TRUE(kind) << kind.error().message_key;
    return kind ? *kind : UnitKind::kAdministration;
}

TEST(DefaultHolder, UnbornChildBelongsToMaternityCare) { EXPECT_EQ(KindFor(std::nullopt, false), UnitKind::kMvc); }

TEST(DefaultHolder, NewbornBelongsToBvc) { EXPECT_EQ(KindFor(kToday, false), UnitKind::kBvc); }

TEST(DefaultHolder, DayBeforeSixthBirthdayIsStillBvc) {
    EXPECT_EQ(KindFor(YearsAgo(6, +1), /*attends_school=*/false), UnitKind::kBvc);
    EXPECT_EQ(KindFor(YearsAgo(6, +1), /*attends_school=*/true), UnitKind::kBvc) << "a preschool is not a holder";
}

TEST(DefaultHolder, OnSixthBirthdayThePrincipalTakesOver) {
    EXPECT_EQ(KindFor(YearsAgo(6), true), UnitKind::kSchoolUnit);
    EXPECT_EQ(KindFor(YearsAgo(6, -1), true), UnitKind::kSchoolUnit);
}

TEST(DefaultHolder, SchoolAgeWithoutKnownSchoolStillMeansAPrincipal) {
    EXPECT_EQ(KindFor(YearsAgo(10), false), UnitKind::kSchoolUnit);
}

TEST(DefaultHolder, FifteenOutsideSchoolIsStillThePrincipal) {
    EXPECT_EQ(KindFor(YearsAgo(16, +1), false), UnitKind::kSchoolUnit);
}

TEST(DefaultHolder, SixteenToNineteenOutsideUpperSecondaryBelongsToKaa) {
    EXPECT_EQ(KindFor(YearsAgo(16), false), UnitKind::kKaa);
    EXPECT_EQ(KindFor(YearsAgo(19), false), UnitKind::kKaa);
    EXPECT_EQ(KindFor(YearsAgo(17), true), UnitKind::kSchoolUnit) << "in upper-secondary school: the principal";
}

TEST(DefaultHolder, TwentyAndOlderHasNoHolder) {
    auto kind = DefaultHolderKind({YearsAgo(20), false}, kToday);
    ASSERT_FALSE(kind);
    EXPECT_EQ(kind.error().message_key, "holder.too_old");
}

TEST(DefaultHolder, AgeCountsCompletedYears) {
    EXPECT_EQ(AgeInYears(YearsAgo(6), kToday), 6);
    EXPECT_EQ(AgeInYears(YearsAgo(6, +1), kToday), 5);
}

TEST(HolderRoles, OnlyCoordinatingRolesActForTheHolderUnit) {
    EXPECT_TRUE(ActsForHolderUnit(Role::kBvcNurse));
    EXPECT_TRUE(ActsForHolderUnit(Role::kPrincipal));
    EXPECT_FALSE(ActsForHolderUnit(Role::kTeacher));
    EXPECT_FALSE(ActsForHolderUnit(Role::kSystemAdmin));
    EXPECT_FALSE(ActsForHolderUnit(Role::kLogReviewer));
}

}  // namespace
}  // namespace kronobarn::domain

namespace kronobarn::domain {
namespace {

TEST(StageTransition, BvcGetsTheFörskoleklassTaskSixtyDaysAheadAndKeepsItWhenOverdue) {
    const Date today = kToday;
    EXPECT_FALSE(UpcomingTransition(YearsAgo(6, 61), UnitKind::kBvc, today, 60)) << "61 days ahead: not yet";
    const auto in_sixty = UpcomingTransition(YearsAgo(6, 60), UnitKind::kBvc, today, 60);
    ASSERT_TRUE(in_sixty);
    EXPECT_EQ(in_sixty->kind, TransitionKind::kPreschoolClass);
    EXPECT_EQ(in_sixty->on, Date{sys_days{today} + days{60}});
    EXPECT_TRUE(UpcomingTransition(YearsAgo(6, -10), UnitKind::kBvc, today, 60)) << "overdue stays a task";
    EXPECT_FALSE(UpcomingTransition(YearsAgo(6, 30), UnitKind::kSchoolUnit, today, 60)) << "only the BVC moves it";
}

TEST(StageTransition, SchoolGetsATaskBeforeTheSixteenthBirthdayOnly) {
    const auto soon = UpcomingTransition(YearsAgo(16, 20), UnitKind::kSchoolUnit, kToday, 60);
    ASSERT_TRUE(soon);
    EXPECT_EQ(soon->kind, TransitionKind::kSixteen);
    EXPECT_FALSE(UpcomingTransition(YearsAgo(16, -1), UnitKind::kSchoolUnit, kToday, 60)) << "already passed";
    EXPECT_FALSE(UpcomingTransition(YearsAgo(10), UnitKind::kSchoolUnit, kToday, 60));
}

TEST(StageTransition, LeapDayBirthdaysFallOnTheFirstOfMarch) {
    const Date leap = std::chrono::year{2020} / std::chrono::February / 29;
    const auto transition = UpcomingTransition(leap, UnitKind::kBvc, std::chrono::year{2026} / 2 / 1, 60);
    ASSERT_TRUE(transition);
    EXPECT_EQ(transition->on, std::chrono::year{2026} / std::chrono::March / 1);
}

}  // namespace
}  // namespace kronobarn::domain
