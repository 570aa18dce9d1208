#include "web/i18n.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/organisation.hpp"

namespace kronobarn::web {
namespace {

TEST(Catalogue, SwedishAndEnglishAreLoaded) {
    const auto languages = Catalogue::Instance().Languages();
    const std::set<std::string> set(languages.begin(), languages.end());
    EXPECT_TRUE(set.count("sv"));
    EXPECT_TRUE(set.count("en"));
}

TEST(Catalogue, EveryCatalogueHasExactlyTheSwedishKeysOfItsScope) {
    const auto& catalogue = Catalogue::Instance();
    const auto swedish = catalogue.Keys("sv");
    for (const auto& lang : catalogue.Languages()) {
        const bool family_only = Catalogue::IsFamilyOnly(lang);
        for (const auto& key : swedish) {
            if (family_only && !Catalogue::IsFamilyKey(key)) continue;
            EXPECT_TRUE(catalogue.Has(lang, key)) << lang << " lacks " << key;
        }
        for (const auto& key : catalogue.Keys(lang)) {
            EXPECT_TRUE(catalogue.Has("sv", key)) << "sv lacks " << key;
            if (family_only) {
                EXPECT_TRUE(Catalogue::IsFamilyKey(key)) << lang << " has staff key " << key;
            }
        }
    }
}

TEST(Catalogue, ArabicIsLoadedRightToLeftAndOnlyForFamilyPages) {
    EXPECT_EQ(Catalogue::Direction("ar"), "rtl");
    EXPECT_EQ(Catalogue::Direction("sv"), "ltr");
    EXPECT_EQ(Catalogue::Instance().Resolve("ar", /*family_page=*/true), "ar");
    EXPECT_EQ(Catalogue::Instance().Resolve("ar", /*family_page=*/false), "sv");
    EXPECT_TRUE(IsFamilyScopePath("/familj/barn/3"));
    EXPECT_TRUE(IsFamilyScopePath("/logga-in"));
    EXPECT_FALSE(IsFamilyScopePath("/planer/3"));
}

TEST(Catalogue, DatesAndNumbersAreWrittenAsTheLanguageWritesThem) {
    const Date date{std::chrono::year(2026), std::chrono::month(11), std::chrono::day(23)};
    EXPECT_EQ(Translator("sv").LongDate(date), "23 november 2026");
    EXPECT_EQ(Translator("en").LongDate(date), "23 November 2026");
    EXPECT_EQ(Translator("ar", true).LongDate(date), "٢٣ نوفمبر ٢٠٢٦");
}

TEST(Catalogue, AMeetingIsAnnouncedWithItsWeekdayAndTime) {
    const Date date{std::chrono::year(2027), std::chrono::month(1), std::chrono::day(12)};
    const auto half_past_one = std::chrono::hours(13) + std::chrono::minutes(30);
    EXPECT_EQ(Translator("sv").MeetingTime(date, half_past_one), "tisdag 12 januari 2027 kl. 13.30");
    EXPECT_EQ(Translator("en").MeetingTime(date, std::chrono::minutes(5)), "Tuesday 12 January 2027 at 00.05");
    EXPECT_EQ(ParseTimeOfDay("13.30"), half_past_one) << "as Swedes write it";
    EXPECT_EQ(ParseTimeOfDay("13:30"), half_past_one) << "as a time input sends it";
    for (const char* bad : {"", "24:00", "12:60", "1:30", "-1:30", "13:3x", "13-30"}) {
        EXPECT_FALSE(ParseTimeOfDay(bad)) << bad;
    }
}

TEST(Catalogue, LocalTimeFollowsSwedishWinterAndSummerTime) {
    using namespace std::chrono;
    // 2026-11-23 13:05 UTC is 14.05 in Sweden (CET); 2026-07-01 13:05 UTC is 15.05 (CEST).
    const Timestamp winter = sys_days{year(2026) / November / 23} + hours(13) + minutes(5);
    const Timestamp summer = sys_days{year(2026) / July / 1} + hours(13) + minutes(5);
    EXPECT_EQ(Translator("sv").LocalDateTime(winter), "23 november 2026 kl. 14.05");
    EXPECT_EQ(Translator("sv").LocalDateTime(summer), "1 juli 2026 kl. 15.05");
    // The switch happens at 01:00 UTC on the last Sunday of March (2026-03-29).
    const Timestamp before = sys_days{year(2026) / March / 29} + minutes(59);
    const Timestamp after = sys_days{year(2026) / March / 29} + hours(1);
    EXPECT_EQ(Translator("sv").LocalDateTime(before), "29 mars 2026 kl. 01.59");
    EXPECT_EQ(Translator("sv").LocalDateTime(after), "29 mars 2026 kl. 03.00");
}

TEST(Catalogue, NoEntryIsEmpty) {
    const auto& catalogue = Catalogue::Instance();
    for (const auto& lang : catalogue.Languages()) {
        for (const auto& key : catalogue.Keys(lang))
            EXPECT_FALSE(catalogue.Text(lang, key).empty()) << lang << ":" << key;
    }
}

TEST(Catalogue, FormatFillsPlaceholders) {
    const Translator t("sv");
    EXPECT_EQ(t.Format("start.heading", {{"name", "Britt"}}), "Välkommen, Britt");
}

TEST(Catalogue, UnknownLanguageFallsBackToSwedish) {
    EXPECT_EQ(Catalogue::Instance().Resolve("xx"), "sv");
    EXPECT_EQ(Catalogue::Instance().Resolve(""), "sv");
    EXPECT_EQ(Catalogue::Instance().Resolve("en"), "en");
}

TEST(Catalogue, EveryRoleHasALabel) {
    const auto& catalogue = Catalogue::Instance();
    for (auto role : domain::AllRoles()) {
        EXPECT_TRUE(catalogue.Has("sv", "role." + std::string(domain::Code(role)))) << domain::Code(role);
    }
}

}  // namespace
}  // namespace kronobarn::web
