// An organisation's staff over HTTP: its system administrator sees who works there (and nobody
// from another organisation), creates an account with a one-time activation link, gives and takes
// back roles, makes a fresh link, closes an account — every session of it ends at once — and opens
// it again; another organisation's account, or the administrator's own, cannot be closed.
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

    HttpResult Create(const std::string& fields) {
        return server_.PostForm("/admin/personal", server_.CsrfField("adam") + "&" + fields, Session("adam"));
    }
    HttpResult Post(const std::string& path, const std::string& fields, const std::string& as = "adam") {
        return server_.PostForm(path, server_.CsrfField(as) + "&" + fields, Session(as));
    }
    std::string Unit(const std::string& name) { return std::to_string(server_.UnitId(name)); }
    // The one-time link a page shows, as a path.
    static std::string LinkOn(const std::string& page) {
        const auto at = page.find("/aktivera/");
        return at == std::string::npos ? "" : page.substr(at, page.find('<', at) - at);
    }
    // Sets the password through the link, as the person would.
    HttpResult Activate(const std::string& link, const std::string& typed_username) {
        const std::string csrf = server_.Get(link).CookieValue("kb_login_csrf");
        RequestSpec post{"POST", link, {{"Content-Type", "application/x-www-form-urlencoded"}}, ""};
        post.headers.emplace_back("Cookie", "kb_login_csrf=" + csrf);
        post.body = "csrf_token=" + csrf + "&username=" + typed_username + "&password=" + UrlEncode(kPassword) +
                    "&password_repeat=" + UrlEncode(kPassword);
        return server_.Send(post);
    }
    std::vector<std::string> ActionsSinceSetup() {
        std::vector<std::string> actions;
        for (const auto& row : server_.AuditRowsSinceSetup()) actions.push_back(row.event.action);
        return actions;
    }
    static bool Has(const std::vector<std::string>& actions, const std::string& action) {
        return std::find(actions.begin(), actions.end(), action) != actions.end();
    }

    TestServer server_;
};

TEST_F(StaffAdminTest, ANewAccountGetsAOneTimeLinkWithWhichThePersonSetsAPasswordAndSignsInInTheRole) {
    const HttpResult created =
        Create("display_name=Nora+Nilsson&username=Nora.N&email=nora.nilsson%40vaxjo.se&phone=0470-123+45&unit_id=" +
               Unit("Växjö Centralskola") + "&role=special_needs_teacher");
    ASSERT_EQ(created.status, 200) << created.body.substr(0, 3000);
    EXPECT_EQ(created.Header("cache-control"), "no-store") << "the one-time link must not stay in a cache";
    EXPECT_NE(created.body.find("Kontot är skapat."), std::string::npos);
    EXPECT_NE(created.body.find("Inbjudan till Nora Nilsson"), std::string::npos);
    const std::string link = LinkOn(created.body);
    ASSERT_FALSE(link.empty()) << "no activation link shown";
    EXPECT_NE(created.body.find("nora.nilsson@vaxjo.se"), std::string::npos) << "the card shows how to reach her";
    EXPECT_NE(created.body.find("Specialpedagog – Växjö Centralskola"), std::string::npos);

    int status = 0;
    EXPECT_TRUE(server_.Login("nora.n", kPassword, &status).empty()) << "no sign-in before the person sets a password";
    const HttpResult form = server_.Get(link);
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("value=\"nora.n\" autocomplete=\"username\" readonly"), std::string::npos)
        << "the username the administrator gave is shown, not asked";
    EXPECT_NE(form.body.find("Välkommen, Nora Nilsson. Välj ett lösenord."), std::string::npos);
    // A username typed over the read-only one changes nothing: the administrator's stands.
    ASSERT_EQ(Activate(link, "someone-else").status, 303);
    const std::string session = server_.Login("nora.n", kPassword);
    ASSERT_FALSE(session.empty()) << "she signs in with her own password";
    EXPECT_EQ(server_.Get("/start", session).status, 200);
    EXPECT_TRUE(server_.Login("someone-else", kPassword).empty());
    EXPECT_EQ(Activate(link, "nora.n").status, 410) << "the link works once";

    const auto rows = server_.AuditRowsSinceSetup();
    const auto row_of = [&](const std::string& action) {
        return std::find_if(rows.begin(), rows.end(), [&](const auto& row) { return row.event.action == action; });
    };
    ASSERT_NE(row_of("user_create"), rows.end());
    EXPECT_EQ(row_of("user_create")->event.legal_basis, "administration");
    EXPECT_EQ(row_of("user_create")->event.role, "system_admin");
    const std::string nora = row_of("user_create")->event.object_id;
    ASSERT_NE(row_of("role_add"), rows.end());
    EXPECT_EQ(row_of("role_add")->event.object_id, nora + "/" + Unit("Växjö Centralskola") + "/special_needs_teacher")
        << "the row says which role in which unit";
    ASSERT_NE(row_of("activate"), rows.end());
    EXPECT_EQ(row_of("activate")->event.role, "staff");
}

