// Single sign-on against a real OpenID Provider (npm oidc-provider, tests/oidc/provider.mjs, started
// by CTest as the "oidc" fixture): a staff member signs in through the provider and out of both;
// nobody gets an account by signing in; a replayed or foreign state, a code used twice, an assurance
// level below what the role needs, a provider that is down — each refused with a clear page, an
// audited failure and no session; a rotated signing key is fetched again (at most once a minute);
// a hostile provider's bad ID tokens (tampered, alg none, HMAC with the public key, wrong audience,
// expired, wrong or missing nonce, oversized) are each refused end to end.
#include <gtest/gtest.h>

#include <regex>

#include "common/crypto.hpp"
#include "common/totp.hpp"
#include "integration/test_provider.hpp"

namespace kronobarn::testing {
namespace {

oidc::ProviderConfig Region(const std::string& issuer) { return TestProviderClient("region", issuer); }

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

    std::string SignInAtProvider(BrowserAgent& agent, const std::string& authorization_url, const std::string& login,
                                 const std::string& acr = kLoa3) {
        return testing::SignInAtProvider(agent, authorization_url, RedirectUriOf("region"), login, acr);
    }

    // Our callback URL as the provider gave it, on this server's port.
    std::string Delivered(const std::string& answer) const {
        return Ours(answer.substr(std::string("http://127.0.0.1").size()));
    }

    BrowserAgent::Reply SignIn(BrowserAgent& agent, const std::string& login, const std::string& acr = kLoa3) {
        return SignInThrough(agent, server_.Port(), "region", login, acr);
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
    EXPECT_EQ(SsoAuditRows(), (std::vector<std::string>{std::string("login oidc:region acr=") + kLoa3 + " amr=pwd"}));
    // The organisation's log reviewer reads how the provider proved her, in words.
    const auto review = server_.Get("/loggkontroll?action=login&metod=oidc%3Aregion", server_.SessionOf("lena"));
    EXPECT_NE(review.body.find(std::string("tillitsnivå ") + kLoa3 + "; sätt: pwd"), std::string::npos) << review.body;

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
    EXPECT_EQ(SsoAuditRows(), (std::vector<std::string>{std::string("login_step oidc:region acr=") + kLoa2 + " amr=pwd",
                                                        "login oidc:region+totp",
                                                        std::string("login oidc:region acr=") + kLoa3 + " amr=pwd",
                                                        std::string("login oidc:region acr=") + kLoa2 + " amr=pwd"}));
}

// A provider that speaks the protocol but hands out bad ID tokens (tests/oidc/evil_provider.mjs),
// one issuer per kind of attack.
const std::vector<std::string> kHostileModes = {"good",      "tampered", "none",          "hmac",
                                                "wrong-aud", "expired",  "wrong-nonce",   "no-nonce",
                                                "huge",      "megabyte", "bad-discovery", "slow"};

TestServerOptions WithHostileProviders() {
    TestServerOptions options;
    const std::string base = HostileProviderBase();
    for (const std::string& mode : kHostileModes) {
        oidc::ProviderConfig config = TestProviderClient("region", base + "/" + mode);
        config.name = "evil-" + mode;
        config.redirect_uri = RedirectUriOf(config.name);
        if (mode == "slow") config.limits.total_timeout = std::chrono::milliseconds(1500);  // 8 s in service
        options.sso_providers.push_back(config);
    }
    return options;
}

class HostileProviderTest : public SsoTest {
  protected:
    HostileProviderTest() : SsoTest(WithHostileProviders()) {}
};

TEST_F(HostileProviderTest, EveryBadIdTokenIsRefusedWithAClearPageAnAuditedReasonAndNoSession) {
    const std::vector<std::pair<std::string, std::string>> refused = {{"tampered", "bad_signature"},
                                                                      {"none", "algorithm_not_allowed"},
                                                                      {"hmac", "algorithm_not_allowed"},
                                                                      {"wrong-aud", "wrong_audience"},
                                                                      {"expired", "expired"},
                                                                      {"wrong-nonce", "nonce_mismatch"},
                                                                      {"no-nonce", "nonce_mismatch"},
                                                                      {"huge", "token_too_large"}};
    std::vector<std::string> expected_rows;
    for (const auto& [mode, why] : refused) {
        BrowserAgent browser;
        const auto answer = SignInThrough(browser, server_.Port(), "evil-" + mode, "anna");
        EXPECT_EQ(answer.status, 401) << mode;
        EXPECT_NE(answer.body.find("kunde inte slutföras"), std::string::npos) << mode;
        EXPECT_TRUE(browser.Cookie("kb_session").empty()) << mode;
        expected_rows.push_back("login_failed oidc:evil-" + mode + " " + why);
    }
    BrowserAgent flooded;
    const auto megabyte = SignInThrough(flooded, server_.Port(), "evil-megabyte", "anna");
    EXPECT_EQ(megabyte.status, 503);
    EXPECT_NE(megabyte.body.find("svarar inte just nu"), std::string::npos);
    EXPECT_TRUE(flooded.Cookie("kb_session").empty());
    expected_rows.push_back("login_failed oidc:evil-megabyte provider_unavailable");
    BrowserAgent waiting;
    const auto started = std::chrono::steady_clock::now();
    const auto slow = SignInThrough(waiting, server_.Port(), "evil-slow", "anna");
    EXPECT_EQ(slow.status, 503) << "a provider slower than the limit: a clear page, not a hung request";
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
    EXPECT_TRUE(waiting.Cookie("kb_session").empty());
    expected_rows.push_back("login_failed oidc:evil-slow provider_unavailable");
    BrowserAgent broken;
    const auto discovery = broken.Get(Ours("/logga-in/sso/evil-bad-discovery"));
    EXPECT_EQ(discovery.status, 503) << "a discovery document without its endpoints: nowhere to go";
    EXPECT_NE(discovery.body.find("svarar inte just nu"), std::string::npos);
    expected_rows.push_back("login_failed oidc:evil-bad-discovery discovery_unusable");

    // The control: the same harness with a correct token signs in, so each refusal above is the token's.
    BrowserAgent control;
    EXPECT_EQ(SignInThrough(control, server_.Port(), "evil-good", "anna").status, 200);
    EXPECT_FALSE(control.Cookie("kb_session").empty());
    expected_rows.push_back(std::string("login oidc:evil-good acr=") + kLoa3);
    EXPECT_EQ(SsoAuditRows(), expected_rows);
}

}  // namespace
}  // namespace kronobarn::testing
