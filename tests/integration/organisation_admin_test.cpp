// The county administrator's organisations over HTTP: add one with its code, rename and
// deactivate it (each change audited with what it did), bad input shown on the form with what was
// typed, and nobody else reaching the pages.
#include <gtest/gtest.h>

#include <algorithm>

#include "integration/test_server.hpp"

namespace kronobarn::testing {
namespace {

class OrganisationAdminTest : public ::testing::Test {
  protected:
    const std::string& Session(const std::string& user) { return server_.SessionOf(user); }
    HttpResult Create(const std::string& fields, const std::string& user = "linnea") {
        return server_.PostForm("/admin/organisationer", server_.CsrfField(user) + fields, Session(user));
    }
    HttpResult Change(const std::string& fields, const std::string& user = "linnea") {
        return server_.PostForm("/admin/organisationer/andra", server_.CsrfField(user) + fields, Session(user));
    }
    std::string Page() { return server_.Get("/admin/organisationer", Session("linnea")).body; }
    // The id of the organisation whose change form carries this name.
    std::string IdOf(const std::string& name) {
        const std::string page = Page();
        const auto at = page.find("value=\"" + name + "\"");
        const auto hidden = page.rfind("name=\"organisation_id\" value=\"", at);
        if (at == std::string::npos || hidden == std::string::npos) return "";
        const auto start = hidden + 30;
        return page.substr(start, page.find('"', start) - start);
    }
    std::size_t Count(const std::string& text) {
        const std::string page = Page();
        std::size_t n = 0;
        for (auto at = page.find(text); at != std::string::npos; at = page.find(text, at + 1)) ++n;
        return n;
    }

    TestServer server_;
};

TEST_F(OrganisationAdminTest, TheCountyAdministratorAddsRenamesAndDeactivatesAnOrganisation) {
    const HttpResult start = server_.Get("/start", Session("linnea"));
    EXPECT_NE(start.body.find("href=\"/admin/organisationer\""), std::string::npos);

    const HttpResult created =
        Create("&name=" + UrlEncode("Uppvidinge kommun") + "&kind=municipality&code=" + UrlEncode(" 0760 "));
    ASSERT_EQ(created.status, 303) << created.body.substr(0, 2000);
    ASSERT_EQ(created.headers.count("location"), 1U);
    std::string page = server_.Get(created.headers.find("location")->second, Session("linnea")).body;
    EXPECT_NE(page.find("Organisationen är tillagd."), std::string::npos);
    EXPECT_NE(page.find("<h3 class=\"ds-heading\" data-size=\"xs\">Uppvidinge kommun</h3>"), std::string::npos);
    EXPECT_NE(page.find("<dd>0760</dd>"), std::string::npos) << "the code is stored without the spaces typed";
    auto rows = server_.AuditRowsSinceSetup();
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.back().event.object_type, "organisation");
    EXPECT_EQ(rows.back().event.action, "create");
    EXPECT_EQ(rows.back().event.legal_basis, "administration");
    EXPECT_EQ(rows.back().event.role, "county_admin");

    const std::string id = IdOf("Uppvidinge kommun");
    ASSERT_FALSE(id.empty());
    const HttpResult renamed =
        Change("&organisation_id=" + id + "&name=" + UrlEncode("Uppvidinge kommun <b>ny</b>") + "&code=0760");
    ASSERT_EQ(renamed.status, 303) << renamed.body.substr(0, 2000);
    page = Page();
    EXPECT_NE(page.find("Uppvidinge kommun &lt;b&gt;ny&lt;/b&gt;"), std::string::npos) << "names are escaped";
    EXPECT_NE(page.find("<dd>Avaktiverad</dd>"), std::string::npos) << "an unticked box deactivates";
    rows = server_.AuditRowsSinceSetup();
    EXPECT_EQ(rows.back().event.action, "deactivate");
    EXPECT_EQ(rows.back().event.object_id, id);
    EXPECT_EQ(rows.back().event.changes,
              (std::vector<domain::AuditChange>{{"name", "Uppvidinge kommun", "Uppvidinge kommun <b>ny</b>"},
                                                {"active", "yes", "no"}}))
        << "the row says what the organisation was before";

