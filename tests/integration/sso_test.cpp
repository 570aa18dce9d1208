// Single sign-on against a real OpenID Provider (npm oidc-provider, tests/oidc/provider.mjs, started
// by CTest as the "oidc" fixture): a staff member signs in through the provider and out of both;
// nobody gets an account by signing in; a replayed or foreign state, a code used twice, an assurance
// level below what the role needs, a provider that is down — each refused with a clear page, an
// audited failure and no session; a rotated signing key is fetched again (at most once a minute).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "common/crypto.hpp"
#include "common/totp.hpp"
#include "integration/test_server.hpp"
#include "support/browser_agent.hpp"

namespace kronobarn::testing {
namespace {

constexpr const char* kLoa2 = "http://id.elegnamnden.se/loa/1.0/loa2";
constexpr const char* kLoa3 = "http://id.elegnamnden.se/loa/1.0/loa3";
constexpr const char* kRedirectUri = "http://127.0.0.1/logga-in/sso/region/svar";

std::string ProviderIssuer() {
    std::ifstream state(KRONOBARN_TEST_OIDC_STATE);
    std::string issuer;
    std::getline(state, issuer);
    if (issuer.empty()) {
        throw std::runtime_error(std::string("no test identity provider: run through ctest (fixture oidc), or `node "
                                             "tests/oidc/provider.mjs start ") +
                                 KRONOBARN_TEST_OIDC_STATE + "`");
    }
    return issuer;
}

oidc::ProviderConfig Region(const std::string& issuer) {
    oidc::ProviderConfig config;
    config.name = "region";
    config.issuer = issuer;
    config.client_id = "kronobarn-staff";
    config.client_secret = "staff-client-secret-0123456789abcdef";
    config.claim = "preferred_username";
    config.redirect_uri = kRedirectUri;
    return config;
}

TestServerOptions WithRegion(std::vector<domain::Role> second_factor_roles = {}) {
    TestServerOptions options;
    const std::string issuer = ProviderIssuer();
    options.sso_providers.push_back(Region(issuer));
    oidc::ProviderConfig down = Region("http://127.0.0.1:1");
    down.name = "down";
    down.limits.connect_timeout = std::chrono::milliseconds(500);
    options.sso_providers.push_back(down);
    options.second_factor_roles = std::move(second_factor_roles);
    options.two_factor_acrs = {kLoa3};
    return options;
}

class SsoTest : public ::testing::Test {
  protected:
    explicit SsoTest(TestServerOptions options = WithRegion())
        : issuer_(ProviderIssuer()), server_(std::make_shared<TestDatabase>(), std::move(options)) {
        // The provider stamps its tokens with the real time; the server checks them with its own.
        server_.Clock().Advance(
            std::chrono::duration_cast<std::chrono::milliseconds>(SystemClock().Now() - server_.Clock().Now()));
    }

    std::string Ours(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(server_.Port()) + path;
    }

    // Through the provider's login page as `login` at `acr`, up to its answer to us (not yet delivered).
    std::string SignInAtProvider(BrowserAgent& agent, const std::string& authorization_url, const std::string& login,
                                 const std::string& acr = kLoa3) {
        auto reply = agent.Get(authorization_url);
        std::string hops_taken;
        for (int hops = 0; (reply.status == 303 || reply.status == 302) && hops < 8; ++hops) {
            if (reply.location.rfind(kRedirectUri, 0) == 0) return reply.location;
            const std::string at = reply.location;
            hops_taken += " → " + at;
            reply = agent.Get(at);
            if (reply.status == 200 && at.find("/interaction/") != std::string::npos) {
                reply = agent.PostForm(at + "/login", "login=" + UrlEncode(login) + "&acr=" + UrlEncode(acr));
                hops_taken += " (login: " + std::to_string(reply.status) + ")";
            }
        }
        ADD_FAILURE() << "the provider did not answer with a redirect to us:" << hops_taken << "; last " << reply.status
                      << " " << reply.body.substr(0, 300);
        return "http://127.0.0.1/";
    }

    // Our callback URL as the provider gave it, on this server's port.
    std::string Delivered(const std::string& answer) const {
        return Ours(answer.substr(std::string("http://127.0.0.1").size()));
    }

    BrowserAgent::Reply SignIn(BrowserAgent& agent, const std::string& login, const std::string& acr = kLoa3) {
        const auto start = agent.Get(Ours("/logga-in/sso/region"));
        EXPECT_EQ(start.status, 303);
        EXPECT_EQ(start.location.rfind(issuer_ + "/auth?", 0), 0U) << start.location;
        return agent.Get(Delivered(SignInAtProvider(agent, start.location, login, acr)));
    }

