// The second factor at local sign-in, over real HTTP on both engines: a principal (whose role the
// server requires it of) sets up an authenticator app at the first sign-in, then gives a code each
// time; a code works once, a recovery code works once, wrong codes are throttled like passwords,
// and the half-done sign-in opens no page.
#include <gtest/gtest.h>

#include <regex>

#include "app/user_admin.hpp"
#include "common/crypto.hpp"
#include "common/totp.hpp"
#include "integration/test_server.hpp"

namespace kronobarn::testing {
namespace {

TestServerOptions PrincipalsNeedASecondFactor() {
    TestServerOptions options;
    options.second_factor_roles = {domain::Role::kPrincipal};
    return options;
}

class SecondFactorTest : public ::testing::Test {
  protected:
    SecondFactorTest() : server_(std::make_shared<TestDatabase>(), PrincipalsNeedASecondFactor()) {}

    struct Step {
        int status = 0;
        std::string location;
        std::string cookie;  // "kb_login_step=…", empty when the password alone signed in
        std::string session;
    };

    Step Password(const std::string& username) {
        const HttpResult form = server_.Get("/logga-in");
        const HttpResult result = server_.PostForm(
            "/logga-in",
            "csrf_token=" + ExtractCsrfToken(form.body) + "&username=" + username + "&password=" + UrlEncode(kPassword),
            "kb_login_csrf=" + form.CookieValue("kb_login_csrf"));
        const std::string step = result.CookieValue("kb_login_step");
        return {result.status, result.Header("location"), step.empty() ? "" : "kb_login_step=" + step,
                result.CookieValue("kb_session")};
    }

    // Opens `path` in the sign-in's step, then posts `code` from the form it showed.
    HttpResult PostCode(const std::string& path, const std::string& step_cookie, const std::string& code) {
        const HttpResult form = server_.Get(path, step_cookie);
        EXPECT_EQ(form.status, 200) << path;
        return server_.PostForm(path, "csrf_token=" + ExtractCsrfToken(form.body) + "&code=" + UrlEncode(code),
                                step_cookie + "; kb_login_csrf=" + form.CookieValue("kb_login_csrf"));
    }

    static std::string SecretOn(const std::string& page) {
        std::smatch match;
        if (!std::regex_search(page, match, std::regex("<code class=\"kb-secret\"[^>]*>([A-Z2-7 ]+)</code>"))) {
            return {};
        }
        std::string secret = match[1];
        std::erase(secret, ' ');
        return secret;
    }

    static std::vector<std::string> RecoveryCodesOn(const std::string& page) {
        std::vector<std::string> codes;
        const std::regex code("<li><code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code></li>");
        for (auto it = std::sregex_iterator(page.begin(), page.end(), code); it != std::sregex_iterator(); ++it) {
            codes.push_back((*it)[1]);
        }
        return codes;
    }

    // Anna sets up her app; returns its secret and her recovery codes.
    std::pair<std::string, std::vector<std::string>> EnrolAnna() {
        const Step step = Password("anna");
        const std::string secret = SecretOn(server_.Get("/logga-in/aktivera-app", step.cookie).body);
        const HttpResult done = PostCode("/logga-in/aktivera-app", step.cookie, totp::CodeAt(secret, Now()));
        EXPECT_EQ(done.status, 200);
        server_.Clock().Advance(std::chrono::seconds(totp::kStepSeconds));  // the next code is a new one
        return {secret, RecoveryCodesOn(done.body)};
    }

    Timestamp Now() { return server_.Clock().Now(); }

    std::vector<std::string> LoginAuditRows() {
        std::vector<std::string> rows;
        for (const auto& row : server_.AuditRowsSinceSetup()) {
            const auto& event = row.event;
            if (event.legal_basis == "authentication") rows.push_back(event.action + " " + event.object_id);
        }
        return rows;
    }

    TestServer server_;
};

TEST_F(SecondFactorTest, APrincipalSetsUpTheAppAtTheFirstSignInAndThenGivesACodeEachTime) {
    const Step step = Password("anna");
    EXPECT_EQ(step.status, 303);
    EXPECT_EQ(step.location, "/logga-in/aktivera-app");
    ASSERT_FALSE(step.cookie.empty());
    EXPECT_TRUE(step.session.empty()) << "no session before the second step";
    const std::string token = step.cookie.substr(step.cookie.find('=') + 1);
    for (const std::string& cookie : {step.cookie, "kb_session=" + token}) {
        const HttpResult start = server_.Get("/start", cookie);
        EXPECT_EQ(start.status, 303) << "a half-done sign-in opens no page: " << cookie;
        EXPECT_EQ(start.Header("location").rfind("/logga-in", 0), 0U);
    }
    EXPECT_EQ(server_.Get("/logga-in/kod", step.cookie).Header("location"), "/logga-in/aktivera-app");

    const HttpResult page = server_.Get("/logga-in/aktivera-app", step.cookie);
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.Header("cache-control"), "no-store");
    EXPECT_NE(page.body.find("<svg class=\"kb-qr\""), std::string::npos) << "the QR code";
    const std::string secret = SecretOn(page.body);
    ASSERT_EQ(secret.size(), 32U) << "20 random bytes, base32, shown as text too";
    EXPECT_EQ(SecretOn(server_.Get("/logga-in/aktivera-app", step.cookie).body), secret) << "a reload keeps it";

