// The log-review workbench (loggkontroll) over real HTTP and a real database: a log reviewer sees
// her own organisation's rows with the rule flags, filters and samples them, records a review
// (audited, escaped, verbatim); other organisations' rows stay out, and nobody else gets in.
#include <gtest/gtest.h>

#include <regex>

#include "integration/plan_fixture.hpp"

namespace kronobarn::testing {
namespace {

class LogReviewTest : public PlanFixture {
  protected:
    HttpResult Workbench(const std::string& query = "", const std::string& user = "lena") {
        return server_.Get("/loggkontroll" + query, Session(user));
    }
    // The rows of the result table only (not the filter, header or review form).
    static std::string Table(const HttpResult& page) {
        const auto start = page.body.find("<tbody>");
        if (start == std::string::npos) return {};
        return page.body.substr(start, page.body.find("</tbody>", start) - start);
    }
    HttpResult Review(const std::string& fields, const std::string& user = "lena") {
        return server_.PostForm("/loggkontroll/granskningar", Csrf(user) + fields, Session(user));
    }
    std::string Reviews() { return server_.Database().RawQuery("SELECT count(*) FROM log_reviews"); }
    std::string OrganisationId(const std::string& name) {
        return server_.Database().RawQuery("SELECT id FROM organisations WHERE name = '" + name + "'");
    }
};

TEST_F(LogReviewTest, TheReviewerSeesHerOrganisationsAccessesFlaggedAndNoOtherOrganisations) {
    StartPlan();
    ASSERT_EQ(server_.Get(plan_, Session("anna")).status, 200);
    ASSERT_EQ(server_.Get(plan_, Session("britt")).status, 404) << "the region's nurse has no basis";
    const HttpResult asked = server_.PostForm("/nodatkomst",
                                              Csrf("sara") + "&personal_number=" + ElevenYearOld() +
                                                  "&unit_id=" + Unit("Socialtjänsten Växjö") +
                                                  "&reason=" + UrlEncode("Barnet hittat ensamt"),
                                              Session("sara"));
    ASSERT_EQ(asked.status, 303);
    ASSERT_EQ(server_.Get(plan_, Session("sara")).status, 200);

    const HttpResult page = Workbench();
    ASSERT_EQ(page.status, 200);
    const std::string rows = Table(page);
    EXPECT_NE(rows.find("Anna Rektor"), std::string::npos);
    EXPECT_NE(rows.find("Sara Socialsekreterare"), std::string::npos);
    EXPECT_NE(rows.find("Maja Berg"), std::string::npos);
    EXPECT_NE(rows.find("Nödåtkomst"), std::string::npos) << "the emergency reads are flagged";
    EXPECT_EQ(rows.find("BVC-sköterska"), std::string::npos) << "the region's rows are the region's to review";
    EXPECT_NE(rows.find("Bertil &lt;b&gt;Kurator&lt;/b&gt;"), std::string::npos) << "names are escaped";
    // What happened, on which object and basis, in words: never the log's codes.
    EXPECT_NE(rows.find("öppnade"), std::string::npos);
    EXPECT_NE(rows.find("Barnens bästa-ansvarig"), std::string::npos);
    EXPECT_NE(rows.find("Barnets plan"), std::string::npos);
    const std::regex code(R"re(<td[^>]*>[a-z]+_[a-z_]+)re");
    std::smatch found;
    EXPECT_FALSE(std::regex_search(rows, found, code)) << "a code in the table: " << found.str();
    EXPECT_EQ(page.body.find("<b>Kurator</b>"), std::string::npos);

    const HttpResult emergency_only = Workbench("?flag=emergency_access");
    ASSERT_EQ(emergency_only.status, 200);
    EXPECT_NE(Table(emergency_only).find("Sara Socialsekreterare"), std::string::npos);
    EXPECT_EQ(Table(emergency_only).find("Anna Rektor"), std::string::npos);

    const HttpResult region = Workbench("", "rolf");
    ASSERT_EQ(region.status, 200);
    EXPECT_NE(Table(region).find("Britt BVC-sköterska"), std::string::npos);
    EXPECT_NE(Table(region).find("Nekat försök"), std::string::npos) << "the refused attempt is flagged";
    EXPECT_EQ(Table(region).find("Anna Rektor"), std::string::npos);

    const HttpResult by_user = Workbench("?username=anna&action=read");
    ASSERT_EQ(by_user.status, 200);
    EXPECT_NE(Table(by_user).find("Anna Rektor"), std::string::npos);
    EXPECT_EQ(Table(by_user).find("Sara Socialsekreterare"), std::string::npos);

    const auto audit = server_.AuditRowsSinceSetup();
    ASSERT_FALSE(audit.empty());
    const auto& looked = audit.back().event;
    EXPECT_EQ(looked.object_type, "audit_log");
    EXPECT_EQ(looked.legal_basis, "log_reviewer");
    EXPECT_EQ(looked.outcome, domain::AuditOutcome::kAllowed);
    EXPECT_NE(looked.object_id.find("user=anna"), std::string::npos) << "the row names the filter";
}

TEST_F(LogReviewTest, SignInsAreTheirOrganisationsToReviewInWordsAndFilteredByHowThePersonWasProven) {
    int status = 0;
    server_.Login("anna", "fel-lösenord-1", &status);  // a failed attempt of Växjö's principal
    ASSERT_FALSE(Session("anna").empty());
    ASSERT_FALSE(Session("britt").empty());  // the Region's nurse: the Region's to review
    const std::string rows = Table(Workbench("?action=login&metod=password"));
    EXPECT_NE(rows.find("Anna Rektor"), std::string::npos);
    EXPECT_NE(rows.find("inloggning: lösenord"), std::string::npos) << rows;
    EXPECT_EQ(rows.find("Britt"), std::string::npos) << "another organisation's sign-ins stay out";
    EXPECT_EQ(rows.find("password"), std::string::npos) << "in words, not codes";
    const std::string failed = Table(Workbench("?action=login_failed"));
    EXPECT_NE(failed.find("fel användarnamn eller lösenord"), std::string::npos) << failed;
    const HttpResult none = Workbench("?metod=password%2Btotp");
    EXPECT_NE(none.body.find("0 rader matchar urvalet"), std::string::npos) << "nobody here uses an app";
    EXPECT_NE(none.body.find("<option value=\"password+totp\" selected>lösenord och kod från app</option>"),
              std::string::npos)
        << "the filter keeps the choice";
}

TEST_F(LogReviewTest, NobodyElseGetsInAndTheAttemptIsRecorded) {
    for (const std::string user : {"anna", "adam", "sara"}) {
        EXPECT_EQ(Workbench("", user).status, 404) << user;
        const auto audit = server_.AuditRowsSinceSetup();
        ASSERT_FALSE(audit.empty());
        EXPECT_EQ(audit.back().event.object_type, "audit_log");
        EXPECT_EQ(audit.back().event.outcome, domain::AuditOutcome::kDenied) << user;
    }
    EXPECT_EQ(Workbench("?organisation=" + OrganisationId("Region Kronoberg")).status, 404)
        << "Växjö's reviewer does not read the region's log";
    EXPECT_EQ(
        Review("&organisation=" + OrganisationId("Växjö kommun") + "&checked=x&finding=no_remarks", "anna").status,
        404);
    EXPECT_EQ(Reviews(), "0");
}

TEST_F(LogReviewTest, OutOfHoursAndProtectedIdentityAreFlaggedAndASampleCanBeDrawnAgain) {
    StartPlan();
    server_.Database().RawExec("UPDATE children SET protected_identity = 1");
    server_.Clock().Advance(std::chrono::hours(9));  // Wednesday 12:06 → 21:06 in Växjö
    server_.Forget("anna");                          // sessions do not last that long
    ASSERT_EQ(server_.Get(plan_, Session("anna")).status, 200);

    const HttpResult flagged = Workbench("?flag=out_of_hours");
    ASSERT_EQ(flagged.status, 200);
    const std::string rows = Table(flagged);
    EXPECT_NE(rows.find("Anna Rektor"), std::string::npos);
    EXPECT_NE(rows.find("Utanför kontorstid"), std::string::npos);
    EXPECT_NE(rows.find("Skyddad identitet"), std::string::npos);
    EXPECT_EQ(rows.find("Bertil"), std::string::npos) << "the signal was registered in office hours";

    const HttpResult sample = Workbench("?sample=2&seed=4711");
    ASSERT_EQ(sample.status, 200);
    const std::string told = "Stickprov: 2 rader, urvalsnummer 4711, till och med loggrad ";
    const auto at = sample.body.find(told);
    ASSERT_NE(at, std::string::npos);
    const auto number = at + told.size();
    const std::string through = sample.body.substr(number, sample.body.find('.', number) - number);
    EXPECT_NE(sample.body.find("through=" + through + " sample=2 seed=4711"), std::string::npos)
        << "the review form names the sample";
    // Looking at the log adds rows; the same number over the same rows still draws the same sample.
    ASSERT_EQ(server_.Get(plan_, Session("anna")).status, 200);
    EXPECT_EQ(Table(Workbench("?sample=2&seed=4711&through=" + through)), Table(sample));
    EXPECT_EQ(Workbench("?through=abc").status, 400);
}

TEST_F(LogReviewTest, ABadFilterIsExplainedAndKeepsWhatWasTyped) {
    const HttpResult reversed = Workbench("?from=2026-11-20&to=2026-11-01");
    EXPECT_EQ(reversed.status, 400);
    EXPECT_NE(AlertText(reversed.body).find("Slutdatum ligger före startdatum"), std::string::npos);
    EXPECT_NE(reversed.body.find("value=\"2026-11-20\""), std::string::npos);
    EXPECT_EQ(Workbench("?from=20261101").status, 400);
    const HttpResult unknown = Workbench("?username=ingen-sadan");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_NE(AlertText(unknown.body).find("ingen användare"), std::string::npos);
    EXPECT_EQ(Workbench("?sample=100000").status, 400);
    EXPECT_EQ(Workbench("?flag=%3Cscript%3E").status, 400);
}

TEST_F(LogReviewTest, ARecordedReviewIsSavedVerbatimShownEscapedAndAudited) {
    const std::string organisation = "&organisation=" + OrganisationId("Växjö kommun");
    const HttpResult missing =
        Review(organisation + "&checked=%20&finding=remarks&finding_text=" + UrlEncode("Läste utan grund"));
    EXPECT_EQ(missing.status, 400);
    EXPECT_NE(AlertText(missing.body).find("Skriv vad som kontrollerades"), std::string::npos);
    EXPECT_NE(missing.body.find("Läste utan grund"), std::string::npos) << "what was written stays";
    const HttpResult no_action =
        Review(organisation + "&checked=Stickprov&finding=remarks&finding_text=" + UrlEncode("Läste utan grund"));
    EXPECT_EQ(no_action.status, 400);
    EXPECT_EQ(Reviews(), "0");

    const std::string checked = "<script>alert(1)</script> '; DROP TABLE log_reviews; --";
    const HttpResult saved = Review(organisation + "&scope=" + UrlEncode("organisation=1 sample=20 seed=9") +
                                    "&checked=" + UrlEncode(checked) +
                                    "&finding=remarks&finding_text=" + UrlEncode("Åtkomst utan relation") +
                                    "&action_taken=" + UrlEncode("Samtal med chef"));
    ASSERT_EQ(saved.status, 303) << AlertText(saved.body);
    EXPECT_EQ(Reviews(), "1");
    EXPECT_EQ(server_.Database().RawQuery("SELECT checked FROM log_reviews"), checked);

    const HttpResult page = server_.Get(saved.Header("location"), Session("lena"));
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Granskningen är sparad"), std::string::npos);
    EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
    EXPECT_NE(page.body.find("Samtal med chef"), std::string::npos);

    const auto audit = server_.AuditRowsSinceSetup();
    const bool recorded = std::any_of(audit.begin(), audit.end(), [](const store::AuditRow& row) {
        return row.event.object_type == "log_review" && row.event.action == "create" &&
               row.event.legal_basis == "log_reviewer" && row.event.outcome == domain::AuditOutcome::kAllowed;
    });
    EXPECT_TRUE(recorded);
}

}  // namespace
}  // namespace kronobarn::testing
