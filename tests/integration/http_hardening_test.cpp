// The server under hostile or broken input: limits, malformed requests, content types, headers,
// static assets, and a bounded random-input (fuzz-style) property test under the sanitizers.
#include <gtest/gtest.h>

#include <random>

#include "integration/test_server.hpp"

namespace kronobarn::testing {
namespace {

class HttpHardeningTest : public ::testing::Test {
  protected:
    TestServer server_;
};

void ExpectSecurityHeaders(const HttpResult& result, bool no_store = true) {
    EXPECT_NE(result.Header("content-security-policy").find("script-src 'self'"), std::string::npos);
    EXPECT_NE(result.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(result.Header("content-security-policy").find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(result.Header("x-content-type-options"), "nosniff");
    EXPECT_EQ(result.Header("referrer-policy"), "no-referrer");
    if (no_store) {
        EXPECT_EQ(result.Header("cache-control"), "no-store");
    }
    EXPECT_FALSE(result.Header("x-request-id").empty());
}

TEST_F(HttpHardeningTest, SecurityHeadersOnPagesErrorsAndRedirects) {
    ExpectSecurityHeaders(server_.Get("/logga-in"));
    ExpectSecurityHeaders(server_.Get("/finns-inte"));
    ExpectSecurityHeaders(server_.Get("/start"));
    const std::string cookie = server_.Login("anna", kPassword);
    ExpectSecurityHeaders(server_.Get("/start", cookie));
}

TEST_F(HttpHardeningTest, UnknownRouteGetsSwedish404PageWithRequestId) {
    const HttpResult result = server_.Get("/barn/123/plan");
    EXPECT_EQ(result.status, 404);
    EXPECT_NE(result.body.find("Sidan hittades inte"), std::string::npos);
    EXPECT_NE(result.body.find(result.Header("x-request-id")), std::string::npos);
    EXPECT_NE(result.body.find("lang=\"sv\""), std::string::npos);
}

TEST_F(HttpHardeningTest, LanguageSwitchIsRememberedAndOnlyRedirectsLocally) {
    const HttpResult switched = server_.Get("/sprak/en?tillbaka=/logga-in");
    EXPECT_EQ(switched.status, 303);
    EXPECT_EQ(switched.Header("location"), "/logga-in");
    EXPECT_EQ(switched.CookieValue("kb_lang"), "en");
    EXPECT_NE(server_.Get("/logga-in", "kb_lang=en").body.find("Log in to Kronobarn"), std::string::npos);
    EXPECT_EQ(server_.Get("/sprak/en?tillbaka=//evil.example/").Header("location"), "/");
}

TEST_F(HttpHardeningTest, WrongMethodGets405) { EXPECT_EQ(server_.Send({"DELETE", "/logga-in", {}, ""}).status, 405); }

TEST_F(HttpHardeningTest, OversizedBodyGets413AndNothingIsProcessed) {
    const HttpResult result = server_.PostForm("/logga-in", "username=" + std::string(100 * 1024, 'a'), "");
    EXPECT_EQ(result.status, 413);
    EXPECT_NE(result.body.find("för stort"), std::string::npos);
}

TEST_F(HttpHardeningTest, OversizedHeadersGet431) {
    const HttpResult result = server_.Send({"GET", "/logga-in", {{"X-Padding", std::string(16 * 1024, 'x')}}, ""});
    EXPECT_EQ(result.status, 431);
}

TEST_F(HttpHardeningTest, WrongContentTypeGets415) {
    const std::string cookie = server_.Login("anna", kPassword);
    const HttpResult result =
        server_.Send({"POST", "/logga-ut", {{"Content-Type", "application/json"}, {"Cookie", cookie}}, "{}"});
    EXPECT_EQ(result.status, 415);
    EXPECT_EQ(server_.Get("/start", cookie).status, 200) << "the rejected request must not log out";
}

TEST_F(HttpHardeningTest, InvalidUtf8InFormGetsClearMessage) {
    const HttpResult form = server_.Get("/logga-in");
    const HttpResult result =
        server_.PostForm("/logga-in", "csrf_token=" + ExtractCsrfToken(form.body) + "&username=%FF%FE&password=x",
                         "kb_login_csrf=" + form.CookieValue("kb_login_csrf"));
    EXPECT_EQ(result.status, 400);
    EXPECT_NE(result.body.find("ogiltiga tecken"), std::string::npos);
}

TEST_F(HttpHardeningTest, MalformedRequestLineGets400AndServerKeepsServing) {
    const std::string response = server_.SendRaw("GARBAGE\r\n\r\n");
    EXPECT_NE(response.find("400"), std::string::npos);
    EXPECT_EQ(server_.Get("/healthz").status, 200);
}

TEST_F(HttpHardeningTest, StaticAssetHasEtagCachingAndGzip) {
    const HttpResult plain = server_.Get("/assets/kronobarn.css");
    ASSERT_EQ(plain.status, 200);
    EXPECT_EQ(plain.Header("content-type"), "text/css; charset=utf-8");
    EXPECT_EQ(plain.Header("cache-control"), "public, max-age=300");
    const std::string etag = plain.Header("etag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(server_.Send({"GET", "/assets/kronobarn.css", {{"If-None-Match", etag}}, ""}).status, 304);
    const HttpResult gzip = server_.Send({"GET", "/assets/kronobarn.css", {{"Accept-Encoding", "gzip"}}, ""});
    EXPECT_EQ(gzip.Header("content-encoding"), "gzip");
    EXPECT_LT(gzip.body.size(), plain.body.size());
    EXPECT_EQ(server_.Get("/assets/../kronobarn.db").status, 404);
    EXPECT_EQ(server_.Get("/assets/finns-inte.css").status, 404);
}

TEST_F(HttpHardeningTest, HeadAnswersWithoutBody) {
    const HttpResult result = server_.Send({"HEAD", "/healthz", {}, ""});
    EXPECT_EQ(result.status, 200);
    EXPECT_TRUE(result.body.empty());
}

// Property: whatever bytes arrive, the server answers or closes, never crashes (ASan/UBSan watch
// the parsing), and still serves the next client. Bounded: 300 inputs, fixed seed.
TEST_F(HttpHardeningTest, RandomAndMutatedRequestsNeverBreakTheServer) {
    std::mt19937_64 random(20261123);
    const std::vector<std::string> seeds = {
        "GET /logga-in HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /logga-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: 27\r\n\r\nusername=a%ZZ&password=%C3(",
        "GET /assets/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /logga-ut HTTP/1.1\r\nHost: x\r\nCookie: kb_session=\xff\xfe; a=b\r\nContent-Length: 0\r\n\r\n",
        "GET /sprak/%00?tillbaka=%0d%0aSet-Cookie:x HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /logga-in HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffff\r\nabc\r\n0\r\n\r\n",
    };
    for (int i = 0; i < 300; ++i) {
        std::string input = seeds[random() % seeds.size()];
        const int mutations = 1 + static_cast<int>(random() % 8);
        for (int m = 0; m < mutations && !input.empty(); ++m) {
            const std::size_t pos = random() % input.size();
            switch (random() % 3) {
                case 0:
                    input[pos] = static_cast<char>(random() % 256);
                    break;
                case 1:
                    input.insert(pos, 1, static_cast<char>(random() % 256));
                    break;
                default:
                    input.erase(pos, 1 + random() % 4);
                    break;
            }
        }
        const std::string response = server_.SendRaw(input);
        if (!response.empty()) {
            EXPECT_EQ(response.rfind("HTTP/1.1 ", 0), 0u) << "input " << i;
            EXPECT_EQ(response.find("HTTP/1.1 500"), std::string::npos) << "input " << i;
        }
    }
    EXPECT_EQ(server_.Get("/healthz").status, 200);
}

}  // namespace
}  // namespace kronobarn::testing