    ASSERT_EQ(Change("&organisation_id=" + id + "&name=Uppvidinge+kommun&code=0760&active=ja").status, 303);
    EXPECT_EQ(server_.AuditRowsSinceSetup().back().event.action, "reactivate");
}

// Other authorities (Försäkringskassan and the like) take part as organisations of their own kind,
// with an organisation number, and set up their own units.
TEST_F(OrganisationAdminTest, AnOtherAuthorityIsAnOrganisationOfItsOwnKind) {
    EXPECT_NE(Page().find("<option value=\"other_authority\">Annan myndighet</option>"), std::string::npos);
    const HttpResult created =
        Create("&name=" + UrlEncode("Försäkringskassan") + "&kind=other_authority&code=" + UrlEncode("2021005521"));
    ASSERT_EQ(created.status, 303) << created.body.substr(0, 2000);
    const std::string page = Page();
    const auto card = page.find(">Försäkringskassan</h3>");
    ASSERT_NE(card, std::string::npos);
    EXPECT_NE(page.find("<dd>Annan myndighet</dd>", card), std::string::npos);
    EXPECT_NE(page.find("<dd>202100-5521</dd>", card), std::string::npos) << "an organisation number, with its hyphen";
    EXPECT_EQ(server_.AuditRowsSinceSetup().back().event.changes,
              (std::vector<domain::AuditChange>{
                  {"kind", "", "other_authority"}, {"name", "", "Försäkringskassan"}, {"code", "", "202100-5521"}}));
}

// Deactivating is how the county stops an organisation's access at once: its roles grant nothing
// from the next request on (the open session too), and come back when it is active again.
TEST_F(OrganisationAdminTest, ADeactivatedOrganisationsRolesGiveNoAccessUntilItIsActiveAgain) {
    const std::string olle = Session("olle");  // principal at Alvesta Centralskola
    const auto roles_of = [&](const std::string& session) {
        const HttpResult me = server_.Get("/api/v1/me", session);
        EXPECT_EQ(me.status, 200);
        return me.body.substr(me.body.find("\"roles\""));
    };
    ASSERT_NE(roles_of(olle).find("principal"), std::string::npos);
    ASSERT_EQ(server_.Get("/oro/ny", olle).status, 200);
    const std::string alvesta = IdOf("Alvesta kommun");
    ASSERT_FALSE(alvesta.empty());

    ASSERT_EQ(Change("&organisation_id=" + alvesta + "&name=Alvesta+kommun&code=0764").status, 303);
    EXPECT_EQ(roles_of(olle), "\"roles\":[]}") << "the open session lost the role with the organisation";
    EXPECT_EQ(server_.Get("/oro/ny", olle).status, 404) << "no role, no signal form";
    const std::string fresh = server_.Login("olle", kPassword);
    ASSERT_FALSE(fresh.empty());
    EXPECT_EQ(roles_of(fresh), "\"roles\":[]}") << "nor does a new sign-in bring it back";
    EXPECT_NE(roles_of(Session("anna")).find("principal"), std::string::npos) << "Växjö's staff are not touched";

    ASSERT_EQ(Change("&organisation_id=" + alvesta + "&name=Alvesta+kommun&code=0764&active=ja").status, 303);
    EXPECT_NE(roles_of(olle).find("principal"), std::string::npos) << "active again: the role counts again";
    EXPECT_EQ(server_.Get("/oro/ny", olle).status, 200);
}

TEST_F(OrganisationAdminTest, BadInputShowsEveryFieldInErrorKeepsWhatWasTypedAndChangesNothing) {
    const std::size_t cards = Count("<li class=\"kb-card\">");
    const HttpResult nothing = Create("&name=+&kind=&code=12");
    EXPECT_EQ(nothing.status, 400);
    EXPECT_NE(nothing.body.find("Skriv organisationens namn."), std::string::npos);
    EXPECT_NE(nothing.body.find("Välj vilket slag av organisation det är."), std::string::npos);
    EXPECT_NE(nothing.body.find("href=\"#new-name\""), std::string::npos) << "the summary links to the field";
    EXPECT_NE(nothing.body.find("value=\"12\""), std::string::npos) << "what was typed stays";

    const HttpResult bad_number = Create("&name=" + UrlEncode("Lessebo FF") + "&kind=association&code=802470-1231");
    EXPECT_EQ(bad_number.status, 400);
    EXPECT_NE(bad_number.body.find("Koden stämmer inte."), std::string::npos);
    EXPECT_NE(bad_number.body.find("id=\"new-code\" name=\"code\" value=\"802470-1231\" aria-invalid=\"true\""),
              std::string::npos)
        << bad_number.body.substr(bad_number.body.find("new-code"), 300);
    const HttpResult five_digits = Create("&name=" + UrlEncode("Lessebo kommun") + "&kind=municipality&code=07610");
    EXPECT_EQ(five_digits.status, 400);
    EXPECT_EQ(Count("<li class=\"kb-card\">"), cards) << "a refused form adds nothing";
}

TEST_F(OrganisationAdminTest, ANameOrCodeAnotherOrganisationHasIsRefusedWithWhy) {
    const HttpResult same_code = Create("&name=" + UrlEncode("Växjö kommun 2") + "&kind=municipality&code=0780");
    EXPECT_EQ(same_code.status, 409);
    EXPECT_NE(same_code.body.find("Det finns redan en organisation med det namnet eller den koden."),
              std::string::npos);
    const HttpResult same_name = Create("&name=" + UrlEncode("Alvesta kommun") + "&kind=municipality");
    EXPECT_EQ(same_name.status, 409);
}

TEST_F(OrganisationAdminTest, OnlyTheCountyAdministratorReachesThePagesEveryoneElseGetsNotFound) {
    const HttpResult nowhere = server_.Get("/admin/finns-inte", Session("anna"));
    for (const std::string user : {"anna", "adam", "lena", "stina"}) {
        const HttpResult page = server_.Get("/admin/organisationer", Session(user));
        EXPECT_EQ(page.status, 404) << user;
        EXPECT_EQ(BodyWithoutRequestId(page), BodyWithoutRequestId(nowhere)) << user;
        EXPECT_EQ(Create("&name=X&kind=police", user).status, 404) << user;
        EXPECT_EQ(Change("&organisation_id=1&name=X", user).status, 404) << user;
    }
    EXPECT_EQ(Count("<h3 class=\"ds-heading\" data-size=\"xs\">X</h3>"), 0U);
    EXPECT_EQ(Change("&organisation_id=987654&name=X").status, 404) << "an unknown organisation";
    EXPECT_EQ(Change("&organisation_id=abc&name=X").status, 404) << "an id that is no id";
}

// The whole way into service through the pages: the county administrator adds a municipality and
// invites its administrator, who sets a password, adds a unit and a member of staff, who in turn
// activates their link, signs in and works in the new unit.
TEST_F(OrganisationAdminTest, ANewOrganisationIsPutIntoServiceThroughThePagesAlone) {
    ASSERT_EQ(Create("&name=" + UrlEncode("Lessebo kommun") + "&kind=municipality&code=0761").status, 303);
    const std::string lessebo = IdOf("Lessebo kommun");
    ASSERT_FALSE(lessebo.empty());
    const HttpResult invited = server_.PostForm("/admin/organisationer/administrator",
                                                server_.CsrfField("linnea") + "&organisation_id=" + lessebo +
                                                    "&display_name=Lisa+Lind&username=lisa&email=lisa%40lessebo.se",
                                                Session("linnea"));
    ASSERT_EQ(invited.status, 200) << invited.body.substr(0, 2000);
    EXPECT_EQ(invited.Header("cache-control"), "no-store");
    const auto activate = [&](const std::string& page, const std::string& username) {
        const auto at = page.find("/aktivera/");
        EXPECT_NE(at, std::string::npos) << "no one-time link shown";
        const std::string link = page.substr(at, page.find('<', at) - at);
        const std::string csrf = server_.Get(link).CookieValue("kb_login_csrf");
        RequestSpec post{"POST", link, {{"Content-Type", "application/x-www-form-urlencoded"}}, ""};
        post.headers.emplace_back("Cookie", "kb_login_csrf=" + csrf);
        post.body = "csrf_token=" + csrf + "&username=" + username + "&password=" + UrlEncode(kPassword) +
                    "&password_repeat=" + UrlEncode(kPassword);
        EXPECT_EQ(server_.Send(post).status, 303);
        return server_.Login(username, kPassword);
    };
    const std::string lisa = activate(invited.body, "lisa");
    ASSERT_FALSE(lisa.empty());
    const std::string lisa_start = server_.Get("/start", lisa).body;
    EXPECT_NE(lisa_start.find("Systemadministratör – Administration Lessebo kommun"), std::string::npos);
    EXPECT_NE(lisa_start.find("href=\"/admin/enheter\""), std::string::npos);

    const HttpResult unit = server_.PostForm(
        "/admin/enheter",
        "csrf_token=" + server_.CsrfTokenFor(lisa) + "&kind=school_unit&name=Lessebo+skola&area=Lessebo", lisa);
    ASSERT_EQ(unit.status, 303);
    const std::string school = std::to_string(server_.UnitId("Lessebo skola"));
    const HttpResult staff = server_.PostForm("/admin/personal",
                                              "csrf_token=" + server_.CsrfTokenFor(lisa) +
                                                  "&display_name=Leo+Lund&username=leo&email=leo%40lessebo.se"
                                                  "&unit_id=" +
                                                  school + "&role=principal",
                                              lisa);
    ASSERT_EQ(staff.status, 200) << staff.body.substr(0, 2000);
    const std::string leo = activate(staff.body, "leo");
    ASSERT_FALSE(leo.empty());
    const HttpResult leo_start = server_.Get("/start", leo);
    EXPECT_EQ(leo_start.status, 200);
    EXPECT_NE(leo_start.body.find("Rektor – Lessebo skola"), std::string::npos) << "the principal's start page";
    EXPECT_EQ(server_.Get("/admin/enheter", leo).status, 404) << "and no administration";

    std::vector<std::string> county_rows;
    for (const auto& row : server_.AuditRowsSinceSetup()) {
        if (row.event.role == "county_admin") county_rows.push_back(row.event.object_type + " " + row.event.action);
    }
    EXPECT_EQ(county_rows, (std::vector<std::string>{"organisation create", "unit create", "user user_create",
                                                     "user_role role_add"}));
}

TEST_F(OrganisationAdminTest, AnAdministratorInvitationWithBadFieldsOrForAnInactiveOrganisationMakesNothing) {
    const std::string alvesta = IdOf("Alvesta kommun");
    const HttpResult refused = server_.PostForm(
        "/admin/organisationer/administrator",
        server_.CsrfField("linnea") + "&organisation_id=" + alvesta + "&display_name=&username=a&email=nope",
        Session("linnea"));
    EXPECT_EQ(refused.status, 400);
    EXPECT_NE(refused.body.find("kb-error-summary"), std::string::npos);
    EXPECT_NE(refused.body.find("<details class=\"kb-fold\" id=\"form-admin-" + alvesta + "\" open"), std::string::npos)
        << "the failed form is open where the eye is";
    EXPECT_EQ(refused.body.find("/aktivera/"), std::string::npos);
    EXPECT_EQ(server_
                  .PostForm("/admin/organisationer/administrator",
                            server_.CsrfField("adam") + "&organisation_id=" + alvesta +
                                "&display_name=X&username=xx&email=x%40y.se",
                            Session("adam"))
                  .status,
              404)
        << "an organisation's own administrator does not invite for the county";
    for (const auto& row : server_.AuditRowsSinceSetup()) EXPECT_NE(row.event.action, "user_create");
}

}  // namespace
}  // namespace kronobarn::testing
