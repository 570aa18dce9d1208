// Usernames as people type them: any case and letters of any alphabet; one account per name
// whatever its case.
#include <gtest/gtest.h>

#include "domain/user_account.hpp"

namespace kronobarn::domain {
namespace {

TEST(Username, CaseAndSurroundingSpacesDoNotMakeAnotherAccount) {
    EXPECT_EQ(NormalizeUsername("Fatima"), "fatima");
    EXPECT_EQ(NormalizeUsername("  EVA.Berg "), "eva.berg");
    EXPECT_EQ(NormalizeUsername("   "), "");
    EXPECT_TRUE(IsValidUsername(NormalizeUsername("Fatima")));
}

TEST(Username, LettersOfAnyAlphabetAreAcceptedAndPunctuationIsNot) {
    EXPECT_TRUE(IsValidUsername("åsa.öberg"));
    EXPECT_TRUE(IsValidUsername("فاطمة"));
    EXPECT_TRUE(IsValidUsername("per-olof_2"));
    EXPECT_FALSE(IsValidUsername("x!"));
    EXPECT_FALSE(IsValidUsername("eva berg")) << "a space inside";
    EXPECT_FALSE(IsValidUsername("ab")) << "too short";
    EXPECT_FALSE(IsValidUsername(std::string(65, 'a'))) << "too long";
}

}  // namespace
}  // namespace kronobarn::domain
