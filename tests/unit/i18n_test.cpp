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

TEST(Catalogue, EveryCatalogueHasExactlyTheSwedishKeys) {
    const auto& catalogue = Catalogue::Instance();
    const auto swedish = catalogue.Keys("sv");
    for (const auto& lang : catalogue.Languages()) {
        for (const auto& key : swedish) EXPECT_TRUE(catalogue.Has(lang, key)) << lang << " lacks " << key;
        for (const auto& key : catalogue.Keys(lang)) EXPECT_TRUE(catalogue.Has("sv", key)) << "sv lacks " << key;
    }
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
