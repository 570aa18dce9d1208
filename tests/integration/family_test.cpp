// The family's own view over real HTTP and SQLite (issue 5): the holder invites a guardian with a
// one-time link, the guardian activates it, signs in and sees only their own child's plan; a
// restriction hides the child; the child's own login sees only its own page; a guardian's
// withdrawal ends a participant's access on the next request; the access log shows who opened
// the plan; the PDF carries the goals in Swedish and Arabic; bad input keeps what was typed.
#include <gtest/gtest.h>

#include <regex>

#include <cstdio>
#include <fstream>

#include "integration/plan_fixture.hpp"

namespace kronobarn::testing {
namespace {

class FamilyTest : public PlanFixture {
  protected:
    void AddGoal() {
        ASSERT_EQ(PostPlan("mal", "&area_code=trygg&outcome=" + UrlEncode("En vän på rasten") +
                                      "&how_we_know=" + UrlEncode("Maja berättar") + "&by_when=2027-06-01")
                      .status,
                  303);
    }

    int DeniedRows() {
        int denied = 0;
        for (const auto& row : server_.AuditRowsSinceSetup()) {
            if (row.event.outcome == domain::AuditOutcome::kDenied) ++denied;
        }
        return denied;
    }
};

TEST_F(FamilyTest, AnInvitedGuardianActivatesSignsInAndSeesThePlanInPlainLanguage) {
    StartPlan();
    AddGoal();
    const std::string& eva = Guardian("1", "eva.berg");
    ASSERT_FALSE(eva.empty());
    const HttpResult home = server_.Get("/familj", eva);
    ASSERT_EQ(home.status, 200);
    EXPECT_NE(home.body.find("Maja Berg"), std::string::npos);

    const HttpResult plan = server_.Get("/familj/barn/" + ChildId(), eva);
    ASSERT_EQ(plan.status, 200);
    EXPECT_NE(plan.body.find("En vän på rasten"), std::string::npos);
    EXPECT_NE(plan.body.find("Vem gör vad och när"), std::string::npos);
    // The staff start page is not the family's: it sends them home.
    EXPECT_EQ(server_.Get("/start", eva).Header("location"), "/familj");
}

TEST_F(FamilyTest, TheFamilysOwnWordsAreSavedAsNewEntriesAndReachTheHolder) {
    StartPlan();
    const std::string& eva = Guardian("1", "eva.berg");
    const std::string child = ChildId();
    for (const char* text : {"Maja trivs bättre nu.", "Det är tungt på morgnarna."}) {
        const HttpResult saved =
            server_.PostForm("/familj/barn/" + child + "/mina-ord",
                             server_.CsrfField("eva.berg") + "&kind=guardian_view&text=" + UrlEncode(text), eva);
        ASSERT_EQ(saved.status, 303);
    }
    const std::string page = server_.Get("/familj/barn/" + child, eva).body;
    // Both versions are kept, the newest first.
    ASSERT_NE(page.find("Det är tungt på morgnarna."), std::string::npos);
    EXPECT_LT(page.find("Det är tungt på morgnarna."), page.find("Maja trivs bättre nu."));
    EXPECT_NE(server_.Get(plan_, Session("anna")).body.find("Det är tungt på morgnarna."), std::string::npos);
}

TEST_F(FamilyTest, AnOverlongOrEmptyTextIsRefusedInTheFamilysLanguageAndKept) {
    StartPlan();
    const std::string& eva = Guardian("1", "eva.berg");
    const std::string child = ChildId();
    const std::string long_text(4100, 'a');
    const HttpResult refused =
        server_.PostForm("/familj/barn/" + child + "/mina-ord",
                         server_.CsrfField("eva.berg") + "&kind=guardian_view&text=" + long_text, eva);
    EXPECT_EQ(refused.status, 400);
    EXPECT_NE(refused.body.find("Texten är för lång"), std::string::npos);
    EXPECT_NE(refused.body.find(long_text), std::string::npos) << "what the guardian wrote must not be lost";
    EXPECT_NE(refused.body.find("href=\"#entry-guardian_view\""), std::string::npos);

    const HttpResult empty = server_.PostForm("/familj/barn/" + child + "/mina-ord",
                                              server_.CsrfField("eva.berg") + "&kind=guardian_view&text=%20", eva);
    EXPECT_EQ(empty.status, 400);
    EXPECT_NE(empty.body.find("Skriv något innan du sparar."), std::string::npos);
}

TEST_F(FamilyTest, AnActivationLinkWorksOnceAndNotAfterItExpires) {
    StartPlan();
    const std::string link = Invite("1");
    ASSERT_EQ(Activate(link, "eva.berg").status, 303);
    const HttpResult again = server_.Get(link);
    EXPECT_EQ(again.status, 410);
    EXPECT_NE(again.body.find("Länken har redan använts"), std::string::npos);
    EXPECT_EQ(Activate(link, "eva.igen").status, 410);
    EXPECT_TRUE(server_.Login("eva.igen", kPassword).empty());

    const std::string second = Invite("2");
    server_.Clock().Advance(std::chrono::days(8));
    const HttpResult expired = server_.Get(second);
    EXPECT_EQ(expired.status, 410);
    EXPECT_NE(expired.body.find("Länken har slutat gälla"), std::string::npos);
}

TEST_F(FamilyTest, ActivationWithBadInputKeepsTheUsernameAndSaysWhy) {
    StartPlan();
    const std::string link = Invite("1");
    const HttpResult differ = Activate(link, "eva.berg", kPassword, "något-annat-lösenord");
    EXPECT_EQ(differ.status, 400);
    EXPECT_NE(differ.body.find("Lösenorden är inte likadana"), std::string::npos);
    EXPECT_NE(differ.body.find("value=\"eva.berg\""), std::string::npos);
    EXPECT_EQ(Activate(link, "anna").status, 409) << "a taken username";
    EXPECT_EQ(Activate(link, "eva.berg").status, 303) << "the link still works after a correctable mistake";
}

TEST_F(FamilyTest, ActivationReportsEveryProblemAtOnceAndAcceptsANameWithCapitals) {
    StartPlan();
    const std::string link = Invite("1");
    const HttpResult all = Activate(link, "x!", "kort", "annat");
    EXPECT_EQ(all.status, 400);
    for (const auto* field : {"username", "password", "password_repeat"}) {
        EXPECT_NE(all.body.find("href=\"#" + std::string(field) + "\""), std::string::npos)
            << field << " in the summary";
        EXPECT_NE(all.body.find("id=\"" + std::string(field) + "\" name=\"" + std::string(field) + "\""),
                  std::string::npos);
    }
    std::size_t marked = 0;
    for (auto at = all.body.find("aria-invalid=\"true\""); at != std::string::npos;
         at = all.body.find("aria-invalid=\"true\"", at + 1)) {
        ++marked;
    }
    EXPECT_EQ(marked, 3u) << "every field in error is marked";
    // "Fatima" is a name people type; she signs in as Fatima or fatima.
    ASSERT_EQ(Activate(link, "Fatima").status, 303);
    int status = 0;
    EXPECT_FALSE(server_.Login("FATIMA", kPassword, &status).empty()) << status;
    EXPECT_FALSE(server_.Login("fatima", kPassword, &status).empty()) << status;
}

TEST_F(FamilyTest, AGuardianCannotReachAnotherFamilysChild) {
    StartPlan();
    const std::string& eva = Guardian("1", "eva.berg");
    const std::string own_child = ChildId();
    StartPlan(FourteenYearOld());  // another family's child, now the fixture's plan
    const std::string other_child = ChildId();
    ASSERT_NE(own_child, other_child);
    for (const std::string& path :
         {"/familj/barn/" + other_child, "/familj/barn/" + other_child + "/samtycken",
          "/familj/barn/" + other_child + "/vem-har-oppnat", "/familj/barn/" + other_child + "/barnets-sida",
          "/familj/barn/" + other_child + "/plan.pdf"}) {
        SCOPED_TRACE(path);
        const int before = DeniedRows();
        const HttpResult result = server_.Get(path, eva);
        EXPECT_EQ(result.status, 404);
        EXPECT_EQ(result.body.find("Berg"), std::string::npos);
        EXPECT_GT(DeniedRows(), before);
    }
    // Staff pages answer a family account "not found" before any use case runs.
    for (const std::string& path : {plan_, "/barn/" + other_child, "/barn/" + own_child, std::string("/oro/ny")}) {
        EXPECT_EQ(server_.Get(path, eva).status, 404) << path;
    }
}

TEST_F(FamilyTest, AGuardianUnderADocumentedRestrictionSeesNothingOfTheChild) {
    StartPlan();
    const std::string& per = Guardian("2", "per.berg");
    const std::string child = ChildId();
    ASSERT_EQ(server_.Get("/familj/barn/" + child, per).status, 200);

    const std::string page = server_.Get("/barn/" + child + "/familj", Session("anna")).body;
    const std::string guardian = AttributeAfter(page, page.rfind("name=\"guardian_id\""), "value");
    const HttpResult without_reason =
        server_.PostForm("/barn/" + child + "/familj/begransning",
                         Csrf("anna") + "&guardian_id=" + guardian + "&restricted=1&reason=", Session("anna"));
    EXPECT_EQ(without_reason.status, 400);
    ASSERT_EQ(server_
                  .PostForm("/barn/" + child + "/familj/begransning",
                            Csrf("anna") + "&guardian_id=" + guardian +
                                "&restricted=1&reason=" + UrlEncode("Beslut om skydd enligt OSL 12:3"),
                            Session("anna"))
                  .status,
              303);
    EXPECT_EQ(server_.Get("/familj/barn/" + child, per).status, 404);
    EXPECT_EQ(server_.Get("/familj/barn/" + child + "/samtycken", per).status, 404);
    EXPECT_EQ(server_.Get("/familj", per).body.find("Maja"), std::string::npos);
}

TEST_F(FamilyTest, TheChildsOwnLoginSeesOnlyItsOwnPage) {
    StartPlan(FourteenYearOld());
    const std::string child = ChildId();
    const HttpResult activated = Activate(Invite("barnet"), "maja.egen");
    ASSERT_EQ(activated.status, 303);
    const std::string& maja = Session("maja.egen");
    EXPECT_EQ(server_.Get("/familj", maja).Header("location"), "/familj/barn/" + child + "/barnets-sida");
    const HttpResult own = server_.Get("/familj/barn/" + child + "/barnets-sida", maja);
    ASSERT_EQ(own.status, 200);
    EXPECT_NE(own.body.find("Det här är bra"), std::string::npos);
    const HttpResult good = server_.PostForm(
        "/familj/barn/" + child + "/barnets-ord",
        server_.CsrfField("maja.egen") + "&kind=child_good&text=" + UrlEncode("Fotbollen på onsdagar"), maja);
    EXPECT_EQ(good.status, 303);
    EXPECT_NE(server_.Get(plan_, Session("anna")).body.find("Fotbollen på onsdagar"), std::string::npos);
    // Not the guardians' pages, not the guardians' view, not the staff pages.
    EXPECT_EQ(server_.Get("/familj/barn/" + child + "/samtycken", maja).status, 404);
    EXPECT_EQ(server_.Get("/familj/barn/" + child + "/vem-har-oppnat", maja).status, 404);
    EXPECT_EQ(server_.Get(plan_, maja).status, 404);
    EXPECT_EQ(server_
                  .PostForm("/familj/barn/" + child + "/mina-ord",
                            server_.CsrfField("maja.egen") + "&kind=guardian_view&text=x", maja)
                  .status,
              400);
}

TEST_F(FamilyTest, AnElevenYearOldCannotBeGivenALoginOfItsOwn) {
    StartPlan();
    const std::string child = ChildId();
    const HttpResult refused =
        server_.PostForm("/barn/" + child + "/familj/inbjudan", Csrf("anna") + "&member=barnet", Session("anna"));
    EXPECT_EQ(refused.status, 400);
    EXPECT_NE(refused.body.find("för ungt"), std::string::npos);
}

TEST_F(FamilyTest, AGuardiansWithdrawalEndsTheParticipantsAccessAtOnceAndCannotBeRepeated) {
    StartPlan();
    AddSocialServices();
    ASSERT_EQ(RecordConsent().status, 303);
    ASSERT_EQ(server_.Get(plan_, Session("sara")).status, 200);
    const std::string& eva = Guardian("1", "eva.berg");
    const std::string child = ChildId();
    const std::string page = server_.Get("/familj/barn/" + child + "/samtycken", eva).body;
    const std::string action = AttributeAfter(page, page.find("action=\"/familj/samtycken/"), "action");
    ASSERT_FALSE(action.empty());
    EXPECT_NE(page.find("Socialtjänsten Växjö"), std::string::npos) << "the page says whom the consent lets share";

    const HttpResult withdrawn = server_.PostForm(action, server_.CsrfField("eva.berg"), eva);
    ASSERT_EQ(withdrawn.status, 303);
    EXPECT_EQ(server_.Get(plan_, Session("sara")).status, 404);
    const HttpResult again = server_.PostForm(action, server_.CsrfField("eva.berg"), eva);
    EXPECT_EQ(again.status, 409);
    EXPECT_NE(again.body.find("redan återkallat"), std::string::npos);
}

TEST_F(FamilyTest, TheSecondGuardianGivesTheirPartAndTheConsentComesIntoForce) {
    StartPlan();
    AddSocialServices();
    ASSERT_EQ(RecordConsent(/*guardians=*/1).status, 303);
    EXPECT_EQ(server_.Get(plan_, Session("sara")).status, 404) << "one of two guardians is not enough";
    const std::string& per = Guardian("2", "per.berg");
    const std::string child = ChildId();
    const std::string page = server_.Get("/familj/barn/" + child + "/samtycken", per).body;
    const auto at = page.find("/ge\"");
    const std::string action = page.substr(page.rfind('"', at) + 1, at + 3 - page.rfind('"', at) - 1);
    ASSERT_EQ(server_.PostForm(action, server_.CsrfField("per.berg"), per).status, 303);
    EXPECT_EQ(server_.Get(plan_, Session("sara")).status, 200);
    EXPECT_EQ(server_.PostForm(action, server_.CsrfField("per.berg"), per).status, 409) << "given twice";
}

TEST_F(FamilyTest, TheGuardianSeesWhichOrganisationAndRoleOpenedThePlan) {
    StartPlan();
    ASSERT_EQ(server_.Get(plan_, Session("anna")).status, 200);
    const std::string& eva = Guardian("1", "eva.berg");
    const HttpResult log = server_.Get("/familj/barn/" + ChildId() + "/vem-har-oppnat", eva);
    ASSERT_EQ(log.status, 200);
    EXPECT_NE(log.body.find("Växjö Centralskola"), std::string::npos);
    EXPECT_NE(log.body.find("Rektor"), std::string::npos);
    EXPECT_NE(log.body.find("Barnens bästa-ansvarig"), std::string::npos);
    const auto table = log.body.find("kb-log-groups");
    ASSERT_NE(table, std::string::npos);
    EXPECT_TRUE(std::regex_search(log.body.substr(table), std::regex("Rektor: (en gång|[0-9]+ gånger)")))
        << "grouped with a count";
    // Openings that interleave with another role's still make one group per unit, role and day.
    ASSERT_EQ(server_.Get(plan_, Session("bertil")).status, 200);
    ASSERT_EQ(server_.Get(plan_, Session("anna")).status, 200);
    const std::string again = server_.Get("/familj/barn/" + ChildId() + "/vem-har-oppnat", eva).body;
    const std::string principal = "Växjö Centralskola, Rektor:";
    const auto first = again.find(principal);
    ASSERT_NE(first, std::string::npos);
    EXPECT_EQ(again.find(principal, first + 1), std::string::npos) << "the principal's openings in one group";
    EXPECT_EQ(log.body.find("Anna Rektor", table), std::string::npos)
        << "names are hidden unless the local policy shows them";
}

namespace {

// The openings listed (inside their groups; a group's own item holds its <details>).
std::size_t LogRows(const std::string& body) {
    std::size_t rows = 0;
    const auto start = body.find("kb-log-groups");
    if (start == std::string::npos) return 0;
    const auto end = body.find("<nav", start);
    for (auto at = body.find("<li>", start); at != std::string::npos && at < end; at = body.find("<li>", at + 1)) {
        if (body.compare(at + 4, 8, "<details") != 0) ++rows;
    }
    return rows;
}

std::string OlderLink(const std::string& body) {
    const std::string marker = "rel=\"next\" href=\"";
    const auto at = body.find(marker);
    if (at == std::string::npos) return "";
    const auto start = at + marker.size();
    return body.substr(start, body.find('"', start) - start);
}

}  // namespace

TEST_F(FamilyTest, TheAccessLogShowsFiftyOpeningsAPageAndEveryOlderOneBehindALink) {
    StartPlan();
    const std::string& eva = Guardian("1", "eva.berg");
    const std::string log = "/familj/barn/" + ChildId() + "/vem-har-oppnat";
    for (int i = 0; i < 60; ++i) ASSERT_EQ(server_.Get(plan_, Session("anna")).status, 200);
    // The guardian's own looks are audited too; they must not push the professionals' openings away.
    for (int i = 0; i < 3; ++i) ASSERT_EQ(server_.Get(log, eva).status, 200);

    const HttpResult newest = server_.Get(log, eva);
    ASSERT_EQ(newest.status, 200);
    EXPECT_EQ(LogRows(newest.body), 50U);
    const std::string older_link = OlderLink(newest.body);
    ASSERT_NE(older_link.find("?fore="), std::string::npos) << "60 openings do not fit on one page";
    const HttpResult older = server_.Get(older_link, eva);
    ASSERT_EQ(older.status, 200);
    const std::size_t older_rows = LogRows(older.body);
    EXPECT_GE(older_rows, 10U);
    EXPECT_LT(older_rows, 50U);
    EXPECT_EQ(OlderLink(older.body), "") << "the oldest page has nothing behind it";
    EXPECT_NE(older.body.find("Till de senaste öppnandena"), std::string::npos);

    // One more opening moves exactly one row from the first page to the next: nothing is skipped.
    ASSERT_EQ(server_.Get(plan_, Session("anna")).status, 200);
    const HttpResult again = server_.Get(log, eva);
    EXPECT_EQ(LogRows(again.body), 50U);
    EXPECT_EQ(LogRows(server_.Get(OlderLink(again.body), eva).body), older_rows + 1);
}

TEST_F(FamilyTest, AnAccessLogPageThatDoesNotExistIsAClearMessage) {
    StartPlan();
    ASSERT_EQ(server_.Get(plan_, Session("anna")).status, 200);
    const std::string& eva = Guardian("1", "eva.berg");
    const std::string log = "/familj/barn/" + ChildId() + "/vem-har-oppnat";
    const HttpResult garbled = server_.Get(log + "?fore=abc", eva);
    EXPECT_EQ(garbled.status, 400);
    EXPECT_NE(garbled.body.find("Den sidan av loggen finns inte"), std::string::npos);
    EXPECT_EQ(server_.Get(log + "?fore=-5", eva).status, 400);
    const HttpResult before_everything = server_.Get(log + "?fore=1", eva);
    EXPECT_EQ(before_everything.status, 200);
    EXPECT_NE(before_everything.body.find("Det finns inga äldre öppnanden."), std::string::npos);
    EXPECT_NE(before_everything.body.find("Till de senaste öppnandena"), std::string::npos);
}

TEST_F(FamilyTest, FamilyPagesSpeakArabicRightToLeftAndAnUnknownLanguageIsAClearError) {
    StartPlan();
    const std::string& eva = Guardian("1", "eva.berg");
    const HttpResult chosen = server_.Get("/sprak/ar?tillbaka=/familj", eva);
    EXPECT_EQ(chosen.status, 303);
    EXPECT_EQ(chosen.CookieValue("kb_lang"), "ar");
    const HttpResult arabic = server_.Get("/familj/barn/" + ChildId(), eva + "; kb_lang=ar");
    ASSERT_EQ(arabic.status, 200);
    EXPECT_NE(arabic.body.find("<html lang=\"ar\" dir=\"rtl\""), std::string::npos);
    EXPECT_NE(arabic.body.find("من يفعل ماذا ومتى"), std::string::npos);
    // Staff pages have no Arabic yet: Swedish, never raw keys.
    const HttpResult staff = server_.Get(plan_, Session("anna") + "; kb_lang=ar");
    EXPECT_NE(staff.body.find("<html lang=\"sv\""), std::string::npos);

    const HttpResult unknown = server_.Get("/sprak/xx", eva + "; kb_lang=en");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_NE(unknown.body.find("That language is not available"), std::string::npos);
    // The choice is remembered on the account, for the next login on any device.
    auto uow = server_.Store().Begin(store::TransactionMode::kRead);
    ASSERT_TRUE(uow);
    const auto account = (*uow)->Users().FindByUsername("eva.berg");
    ASSERT_TRUE(account && *account);
    EXPECT_EQ((*account)->user.preferred_language, "ar");
}

TEST_F(FamilyTest, ThePlanPdfCarriesTheGoalsInSwedishAndArabicAndIsAudited) {
    StartPlan();
    AddGoal();
    const std::string& eva = Guardian("1", "eva.berg");
    const std::string child = ChildId();
    const HttpResult swedish = server_.Get("/familj/barn/" + child + "/plan.pdf", eva);
    ASSERT_EQ(swedish.status, 200);
    EXPECT_EQ(swedish.Header("content-type"), "application/pdf");
    const std::string sv_text = TextOfPdf(swedish.body);
    EXPECT_NE(sv_text.find("En vän på rasten"), std::string::npos) << sv_text;
    EXPECT_NE(sv_text.find("Barnets plan för Maja Berg"), std::string::npos) << sv_text;

    const HttpResult arabic = server_.Get("/familj/barn/" + child + "/plan.pdf", eva + "; kb_lang=ar");
    ASSERT_EQ(arabic.status, 200);
    const std::string ar_text = TextOfPdf(arabic.body);
    EXPECT_NE(ar_text.find("ما نعمل عليه"), std::string::npos) << ar_text;
    EXPECT_NE(ar_text.find("En vän på rasten"), std::string::npos) << "the goal itself as written";

    int exports = 0;
    for (const auto& row : server_.AuditRowsSinceSetup()) {
        if (row.event.action == "export_pdf" && row.event.outcome == domain::AuditOutcome::kAllowed) ++exports;
    }
    EXPECT_EQ(exports, 2);
    // The keepers' working document names the child by personal number and lists the consents in
    // force, by whom and until when.
    ASSERT_EQ(RecordConsent().status, 303);
    const HttpResult staff = server_.Get("/planer/" + plan_.substr(8) + "/plan.pdf", Session("anna"));
    EXPECT_EQ(staff.status, 200);
    const std::string staff_text = TextOfPdf(staff.body);
    EXPECT_NE(staff_text.find("Personnummer: "), std::string::npos) << staff_text;
    const auto consents = staff_text.find("Samtycken som gäller");
    ASSERT_NE(consents, std::string::npos) << staff_text;
    EXPECT_NE(staff_text.find("Socialtjänsten Växjö", consents), std::string::npos);
    EXPECT_NE(staff_text.find("30 juni 2027", consents), std::string::npos) << "until when, in words";
    EXPECT_EQ(sv_text.find("Samtycken som gäller"), std::string::npos) << "not in the family's plain-language PDF";
}

}  // namespace
}  // namespace kronobarn::testing
