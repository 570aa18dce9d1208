#include "domain/concern.hpp"

#include <gtest/gtest.h>

namespace kronobarn::domain {
namespace {

const Date kToday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{23}};
const std::vector<std::string> kAreas{"trygg", "omvardad"};

Concern Valid() {
    Concern concern;
    concern.noticed_on = Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};
    concern.description = "Kommer utan ytterkläder.";
    concern.wheel_areas = {"omvardad"};
    return concern;
}

std::string KeyOf(const Concern& concern) {
    auto status = ValidateConcern(concern, kAreas, kToday);
    return status ? "ok" : status.error().message_key;
}

TEST(ConcernValidation, AcceptsAFactualSignal) { EXPECT_EQ(KeyOf(Valid()), "ok"); }

TEST(ConcernValidation, RequiresADescription) {
    Concern concern = Valid();
    concern.description = " \n\t ";
    EXPECT_EQ(KeyOf(concern), "concern.description_missing");
}

TEST(ConcernValidation, LimitsTheDescription) {
    Concern concern = Valid();
    concern.description = std::string(kMaxConcernDescription, 'a');
    EXPECT_EQ(KeyOf(concern), "ok");
    concern.description.push_back('a');
    EXPECT_EQ(KeyOf(concern), "concern.description_too_long");
}

TEST(ConcernValidation, RejectsAFutureDate) {
    Concern concern = Valid();
    concern.noticed_on = Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{24}};
    EXPECT_EQ(KeyOf(concern), "concern.noticed_in_future");
}

TEST(ConcernValidation, RejectsAreasOutsideTheCatalogue) {
    Concern concern = Valid();
    concern.wheel_areas = {"omvardad", "<script>"};
    EXPECT_EQ(KeyOf(concern), "concern.wheel_area_unknown");
}

TEST(ConcernValidation, ReportOfConcernCannotPrecedeTheNoticeOrLieAhead) {
    Concern concern = Valid();
    concern.report = ReportOfConcern{Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{19}}, 1};
    EXPECT_EQ(KeyOf(concern), "concern.report_date_before_noticed");
    concern.report->reported_on = Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{25}};
    EXPECT_EQ(KeyOf(concern), "concern.report_in_future");
    concern.report->reported_on = kToday;
    EXPECT_EQ(KeyOf(concern), "ok");
}

}  // namespace
}  // namespace kronobarn::domain
