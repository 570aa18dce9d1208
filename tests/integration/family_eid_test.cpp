// Families signing in with Swedish e-ID through an e-ID broker (the test provider's e-ID client,
// whose users with a twelve-digit login carry the personal identity number claim of Sweden Connect's
// OIDC profile): the holder records a guardian's personal number on the family page, and the guardian
// signs in directly, without an invitation link — into the account an invitation made, if one did.
// A child signs in from the login age. A number that opens nothing (no child, a restriction, too
// young) gets the same neutral page; a sign-in below LoA 3 is refused; each refusal is audited and
// opens no session.
#include <gtest/gtest.h>

#include "integration/plan_fixture.hpp"
#include "integration/test_provider.hpp"

namespace kronobarn::testing {
namespace {

std::string NumberBornOn(const std::string& yymmdd, const std::string& serial) {
    const std::string nine = yymmdd + serial;
    return "19" + nine + std::to_string(domain::LuhnCheckDigit(nine));
}

const std::string kEva = NumberBornOn("850412", "982");
const std::string kPer = NumberBornOn("830907", "971");
const std::string kStranger = NumberBornOn("790101", "963");

TestServerOptions WithEid() {
    TestServerOptions options;
    const std::string issuer = ProviderIssuer();
    options.sso_providers = {TestProviderClient("region", issuer), TestProviderClient("eid", issuer)};
    options.family_providers = {"eid"};
    options.family_acrs = {kLoa3};
    return options;
}

class FamilyEidTest : public PlanFixture {
  protected:
    FamilyEidTest() : PlanFixture(WithEid()) {
        // The provider stamps its tokens with the real time; the server checks them with its own.
        server_.Clock().Advance(
            std::chrono::duration_cast<std::chrono::milliseconds>(SystemClock().Now() - server_.Clock().Now()));
    }

    // The `which`-th guardian's id ("1", "2") on the holder's family page.
    std::string GuardianId(const std::string& which) { return Member(which); }

    HttpResult RecordNumber(const std::string& which, const std::string& number) {
        return server_.PostForm(
            "/barn/" + ChildId() + "/familj/personnummer",
            Csrf("anna") + "&guardian_id=" + GuardianId(which) + "&personal_number=" + UrlEncode(number),
            Session("anna"));
    }

    BrowserAgent::Reply SignInWithEid(BrowserAgent& agent, const std::string& number, const std::string& acr = kLoa3) {
        return SignInThrough(agent, server_.Port(), "eid", number, acr);
    }

    std::string Ours(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(server_.Port()) + path;
    }