TEST_F(StaffAdminTest, EveryFieldInErrorIsNamedWhereTheEyeIsAndNothingIsCreated) {
    const HttpResult refused =
        Create("display_name=&username=a&email=nora%40&phone=ring+mig&unit_id=" + Unit("Alvesta Centralskola") +
               "&role=county_admin");
    ASSERT_EQ(refused.status, 400);
    for (const std::string message :
         {"Skriv personens namn.", "Användarnamnet", "Skriv en e-postadress", "Skriv telefonnumret med siffror",
          "Välj en av organisationens enheter.", "Välj en roll i listan."}) {
        EXPECT_NE(refused.body.find(message), std::string::npos) << message;
    }
    EXPECT_NE(refused.body.find("kb-error-summary"), std::string::npos);
    EXPECT_NE(refused.body.find("value=\"nora@\""), std::string::npos) << "what was typed is kept";
    EXPECT_EQ(LinkOn(refused.body), "");
    EXPECT_FALSE(Has(ActionsSinceSetup(), "user_create"));

    const HttpResult taken =
        Create("display_name=Anna+Andra&username=ANNA&email=anna2%40vaxjo.se&unit_id=" + Unit("Växjö Centralskola") +
               "&role=teacher");
    EXPECT_EQ(taken.status, 409);
    EXPECT_NE(taken.body.find("kb-error-summary"), std::string::npos);
    EXPECT_NE(taken.body.find("aria-invalid=\"true\""), std::string::npos) << "the username field is marked";
    EXPECT_FALSE(Has(ActionsSinceSetup(), "user_create"));
    EXPECT_EQ(Create("display_name=X&username=xx-1&email=x%40vaxjo.se&unit_id=abc&role=teacher").status, 400);
}

TEST_F(StaffAdminTest, RolesAreGivenAndTakenBackAndEachChangeIsAudited) {
    const std::string anna = IdOf("Anna Rektor");
    ASSERT_FALSE(anna.empty());
    const std::string solen = Unit("Växjö förskola Solen");
    const HttpResult added =
        Post("/admin/personal/roller", "user_id=" + anna + "&unit_id=" + solen + "&role=link_person");
    ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
    const HttpResult after = server_.Get(added.Header("location"), Session("adam"));
    EXPECT_NE(after.body.find("Resursperson skola–socialtjänst – Växjö förskola Solen"), std::string::npos);
    EXPECT_NE(after.body.find("Rollen är tillagd."), std::string::npos) << "said after the redirect";

    const HttpResult twice =
        Post("/admin/personal/roller", "user_id=" + anna + "&unit_id=" + solen + "&role=link_person");
    EXPECT_EQ(twice.status, 409);
    EXPECT_NE(twice.body.find("Personen har redan den rollen i den enheten."), std::string::npos);
    const HttpResult elsewhere = Post("/admin/personal/roller",
                                      "user_id=" + anna + "&unit_id=" + Unit("Alvesta Centralskola") + "&role=teacher");
    EXPECT_EQ(elsewhere.status, 400) << "a unit of another organisation is no choice";
    EXPECT_EQ(Post("/admin/personal/roller", "user_id=" + anna + "&unit_id=" + solen + "&role=county_admin").status,
              400)
        << "the county's own role is not the organisation's to give";

    ASSERT_EQ(
        Post("/admin/personal/roller/ta-bort", "user_id=" + anna + "&unit_id=" + solen + "&role=link_person").status,
        303);
    EXPECT_EQ(Page().find("Resursperson skola–socialtjänst – Växjö förskola Solen"), std::string::npos);
    const HttpResult last = Post("/admin/personal/roller/ta-bort",
                                 "user_id=" + anna + "&unit_id=" + Unit("Växjö Centralskola") + "&role=principal");
    EXPECT_EQ(last.status, 422);
    EXPECT_NE(last.body.find("Stäng kontot i stället"), std::string::npos);
    const std::string adam = IdOf("Adam Administratör");
    ASSERT_FALSE(adam.empty());
    const HttpResult own = Post("/admin/personal/roller/ta-bort",
                                "user_id=" + adam + "&unit_id=" + Unit("Kommunledning Växjö") + "&role=system_admin");
    EXPECT_EQ(own.status, 422);
    EXPECT_NE(own.body.find("Du kan inte ta bort din egen administratörsroll."), std::string::npos);

    const auto rows = server_.AuditRowsSinceSetup();
    std::vector<std::string> role_rows;
    for (const auto& row : rows) {
        if (row.event.object_type == "user_role") role_rows.push_back(row.event.action + " " + row.event.object_id);
    }
    EXPECT_EQ(role_rows, (std::vector<std::string>{"role_add " + anna + "/" + solen + "/link_person",
                                                   "role_remove " + anna + "/" + solen + "/link_person"}))
        << "one row per change that happened, none for the refused ones";
}

