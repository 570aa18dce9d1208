// An organisation's units over HTTP: its system administrator adds a unit (which then takes staff
// who sign in to it), renames and moves it — every page, on every server, shows the new name at
// once — and closes it, which is refused with what must be handed over while children, plans or
// staff depend on it. Another organisation's unit is "not found"; anyone else gets no page.
#include <gtest/gtest.h>

#include "integration/plan_fixture.hpp"

namespace kronobarn::testing {
namespace {

class UnitAdminTest : public PlanFixture {
  protected:
    HttpResult Post(const std::string& path, const std::string& fields, const std::string& as = "adam") {
        return server_.PostForm(path, Csrf(as) + "&" + fields, Session(as));
    }
    std::string Page() { return server_.Get("/admin/enheter", Session("adam")).body; }
    std::vector<std::string> UnitRows() {
        std::vector<std::string> rows;
        for (const auto& row : server_.AuditRowsSinceSetup()) {
            if (row.event.object_type == "unit") rows.push_back(row.event.action + " " + row.event.object_id);
        }
        return rows;
    }
    // A browser keeps the fragment (the card to scroll to) to itself.
    static std::string WithoutFragment(const std::string& location) { return location.substr(0, location.find('#')); }
    static std::string LinkOn(const std::string& page) {
        const auto at = page.find("/aktivera/");
        return at == std::string::npos ? "" : page.substr(at, page.find('<', at) - at);
    }
};

TEST_F(UnitAdminTest, ANewUnitTakesStaffWhoSignInToItsWorkAndTheChangeIsAudited) {
    const HttpResult created =
        Post("/admin/enheter", "kind=preschool&name=" + UrlEncode("Växjö förskola Månen") +
                                   "&area=V%C3%A4xj%C3%B6&external_id=VX-F-0042&phone=0470-411+00"
                                   "&email=manen%40vaxjo.se&active_from=2026-08-17");
    ASSERT_EQ(created.status, 303) << AlertText(created.body);
    const HttpResult page = server_.Get(WithoutFragment(created.Header("location")), Session("adam"));
    EXPECT_NE(page.body.find("Enheten är tillagd."), std::string::npos);
    EXPECT_NE(page.body.find(">Växjö förskola Månen</h3>"), std::string::npos);
    for (const std::string fact :
         {"Förskola", "VX-F-0042", "0470-411 00", "manen@vaxjo.se", "Öppen sedan 17 augusti 2026"}) {
        EXPECT_NE(page.body.find(fact), std::string::npos) << fact;
    }
    const std::string unit = std::to_string(server_.UnitId("Växjö förskola Månen"));
    EXPECT_EQ(UnitRows(), std::vector<std::string>{"create " + unit});

    // The new unit is at once a place to work: a teacher gets an account there and signs in to it.
    const HttpResult staff = Post("/admin/personal",
                                  "display_name=Mona+Malm&username=mona&email=mona%40vaxjo.se"
                                  "&unit_id=" +
                                      unit + "&role=teacher");
    ASSERT_EQ(staff.status, 200) << AlertText(staff.body);
    const std::string link = LinkOn(staff.body);
    ASSERT_FALSE(link.empty());
    const std::string csrf = server_.Get(link).CookieValue("kb_login_csrf");
    RequestSpec activate{"POST", link, {{"Content-Type", "application/x-www-form-urlencoded"}}, ""};
    activate.headers.emplace_back("Cookie", "kb_login_csrf=" + csrf);
    activate.body = "csrf_token=" + csrf + "&username=mona&password=" + UrlEncode(kPassword) +
                    "&password_repeat=" + UrlEncode(kPassword);
    ASSERT_EQ(server_.Send(activate).status, 303);
    const std::string mona = server_.Login("mona", kPassword);
    ASSERT_FALSE(mona.empty());
    const HttpResult start = server_.Get("/start", mona);
    EXPECT_EQ(start.status, 200);
    EXPECT_NE(start.body.find("Lärare/förskollärare – Växjö förskola Månen"), std::string::npos)
        << "her role in the new unit";
}

TEST_F(UnitAdminTest, ARenameOrMoveShowsAtOnceOnEveryServerAndEachIsItsOwnAuditRow) {
    TestServer other(server_);  // a second app server on the same database, with its own caches
    const std::string anna_elsewhere = other.SessionOf("anna");
    ASSERT_NE(other.Get("/start", anna_elsewhere).body.find("Rektor – Växjö Centralskola"), std::string::npos);
    const std::string unit = Unit("Växjö Centralskola");

    const HttpResult renamed = Post(
        "/admin/enheter/andra", "unit_id=" + unit + "&name=" + UrlEncode("Växjö Centralskola F–9") + "&area=Alvesta");
    ASSERT_EQ(renamed.status, 303) << AlertText(renamed.body);
    EXPECT_NE(server_.Get("/start", Session("anna")).body.find("Rektor – Växjö Centralskola F–9"), std::string::npos);
    EXPECT_NE(other.Get("/start", anna_elsewhere).body.find("Rektor – Växjö Centralskola F–9"), std::string::npos)
        << "the other server's kept copy of the unit is not used after the change";
    EXPECT_EQ(UnitRows(), (std::vector<std::string>{"rename " + unit, "move " + unit}));
    // Each row says what was there before: the log reviewer reads it in words.
    std::vector<std::vector<domain::AuditChange>> changes;
    for (const auto& row : server_.AuditRowsSinceSetup()) {
        if (row.event.object_type == "unit") changes.push_back(row.event.changes);
    }
    EXPECT_EQ(changes,
              (std::vector<std::vector<domain::AuditChange>>{{{"name", "Växjö Centralskola", "Växjö Centralskola F–9"}},
                                                             {{"area", "Växjö", "Alvesta"}}}));
    const std::string log = server_.Get("/loggkontroll?action=", Session("lena")).body;
    EXPECT_NE(log.find("namn: Växjö Centralskola → Växjö Centralskola F–9"), std::string::npos);
    EXPECT_NE(log.find("kommun: Växjö → Alvesta"), std::string::npos);

    // Saving what is already there changes nothing and leaves no row.
    ASSERT_EQ(Post("/admin/enheter/andra",
                   "unit_id=" + unit + "&name=" + UrlEncode("Växjö Centralskola F–9") + "&area=Alvesta")
                  .status,
              303);
    EXPECT_EQ(UnitRows().size(), 2U);
}

TEST_F(UnitAdminTest, ClosingIsRefusedWithWhatMustBeHandedOverAndAnEmptyUnitClosesAndReopens) {
    StartPlan();  // Växjö Centralskola holds an 11-year-old and keeps a plan
    const std::string school = Unit("Växjö Centralskola");
    const HttpResult refused = Post("/admin/enheter/stang", "unit_id=" + school);
    EXPECT_EQ(refused.status, 409);
    const std::string alert = AlertText(refused.body);
    EXPECT_NE(alert.find("Växjö Centralskola kan inte stängas ännu"), std::string::npos) << alert;
    EXPECT_NE(alert.find("Barn där enheten är Barnens bästa-ansvarig: 1."), std::string::npos) << alert;
    EXPECT_NE(alert.find("Roller som personal har i enheten: "), std::string::npos) << alert;
    EXPECT_EQ(alert.find("Maja"), std::string::npos) << "the administrator sees no child's name";
    EXPECT_EQ(refused.body.find("Stängd sedan"), std::string::npos) << "nothing changed";
    EXPECT_TRUE(UnitRows().empty());

    ASSERT_EQ(Post("/admin/enheter", "kind=school_unit&name=Tillf%C3%A4llig+skola&area=").status, 303);
    const std::string empty = std::to_string(server_.UnitId("Tillfällig skola"));
    const HttpResult closed = Post("/admin/enheter/stang", "unit_id=" + empty);
    ASSERT_EQ(closed.status, 303);
    const std::string after = server_.Get(WithoutFragment(closed.Header("location")), Session("adam")).body;
    EXPECT_NE(after.find("Enheten är stängd."), std::string::npos);
    EXPECT_NE(after.find("Stängd sedan"), std::string::npos);
    EXPECT_EQ(server_.Get("/admin/personal", Session("adam")).body.find(">Tillfällig skola</option>"),
              std::string::npos)
        << "a closed unit is no choice for a new role";
    EXPECT_EQ(Post("/admin/enheter/stang", "unit_id=" + empty).status, 422) << "already closed";
    ASSERT_EQ(Post("/admin/enheter/oppna", "unit_id=" + empty).status, 303);
    EXPECT_NE(server_.Get("/admin/personal", Session("adam")).body.find(">Tillfällig skola</option>"),
              std::string::npos);
    EXPECT_EQ(UnitRows(), (std::vector<std::string>{"create " + empty, "close " + empty, "reopen " + empty}));
}

TEST_F(UnitAdminTest, EveryFieldInErrorIsNamedAndNothingIsWritten) {
    const HttpResult refused = Post("/admin/enheter",
                                    "kind=bvc&name=&area=&external_id=no%3Bsemicolons"
                                    "&phone=ring+mig&email=nope&active_from=2026-02-30");
    ASSERT_EQ(refused.status, 400);
    for (const std::string message :
         {"Skriv enhetens namn.", "Den typen av enhet finns inte i den här sortens organisation.",
          "Extern id får ha högst 64 tecken", "Skriv ett telefonnummer med siffror", "Skriv en e-postadress",
          "Skriv datumet som ÅÅÅÅ-MM-DD"}) {
        EXPECT_NE(AlertText(refused.body).find(message), std::string::npos) << message;
    }
    EXPECT_NE(refused.body.find("value=\"ring mig\""), std::string::npos) << "what was typed is kept";
    EXPECT_EQ(Post("/admin/enheter", "kind=castle&name=Borgen").status, 400);

    ASSERT_EQ(Post("/admin/enheter", "kind=preschool&name=A&external_id=VX-1").status, 303);
    const HttpResult taken = Post("/admin/enheter", "kind=preschool&name=B&external_id=VX-1");
    EXPECT_EQ(taken.status, 409);
    EXPECT_NE(AlertText(taken.body).find("En annan enhet i organisationen har redan den externa id:n."),
              std::string::npos);
    EXPECT_NE(taken.body.find("aria-invalid=\"true\""), std::string::npos) << "the external id field is marked";
    EXPECT_EQ(UnitRows().size(), 1U) << "only the first unit was created";
}

// A merge moves the child's Barnens bästa-ansvar, the open plan and the staff's roles to the unit
// that takes over, with an audit row for each that says from where to where, and closes the unit;
// the consent that named the old unit does not follow and the page says so. A unit of another
// kind, the unit itself, another organisation's unit or a waiting handover are refused, nothing moved.
TEST_F(UnitAdminTest, AMergeMovesTheChildrenPlansAndRolesButNotTheConsentsAndEveryMoveIsAudited) {
    StartPlan();  // Växjö Centralskola holds an 11-year-old and keeps a plan
    ASSERT_EQ(RecordConsent().status, 303);
    const std::string school = Unit("Växjö Centralskola");
    // The school is also collaboration-responsible for the plan, as after a collaboration handover.
    ASSERT_FALSE(server_.Database().RawExec("UPDATE plans SET collaboration_unit_id = " + school));
    ASSERT_EQ(Post("/admin/enheter", "kind=school_unit&name=" + UrlEncode("Växjö Nya skolan") + "&area=V%C3%A4xj%C3%B6")
                  .status,
              303);
    const std::string merged_into = Unit("Växjö Nya skolan");
    ASSERT_NE(Page().find("Slå ihop Växjö Centralskola med en annan enhet"), std::string::npos);
    const auto rows_before = server_.AuditRowsSinceSetup().size();

    const auto refused = [&](const std::string& into, const std::string& message) {
        const HttpResult answer = Post("/admin/enheter/sla-ihop", "unit_id=" + school + "&into_unit_id=" + into);
        EXPECT_EQ(answer.status, 400) << into;
        EXPECT_NE(AlertText(answer.body).find(message), std::string::npos) << AlertText(answer.body);
        EXPECT_NE(answer.body.find("id=\"form-merge-" + school + "\" open"), std::string::npos)
            << "the failed form is open where the error is";
    };
    refused(school, "En enhet kan inte slås ihop med sig själv.");
    refused(Unit("Socialtjänsten Växjö"), "Enheten är av ett annat slag.");
    refused(Unit("Alvesta Centralskola"), "Välj en av organisationens öppna enheter.");
    refused("", "Välj en av organisationens öppna enheter.");
    // A handover waiting for an answer is the staff's to answer first.
    const std::string child_page = consents_.substr(0, consents_.rfind('/'));
    ASSERT_EQ(server_
                  .PostForm(child_page + "/overlamning",
                            Csrf("anna") + "&to_unit_id=" + Unit("BVC Växjö") + "&note=" + UrlEncode("Fel enhet"),
                            Session("anna"))
                  .status,
              303);
    const HttpResult waiting = Post("/admin/enheter/sla-ihop", "unit_id=" + school + "&into_unit_id=" + merged_into);
    EXPECT_EQ(waiting.status, 422);
    EXPECT_NE(AlertText(waiting.body).find("överlämningar som väntar på svar"), std::string::npos);
    const std::string start = server_.Get("/start", Session("anna")).body;
    const auto handover = start.find("action=\"/overlamningar/");
    ASSERT_NE(handover, std::string::npos);
    const std::string id_onwards = start.substr(handover + std::string("action=\"/overlamningar/").size());
    const std::string cancel = "/overlamningar/" + id_onwards.substr(0, id_onwards.find('/')) + "/aterkalla";
    for (std::size_t i = rows_before; i < server_.AuditRowsSinceSetup().size(); ++i) {
        EXPECT_EQ(server_.AuditRowsSinceSetup()[i].event.action.find("merge"), std::string::npos) << "nothing moved";
    }
    ASSERT_EQ(server_.PostForm(cancel, Csrf("anna"), Session("anna")).status, 303) << cancel;

    const HttpResult merged = Post("/admin/enheter/sla-ihop", "unit_id=" + school + "&into_unit_id=" + merged_into);
    ASSERT_EQ(merged.status, 200) << AlertText(merged.body);
    for (const std::string said : {"Växjö Centralskola är sammanslagen med Växjö Nya skolan och stängd.",
                                   "Barn där Barnens bästa-ansvaret flyttades: 1.", "Öppna planer som flyttades: 1.",
                                   "1 samtycken nämner Växjö Centralskola och gäller inte Växjö Nya skolan."}) {
        EXPECT_NE(merged.body.find(said), std::string::npos) << said;
    }
    EXPECT_EQ(merged.body.find("Maja"), std::string::npos) << "the administrator sees no child's name";

    // The principal works on in the new unit and still keeps the child's plan there.
    EXPECT_NE(server_.Get("/start", Session("anna")).body.find("Rektor – Växjö Nya skolan"), std::string::npos);
    EXPECT_EQ(server_.Get(plan_, Session("anna")).status, 200);

    std::vector<std::string> moves;
    for (const auto& row : server_.AuditRowsSinceSetup()) {
        const auto& event = row.event;
        if (event.action == "merge_move" && event.object_type == "coordination_holder") {
            EXPECT_TRUE(event.child_id.has_value()) << "the row is in the child's log";
            EXPECT_EQ(event.changes,
                      (std::vector<domain::AuditChange>{{"holder", "Växjö Centralskola", "Växjö Nya skolan"}}));
        }
        if (event.action == "merge_move" || event.action == "merge" || event.action == "role_move" ||
            (event.object_type == "unit" && event.action == "close")) {
            moves.push_back(event.object_type + " " + event.action);
        }
    }
    ASSERT_FALSE(moves.empty());
    EXPECT_EQ(moves.front(), "coordination_holder merge_move");
    EXPECT_NE(std::find(moves.begin(), moves.end(), "plan merge_move"), moves.end());
    EXPECT_NE(std::find(moves.begin(), moves.end(), "user_role role_move"), moves.end());
    EXPECT_EQ(moves.back(), "unit close");
    const std::string log = server_.Get("/loggkontroll?action=", Session("lena")).body;
    EXPECT_NE(log.find("Barnens bästa-ansvarig: Växjö Centralskola → Växjö Nya skolan"), std::string::npos);
    EXPECT_NE(log.find("stängde enheten"), std::string::npos) << "a unit's closing in its own words";

    const HttpResult again = Post("/admin/enheter/sla-ihop", "unit_id=" + school + "&into_unit_id=" + merged_into);
    EXPECT_EQ(again.status, 422) << "closed: nothing moves twice";
}

TEST_F(UnitAdminTest, AnotherOrganisationsUnitIsNotFoundAndOnlyASystemAdministratorHasThePage) {
    const std::string alvesta = Unit("Alvesta Centralskola");
    EXPECT_EQ(Post("/admin/enheter/andra", "unit_id=" + alvesta + "&name=Kapad").status, 404);
    EXPECT_EQ(Post("/admin/enheter/stang", "unit_id=" + alvesta).status, 404);
    EXPECT_EQ(Post("/admin/enheter/stang", "unit_id=abc").status, 404);
    EXPECT_EQ(
        Post("/admin/enheter/sla-ihop", "unit_id=" + alvesta + "&into_unit_id=" + Unit("Växjö Centralskola")).status,
        404);
    EXPECT_EQ(Page().find("Alvesta Centralskola"), std::string::npos) << "only its own organisation's units";
    EXPECT_NE(Page().find("Växjö förskola Solen"), std::string::npos);
    for (const std::string user : {"anna", "linnea", "lena"}) {
        EXPECT_EQ(server_.Get("/admin/enheter", Session(user)).status, 404) << user;
        EXPECT_EQ(Post("/admin/enheter", "kind=preschool&name=X", user).status, 404) << user;
    }
    EXPECT_TRUE(UnitRows().empty());
}

}  // namespace
}  // namespace kronobarn::testing
