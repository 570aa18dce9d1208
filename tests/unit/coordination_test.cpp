// The default holder by age and stage, and the stage transitions that give the holder a task: the
// county's own rules (issue 21) — förskoleklass and upper-secondary school start with the school
// year of the year the child turns six or sixteen, not on a birthday; the model ends at 18.
#include "domain/coordination.hpp"

#include <gtest/gtest.h>

namespace kronobarn::domain {
namespace {

using std::chrono::year;

Date On(int y, unsigned m, unsigned d) { return year{y} / std::chrono::month{m} / std::chrono::day{d}; }

UnitKind KindOn(std::optional<Date> birth, Date today, bool attends_school = true, SchoolYearStart start = {}) {
    auto kind = DefaultHolderKind({birth, attends_school, start}, today);
    EXPECT_TRUE(kind) << kind.error().message_key;
    return kind ? *kind : UnitKind::kAdministration;
}

TEST(DefaultHolder, UnbornChildBelongsToMaternityCareANewbornToBvc) {
    EXPECT_EQ(KindOn(std::nullopt, On(2026, 11, 23)), UnitKind::kMvc);
    EXPECT_EQ(KindOn(On(2026, 11, 23), On(2026, 11, 23)), UnitKind::kBvc);
}

// "När barnen sen går i skolan är det kommunen och rektor som tar vid": every child born in 2020
// starts förskoleklass on 15 August 2026 — one born in November before turning six, one born in
// February after.
TEST(DefaultHolder, ThePrincipalTakesOverWhenTheSchoolYearStartsInTheYearTheChildTurnsSix) {
    for (const Date birth : {On(2020, 1, 1), On(2020, 6, 30), On(2020, 8, 15), On(2020, 8, 16), On(2020, 12, 31)}) {
        SCOPED_TRACE(FormatDate(birth));
        EXPECT_EQ(KindOn(birth, On(2026, 8, 14)), UnitKind::kBvc);
        EXPECT_EQ(KindOn(birth, On(2026, 8, 15)), UnitKind::kSchoolUnit);
        EXPECT_EQ(KindOn(birth, On(2026, 8, 15), /*attends_school=*/false), UnitKind::kSchoolUnit)
            << "a school-age child whose school is not known still has a principal";
    }
}

TEST(DefaultHolder, KaaTakesOverOutsideUpperSecondaryWhenTheSchoolYearStartsInTheYearTheChildTurnsSixteen) {
    for (const Date birth : {On(2010, 1, 1), On(2010, 6, 30), On(2010, 8, 15), On(2010, 8, 16), On(2010, 12, 31)}) {
        SCOPED_TRACE(FormatDate(birth));
        EXPECT_EQ(KindOn(birth, On(2026, 8, 14), false), UnitKind::kSchoolUnit);
        EXPECT_EQ(KindOn(birth, On(2026, 8, 15), false), UnitKind::kKaa);
        EXPECT_EQ(KindOn(birth, On(2026, 8, 15), true), UnitKind::kSchoolUnit) << "in upper-secondary school";
    }
}

TEST(DefaultHolder, AMunicipalitysOwnSchoolYearStartMovesBothTransitions) {
    const SchoolYearStart january{std::chrono::January, std::chrono::day{10}};
    EXPECT_EQ(KindOn(On(2021, 2, 17), On(2027, 1, 9), true, january), UnitKind::kBvc);
    EXPECT_EQ(KindOn(On(2021, 2, 17), On(2027, 1, 10), true, january), UnitKind::kSchoolUnit);
    EXPECT_EQ(KindOn(On(2011, 12, 31), On(2027, 1, 9), false, january), UnitKind::kSchoolUnit);
    EXPECT_EQ(KindOn(On(2011, 12, 31), On(2027, 1, 10), false, january), UnitKind::kKaa);
}

// "barn 0-18 år": on the 18th birthday the young person is an adult and has no default holder.
TEST(DefaultHolder, TheModelEndsOnTheEighteenthBirthday) {
    for (const bool in_school : {true, false}) {
        EXPECT_EQ(KindOn(On(2008, 11, 23), On(2026, 11, 22), in_school),
                  in_school ? UnitKind::kSchoolUnit : UnitKind::kKaa);
        const auto adult = DefaultHolderKind({On(2008, 11, 23), in_school, {}}, On(2026, 11, 23));
        ASSERT_FALSE(adult);
        EXPECT_EQ(adult.error().message_key, "holder.too_old");
    }
    EXPECT_EQ(AdultOn(On(2008, 2, 29)), On(2026, 3, 1)) << "born on a leap day: adult on 1 March";
    EXPECT_FALSE(IsAdult(On(2008, 11, 23), On(2026, 11, 22)));
    EXPECT_TRUE(IsAdult(On(2008, 11, 23), On(2026, 11, 23)));
    EXPECT_FALSE(IsAdult(On(2008, 2, 29), On(2026, 2, 28)));
    EXPECT_FALSE(IsAdultBy(std::nullopt, On(2026, 11, 23))) << "no birth date known: not taken for an adult";
}

TEST(DefaultHolder, AgeCountsCompletedYears) {
    EXPECT_EQ(AgeInYears(On(2020, 11, 23), On(2026, 11, 23)), 6);
    EXPECT_EQ(AgeInYears(On(2020, 11, 24), On(2026, 11, 23)), 5);
}

TEST(SchoolYearStart, IsADayOfEveryYear) {
    const auto august = ParseSchoolYearStart("08-15");
    ASSERT_TRUE(august);
    EXPECT_EQ(TermStart(*august, year{2026}), On(2026, 8, 15));
    for (const char* bad : {"02-29", "13-01", "08-32", "8-15", "08/15", "", "2026-08-15"}) {
        EXPECT_FALSE(ParseSchoolYearStart(bad)) << bad;
    }
}

TEST(HolderRoles, OnlyCoordinatingRolesActForTheHolderUnit) {
    EXPECT_TRUE(ActsForHolderUnit(Role::kBvcNurse));
    EXPECT_TRUE(ActsForHolderUnit(Role::kPrincipal));
    EXPECT_TRUE(ActsForHolderUnit(Role::kSocialWorker)) << "social services may hold coordination";
    EXPECT_FALSE(ActsForHolderUnit(Role::kTeacher));
    EXPECT_FALSE(ActsForHolderUnit(Role::kSystemAdmin));
    EXPECT_FALSE(ActsForHolderUnit(Role::kLogReviewer));
}

TEST(StageTransition, BvcGetsTheFörskoleklassTaskSixtyDaysBeforeTheSchoolYearAndKeepsItWhenOverdue) {
    const Date born = On(2020, 11, 23);  // starts förskoleklass on 15 August 2026
    EXPECT_FALSE(UpcomingTransition(born, UnitKind::kBvc, On(2026, 6, 15), 60)) << "61 days ahead: not yet";
    const auto in_sixty = UpcomingTransition(born, UnitKind::kBvc, On(2026, 6, 16), 60);
    ASSERT_TRUE(in_sixty);
    EXPECT_EQ(in_sixty->kind, TransitionKind::kPreschoolClass);
    EXPECT_EQ(in_sixty->on, On(2026, 8, 15));
    EXPECT_TRUE(UpcomingTransition(born, UnitKind::kBvc, On(2026, 9, 1), 60)) << "overdue stays a task";
    EXPECT_FALSE(UpcomingTransition(born, UnitKind::kSchoolUnit, On(2026, 7, 1), 60)) << "only the BVC moves it";
}

TEST(StageTransition, SchoolGetsATaskBeforeUpperSecondaryStartsOnly) {
    const auto soon = UpcomingTransition(On(2010, 3, 1), UnitKind::kSchoolUnit, On(2026, 7, 1), 60);
    ASSERT_TRUE(soon);
    EXPECT_EQ(soon->kind, TransitionKind::kSixteen);
    EXPECT_EQ(soon->on, On(2026, 8, 15));
    EXPECT_FALSE(UpcomingTransition(On(2010, 3, 1), UnitKind::kSchoolUnit, On(2026, 8, 16), 60)) << "passed";
    EXPECT_FALSE(UpcomingTransition(On(2016, 3, 1), UnitKind::kSchoolUnit, On(2026, 7, 1), 60));
}

// Whoever holds coordination is asked, before the 18th birthday, to close the plan or hand it to
// adult services with the young person's own consent.
TEST(StageTransition, EveryHolderGetsATaskBeforeTheEighteenthBirthday) {
    for (const UnitKind holder : {UnitKind::kSchoolUnit, UnitKind::kKaa, UnitKind::kSocialServices, UnitKind::kBup}) {
        const auto adult = UpcomingTransition(On(2009, 1, 10), holder, On(2026, 11, 23), 60);
        ASSERT_TRUE(adult) << Code(holder);
        EXPECT_EQ(adult->kind, TransitionKind::kAdult);
        EXPECT_EQ(adult->on, On(2027, 1, 10));
        EXPECT_FALSE(UpcomingTransition(On(2009, 1, 10), holder, On(2026, 11, 10), 60)) << "61 days ahead";
    }
}

}  // namespace
}  // namespace kronobarn::domain
