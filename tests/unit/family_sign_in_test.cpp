// What a person proven by Swedish e-ID may open: their children as guardian (not under a restriction,
// only until 18) and their own record from the login age — nothing else.
#include <gtest/gtest.h>

#include "domain/family_sign_in.hpp"

namespace kronobarn::domain {
namespace {

constexpr Date kToday{std::chrono::year{2026} / 12 / 7};

Date BornOn(int year, unsigned month, unsigned day) { return Date{std::chrono::year{year} / month / day}; }

std::vector<std::pair<ChildId, std::optional<GuardianId>>> Opened(const std::vector<FamilyLink>& links) {
    std::vector<std::pair<ChildId, std::optional<GuardianId>>> out;
    for (const auto& link : links) out.emplace_back(link.child_id, link.guardian_id);
    return out;
}

TEST(EidFamilyLinksTest, AGuardianOpensEachOfTheirChildrenButNotOneUnderARestriction) {
    const std::vector<GuardianOfChild> records{
        {11, 1, false, BornOn(2015, 3, 12)}, {12, 2, true, BornOn(2018, 1, 1)}, {13, 3, false, BornOn(2020, 6, 30)}};
    EXPECT_EQ(Opened(EidFamilyLinks(records, std::nullopt, kToday, 13)),
              (std::vector<std::pair<ChildId, std::optional<GuardianId>>>{{1, 11}, {3, 13}}));
}

TEST(EidFamilyLinksTest, AGuardiansAccessEndsOnTheChildsEighteenthBirthday) {
    const std::vector<GuardianOfChild> records{{11, 1, false, BornOn(2008, 12, 7)},
                                               {12, 2, false, BornOn(2008, 12, 8)}};
    EXPECT_EQ(Opened(EidFamilyLinks(records, std::nullopt, kToday, 13)),
              (std::vector<std::pair<ChildId, std::optional<GuardianId>>>{{2, 12}}))
        << "18 today: an adult; 18 tomorrow: still a child";
}

TEST(EidFamilyLinksTest, AChildOpensItsOwnRecordFromTheLoginAgeOn) {
    EXPECT_TRUE(EidFamilyLinks({}, OwnChildRecord{5, BornOn(2013, 12, 8)}, kToday, 13).empty()) << "13 tomorrow";
    EXPECT_EQ(Opened(EidFamilyLinks({}, OwnChildRecord{5, BornOn(2013, 12, 7)}, kToday, 13)),
              (std::vector<std::pair<ChildId, std::optional<GuardianId>>>{{5, std::nullopt}}));
    EXPECT_EQ(EidFamilyLinks({}, OwnChildRecord{5, BornOn(2012, 1, 1)}, kToday, 15).size(), 0u) << "the county's age";
    EXPECT_EQ(EidFamilyLinks({}, OwnChildRecord{5, BornOn(2006, 1, 1)}, kToday, 13).size(), 1u)
        << "the young adult keeps their own";
}

TEST(EidFamilyLinksTest, APersonWithNoRecordsOpensNothing) {
    EXPECT_TRUE(EidFamilyLinks({}, std::nullopt, kToday, 13).empty());
}

}  // namespace
}  // namespace kronobarn::domain
