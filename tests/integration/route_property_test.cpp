// A property of the whole route table (issue 19): for every route that names a child, plan, signal,
// consent or handover by id, for every kind of account — staff with and without a relation to the
// child, a guardian of the child, a guardian of another child, the child's own login — and for the
// child's real id, an id of nothing, and ids that are no ids: the answer is never 403 nor 500, and
// the request leaves audit rows, found by its request id, whose outcome agrees with the answer
// (404 ↔ denied, anything else ↔ allowed). The routes come from the router, so a route added
// tomorrow is covered the day it is added. Plus: every "not found" looks the same.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "integration/plan_fixture.hpp"
#include "integration/public_routes.hpp"

namespace kronobarn::testing {
namespace {

class RouteProperty : public PlanFixture {
  protected:
    // Child A, 14: a signal, a plan with social services taking part, a consent in force, a
    // pending handover, a guardian and the child itself signed in. Child B, 11: a plan and a
    // guardian of its own — "a guardian of another child" for A's ids.
    void SetUp() override {
        StartPlan(FourteenYearOld());
        AddSocialServices();
        ASSERT_EQ(RecordConsent().status, 303);
        ids_["plan"] = IdAfter(plan_, "/planer/");
        ids_["concern"] = IdAfter(signal_, "/oro/");
        ids_["child"] = ChildId();
        ids_["consent"] = IdAfter(server_.Get(consents_, Session("anna")).body, "action=\"/samtycken/");
        Guardian("1", "eva.a");
        ASSERT_EQ(Activate(Invite("barnet"), "barnet.a").status, 303);
        ASSERT_EQ(server_
                      .PostForm("/barn/" + ids_["child"] + "/overlamning",
                                Csrf("anna") + "&to_unit_id=" + Unit("BVC Växjö") + "&note=" + UrlEncode("Fel enhet"),
                                Session("anna"))
                      .status,
                  303);
        ids_["handover"] = IdAfter(server_.Get("/start", Session("anna")).body, "action=\"/overlamningar/");
        const std::string plan_a = plan_, consents_a = consents_, signal_a = signal_;
        StartPlan(ElevenYearOld());
        Guardian("1", "eva.b");
        plan_ = plan_a;
        consents_ = consents_a;
        signal_ = signal_a;
        for (const auto& [kind, id] : ids_) ASSERT_FALSE(id.empty()) << kind;
    }

