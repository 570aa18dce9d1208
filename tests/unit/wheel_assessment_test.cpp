#include "domain/wheel_assessment.hpp"
#include "domain/wheel.hpp"

#include <gtest/gtest.h>

namespace kronobarn::domain {
namespace {

const Date kToday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{23}};
const std::vector<std::string> kCatalogue{"trygg", "ma_bra", "omvardad"};

WheelAssessment With(std::vector<AreaAssessment> areas) {
    WheelAssessment assessment;
    assessment.assessed_on = kToday;
    assessment.areas = std::move(areas);
    return assessment;
}

std::string KeyOf(const WheelAssessment& assessment) {
    auto status = ValidateAssessment(assessment, kCatalogue, kToday);
    return status ? "ok" : status.error().message_key;
}

TEST(WheelAssessment, AcceptsStatusesAndTexts) {
    EXPECT_EQ(KeyOf(With({{"trygg", AreaStatus::kWorksWell}, {"omvardad", AreaStatus::kChallenging, "Saknar kläder"}})),
              "ok");
}

TEST(WheelAssessment, TextAloneCountsAsADescription) {
    EXPECT_EQ(KeyOf(With({{"trygg", AreaStatus::kNotKnown, "", "Jag vill inte gå hem"}})), "ok");
}

TEST(WheelAssessment, AllUnknownAndEmptyIsRefused) {
    EXPECT_EQ(KeyOf(With({{"trygg"}, {"ma_bra", AreaStatus::kNotKnown, "  \n"}})), "assessment.empty");
    EXPECT_EQ(KeyOf(With({})), "assessment.empty");
}

TEST(WheelAssessment, AreasMustBeInTheCatalogueOnce) {
    EXPECT_EQ(KeyOf(With({{"skola", AreaStatus::kWorksWell}})), "assessment.area_unknown");
    EXPECT_EQ(KeyOf(With({{"trygg", AreaStatus::kWorksWell}, {"trygg", AreaStatus::kChallenging}})),
              "assessment.area_repeated");
}

TEST(WheelAssessment, DateCannotLieAhead) {
    auto assessment = With({{"trygg", AreaStatus::kWorksWell}});
    assessment.assessed_on = Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{24}};
    EXPECT_EQ(KeyOf(assessment), "assessment.date_in_future");
}

TEST(WheelAssessment, TextsAreLimited) {
    auto assessment = With({{"trygg", AreaStatus::kWorksWell, std::string(kMaxAssessmentText + 1, 'x')}});
    EXPECT_EQ(KeyOf(assessment), "assessment.text_too_long");
}

TEST(WheelAssessment, StatusCodesRoundTrip) {
    for (auto status : {AreaStatus::kNotKnown, AreaStatus::kWorksWell, AreaStatus::kChallenging}) {
        EXPECT_EQ(ParseAreaStatus(Code(status)), status);
    }
    EXPECT_FALSE(ParseAreaStatus("bra"));
}

}  // namespace
}  // namespace kronobarn::domain

namespace kronobarn::domain {
namespace {

std::vector<WheelAreaDefinition> Seed() {
    return {{"trygg", "Trygg", "Safe", "Jag känner mig trygg", "", "Safe", "Säkerhet"},
            {"ma_bra", "Må bra", "Healthy", "Jag mår bra", "", "Healthy", "Hälsa"}};
}

std::string CatalogueKey(const std::vector<WheelAreaDefinition>& next, std::string_view note = "Ny version") {
    const auto status = ValidateCatalogueVersion(Seed(), next, note);
    return status ? "ok" : status.error().message_key;
}

TEST(WheelCatalogueVersion, RelabelAndAddAreNewVersionsDroppingIsNot) {
    auto next = Seed();
    next[0].label_sv = "Trygg och säker";
    next.push_back({"fritid", "Fritid", "Leisure", "", "", "Active", "Stimulans"});
    EXPECT_EQ(CatalogueKey(next), "ok");
    next.erase(next.begin());
    EXPECT_EQ(CatalogueKey(next), "catalogue.area_dropped");
}

TEST(WheelCatalogueVersion, RefusesWhatWouldBreakTheCatalogue) {
    auto next = Seed();
    EXPECT_EQ(CatalogueKey(next, " "), "catalogue.note_missing");
    next.push_back({"Fritid!", "Fritid", "Leisure", "", "", "", ""});
    EXPECT_EQ(CatalogueKey(next), "catalogue.code_invalid");
    next.back().code = "trygg";
    EXPECT_EQ(CatalogueKey(next), "catalogue.code_repeated");
    next.back().code = "fritid";
    next.back().label_en = "";
    EXPECT_EQ(CatalogueKey(next), "catalogue.label_missing");
    next.back().label_en = std::string(kMaxCatalogueText + 1, 'x');
    EXPECT_EQ(CatalogueKey(next), "catalogue.text_too_long");
}

}  // namespace
}  // namespace kronobarn::domain
