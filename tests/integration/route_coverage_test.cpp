// Every HTML page template of the server is checked by axe in the browser tests: the list in
// tests/e2e/family.test.mjs (PAGE_TEMPLATES) must name every GET page route, so a new page cannot
// skip the accessibility check unnoticed.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "integration/public_routes.hpp"
#include "integration/test_server.hpp"

namespace kronobarn::testing {
namespace {

// GET routes that are not HTML pages (health, redirects, assets, JSON, PDF).
const std::set<std::string> kNotPages{"/healthz",
                                      "/",
                                      "/sprak/{lang}",
                                      "/logga-in/sso/{provider}",
                                      "/assets/*",
                                      "/api/v1/me",
                                      "/api/v1/planer/{id}",
                                      "/api/v1/familj/barn/{id}/plan",
                                      "/planer/{id}/plan.pdf",
                                      "/familj/barn/{id}/plan.pdf",
                                      "/statistik.csv",
                                      "/admin/export/{kind}"};

TEST(RouteCoverage, EveryPageTemplateIsInTheBrowserTestsAxeList) {
    std::ifstream file(std::string(KRONOBARN_SOURCE_DIR) + "/tests/e2e/family.test.mjs");
    ASSERT_TRUE(file) << "tests/e2e/family.test.mjs not found";
    std::stringstream text;
    text << file.rdbuf();
    const std::string e2e = text.str();
    TestServer server;
    int pages = 0;
    for (const auto& [method, pattern] : server.App().Routes().Routes()) {
        if (method != "GET" || kNotPages.count(pattern) > 0 || kProvisioningRoutes.count({method, pattern}) > 0)
            continue;
        ++pages;
        EXPECT_NE(e2e.find("['" + pattern + "'"), std::string::npos)
            << pattern << " is a page the browser tests do not check with axe: add it to PAGE_TEMPLATES";
    }
    EXPECT_GE(pages, 19);
}

}  // namespace
}  // namespace kronobarn::testing