    const HttpResult wrong = PostCode("/logga-in/aktivera-app", step.cookie, "000000");
    EXPECT_EQ(wrong.status, 400);
    EXPECT_NE(wrong.body.find("kb-error-summary"), std::string::npos);
    EXPECT_NE(wrong.body.find("aria-invalid=\"true\""), std::string::npos);
    EXPECT_NE(wrong.body.find("Koden stämmer inte"), std::string::npos);
    EXPECT_TRUE(wrong.CookieValue("kb_session").empty());
    EXPECT_EQ(SecretOn(wrong.body), secret);

    const HttpResult done = PostCode("/logga-in/aktivera-app", step.cookie, totp::CodeAt(secret, Now()));
    ASSERT_EQ(done.status, 200);
    EXPECT_EQ(done.Header("cache-control"), "no-store");
    const std::vector<std::string> codes = RecoveryCodesOn(done.body);
    EXPECT_EQ(codes.size(), 10U);
    const std::string session = "kb_session=" + done.CookieValue("kb_session");
    EXPECT_EQ(server_.Get("/start", session).status, 200);
    EXPECT_EQ(server_.Get("/logga-in/kod", step.cookie).Header("location"), "/logga-in?orsak=steg")
        << "the step is used up";

    // Next time: the code page, and the code just used does not work twice.
    const Step again = Password("anna");
    EXPECT_EQ(again.location, "/logga-in/kod");
    EXPECT_EQ(PostCode("/logga-in/kod", again.cookie, totp::CodeAt(secret, Now())).status, 400) << "a code works once";
    server_.Clock().Advance(std::chrono::seconds(totp::kStepSeconds));
    const HttpResult signed_in = PostCode("/logga-in/kod", again.cookie, totp::CodeAt(secret, Now()));
    EXPECT_EQ(signed_in.status, 303);
    EXPECT_EQ(signed_in.Header("location"), "/start");
    EXPECT_EQ(server_.Get("/start", "kb_session=" + signed_in.CookieValue("kb_session")).status, 200);