    std::map<std::string, std::string> ids_;
};

// Staff with a relation to child A (holder, participant with consent, the noticing user, the
// handover's receiver), staff without one, and the three kinds of family account.
const std::vector<std::string> kAccounts{"anna", "sara", "bertil", "britt", "olle",  "kalle",
                                         "adam", "lena", "bosse",  "eva.a", "eva.b", "barnet.a"};

TEST_F(RouteProperty, EveryRouteWithAnIdAnswersFoundOrNotFoundAndItsAuditRowsSaySo) {
    // Ids that are no ids, or of nothing: negative, zero, huge, not a number, another kind's.
    const std::vector<std::string> not_ids{"999999", "-1", "0", "99999999999999999999", "abc", "1e3"};
    struct Sent {
        std::string what;
        int status = 0;
        std::string request_id;
    };
    std::vector<Sent> sent;
    int routes = 0;
    // Every page first, then the forms: a form that succeeds changes the world the rest is sent to.
    auto table = server_.App().Routes().Routes();
    std::stable_sort(table.begin(), table.end(),
                     [](const auto& a, const auto& b) { return (a.first == "GET") > (b.first == "GET"); });
    for (const auto& [method, pattern] : table) {
        const std::string object = server_.App().Routes().ObjectOf(method, pattern);
        // Identity management's routes name its organisation's staff, never a child (scim_test.cpp).
        if (kProvisioningRoutes.count({method, pattern}) > 0) continue;
        if (object.empty()) {
            EXPECT_EQ(pattern.find("{id}"), std::string::npos) << pattern << " names an id but declares no kind";
            continue;
        }
        ++routes;
        std::vector<std::string> ids = not_ids;
        ids.push_back(ids_.at(object));
        // An id of another kind of object: the plan's id on a child route and so on.
        ids.push_back(object == "plan" ? ids_.at("concern") : ids_.at("plan"));
        for (const auto& account : kAccounts) {
            for (const auto& id : ids) {
                std::string path = pattern;
                path.replace(path.find("{id}"), 4, id);
                const HttpResult result =
                    method == "GET" ? server_.Get(path, Session(account))
                                    : server_.PostForm(path, Csrf(account) + "&note=x&reason=x", Session(account));
                sent.push_back({account + " " + method + " " + path, result.status, result.Header("x-request-id")});
            }
        }
    }
    ASSERT_GE(routes, 30) << "suspiciously few routes with ids";

    std::map<std::string, std::vector<domain::AuditEvent>> by_request;
    const auto rows = server_.AuditRowsSinceSetup();
    for (const auto& row : rows) by_request[row.event.request_id].push_back(row.event);
    int allowed = 0, denied = 0;
    for (const auto& request : sent) {
        SCOPED_TRACE(request.what + " answered " + std::to_string(request.status));
        EXPECT_NE(request.status, 403) << "what you may not use is not found, not forbidden";
        EXPECT_LT(request.status, 500);
        const auto& found = by_request[request.request_id];
        const auto expected = request.status == 404 ? domain::AuditOutcome::kDenied : domain::AuditOutcome::kAllowed;
        // One row per request — except a refused form that is shown again: the attempt
        // ("…_rejected") and the read of the page it is shown on (a plan, a signal, the consents).
        const bool form_shown_again = found.size() == 2 && found[0].action.ends_with("_rejected") &&
                                      (found[1].action == "read" || found[1].action == "list") && request.status != 404;
        std::string listed;
        for (const auto& event : found) listed += " " + event.object_type + ":" + event.action;
        EXPECT_TRUE(found.size() == 1 || form_shown_again) << found.size() << " audit rows:" << listed;
        for (const auto& event : found) {
            EXPECT_EQ(event.outcome, expected) << event.object_type << " " << event.action << " " << event.legal_basis;
        }
        if (request.status == 404) {
            ++denied;
        } else {
            ++allowed;
        }
    }
    EXPECT_GE(allowed, 40) << "the sweep must reach real pages, not only refusals";
    std::cout << "[ property ] " << routes << " routes x " << kAccounts.size() << " accounts x " << 8
              << " ids: " << sent.size() << " requests (" << allowed << " answered, " << denied << " not found), "
              << rows.size() << " audit rows checked\n";
}

TEST_F(RouteProperty, NotFoundLooksTheSameWhetherTheObjectExistsOrNot) {
    const auto same = [&](const std::string& user, const std::string& hidden, const std::string& missing) {
        const HttpResult a = server_.Get(hidden, Session(user));
        const HttpResult b = server_.Get(missing, Session(user));
        EXPECT_EQ(a.status, 404) << user << " " << hidden;
        EXPECT_EQ(b.status, 404) << user << " " << missing;
        EXPECT_EQ(BodyWithoutRequestId(a), BodyWithoutRequestId(b)) << user << ": " << hidden << " vs " << missing;
        EXPECT_EQ(a.Header("content-type"), b.Header("content-type"));
    };
    // Staff without a relation, staff pages.
    same("olle", plan_, "/planer/999999");
    same("olle", "/barn/" + ids_["child"], "/barn/999999");
    same("olle", "/oro/" + ids_["concern"], "/oro/999999");
    // The child's own guardian on a professional's page of her own child.
    same("eva.a", plan_, "/planer/999999");
    same("eva.a", "/barn/" + ids_["child"] + "/samtycken", "/barn/999999/samtycken");
    // A guardian of another child on the family's page of child A.
    same("eva.b", "/familj/barn/" + ids_["child"], "/familj/barn/999999");
    // What no role of yours may use answers like an address that does not exist.
    same("anna", "/admin/hjulet", "/admin/finns-inte");
}

// The log review (regression): a child in Kronobarn whom the reviewer's organisation never touched
// answered 200 with an empty table, a valid number of no child 400 "no such child".
TEST_F(RouteProperty, TheLogReviewTellsNobodyWhetherAChildExists) {
    const std::string nine = "150101991";
    const std::string nobody = "20" + nine + std::to_string(domain::LuhnCheckDigit(nine));
    const auto search = [&](const std::string& number) {
        return server_.Get("/loggkontroll?from=2026-11-01&to=2026-11-30&personal_number=" + number, Session("rolf"));
    };
    const HttpResult known = search(FourteenYearOld());
    const HttpResult unknown = search(nobody);
    EXPECT_EQ(known.status, 200);
    EXPECT_EQ(unknown.status, 200);
    const auto without = [](const HttpResult& result, const std::string& typed) {
        std::string body = BodyWithoutRequestId(result);
        const auto at = body.find("value=\"" + typed + "\"");
        if (at != std::string::npos) body.erase(at, typed.size() + 8);
        return body;
    };
    EXPECT_EQ(without(known, FourteenYearOld()), without(unknown, nobody));
}

}  // namespace
}  // namespace kronobarn::testing
