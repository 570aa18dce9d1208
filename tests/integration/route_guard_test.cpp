// Every route of the web layer is either on a short public list or requires a session: a new page
// that forgets the session guard (and with it the path to the access choke point) fails here.
#include <gtest/gtest.h>

#include <set>

#include "integration/public_routes.hpp"
#include "integration/test_server.hpp"

namespace kronobarn::testing {
namespace {

std::string Concrete(std::string pattern) {
    for (const auto& [placeholder, value] :
         {std::pair<std::string, std::string>{"{id}", "1"}, {"{lang}", "sv"}, {"*", "x"}}) {
        if (const auto pos = pattern.find(placeholder); pos != std::string::npos)
            pattern.replace(pos, placeholder.size(), value);
    }
    return pattern;
}

TEST(RouteGuard, EveryNonPublicRouteRequiresASession) {
    TestServer server;
    int guarded = 0;
    for (const auto& [method, pattern] : server.App().Routes().Routes()) {
        if (kPublicRoutes.count({method, pattern}) > 0) continue;
        ++guarded;
        RequestSpec request{method, Concrete(pattern), {}, ""};
        if (method == "POST") request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        const HttpResult result = server.Send(request);
        const bool to_login = result.status == 303 && result.Header("location").rfind("/logga-in", 0) == 0;
        EXPECT_TRUE(to_login || result.status == 401) << method << " " << pattern << " answered " << result.status;
    }
    EXPECT_GE(guarded, 5) << "the routes list is suspiciously short";
}

TEST(RouteGuard, EveryProvisioningRouteWantsItsBearerTokenAndNothingElse) {
    TestServer server;
    const std::string staff_session = server.SessionOf("adam");
    int provisioning = 0;
    for (const auto& [method, pattern] : server.App().Routes().Routes()) {
        const bool listed = kProvisioningRoutes.count({method, pattern}) > 0;
        EXPECT_EQ(listed, pattern.rfind("/scim/", 0) == 0) << method << " " << pattern << ": list it, or move it";
        if (!listed) continue;
        ++provisioning;
        for (const auto& authorization : {std::string(), std::string("Bearer not-a-token-0123456789abcdef0123456"),
                                          std::string("Basic ") + kScimTokenVaxjo, std::string("Bearer")}) {
            RequestSpec request{method, Concrete(pattern), {{"Cookie", staff_session}}, "{}"};
            if (!authorization.empty()) request.headers.emplace_back("Authorization", authorization);
            const HttpResult result = server.Send(request);
            EXPECT_EQ(result.status, 401) << method << " " << pattern << " with \"" << authorization << "\"";
            EXPECT_EQ(result.Header("content-type"), "application/scim+json");
        }
    }
    EXPECT_EQ(provisioning, static_cast<int>(kProvisioningRoutes.size()));
}

TEST(RouteGuard, ForgedOrExpiredSessionCookieIsNoSession) {
    TestServer server;
    const HttpResult result = server.Get("/oro/1", "kb_session=forged-token-value");
    EXPECT_EQ(result.status, 303);
    EXPECT_NE(result.Header("set-cookie").find("Max-Age=0"), std::string::npos) << "the bad cookie is cleared";
}

}  // namespace
}  // namespace kronobarn::testing
