#include "domain/personal_number.hpp"

#include <gtest/gtest.h>

namespace kronobarn::domain {
namespace {

const Date kToday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{23}};

TEST(PersonalNumber, AcceptsTwelveDigitsWithHyphenAndNormalises) {
    // 20180312-9806: Luhn over 180312980 gives 6.
    auto parsed = PersonalNumber::Parse("20180312-9806", kToday);
    ASSERT_TRUE(parsed) << parsed.error().message_key;
    EXPECT_EQ(parsed->Normalised(), "201803129806");
    EXPECT_EQ(parsed->Display(), "20180312-9806");
    EXPECT_EQ(parsed->BirthDate(), (Date{std::chrono::year{2018}, std::chrono::March, std::chrono::day{12}}));
    EXPECT_FALSE(parsed->IsCoordinationNumber());
}

TEST(PersonalNumber, AcceptsTenDigitFormsAndResolvesCentury) {
    auto child = PersonalNumber::Parse("180312-9806", kToday);
    ASSERT_TRUE(child);
    EXPECT_EQ(child->Normalised(), "201803129806");
    // A two-digit year later than this year belongs to the previous century.
    auto adult = PersonalNumber::Parse("8112189876", kToday);
    ASSERT_TRUE(adult) << adult.error().message_key;
    EXPECT_EQ(adult->Normalised(), "198112189876");
}

TEST(PersonalNumber, PlusSeparatorMeansHundredYearsOrOlder) {
    auto old = PersonalNumber::Parse("180312+9806", kToday);
    ASSERT_TRUE(old);
    EXPECT_EQ(old->Normalised(), "191803129806");
}

TEST(PersonalNumber, RejectsWrongCheckDigit) {
    auto parsed = PersonalNumber::Parse("20180312-9801", kToday);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(parsed.error().message_key, "personal_number.checksum");
}

TEST(PersonalNumber, RejectsImpossibleDates) {
    // 30 February: the check digit is right for the digits, the date is not.
    const std::string nine = "180230980";
    const std::string text = "20" + nine + std::to_string(LuhnCheckDigit(nine));
    auto parsed = PersonalNumber::Parse(text, kToday);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().message_key, "personal_number.date");
}

TEST(PersonalNumber, RejectsBirthInTheFuture) {
    const std::string nine = "271201980";
    auto parsed = PersonalNumber::Parse("20" + nine + std::to_string(LuhnCheckDigit(nine)), kToday);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().message_key, "personal_number.date");
}

TEST(PersonalNumber, AcceptsCoordinationNumberWithDayPlusSixty) {
    const std::string nine = "180372980";  // 12 March 2018 as a samordningsnummer (12 + 60)
    auto parsed = PersonalNumber::Parse("20" + nine + std::to_string(LuhnCheckDigit(nine)), kToday);
    ASSERT_TRUE(parsed) << parsed.error().message_key;
    EXPECT_TRUE(parsed->IsCoordinationNumber());
    EXPECT_EQ(parsed->BirthDate(), (Date{std::chrono::year{2018}, std::chrono::March, std::chrono::day{12}}));
}

TEST(PersonalNumber, RejectsMalformedText) {
    for (const char* text : {"", "abc", "2018031298", "20180312_9806", "201803129806x", "2018-0312-9806",
                             "20180312+9806", "1803 12-9806"}) {
        auto parsed = PersonalNumber::Parse(text, kToday);
        EXPECT_FALSE(parsed) << text;
    }
}

TEST(PersonalNumber, LuhnMatchesKnownExample) {
    // The textbook example 811218-9876 from Skatteverket's description of the check digit.
    EXPECT_EQ(LuhnCheckDigit("811218987"), 6);
}

}  // namespace
}  // namespace kronobarn::domain
