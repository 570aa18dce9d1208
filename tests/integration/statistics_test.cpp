// The steering group's statistics over real HTTP and a real database: signals registered and
// decided through the ordinary pages show up as counts, small counts and the cells that would give
// them away are hidden, the CSV holds the same table, every view is audited as statistics access,
// nobody else gets in, and bad filters get a clear message with the filter kept.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "integration/plan_fixture.hpp"

namespace kronobarn::testing {
namespace {

std::string TenYearOld(int n) {
    const std::string nine = "1603" + std::to_string(10 + n) + "23" + std::to_string(n % 10);
    return "20" + nine + std::to_string(domain::LuhnCheckDigit(nine));
}

class StatisticsTest : public PlanFixture {
  protected:
    HttpResult Dashboard(const std::string& query = "", const std::string& user = "stina") {
        return server_.Get("/statistik" + query, Session(user));
    }
    // The cells of the result table's row for one period, e.g. "2026-11".
    static std::string Row(const HttpResult& page, const std::string& period) {
        const auto start = page.body.find("<th scope=\"row\">" + period + "</th>");
        if (start == std::string::npos) return {};
        return page.body.substr(start, page.body.find("</tr>", start) - start);
    }
    // Registers a signal at a school of Växjö or Alvesta; decided A when `decide` is set.
    void Signal(int n, const std::string& school, bool decide) {
        const std::string body =
            Csrf("bertil") + "&personal_number=" + TenYearOld(n) + "&given_name=Barn&family_name=Nummer" +
            std::to_string(n) + "&noticing_unit_id=" + Unit("Växjö Centralskola") + "&child_unit_id=" + Unit(school) +
            "&noticed_on=2026-11-17&description=" + UrlEncode("Oro") + "&guardian_1=" + UrlEncode("Vårdnadshavare");
        const HttpResult registered = server_.PostForm("/oro", body, Session("bertil"));
        ASSERT_EQ(registered.status, 303) << AlertText(registered.body);
        if (!decide) return;
        const std::string signal = registered.Header("location").substr(0, registered.Header("location").find('?'));
        const std::string decider = school == "Växjö Centralskola" ? "anna" : "olle";
        const HttpResult decided = server_.PostForm(signal + "/beslut",
                                                    Csrf(decider) + "&outcome=A&rationale=" + UrlEncode("Egen insats") +
                                                        "&actions_taken=" + UrlEncode("Samtal"),
                                                    Session(decider));
        ASSERT_EQ(decided.status, 303) << AlertText(decided.body);
    }
};

TEST_F(StatisticsTest, SignalsAreCountedAndSmallCountsHiddenWithTheirNeighbours) {
    for (int n = 1; n <= 7; ++n) Signal(n, "Växjö Centralskola", n <= 6);
    for (int n = 8; n <= 9; ++n) Signal(n, "Alvesta Centralskola", false);

    const HttpResult county = Dashboard("?measure=signals&from=2026-11&to=2026-11");
    ASSERT_EQ(county.status, 200);
    EXPECT_NE(Row(county, "2026-11").find("<td>9</td>"), std::string::npos) << Row(county, "2026-11");

    const HttpResult vaxjo = Dashboard("?measure=signals&from=2026-11&to=2026-11&municipality=" + UrlEncode("Växjö"));
    ASSERT_EQ(vaxjo.status, 200);
    // Alvesta's 2 are hidden; Växjö's 7 must be too, or the county's 9 minus 7 would give them away.
    EXPECT_NE(Row(vaxjo, "2026-11").find("&lt;5"), std::string::npos) << Row(vaxjo, "2026-11");
    EXPECT_EQ(Row(vaxjo, "2026-11").find("<td>7</td>"), std::string::npos);
    const HttpResult alvesta = Dashboard("?measure=signals&from=2026-11&to=2026-11&municipality=Alvesta");
    EXPECT_NE(Row(alvesta, "2026-11").find("&lt;5"), std::string::npos);
    EXPECT_EQ(alvesta.body.find("Nummer8"), std::string::npos) << "no child-level data on the page";
    EXPECT_EQ(alvesta.body.find(TenYearOld(8)), std::string::npos);

    const HttpResult decisions = Dashboard("?measure=decisions&from=2026-11&to=2026-11");
    ASSERT_EQ(decisions.status, 200);
    const std::string row = Row(decisions, "2026-11");
    EXPECT_NE(row.find("<td>6</td>"), std::string::npos) << row;  // six decided A
    EXPECT_NE(row.find("<td>0</td>"), std::string::npos) << "the median days of six same-day decisions";

    const auto audit = server_.AuditRowsSinceSetup();
    ASSERT_FALSE(audit.empty());
    const auto& looked = audit.back().event;
    EXPECT_EQ(looked.object_type, "statistics");
    EXPECT_EQ(looked.action, "read");
    EXPECT_EQ(looked.legal_basis, "steering_group");
    EXPECT_FALSE(looked.child_id.has_value()) << "statistics access is not child access";
    EXPECT_NE(looked.object_id.find("decisions 2026-11..2026-11"), std::string::npos);
}

TEST_F(StatisticsTest, TheCsvHoldsTheSameTableAndTheDownloadIsAudited) {
    for (int n = 1; n <= 6; ++n) Signal(n, "Växjö Centralskola", false);
    const HttpResult csv = server_.Get("/statistik.csv?measure=signals&from=2026-10&to=2026-11", Session("stina"));
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
    EXPECT_NE(csv.Header("content-disposition").find("attachment"), std::string::npos);
    EXPECT_NE(csv.body.find("Period,Signaler,Totalt\r\n"), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("2026-10,0,0\r\n"), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("2026-11,6,6\r\n"), std::string::npos) << csv.body;
    const auto audit = server_.AuditRowsSinceSetup();
    EXPECT_EQ(audit.back().event.action, "download");
    EXPECT_EQ(audit.back().event.object_type, "statistics");
}

TEST_F(StatisticsTest, CountsAreKeptAFewMinutesSayWhenTheyWereCountedAndThenCountedAgain) {
    for (int n = 1; n <= 6; ++n) Signal(n, "Växjö Centralskola", false);
    const std::string query = "?measure=signals&from=2026-11&to=2026-11";
    const HttpResult first = Dashboard(query);
    ASSERT_EQ(first.status, 200);
    EXPECT_NE(Row(first, "2026-11").find("<td>6</td>"), std::string::npos) << Row(first, "2026-11");
    const auto counted = first.body.find("Talen räknades 18 november 2026 kl. ");
    ASSERT_NE(counted, std::string::npos);
    const std::string stamp = first.body.substr(counted, first.body.find(" och räknas", counted) - counted);

    Signal(7, "Växjö Centralskola", false);
    server_.Clock().Advance(std::chrono::minutes(4));
    const HttpResult kept = Dashboard(query);
    EXPECT_NE(Row(kept, "2026-11").find("<td>6</td>"), std::string::npos) << "kept for a few minutes";
    EXPECT_NE(kept.body.find(stamp), std::string::npos) << "and says when it was counted";

    server_.Clock().Advance(std::chrono::minutes(2));
    const HttpResult recounted = Dashboard(query);
    EXPECT_NE(Row(recounted, "2026-11").find("<td>7</td>"), std::string::npos) << Row(recounted, "2026-11");
    EXPECT_EQ(recounted.body.find(stamp), std::string::npos) << "a new time for the new count";
    // Another measure of the same year is counted on its own.
    EXPECT_EQ(Dashboard("?measure=reports&from=2026-11&to=2026-11").status, 200);
}

// A year nobody has viewed is counted in the background: the view answers at once that the numbers
// are being counted (and reloads itself) instead of keeping the person waiting, and shows them when
// ready. Until then nothing was shown, so nothing is recorded as a statistics view.
TEST_F(StatisticsTest, AViewThatMustWaitForItsCountSaysSoAndComesBackToTheNumbers) {
    for (int n = 1; n <= 6; ++n) Signal(n, "Växjö Centralskola", false);
    server_.Statistics().SetAnswerWithin(std::chrono::milliseconds(0));  // never wait for a new count
    auto statistics_rows = [&] {
        const auto rows = server_.AuditRowsSinceSetup();
        return std::count_if(rows.begin(), rows.end(),
                             [](const auto& row) { return row.event.object_type == "statistics"; });
    };
    const std::string query = "?measure=signals&from=2026-11&to=2026-11";

    const HttpResult counting = Dashboard(query);
    EXPECT_EQ(counting.status, 202);
    EXPECT_NE(counting.body.find("Talen räknas fram just nu"), std::string::npos) << counting.body;
    EXPECT_NE(counting.body.find("role=\"status\""), std::string::npos);
    EXPECT_NE(counting.body.find("<meta http-equiv=\"refresh\" content=\"2\">"), std::string::npos);
    EXPECT_NE(counting.body.find("name=\"measure\""), std::string::npos) << "the filter stays usable";
    EXPECT_EQ(Row(counting, "2026-11"), "") << "no numbers yet";
    EXPECT_EQ(statistics_rows(), 0) << "nothing shown, nothing recorded";

    HttpResult shown = Dashboard(query);
    for (int i = 0; i < 200 && shown.status == 202; ++i) {  // as the page's reload does, bounded
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        shown = Dashboard(query);
    }
    ASSERT_EQ(shown.status, 200);
    EXPECT_NE(Row(shown, "2026-11").find("<td>6</td>"), std::string::npos) << Row(shown, "2026-11");
    EXPECT_EQ(shown.body.find("http-equiv=\"refresh\""), std::string::npos);
    EXPECT_EQ(statistics_rows(), 1);
    EXPECT_EQ(server_.AuditRowsSinceSetup().back().event.action, "read");

    // A download never answers "counting": it waits for its numbers.
    const HttpResult csv = server_.Get("/statistik.csv?measure=decisions&from=2026-11&to=2026-11", Session("stina"));
    EXPECT_EQ(csv.status, 200);
}

TEST_F(StatisticsTest, NobodyOutsideTheSteeringGroupGetsInAndTheAttemptIsRecorded) {
    for (const std::string user : {"anna", "adam", "lena", "fredrik"}) {
        EXPECT_EQ(Dashboard("", user).status, 404) << user;
        EXPECT_EQ(server_.Get("/statistik.csv", Session(user)).status, 404) << user;
        const auto audit = server_.AuditRowsSinceSetup();
        ASSERT_FALSE(audit.empty());
        EXPECT_EQ(audit.back().event.object_type, "statistics");
        EXPECT_EQ(audit.back().event.outcome, domain::AuditOutcome::kDenied) << user;
    }
    EXPECT_EQ(server_.Get("/statistik").status, 303) << "signed out: to the login page";
}

TEST_F(StatisticsTest, EveryMeasureReadsItsRecordsAndHidesASingleChild) {
    StartPlan();
    ASSERT_EQ(RecordConsent().status, 303);
    // One child's signal, decision, plan (open at November's end) and consent: each a hidden 1.
    for (const std::string measure :
         {"signals", "decisions", "plans", "active_plans", "consents", "plan_organisations"}) {
        const HttpResult page = Dashboard("?measure=" + measure + "&from=2026-11&to=2026-11");
        ASSERT_EQ(page.status, 200) << measure;
        EXPECT_NE(Row(page, "2026-11").find("&lt;5"), std::string::npos) << measure << ": " << Row(page, "2026-11");
        EXPECT_EQ(page.body.find("Maja"), std::string::npos) << measure;
    }
    for (const std::string measure : {"reports", "meetings", "handovers", "follow_ups", "wheel_changes", "plans_agreed",
                                      "consent_ends", "first_meetings", "transitions"}) {
        const HttpResult page = Dashboard("?measure=" + measure + "&from=2026-11&to=2026-11");
        ASSERT_EQ(page.status, 200) << measure;
        EXPECT_NE(page.body.find("Urvalet har inga tal att visa"), std::string::npos) << measure;
    }
}

TEST_F(StatisticsTest, BadFiltersGetAClearMessageAndKeepWhatWasTyped) {
    const HttpResult reversed = Dashboard("?measure=signals&from=2026-11&to=2026-01");
    EXPECT_EQ(reversed.status, 400);
    EXPECT_NE(AlertText(reversed.body).find("Periodens början ligger efter dess slut"), std::string::npos);
    EXPECT_NE(reversed.body.find("value=\"2026-01\""), std::string::npos) << "the filter as typed stays";

    const HttpResult not_by_sector = Dashboard("?measure=consents&sector=school");
    EXPECT_EQ(not_by_sector.status, 400);
    EXPECT_NE(AlertText(not_by_sector.body).find("kan inte delas upp på organisationstyp"), std::string::npos);

    const HttpResult month = Dashboard("?from=2026-13");
    EXPECT_EQ(month.status, 400);
    EXPECT_NE(AlertText(month.body).find("ÅÅÅÅ-MM"), std::string::npos);

    const HttpResult script = Dashboard("?municipality=" + UrlEncode("<script>alert(1)</script>"));
    EXPECT_EQ(script.status, 400);
    EXPECT_EQ(script.body.find("<script>alert(1)"), std::string::npos) << "typed text is escaped";

    const HttpResult empty = Dashboard("?measure=handovers&municipality=Alvesta&age_band=0-5");
    EXPECT_EQ(empty.status, 200);
    EXPECT_NE(empty.body.find("Urvalet har inga tal att visa"), std::string::npos) << "nothing to show, said plainly";
}

}  // namespace
}  // namespace kronobarn::testing
