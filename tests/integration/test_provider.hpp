// The test identity provider (tests/oidc/provider.mjs, started by CTest as the "oidc" fixture) as
// the single sign-on tests use it: where it runs, its clients, and a sign-in at its login page.
#pragma once

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "integration/test_server.hpp"
#include "support/browser_agent.hpp"
#include "support/fixture_state.hpp"

namespace kronobarn::testing {

inline constexpr const char* kLoa2 = "http://id.elegnamnden.se/loa/1.0/loa2";
inline constexpr const char* kLoa3 = "http://id.elegnamnden.se/loa/1.0/loa3";

inline std::string ProviderIssuer() {
    return FixtureState(KRONOBARN_TEST_OIDC_STATE, "oidc", "tests/oidc/provider.mjs")[0];
}

// The hostile provider's base URL (tests/oidc/evil_provider.mjs): its issuers are BASE/<mode>.
inline std::string HostileProviderBase() {
    const auto state = FixtureState(KRONOBARN_TEST_OIDC_STATE, "oidc", "tests/oidc/provider.mjs");
    if (state.size() < 3) throw std::runtime_error("no hostile test provider in the oidc fixture's state");
    return state[2];
}

// The callback the provider has registered for our provider `name` (any port: RFC 8252 §7.3).
inline std::string RedirectUriOf(const std::string& name) { return "http://127.0.0.1/logga-in/sso/" + name + "/svar"; }

// The provider's staff client ("region": staff usernames) or e-ID client ("eid": personal numbers).
inline oidc::ProviderConfig TestProviderClient(const std::string& name, const std::string& issuer) {
    oidc::ProviderConfig config;
    config.name = name;
    config.issuer = issuer;
    if (name == "eid") {
        config.client_id = "kronobarn-eid";
        config.client_secret = "eid-client-secret-0123456789abcdef01";
        config.claim = "https://id.oidc.se/claim/personalIdentityNumber";
        config.scope = "openid https://id.oidc.se/scope/naturalPersonNumber";
    } else {
        config.client_id = "kronobarn-staff";
        config.client_secret = "staff-client-secret-0123456789abcdef";
        config.claim = "preferred_username";
    }
    config.redirect_uri = RedirectUriOf(name);
    return config;
}

// Through the provider's login page as `login` at `acr`, up to its answer to us (not yet delivered).
inline std::string SignInAtProvider(BrowserAgent& agent, const std::string& authorization_url,
                                    const std::string& redirect_uri, const std::string& login,
                                    const std::string& acr = kLoa3) {
    auto reply = agent.Get(authorization_url);
    std::string hops_taken;
    for (int hops = 0; (reply.status == 303 || reply.status == 302) && hops < 8; ++hops) {
        if (reply.location.rfind(redirect_uri, 0) == 0) return reply.location;
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

// The whole sign-in at our server on `port` through provider `name`: our start, the provider's
// login, and its answer delivered to us.
inline BrowserAgent::Reply SignInThrough(BrowserAgent& agent, int port, const std::string& name,
                                         const std::string& login, const std::string& acr = kLoa3) {
    const std::string ours = "http://127.0.0.1:" + std::to_string(port);
    const auto start = agent.Get(ours + "/logga-in/sso/" + name);
    EXPECT_EQ(start.status, 303) << start.body.substr(0, 300);
    const std::string answer = SignInAtProvider(agent, start.location, RedirectUriOf(name), login, acr);
    return agent.Get(ours + answer.substr(std::string("http://127.0.0.1").size()));
}

}  // namespace kronobarn::testing
