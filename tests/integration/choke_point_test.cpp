// Every route that names a child's data by id must go through the access choke point: asked by a
// user of an unrelated unit it answers 404 and leaves a denied audit row. A new route with an id
// whose kind this test does not know fails here until it is added — and with it, checked.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "domain/personal_number.hpp"
#include "integration/public_routes.hpp"
#include "integration/test_server.hpp"

namespace kronobarn::testing {
namespace {

// Session routes that name no child by id: lists filtered by the decision, forms, the own
// account, administration (404 for everyone else).
const std::set<std::pair<std::string, std::string>> kRoutesWithoutChildId{
    {"GET", "/start"},
    {"GET", "/oro/ny"},
    {"GET", "/inkorg"},  // the actor's own units' unanswered signals, each checked by the decision
    {"POST", "/oro"},
    {"GET", "/api/v1/me"},
    {"POST", "/logga-ut"},
    {"GET", "/admin/hjulet"},
    {"POST", "/admin/hjulet"},
    {"GET", "/familj"},  // the family account's own children, each checked by the decision
    // Emergency access names the child by personal number, never by id: emergency_test.cpp covers
    // who may ask, and every read under a grant passes the decision like any other.
    {"GET", "/nodatkomst"},
    {"POST", "/nodatkomst"},
    // The log review reads an organisation's log, not a child: log_review_test.cpp covers who gets in.
    {"GET", "/loggkontroll"},
    {"POST", "/loggkontroll/granskningar"},
    // Statistics are anonymous aggregates, never a child: statistics_test.cpp covers who gets in.
    {"GET", "/statistik"},
    {"GET", "/statistik.csv"},
    // The county's organisations, no child: organisation_admin_test.cpp covers who gets in.
    {"GET", "/admin/organisationer"},
    {"POST", "/admin/organisationer"},
    {"POST", "/admin/organisationer/andra"},
    {"POST", "/admin/organisationer/administrator"},
    // An organisation's staff, no child: staff_admin_test.cpp covers who gets in.
    {"GET", "/admin/personal"},
    {"POST", "/admin/personal/konto"},
    {"POST", "/admin/personal"},
    {"POST", "/admin/personal/aktiveringslank"},
    {"POST", "/admin/personal/tvastegsverifiering"},
    {"POST", "/admin/personal/roller"},
    {"POST", "/admin/personal/roller/ta-bort"},
    // An organisation's units, no child: unit_admin_test.cpp covers who gets in.
    {"GET", "/admin/enheter"},
    {"POST", "/admin/enheter"},
    {"POST", "/admin/enheter/andra"},
    {"POST", "/admin/enheter/stang"},
    {"POST", "/admin/enheter/oppna"},
    {"POST", "/admin/enheter/sla-ihop"},
    // Each person's own notification settings, and failed deliveries (no content, never a
    // family's): mail_test.cpp covers them.
    {"GET", "/aviseringar"},
    {"POST", "/aviseringar"},
    {"GET", "/familj/aviseringar"},
    {"POST", "/familj/aviseringar"},
    {"GET", "/admin/utskick"},
    // The organisation's import and export, no child: directory_import_test.cpp covers who gets in.
    {"GET", "/admin/import"},
    {"POST", "/admin/import"},
    {"GET", "/admin/export/{kind}"},
};

std::string LocationPath(const HttpResult& result) {
    const std::string location = result.Header("location");
    return location.substr(0, location.find('?'));
}

TEST(ChokePoint, EveryRouteNamingChildDataAnswersNotFoundAndAuditsTheDenial) {
    TestServer server;
    const auto session = [&](const std::string& user) { return server.Login(user, kPassword); };
    const std::string anna = session("anna"), bertil = session("bertil"), olle = session("olle");
    const auto csrf = [&](const std::string& cookie) { return "csrf_token=" + server.CsrfTokenFor(cookie); };
    const auto unit = [&](const std::string& name) { return std::to_string(server.UnitId(name)); };

    // A child with a signal, a plan, a consent and a pending handover, all at Växjö Centralskola.
    const std::string nine = "150312982";
    const std::string number = "20" + nine + std::to_string(domain::LuhnCheckDigit(nine));
    const HttpResult signal =
        server.PostForm("/oro",
                        csrf(bertil) + "&personal_number=" + number +
                            "&given_name=Maja&family_name=Berg&noticing_unit_id=" + unit("Växjö Centralskola") +
                            "&child_unit_id=" + unit("Växjö Centralskola") +
                            "&noticed_on=2026-11-17&description=Oro&guardian_1=" + UrlEncode("Eva Berg"),
                        bertil);
    ASSERT_EQ(signal.status, 303);
    const std::string concern_id = IdAfter(LocationPath(signal), "/oro/");
    const HttpResult decided =
        server.PostForm("/oro/" + concern_id + "/samverkan", csrf(anna) + "&rationale=Samverkan", anna);
    ASSERT_EQ(decided.status, 303);
    const std::string plan_id = IdAfter(LocationPath(decided), "/planer/");
    const std::string plan_page = server.Get("/planer/" + plan_id, anna).body;
    const std::string child_id = IdAfter(plan_page, "href=\"/barn/");
    const std::string consents_page = server.Get("/barn/" + child_id + "/samtycken", anna).body;
    const std::string guardian = IdAfter(consents_page, "name=\"guardian_id\" id=\"guardian_");
    ASSERT_EQ(server
                  .PostForm("/barn/" + child_id + "/samtycken",
                            csrf(anna) + "&purpose=Samverkan&valid_from=2026-11-18&valid_to=2027-06-30" +
                                "&category=school&unit_id=" + unit("Växjö Centralskola") + "&guardian_id=" + guardian,
                            anna)
                  .status,
              303);
    const std::string with_consent = server.Get("/barn/" + child_id + "/samtycken", anna).body;
    const std::string consent_id = IdAfter(with_consent, "action=\"/samtycken/");
    ASSERT_EQ(server
                  .PostForm("/barn/" + child_id + "/overlamning",
                            csrf(anna) + "&to_unit_id=" + unit("BVC Växjö") + "&note=" + UrlEncode("Fel enhet"), anna)
                  .status,
              303);
    const std::string start = server.Get("/start", anna).body;
    const std::string handover_id = IdAfter(start, "action=\"/overlamningar/");
    for (const auto* id : {&concern_id, &plan_id, &child_id, &consent_id, &handover_id}) ASSERT_FALSE(id->empty());

    // The kind of id each route names is declared with the route (Router::ObjectOf).
    const std::map<std::string, std::string> ids{{"concern", concern_id},
                                                 {"plan", plan_id},
                                                 {"child", child_id},
                                                 {"consent", consent_id},
                                                 {"handover", handover_id}};
    int checked = 0;
    for (const auto& [method, pattern] : server.App().Routes().Routes()) {
        if (kPublicRoutes.count({method, pattern}) > 0 || kRoutesWithoutChildId.count({method, pattern}) > 0 ||
            kProvisioningRoutes.count({method, pattern}) > 0) {
            continue;
        }
        SCOPED_TRACE(method + " " + pattern);
        std::string path = pattern;
        const auto placeholder = path.find("{id}");
        ASSERT_NE(placeholder, std::string::npos) << "a session route without an id: list it above or guard it";
        const auto id = ids.find(server.App().Routes().ObjectOf(method, pattern));
        ASSERT_NE(id, ids.end()) << "a route naming a kind of id this test does not know: add it to `ids`";
        path.replace(placeholder, 4, id->second);
        const auto denied_before = [&] {
            int denied = 0;
            for (const auto& row : server.AuditRowsSinceSetup()) {
                if (row.event.outcome == domain::AuditOutcome::kDenied) ++denied;
            }
            return denied;
        };
        const int before = denied_before();
        const HttpResult result =
            method == "GET" ? server.Get(path, olle) : server.PostForm(path, csrf(olle) + "&note=x&reason=x", olle);
        EXPECT_EQ(result.status, 404);
        EXPECT_EQ(result.body.find("Maja"), std::string::npos);
        EXPECT_GT(denied_before(), before) << "no denied audit row: the route did not ask the access decision";
        ++checked;
    }
    EXPECT_GE(checked, 20) << "suspiciously few routes with ids";
}

}  // namespace
}  // namespace kronobarn::testing
