#include "web/router.hpp"

#include <gtest/gtest.h>

namespace kronobarn::web {
namespace {

Handler Named(std::string name) {
    return [name](const Request&, const RouteParams&) {
        Response response;
        response.body = name;
        return response;
    };
}

std::string HandlerName(const RouteMatch& match) { return (*match.handler)(Request{}, match.params).body; }

class RouterTest : public ::testing::Test {
  protected:
    void SetUp() override {
        router_.Add("GET", "/", Named("root"));
        router_.Add("GET", "/start", Named("start"));
        router_.Add("POST", "/logga-in", Named("login-post"));
        router_.Add("GET", "/logga-in", Named("login-get"));
        router_.Add("GET", "/barn/{id}/plan", Named("plan"));
        router_.Add("GET", "/assets/*", Named("asset"));
    }
    Router router_;
};

TEST_F(RouterTest, MatchesLiteralPathsByMethod) {
    EXPECT_EQ(HandlerName(router_.Match("GET", "/start")), "start");
    EXPECT_EQ(HandlerName(router_.Match("GET", "/logga-in")), "login-get");
    EXPECT_EQ(HandlerName(router_.Match("POST", "/logga-in")), "login-post");
    EXPECT_EQ(HandlerName(router_.Match("GET", "/")), "root");
}

TEST_F(RouterTest, CapturesNamedSegmentsAndReportsThePattern) {
    const auto match = router_.Match("GET", "/barn/42/plan");
    ASSERT_NE(match.handler, nullptr);
    EXPECT_EQ(match.params.at("id"), "42");
    EXPECT_EQ(match.pattern, "/barn/{id}/plan");  // logs show this, never "/barn/42/plan"
}

TEST_F(RouterTest, WildcardTailCapturesTheRest) {
    const auto match = router_.Match("GET", "/assets/icons/wheel.svg");
    ASSERT_NE(match.handler, nullptr);
    EXPECT_EQ(match.params.at("*"), "icons/wheel.svg");
    EXPECT_EQ(router_.Match("GET", "/assets").handler, nullptr) << "the tail must not be empty";
}

TEST_F(RouterTest, UnknownPathHasNoHandler) {
    const auto match = router_.Match("GET", "/barn/42/plan/extra");
    EXPECT_EQ(match.handler, nullptr);
    EXPECT_FALSE(match.method_not_allowed);
}

TEST_F(RouterTest, KnownPathWithWrongMethodIsMethodNotAllowed) {
    const auto match = router_.Match("DELETE", "/start");
    EXPECT_EQ(match.handler, nullptr);
    EXPECT_TRUE(match.method_not_allowed);
}

TEST_F(RouterTest, HeadIsServedByGet) { EXPECT_EQ(HandlerName(router_.Match("HEAD", "/start")), "start"); }

TEST_F(RouterTest, RepeatedAndTrailingSlashesDoNotCreateNewRoutes) {
    EXPECT_EQ(HandlerName(router_.Match("GET", "/start/")), "start");
    EXPECT_EQ(HandlerName(router_.Match("GET", "//start")), "start");
}

}  // namespace
}  // namespace kronobarn::web
