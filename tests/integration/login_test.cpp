// Login, sessions, throttling, CSRF and logout over real HTTP against a real SQLite database.
#include <gtest/gtest.h>

#include "integration/test_server.hpp"

namespace kronobarn::testing {
namespace {

class LoginTest : public ::testing::Test {
  protected:
    TestServer server_;
};

TEST_F(LoginTest, RightPasswordRedirectsToStartWithHardenedSessionCookie) {
    const HttpResult form = server_.Get("/logga-in");
    ASSERT_EQ(form.status, 200);
    const HttpResult result = server_.PostForm(
        "/logga-in", "csrf_token=" + ExtractCsrfToken(form.body) + "&username=anna&password=" + UrlEncode(kPassword),
        "kb_login_csrf=" + form.CookieValue("kb_login_csrf"));
    EXPECT_EQ(result.status, 303);
    EXPECT_EQ(result.Header("location"), "/start");
    std::string session_cookie;
    for (const auto& cookie : result.SetCookies()) {
        if (cookie.rfind("kb_session=", 0) == 0) session_cookie = cookie;
    }
    ASSERT_FALSE(session_cookie.empty());
    EXPECT_NE(session_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(session_cookie.find("SameSite=Strict"), std::string::npos);
    EXPECT_GE(result.CookieValue("kb_session").size(), 43u) << "256-bit token";

    const HttpResult start = server_.Get("/start", "kb_session=" + result.CookieValue("kb_session"));
    EXPECT_EQ(start.status, 200);
    EXPECT_NE(start.body.find("Välkommen, Anna Rektor"), std::string::npos);
    EXPECT_NE(start.body.find("Rektor – Växjö Centralskola"), std::string::npos);
}

TEST_F(LoginTest, WrongPasswordShowsGenericSwedishMessageAndKeepsUsername) {
    int status = 0;
    EXPECT_TRUE(server_.Login("anna", "fel-lösenord-999", &status).empty());
    EXPECT_EQ(status, 401);
    const HttpResult form = server_.Get("/logga-in");
    const HttpResult result = server_.PostForm(
        "/logga-in", "csrf_token=" + ExtractCsrfToken(form.body) + "&username=anna&password=wrong-password",
        "kb_login_csrf=" + form.CookieValue("kb_login_csrf"));
    EXPECT_NE(result.body.find("Inloggningen misslyckades"), std::string::npos);
    EXPECT_NE(result.body.find("value=\"anna\""), std::string::npos) << "the username must be kept";
    EXPECT_EQ(result.body.find("wrong-password"), std::string::npos) << "the password must never be echoed";
}

TEST_F(LoginTest, UnknownAccountGetsTheSameAnswerAsAWrongPassword) {
    int unknown_status = 0, wrong_status = 0;
    server_.Login("nobody", "whatever-password", &unknown_status);
    server_.Login("anna", "whatever-password", &wrong_status);
    EXPECT_EQ(unknown_status, wrong_status);
}

TEST_F(LoginTest, ThrottledAfterFiveFailuresEvenWithTheRightPasswordThenAllowedAfterTheDelay) {
    for (int i = 0; i < 5; ++i) server_.Login("anna", "wrong-password-" + std::to_string(i));
    int status = 0;
    EXPECT_TRUE(server_.Login("anna", kPassword, &status).empty());
    EXPECT_EQ(status, 429);
    server_.Clock().Advance(std::chrono::seconds(3));
    EXPECT_FALSE(server_.Login("anna", kPassword, &status).empty()) << "status " << status;
}

TEST_F(LoginTest, ThrottleMessageDoesNotRevealWhetherTheAccountExists) {
    for (int i = 0; i < 5; ++i) server_.Login("nobody", "wrong-password");
    const HttpResult form = server_.Get("/logga-in");
    const HttpResult result =
        server_.PostForm("/logga-in", "csrf_token=" + ExtractCsrfToken(form.body) + "&username=nobody&password=x",
                         "kb_login_csrf=" + form.CookieValue("kb_login_csrf"));
    EXPECT_EQ(result.status, 429);
    EXPECT_NE(result.body.find("För många misslyckade inloggningsförsök"), std::string::npos);
}

TEST_F(LoginTest, LoginWithoutTheCsrfCookieIsRejected) {
    const HttpResult form = server_.Get("/logga-in");
    const HttpResult result = server_.PostForm(
        "/logga-in", "csrf_token=" + ExtractCsrfToken(form.body) + "&username=anna&password=" + UrlEncode(kPassword),
        "");
    EXPECT_EQ(result.status, 403);
    EXPECT_TRUE(result.CookieValue("kb_session").empty());
}

TEST_F(LoginTest, LogoutWithWrongCsrfTokenIsRejectedAndSessionSurvives) {
    const std::string cookie = server_.Login("anna", kPassword);
    ASSERT_FALSE(cookie.empty());
    EXPECT_EQ(server_.PostForm("/logga-ut", "csrf_token=forged", cookie).status, 403);
    EXPECT_EQ(server_.PostForm("/logga-ut", "", cookie).status, 403);
    EXPECT_EQ(server_.Get("/start", cookie).status, 200);
}

TEST_F(LoginTest, LogoutEndsTheSessionOnTheServer) {
    const std::string cookie = server_.Login("anna", kPassword);
    const HttpResult logout = server_.PostForm("/logga-ut", "csrf_token=" + server_.CsrfTokenFor(cookie), cookie);
    EXPECT_EQ(logout.status, 303);
    EXPECT_EQ(logout.Header("location"), "/logga-in");
    const HttpResult after = server_.Get("/start", cookie);  // replaying the old cookie
    EXPECT_EQ(after.status, 303);
    EXPECT_EQ(after.Header("location"), "/logga-in");
}

TEST_F(LoginTest, SessionExpiresAfterThirtyIdleMinutesWithAClearMessage) {
    const std::string cookie = server_.Login("anna", kPassword);
    server_.Clock().Advance(std::chrono::minutes(29));
    EXPECT_EQ(server_.Get("/start", cookie).status, 200) << "a request within the idle limit keeps the session";
    server_.Clock().Advance(std::chrono::minutes(31));
    const HttpResult expired = server_.Get("/start", cookie);
    EXPECT_EQ(expired.status, 303);
    EXPECT_EQ(expired.Header("location"), "/logga-in?orsak=utloggad");
    EXPECT_NE(server_.Get("/logga-in?orsak=utloggad").body.find("Du har loggats ut"), std::string::npos);
}

TEST_F(LoginTest, SessionEndsAtTheAbsoluteLimitEvenWhenActive) {
    const std::string cookie = server_.Login("anna", kPassword);
    for (int i = 0; i < 21; ++i) {
        server_.Clock().Advance(std::chrono::minutes(29));
        server_.Get("/start", cookie);
    }
    EXPECT_EQ(server_.Get("/start", cookie).status, 303);  // 10 h 9 min after login
}

TEST_F(LoginTest, ApiAnswers401JsonWithoutSession) {
    const HttpResult result = server_.Get("/api/v1/me");
    EXPECT_EQ(result.status, 401);
    EXPECT_EQ(result.Header("content-type"), "application/json");
    EXPECT_NE(result.body.find("\"code\":\"session.missing\""), std::string::npos);
    const std::string cookie = server_.Login("anna", kPassword);
    const HttpResult me = server_.Get("/api/v1/me", cookie);
    EXPECT_EQ(me.status, 200);
    EXPECT_NE(me.body.find("\"username\":\"anna\""), std::string::npos);
}

TEST_F(LoginTest, DisplayNameWithMarkupIsRenderedEscaped) {
    const std::string cookie = server_.Login("bertil", kPassword);
    const HttpResult start = server_.Get("/start", cookie);
    EXPECT_NE(start.body.find("Bertil &lt;b&gt;Kurator&lt;/b&gt;"), std::string::npos);
    EXPECT_EQ(start.body.find("<b>Kurator"), std::string::npos);
}

}  // namespace
}  // namespace kronobarn::testing
