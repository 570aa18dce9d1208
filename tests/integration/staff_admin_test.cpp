// An organisation's staff over HTTP: its system administrator sees who works there (and nobody
// from another organisation), closes an account — every session of it ends at once — and opens it
// again; another organisation's account, or the administrator's own, cannot be closed.
#include <gtest/gtest.h>

#include "integration/test_server.hpp"

namespace kronobarn::testing {
namespace {

class StaffAdminTest : public ::testing::Test {
  protected:
    const std::string& Session(const std::string& user) { return server_.SessionOf(user); }
    std::string Page() { return server_.Get("/admin/personal", Session("adam")).body; }
    // The account id the page's close or open form names for this person.
    std::string IdOf(const std::string& display_name) {
        const std::string page = Page();
        const auto card = page.find(">" + display_name + "</h3>");
        const auto field = page.find("name=\"user_id\" value=\"", card);
        if (card == std::string::npos || field == std::string::npos) return "";
        const auto start = field + 22;
        return page.substr(start, page.find('"', start) - start);
    }
    HttpResult SetOpen(const std::string& user_id, const std::string& open, const std::string& as = "adam") {
        return server_.PostForm("/admin/personal/konto",
                                server_.CsrfField(as) + "&user_id=" + user_id + "&open=" + open, Session(as));
    }

    TestServer server_;
};

TEST_F(StaffAdminTest, TheAdministratorSeesTheOrganisationsStaffAndNobodyElses) {
    const HttpResult page = server_.Get("/admin/personal", Session("adam"));
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Personal – Växjö kommun"), std::string::npos);
    EXPECT_NE(page.body.find(">Anna Rektor</h3>"), std::string::npos);
    EXPECT_NE(page.body.find("Rektor – Växjö Centralskola"), std::string::npos);
    EXPECT_NE(page.body.find("Bertil &lt;b&gt;Kurator&lt;/b&gt;"), std::string::npos) << "names are escaped";
    for (const std::string other : {"Olle Rektor", "Britt BVC-sköterska", "Petra Polis", "Kalle Fotbollsledare"}) {
        EXPECT_EQ(page.body.find(other), std::string::npos) << other << " works in another organisation";
    }
    const HttpResult start = server_.Get("/start", Session("adam"));
    EXPECT_NE(start.body.find("href=\"/admin/personal\""), std::string::npos);
}

TEST_F(StaffAdminTest, ClosingAnAccountEndsItsSessionsAtOnceAndOpeningItLetsThePersonSignInAgain) {
    const std::string anna_session = Session("anna");
    ASSERT_EQ(server_.Get("/start", anna_session).status, 200);
    const std::string anna = IdOf("Anna Rektor");
    ASSERT_FALSE(anna.empty());

    const HttpResult closed = SetOpen(anna, "nej");
    ASSERT_EQ(closed.status, 303) << closed.body.substr(0, 2000);
    const HttpResult after = server_.Get("/start", anna_session);
    EXPECT_EQ(after.status, 303) << "the open session ended with the account";
    EXPECT_EQ(after.Header("location").rfind("/logga-in", 0), 0U);
    int status = 0;
    EXPECT_TRUE(server_.Login("anna", kPassword, &status).empty()) << "a closed account cannot sign in";
    EXPECT_NE(Page().find("Stängt – kan inte logga in"), std::string::npos);
    auto rows = server_.AuditRowsSinceSetup();
    const auto closed_row =
        std::find_if(rows.rbegin(), rows.rend(), [](const auto& row) { return row.event.action == "user_disable"; });
    ASSERT_NE(closed_row, rows.rend());
    EXPECT_EQ(closed_row->event.object_id, anna);
    EXPECT_EQ(closed_row->event.role, "system_admin");
    EXPECT_EQ(closed_row->event.legal_basis, "administration");

    ASSERT_EQ(SetOpen(anna, "ja").status, 303);
    EXPECT_FALSE(server_.Login("anna", kPassword).empty()) << "an opened account signs in again";
    rows = server_.AuditRowsSinceSetup();
    EXPECT_NE(std::find_if(rows.begin(), rows.end(), [](const auto& row) { return row.event.action == "user_enable"; }),
              rows.end());
}

TEST_F(StaffAdminTest, AnotherOrganisationsAccountOrTheAdministratorsOwnCannotBeClosed) {
    const std::string olle_session = Session("olle");
    // Olle works in Alvesta: his id is not on the page, so try every small id that is not Växjö's.
    const std::string page = Page();
    int refused = 0;
    for (int id = 1; id <= 40; ++id) {
        if (page.find("name=\"user_id\" value=\"" + std::to_string(id) + "\"") != std::string::npos) continue;
        const HttpResult answer = SetOpen(std::to_string(id), "nej");
        if (answer.status == 422) continue;  // adam himself
        EXPECT_EQ(answer.status, 404) << id;
        ++refused;
    }
    EXPECT_GT(refused, 10);
    EXPECT_EQ(server_.Get("/start", olle_session).status, 200) << "another organisation's account stays open";

    EXPECT_NE(Page().find("Det här är ditt eget konto."), std::string::npos) << "no button to close oneself";
    // Adam's own id is the one the loop above was refused with 422: the page says why.
    int own_refusals = 0;
    for (int id = 1; id <= 40; ++id) {
        if (page.find("name=\"user_id\" value=\"" + std::to_string(id) + "\"") != std::string::npos) continue;
        const HttpResult own = SetOpen(std::to_string(id), "nej");
        if (own.status != 422) continue;
        ++own_refusals;
        EXPECT_NE(own.body.find("Du kan inte stänga ditt eget konto."), std::string::npos);
        EXPECT_NE(own.body.find("kb-error-summary"), std::string::npos);
    }
    EXPECT_EQ(own_refusals, 1);
    EXPECT_EQ(SetOpen(IdOf("Anna Rektor"), "kanske").status, 400);
    EXPECT_EQ(SetOpen("abc", "nej").status, 404);
}

TEST_F(StaffAdminTest, OnlyASystemAdministratorReachesThePagesEveryoneElseGetsNotFound) {
    const HttpResult nowhere = server_.Get("/admin/finns-inte", Session("anna"));
    for (const std::string user : {"anna", "linnea", "lena", "sara"}) {
        const HttpResult page = server_.Get("/admin/personal", Session(user));
        EXPECT_EQ(page.status, 404) << user;
        EXPECT_EQ(BodyWithoutRequestId(page), BodyWithoutRequestId(nowhere)) << user;
        EXPECT_EQ(SetOpen("1", "nej", user).status, 404) << user;
    }
    EXPECT_EQ(server_.Get("/start", Session("anna")).status, 200);
}

}  // namespace
}  // namespace kronobarn::testing