    std::vector<std::string> SsoAuditRows() {
        std::vector<std::string> rows;
        for (const auto& row : server_.AuditRowsSinceSetup()) {
            if (row.event.object_id.rfind("oidc:", 0) == 0)
                rows.push_back(row.event.action + " " + row.event.object_id);
        }
        return rows;
    }

    std::string issuer_;
    TestServer server_;
};

TEST_F(SsoTest, AStaffMemberSignsInThroughTheProviderAndSigningOutEndsBothSessions) {
    BrowserAgent browser;
    const auto answer = SignIn(browser, "anna");
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_NE(answer.body.find("<meta http-equiv=\"refresh\" content=\"0;url=/start\">"), std::string::npos)
        << "moves on by itself, a same-site navigation that carries the session cookie";
    ASSERT_FALSE(browser.Cookie("kb_session").empty());
    const auto start = browser.Get(Ours("/start"));
    EXPECT_EQ(start.status, 200);
    EXPECT_NE(start.body.find("Välkommen, Anna Rektor"), std::string::npos);
    EXPECT_EQ(SsoAuditRows(), (std::vector<std::string>{std::string("login oidc:region acr=") + kLoa3}));

    const auto out = browser.PostForm(Ours("/logga-ut"), "csrf_token=" + ExtractCsrfToken(start.body));
    EXPECT_EQ(out.status, 200) << "a page of ours goes on to the provider (a form's redirect would meet our CSP)";
    std::smatch onward;
    ASSERT_TRUE(std::regex_search(out.body, onward, std::regex("content=\"0;url=([^\"]+)\"")));
    const std::string end_session = std::regex_replace(std::string(onward[1]), std::regex("&amp;"), "&");
    EXPECT_EQ(end_session.rfind(issuer_ + "/session/end?client_id=kronobarn-staff", 0), 0U) << end_session;
    EXPECT_EQ(browser.Get(Ours("/start")).status, 303) << "our session is over";
    // The provider asks to confirm signing out there too; confirmed, its session is over as well.
    const auto confirm = browser.Get(end_session);
    std::smatch form;
    ASSERT_TRUE(std::regex_search(confirm.body, form,
                                  std::regex("action=\"([^\"]+)\"[\\s\\S]*?name=\"xsrf\" value=\"([^\"]+)\"")))
        << confirm.body;
    const std::string action = form[1];
    const auto ended = browser.PostForm(action.rfind("http", 0) == 0 ? action : issuer_ + action,
                                        "xsrf=" + std::string(form[2]) + "&logout=yes");
    EXPECT_EQ(ended.status, 303);
    const auto again = browser.Get(Ours("/logga-in/sso/region"));
    const auto at_provider = browser.Get(again.location);
    EXPECT_NE(at_provider.location.find("/interaction/"), std::string::npos) << "the provider asks for a login again";
}

TEST_F(SsoTest, NobodyGetsAnAccountBySigningInAndAClosedAccountStaysClosed) {
    BrowserAgent stranger;
    const auto unknown = SignIn(stranger, "okand.person");
    EXPECT_EQ(unknown.status, 401);
    EXPECT_NE(unknown.body.find("inget konto i Kronobarn"), std::string::npos);
    EXPECT_TRUE(stranger.Cookie("kb_session").empty());
    EXPECT_EQ(SsoAuditRows(), (std::vector<std::string>{"login_failed oidc:region no_account"}));
}

TEST_F(SsoTest, AReplayedStateAStateFromAnotherBrowserAndAnAnswerWithoutParametersAreRefused) {
    BrowserAgent browser, other;
    const auto start = browser.Get(Ours("/logga-in/sso/region"));
    const std::string answer = Delivered(SignInAtProvider(browser, start.location, "anna"));
    const auto foreign = other.Get(answer);
    EXPECT_EQ(foreign.status, 401);
    EXPECT_NE(foreign.body.find("kunde inte slutföras"), std::string::npos);
    EXPECT_TRUE(other.Cookie("kb_session").empty());
    const auto replayed = browser.Get(answer);
    EXPECT_EQ(replayed.status, 401) << "the state was used up by the first answer";
    EXPECT_EQ(browser.Get(Ours("/logga-in/sso/region/svar")).status, 401);
    EXPECT_EQ(browser.Get(Ours("/logga-in/sso/nobody/svar")).status, 404);
    EXPECT_TRUE(browser.Cookie("kb_session").empty());
    EXPECT_EQ(SsoAuditRows(), (std::vector<std::string>{"login_failed oidc:region state_of_another_browser",
                                                        "login_failed oidc:region state_unknown",
                                                        "login_failed oidc:region state_unknown"}));
}

TEST_F(SsoTest, ACodeIsExchangedOnceAndARotatedKeyIsFetchedAgainAtMostOnceAMinute) {
    // The relying party's own request, to hold the code in hand.
    oidc::Provider provider(Region(issuer_), server_.Clock());
    const std::string verifier = crypto::RandomToken(32);
    BrowserAgent browser;
    const std::string answer = SignInAtProvider(
        browser, provider.AuthorizationUrl("s-1", "n-1", crypto::Sha256Base64Url(verifier), "").value(), "anna");
    std::smatch code;
    ASSERT_TRUE(std::regex_search(answer, code, std::regex("[?&]code=([^&]+)")));
    const auto first = provider.Redeem(code[1], verifier, "n-1");
    ASSERT_TRUE(first) << "the first exchange";
    EXPECT_EQ(first->acr, kLoa3) << first->payload;
    const auto second = provider.Redeem(code[1], verifier, "n-1");
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().detail, "code_refused");

