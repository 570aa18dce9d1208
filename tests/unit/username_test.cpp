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

TEST(StaffContact, AnEmailAddressNeedsANameAnAtAndADomainWithADot) {
    for (const char* good : {"anna.berg@vaxjo.se", "a@b.se", "förnamn.efternamn@kommun.example"}) {
        EXPECT_TRUE(IsPlausibleEmail(good)) << good;
    }
    for (const char* bad : {"", "anna", "anna@", "@vaxjo.se", "anna@vaxjo", "anna@.se", "anna@vaxjo.", "a@b@c.se",
                            "anna berg@vaxjo.se", "anna@vaxjo.se\n"}) {
        EXPECT_FALSE(IsPlausibleEmail(bad)) << bad;
    }
    EXPECT_FALSE(IsPlausibleEmail(std::string(250, 'a') + "@b.se")) << "longer than 254";
}

TEST(StaffContact, APhoneNumberIsDigitsWithTheSignsPeopleWriteThemWith) {
    for (const char* good : {"0470-123 45", "+46 470 12 34 56", "(0470) 12345", "070123456"}) {
        EXPECT_TRUE(IsPlausiblePhone(good)) << good;
    }
    for (const char* bad : {"", "12345", "ring mig", "0470/12345", "+46 470 12 34 56 78 90 12 34 56 78"}) {
        EXPECT_FALSE(IsPlausiblePhone(bad)) << bad;
    }
}

}  // namespace
}  // namespace kronobarn::domain