    EXPECT_EQ(LoginAuditRows(), (std::vector<std::string>{"login_step password", "login_failed second_factor",
                                                          "enrol totp", "login password+totp", "login_step password",
                                                          "login_failed second_factor", "login password+totp"}));
}

TEST_F(SecondFactorTest, ARecoveryCodeSignsInOnceWhateverWayItIsTyped) {
    const auto [secret, codes] = EnrolAnna();
    ASSERT_EQ(codes.size(), 10U);
    std::string typed = codes[3];
    std::erase(typed, '-');
    for (char& c : typed) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const HttpResult first = PostCode("/logga-in/kod", Password("anna").cookie, typed);
    EXPECT_EQ(first.status, 303);
    EXPECT_FALSE(first.CookieValue("kb_session").empty());
    EXPECT_EQ(PostCode("/logga-in/kod", Password("anna").cookie, codes[3]).status, 400) << "used";
    EXPECT_EQ(PostCode("/logga-in/kod", Password("anna").cookie, codes[4]).status, 303) << "another one works";
    const auto rows = LoginAuditRows();
    EXPECT_EQ(std::count(rows.begin(), rows.end(), "login password+recovery_code"), 2);
}

TEST_F(SecondFactorTest, WrongCodesAreThrottledLikePasswordsAndAStepDoesNotOutliveTenMinutes) {
    const auto [secret, codes] = EnrolAnna();
    const Step step = Password("anna");
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(PostCode("/logga-in/kod", step.cookie, "12345" + std::to_string(i)).status, 400);
    const HttpResult throttled = PostCode("/logga-in/kod", step.cookie, totp::CodeAt(secret, Now()));
    EXPECT_EQ(throttled.status, 429) << "even the right code waits";
    EXPECT_NE(throttled.body.find("För många misslyckade"), std::string::npos);
    EXPECT_TRUE(throttled.CookieValue("kb_session").empty());
    server_.Clock().Advance(std::chrono::seconds(3));
    EXPECT_EQ(PostCode("/logga-in/kod", step.cookie, totp::CodeAt(secret, Now())).status, 303);

    const Step stale = Password("anna");
    server_.Clock().Advance(std::chrono::minutes(11));
    EXPECT_EQ(server_.Get("/logga-in/kod", stale.cookie).Header("location"), "/logga-in?orsak=steg");
    const HttpResult notice = server_.Get("/logga-in?orsak=steg");
    EXPECT_NE(notice.body.find("Logga in igen"), std::string::npos);
}

TEST_F(SecondFactorTest, OnlyTheRolesTheCountyNamesNeedIt) {
    const Step frida = Password("frida");  // a teacher: not on this server's list
    EXPECT_EQ(frida.status, 303);
    EXPECT_EQ(frida.location, "/start");
    EXPECT_FALSE(frida.session.empty());
    EXPECT_TRUE(frida.cookie.empty());
}

TEST_F(SecondFactorTest, ClosingTheAccountEndsASignInWaitingForItsCode) {
    const auto [secret, codes] = EnrolAnna();
    const Step step = Password("anna");
    {  // what closing an account does (UserAdmin, StaffSync): disabled, every session ended
        auto uow = std::move(server_.Store().Begin(store::TransactionMode::kWrite)).value();
        const auto anna = uow->Users().FindByUsername("anna").value();
        ASSERT_TRUE(uow->Users().SetDisabled(anna->user.id, true).has_value());
        ASSERT_TRUE(uow->Sessions().DeleteAllOf(anna->user.id).has_value());
        ASSERT_TRUE(uow->Commit().has_value());
    }
    const HttpResult form = server_.Get("/logga-in/kod", step.cookie);
    EXPECT_EQ(form.Header("location"), "/logga-in?orsak=steg");
}

TEST_F(SecondFactorTest, TheOrganisationsAdministratorResetsALostPhoneOnTheStaffPage) {
    const auto [secret, codes] = EnrolAnna();
    const HttpResult signed_in = PostCode("/logga-in/kod", Password("anna").cookie, totp::CodeAt(secret, Now()));
    const std::string session = "kb_session=" + signed_in.CookieValue("kb_session");
    const std::string& adam = server_.SessionOf("adam");  // system administrator, Växjö
    const HttpResult page = server_.Get("/admin/personal", adam);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Nollställ tvåstegsverifieringen för Anna Rektor"), std::string::npos);
    EXPECT_EQ(page.body.find("Nollställ tvåstegsverifieringen för Frida"), std::string::npos) << "only who has one";
    std::smatch anna_id;
    ASSERT_TRUE(std::regex_search(page.body, anna_id,
                                  std::regex("action=\"/admin/personal/tvastegsverifiering\"[\\s\\S]*?name=\"user_id\" "
                                             "value=\"(\\d+)\"")));
    const HttpResult reset = server_.PostForm("/admin/personal/tvastegsverifiering",
                                              server_.CsrfField("adam") + "&user_id=" + std::string(anna_id[1]), adam);
    EXPECT_EQ(reset.status, 303);
    EXPECT_NE(server_.Get(reset.Header("location"), adam).body.find("Tvåstegsverifieringen är nollställd"),
              std::string::npos);
    EXPECT_EQ(server_.Get("/start", session).status, 303) << "signed out";
    EXPECT_EQ(Password("anna").location, "/logga-in/aktivera-app");
    const HttpResult again = server_.PostForm("/admin/personal/tvastegsverifiering",
                                              server_.CsrfField("adam") + "&user_id=" + std::string(anna_id[1]), adam);
    EXPECT_EQ(again.status, 422) << "nothing left to reset";
    // The county's administrator is no organisation's: refused.
    const HttpResult other = server_.PostForm("/admin/personal/tvastegsverifiering",
                                              server_.CsrfField("linnea") + "&user_id=" + std::string(anna_id[1]),
                                              server_.SessionOf("linnea"));
    EXPECT_EQ(other.status, 404) << "refused like anything it may not see";
}

TEST_F(SecondFactorTest, AnAdministratorsResetOfALostPhoneEndsTheSessionsAndTheNextSignInSetsUpANewApp) {
    const auto [secret, codes] = EnrolAnna();
    const HttpResult signed_in = PostCode("/logga-in/kod", Password("anna").cookie, totp::CodeAt(secret, Now()));
    const std::string session = "kb_session=" + signed_in.CookieValue("kb_session");
    ASSERT_EQ(server_.Get("/start", session).status, 200);
    app::UserAdmin admin(server_.Store(), server_.Clock(), crypto::PasswordStrength::kInteractive);
    ASSERT_TRUE(admin.ResetSecondFactor("Anna", {"reset-1", "127.0.0.1"}).has_value());
    EXPECT_EQ(server_.Get("/start", session).status, 303) << "signed out everywhere";
    EXPECT_EQ(Password("anna").location, "/logga-in/aktivera-app");
    EXPECT_EQ(admin.ResetSecondFactor("frida", {"reset-2", "127.0.0.1"}).error().code, ErrorCode::kFailedPrecondition);
    const auto rows = server_.AuditRowsSinceSetup();
    EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const store::AuditRow& row) {
        return row.event.action == "second_factor_reset" && row.event.request_id == "reset-1";
    }));
}

}  // namespace
}  // namespace kronobarn::testing