    ASSERT_EQ(SignIn(browser, "anna").status, 200) << "keys fetched and cached";
    BrowserAgent rotator;
    ASSERT_EQ(rotator.PostForm(issuer_ + "/test/rotate-keys", "").status, 204);
    EXPECT_EQ(SignIn(browser, "anna").status, 401) << "a new kid within the minute: not fetched again yet";
    server_.Clock().Advance(std::chrono::seconds(61));
    EXPECT_EQ(SignIn(browser, "anna").status, 200) << "after it, fetched again and accepted";
    const auto rows = SsoAuditRows();
    EXPECT_NE(std::find(rows.begin(), rows.end(), "login_failed oidc:region unknown_key"), rows.end());
}

TEST_F(SsoTest, AProviderThatIsDownGivesAClearPageAndNothingHangs) {
    BrowserAgent browser;
    const auto started = std::chrono::steady_clock::now();
    const auto down = browser.Get(Ours("/logga-in/sso/down"));
    EXPECT_EQ(down.status, 503);
    EXPECT_NE(down.body.find("svarar inte just nu"), std::string::npos);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
    EXPECT_EQ(browser.Get(Ours("/logga-in/sso/okand")).status, 404);
    const auto login = browser.Get(Ours("/logga-in"));
    EXPECT_NE(login.body.find("href=\"/logga-in/sso/region\""), std::string::npos) << "a button per provider";
}

class SsoSecondFactorTest : public SsoTest {
  protected:
    SsoSecondFactorTest() : SsoTest(WithRegion({domain::Role::kPrincipal})) {}
};

TEST_F(SsoSecondFactorTest, OneFactorFromTheProviderIsFollowedByTheAppsCodeForARoleThatNeedsTwo) {
    BrowserAgent weak_browser, strong_browser, teacher_browser;  // each its own session at the provider
    const auto weak = SignIn(weak_browser, "anna", kLoa2);
    ASSERT_EQ(weak.status, 200);
    EXPECT_NE(weak.body.find("content=\"0;url=/logga-in/aktivera-app\""), std::string::npos) << weak.body;
    EXPECT_TRUE(weak_browser.Cookie("kb_session").empty()) << "no session on one factor";
    EXPECT_EQ(weak_browser.Get(Ours("/start")).status, 303);
    // Sets up the app (what a phone would do), and is in.
    const auto enrol = weak_browser.Get(Ours("/logga-in/aktivera-app"));
    ASSERT_EQ(enrol.status, 200);
    std::smatch key;
    ASSERT_TRUE(std::regex_search(enrol.body, key, std::regex("<code class=\"kb-secret\"[^>]*>([A-Z2-7 ]+)</code>")));
    std::string secret = key[1];
    std::erase(secret, ' ');
    const auto done = weak_browser.PostForm(
        Ours("/logga-in/aktivera-app"),
        "csrf_token=" + ExtractCsrfToken(enrol.body) + "&code=" + totp::CodeAt(secret, server_.Clock().Now()));
    EXPECT_EQ(done.status, 200);
    EXPECT_FALSE(weak_browser.Cookie("kb_session").empty());
    EXPECT_EQ(weak_browser.Get(Ours("/start")).status, 200);

    EXPECT_EQ(SignIn(strong_browser, "anna", kLoa3).status, 200) << "two factors at the provider: no code here";
    EXPECT_FALSE(strong_browser.Cookie("kb_session").empty());
    EXPECT_EQ(SignIn(teacher_browser, "frida", kLoa2).status, 200) << "a teacher: not on this server's list";
    EXPECT_FALSE(teacher_browser.Cookie("kb_session").empty());
    EXPECT_EQ(SsoAuditRows(),
              (std::vector<std::string>{std::string("login_step oidc:region acr=") + kLoa2, "login oidc:region+totp",
                                        std::string("login oidc:region acr=") + kLoa3,
                                        std::string("login oidc:region acr=") + kLoa2}));
}

}  // namespace
}  // namespace kronobarn::testing
