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

namespace kronobarn::domain {
namespace {

ConcernDecision DecisionWith(std::string rationale, std::string actions) {
    ConcernDecision decision;
    decision.rationale = std::move(rationale);
    decision.actions_taken = std::move(actions);
    return decision;
}

TEST(ConcernDecisionA, MarksTheSignalHandledWithItsRationale) {
    Concern concern;
    ASSERT_TRUE(DecideOwnOrganisation(concern, DecisionWith("Förskolan löser det.", "Extra kläder finns på plats.")));
    EXPECT_EQ(concern.status, ConcernStatus::kHandled);
    ASSERT_TRUE(concern.decision.has_value());
    EXPECT_EQ(Code(concern.decision->outcome), "A");
}

TEST(ConcernDecisionA, NeedsRationaleAndActions) {
    Concern concern;
    auto status = DecideOwnOrganisation(concern, DecisionWith("  ", "Något"));
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().message_key, "decision.rationale_missing");
    status = DecideOwnOrganisation(concern, DecisionWith("Skäl", "\n"));
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().message_key, "decision.actions_missing");
    EXPECT_EQ(concern.status, ConcernStatus::kReceived) << "a refused decision changes nothing";
}

TEST(ConcernDecisionA, IsTakenOnlyOnce) {
    Concern concern;
    ASSERT_TRUE(DecideOwnOrganisation(concern, DecisionWith("Skäl", "Åtgärd")));
    auto again = DecideOwnOrganisation(concern, DecisionWith("Annat skäl", "Annan åtgärd"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message_key, "concern.already_decided");
    EXPECT_EQ(concern.decision->rationale, "Skäl");
}

}  // namespace
}  // namespace kronobarn::domain

namespace kronobarn::domain {
namespace {

TEST(ConcernReopen, OnlyASignalHandedOverWithDecisionBGoesBackToTheInbox) {
    Concern concern;
    EXPECT_EQ(ReopenAfterDeclinedHandover(concern).error().message_key, "concern.not_handed_over");
    ConcernDecision decision;
    decision.rationale = "Skolan har stödet";
    ASSERT_TRUE(DecideOtherOrganisation(concern, decision));
    ASSERT_TRUE(ReopenAfterDeclinedHandover(concern));
    EXPECT_EQ(concern.status, ConcernStatus::kReceived);
    EXPECT_FALSE(concern.decision);
    decision.actions_taken = "BVC följer upp";
    EXPECT_TRUE(DecideOwnOrganisation(concern, decision)) << "a new decision can be taken";
    EXPECT_EQ(ReopenAfterDeclinedHandover(concern).error().message_key, "concern.not_handed_over")
        << "decision A is not undone by anything";
}

}  // namespace
}  // namespace kronobarn::domain