TEST_F(StaffAdminTest, AFreshLinkReplacesTheEarlierOneAndAClosedAccountGetsNone) {
    const HttpResult created =
        Create("display_name=Nora+Nilsson&username=nora&email=nora%40vaxjo.se&unit_id=" + Unit("Växjö Centralskola") +
               "&role=teacher");
    const std::string first = LinkOn(created.body);
    ASSERT_FALSE(first.empty());
    const std::string nora = IdOf("Nora Nilsson");
    const HttpResult again = Post("/admin/personal/aktiveringslank", "user_id=" + nora);
    ASSERT_EQ(again.status, 200);
    EXPECT_NE(again.body.find("En ny aktiveringslänk är gjord."), std::string::npos);
    const std::string second = LinkOn(again.body);
    ASSERT_FALSE(second.empty());
    EXPECT_NE(first, second);
    EXPECT_EQ(server_.Get(first).status, 410) << "the earlier link stopped working";
    EXPECT_EQ(server_.Get(second).status, 200);
    EXPECT_TRUE(Has(ActionsSinceSetup(), "user_activation_link"));

    ASSERT_EQ(SetOpen(nora, "nej").status, 303);
    const HttpResult closed = Post("/admin/personal/aktiveringslank", "user_id=" + nora);
    EXPECT_EQ(closed.status, 422);
    EXPECT_NE(closed.body.find("Kontot är stängt."), std::string::npos);
    // Olle works in Alvesta: to Växjö's administrator his account is not there.
    const std::string page = Page();
    for (int id = 1; id <= 40; ++id) {
        if (page.find("name=\"user_id\" value=\"" + std::to_string(id) + "\"") != std::string::npos) continue;
        EXPECT_EQ(Post("/admin/personal/aktiveringslank", "user_id=" + std::to_string(id)).status, 404) << id;
    }
}

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
        EXPECT_EQ(answer.status, 404) << id;
        ++refused;
    }
    EXPECT_GT(refused, 10);
    EXPECT_EQ(server_.Get("/start", olle_session).status, 200) << "another organisation's account stays open";

    EXPECT_NE(Page().find("Det här är ditt eget konto."), std::string::npos) << "no button to close oneself";
    const HttpResult own = SetOpen(IdOf("Adam Administratör"), "nej");
    EXPECT_EQ(own.status, 422);
    EXPECT_NE(own.body.find("Du kan inte stänga ditt eget konto."), std::string::npos);
    EXPECT_NE(own.body.find("kb-error-summary"), std::string::npos);
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

TEST_F(StaffAdminTest, ARoleGivenForAPeriodGrantsNothingBeforeItsFirstOrAfterItsLastDay) {
    const std::string frida = IdOf("Frida Förskollärare");
    ASSERT_FALSE(frida.empty());
    const Date today = SwedishDate(server_.Clock().Now());
    const auto day = [&](int offset) {
        return FormatDate(Date{std::chrono::sys_days{today} + std::chrono::days{offset}});
    };
    const std::string school = Unit("Växjö Centralskola");
    ASSERT_EQ(Post("/admin/personal/roller", "user_id=" + frida + "&unit_id=" + school +
                                                 "&role=principal&valid_from=" + day(2) + "&valid_to=" + day(4))
                  .status,
              303);
    EXPECT_NE(Page().find("Rektor – Växjö Centralskola ("), std::string::npos) << "the card shows the period";
    const auto principal_today = [&] {
        server_.Forget("frida");
        return server_.Get("/start", Session("frida")).body.find("Rektor – Växjö Centralskola") != std::string::npos;
    };
    EXPECT_FALSE(principal_today()) << "not before its first day";
    server_.AdvanceDays(2);
    EXPECT_TRUE(principal_today()) << "from its first day";
    server_.AdvanceDays(3);
    EXPECT_FALSE(principal_today()) << "not after its last day";

    const HttpResult reversed =
        Post("/admin/personal/roller",
             "user_id=" + frida + "&unit_id=" + school + "&role=teacher&valid_from=" + day(9) + "&valid_to=" + day(8));
    EXPECT_EQ(reversed.status, 400);
    EXPECT_NE(reversed.body.find("Sista dagen kan inte komma före den första."), std::string::npos);
    const HttpResult garbled = Post("/admin/personal/roller", "user_id=" + frida + "&unit_id=" + school +
                                                                  "&role=teacher&valid_from=" + UrlEncode("igår"));
    EXPECT_EQ(garbled.status, 400);
}

}  // namespace
}  // namespace kronobarn::testing