    // "action object_id" of the sign-in rows and the rows e-ID linking wrote, in order.
    std::vector<std::string> EidRows() {
        std::vector<std::string> rows;
        for (const auto& row : server_.AuditRowsSinceSetup()) {
            const auto& e = row.event;
            if (e.object_id.rfind("oidc:", 0) == 0 || e.action.find("_by_eid") != std::string::npos) {
                rows.push_back(e.action + " " + (e.object_type == "session" ? e.object_id : e.object_type));
            }
        }
        return rows;
    }
};

TEST_F(FamilyEidTest, AGuardianWithARecordedNumberSignsInWithEidWithoutAnInvitation) {
    StartPlan();
    const std::string child = ChildId();
    ASSERT_EQ(RecordNumber("1", kEva.substr(2, 6) + "-" + kEva.substr(8)).status, 303) << "typed as YYMMDD-NNNN";
    const std::string page = server_.Get("/barn/" + child + "/familj", Session("anna")).body;
    EXPECT_NE(page.find(kEva.substr(0, 8) + "-" + kEva.substr(8)), std::string::npos) << "shown as recorded";
    EXPECT_NE(page.find("Inget personnummer registrerat"), std::string::npos) << "Per has none yet";

    BrowserAgent browser;
    const auto answer = SignInWithEid(browser, kEva);
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_NE(answer.body.find("content=\"0;url=/familj\""), std::string::npos) << "on to the family's own pages";
    const auto home = browser.Get(Ours("/familj"));
    ASSERT_EQ(home.status, 200);
    EXPECT_NE(home.body.find("Maja Berg"), std::string::npos);
    EXPECT_EQ(browser.Get(Ours("/familj/barn/" + child)).status, 200);
    EXPECT_EQ(browser.Get(Ours("/barn/" + child)).status, 404) << "a guardian, not staff";

    EXPECT_NE(server_.Get("/barn/" + child + "/familj", Session("anna")).body.find("Loggar in med e-legitimation"),
              std::string::npos)
        << "the holder sees how Eva signs in, not a pending invitation";
    // Signing in again finds the same account: nothing is made twice.
    BrowserAgent again;
    ASSERT_EQ(SignInWithEid(again, kEva).status, 200);
    EXPECT_EQ(again.Get(Ours("/familj/barn/" + child)).status, 200);
    EXPECT_EQ(EidRows(), (std::vector<std::string>{"create_by_eid account", "link_by_eid family_access",
                                                   std::string("login oidc:eid acr=") + kLoa3 + " amr=pwd",
                                                   std::string("login oidc:eid acr=") + kLoa3 + " amr=pwd"}));
}

TEST_F(FamilyEidTest, AGuardianWhoWasInvitedSignsInWithEidIntoTheSameAccount) {
    StartPlan();
    const std::string& per = Guardian("2", "per.berg");
    ASSERT_EQ(server_
                  .PostForm("/familj/barn/" + ChildId() + "/mina-ord",
                            Csrf("per.berg") + "&kind=guardian_view&text=" + UrlEncode("Skrivet med lösenord"), per)
                  .status,
              303);
    ASSERT_EQ(RecordNumber("2", kPer).status, 303);
    BrowserAgent browser;
    ASSERT_EQ(SignInWithEid(browser, kPer).status, 200);
    const auto plan = browser.Get(Ours("/familj/barn/" + ChildId()));
    ASSERT_EQ(plan.status, 200);
    EXPECT_NE(plan.body.find("Skrivet med lösenord"), std::string::npos);
    std::optional<domain::UserId> activated, signed_in;
    for (const auto& row : server_.AuditRowsSinceSetup()) {
        if (row.event.action == "activate") activated = row.event.user_id;
        if (row.event.action == "login" && row.event.object_id.rfind("oidc:eid", 0) == 0) signed_in = row.event.user_id;
    }
    ASSERT_TRUE(activated.has_value());
    EXPECT_EQ(signed_in, activated) << "the invited account, not a second one";
    EXPECT_EQ(EidRows(), (std::vector<std::string>{std::string("login oidc:eid acr=") + kLoa3 + " amr=pwd"}));
}

TEST_F(FamilyEidTest, AnInvitationNotYetUsedIsCompletedByAnEidSignIn) {
    StartPlan();
    const std::string link = Invite("1");
    ASSERT_FALSE(link.empty());
    ASSERT_EQ(RecordNumber("1", kEva).status, 303);
    BrowserAgent browser;
    ASSERT_EQ(SignInWithEid(browser, kEva).status, 200);
    EXPECT_EQ(server_.Get(link).status, 410) << "e-ID proved her: the link is no longer needed";
    const std::string page = server_.Get("/barn/" + ChildId() + "/familj", Session("anna")).body;
    EXPECT_NE(page.find("Loggar in med e-legitimation"), std::string::npos);
    EXPECT_EQ(page.find("Inbjuden, inte aktiverad"), std::string::npos);
    EXPECT_EQ(EidRows(), (std::vector<std::string>{"invitation_completed_by_eid account",
                                                   std::string("login oidc:eid acr=") + kLoa3 + " amr=pwd"}))
        << "the invitation's account, not a new one";
}

TEST_F(FamilyEidTest, ANumberThatOpensNothingAWeakSignInAndARestrictionGetNoSession) {
    StartPlan();
    ASSERT_EQ(RecordNumber("1", kEva).status, 303);
    ASSERT_EQ(RecordNumber("2", kPer).status, 303);
    ASSERT_EQ(server_
                  .PostForm("/barn/" + ChildId() + "/familj/begransning",
                            Csrf("anna") + "&guardian_id=" + GuardianId("2") +
                                "&restricted=1&reason=" + UrlEncode("Beslut om skydd enligt OSL 12:3"),
                            Session("anna"))
                  .status,
              303);

    BrowserAgent stranger, restricted, weak, staff_door;
    const auto nobody = SignInWithEid(stranger, kStranger);
    EXPECT_EQ(nobody.status, 401);
    EXPECT_NE(nobody.body.find("Vi har inget att visa dig i Kronobarn"), std::string::npos);
    const auto per = SignInWithEid(restricted, kPer);
    EXPECT_EQ(per.status, 401);
    EXPECT_EQ(AlertText(per.body), AlertText(nobody.body)) << "a restriction looks like no child at all";
    const auto loa2 = SignInWithEid(weak, kEva, kLoa2);
    EXPECT_EQ(loa2.status, 401);
    EXPECT_NE(loa2.body.find("BankID eller Freja eID+"), std::string::npos);
    const auto through_staff = SignInThrough(staff_door, server_.Port(), "region", kEva);
    EXPECT_EQ(through_staff.status, 401) << "a guardian never signs in through an organisation's provider";
    for (auto* agent : {&stranger, &restricted, &weak, &staff_door}) EXPECT_TRUE(agent->Cookie("kb_session").empty());
    EXPECT_EQ(EidRows(), (std::vector<std::string>{
                             "login_failed oidc:eid nothing_to_open", "login_failed oidc:eid nothing_to_open",
                             "login_failed oidc:eid acr_below_family_level", "login_failed oidc:region no_account"}));
}

TEST_F(FamilyEidTest, AChildSignsInToItsOwnPageFromTheLoginAgeAndAYoungerChildCannot) {
    StartPlan(FourteenYearOld());
    const std::string child = ChildId();
    BrowserAgent maja;
    ASSERT_EQ(SignInWithEid(maja, FourteenYearOld()).status, 200);
    EXPECT_EQ(maja.Get(Ours("/familj")).location, Ours("/familj/barn/" + child + "/barnets-sida"));
    EXPECT_EQ(maja.Get(Ours("/familj/barn/" + child + "/barnets-sida")).status, 200);

    BrowserAgent younger;
    EXPECT_EQ(SignInWithEid(younger, ElevenYearOld()).status, 401) << "eleven: below the login age (13)";
    EXPECT_TRUE(younger.Cookie("kb_session").empty());
}

TEST_F(FamilyEidTest, AMistypedNumberIsShownAtItsFormAndTheOtherGuardiansOrTheChildsNumberIsRefused) {
    StartPlan();
    const HttpResult typo = RecordNumber("1", "19850412-9821");
    EXPECT_EQ(typo.status, 400);
    EXPECT_NE(typo.body.find("kontrollsiffra"), std::string::npos);
    EXPECT_NE(typo.body.find("value=\"19850412-9821\""), std::string::npos) << "what was typed stays";
    EXPECT_NE(typo.body.find("aria-invalid=\"true\""), std::string::npos);
    EXPECT_NE(typo.body.find("<details class=\"kb-fold\" id=\"form-pnr-" + GuardianId("1") + "\" open"),
              std::string::npos);
    const HttpResult own = RecordNumber("1", ElevenYearOld());
    EXPECT_EQ(own.status, 400);
    EXPECT_NE(own.body.find("barnets eget personnummer"), std::string::npos);
    ASSERT_EQ(RecordNumber("1", kEva).status, 303);
    const HttpResult twice = RecordNumber("2", kEva);
    EXPECT_EQ(twice.status, 409);
    EXPECT_NE(twice.body.find("andra vårdnadshavare har redan"), std::string::npos);
    ASSERT_EQ(RecordNumber("1", "").status, 303) << "empty forgets it";
    BrowserAgent browser;
    EXPECT_EQ(SignInWithEid(browser, kEva).status, 401) << "forgotten: no longer signs in";
}

}  // namespace
}  // namespace kronobarn::testing
