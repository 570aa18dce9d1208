// Signals over real HTTP and SQLite: stories 1, 2 and 5, the no-oracle rule, the access choke
// point answering 404 with a denied audit row, and bad input that saves nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <thread>

#include "domain/personal_number.hpp"
#include "integration/test_server.hpp"

namespace kronobarn::testing {
namespace {

// Born 2022-05-10 (4 years old at the fixture's clock, 2026-11-18), synthetic serial 980.
std::string FourYearOld() {
    const std::string nine = "220510980";
    return "20" + nine + std::to_string(domain::LuhnCheckDigit(nine));
}

// The text of the page's error alert (role="alert"), or empty: messages are asserted there, not
// anywhere on the page, since labels and help texts share words with them.
std::string AlertText(const std::string& html) {
    const auto start = html.find("role=\"alert\"");
    if (start == std::string::npos) return {};
    return html.substr(start, html.find("</div>", start) - start);
}

class ConcernTest : public ::testing::Test {
  protected:
    struct Signal {
        std::string personal_number = FourYearOld();
        std::string given_name = "Elsa";
        std::string family_name = "Testsson";
        std::string description = "Har kommit utan ytterkläder tre morgnar i rad.";
        std::string noticed_on = "2026-11-17";
        std::string extra;  // more form fields, already encoded
    };

    HttpResult Register(const std::string& cookie, const std::string& unit, const Signal& signal) {
        const std::string body =
            "csrf_token=" + server_.CsrfTokenFor(cookie) + "&personal_number=" + UrlEncode(signal.personal_number) +
            "&given_name=" + UrlEncode(signal.given_name) + "&family_name=" + UrlEncode(signal.family_name) +
            "&noticing_unit_id=" + std::to_string(server_.UnitId(unit)) + "&noticed_on=" + signal.noticed_on +
            "&description=" + UrlEncode(signal.description) +
            "&wheel_area=omvardad&wheel_area=trygg&guardians_informed=nej" + signal.extra;
        return server_.PostForm("/oro", body, cookie);
    }

    // Registers as the preschool teacher; returns the signal's URL.
    std::string RegisterAsTeacher() { return RegisterAsTeacher(Signal()); }
    std::string RegisterAsTeacher(const Signal& signal) {
        const HttpResult result = Register(Teacher(), "Växjö förskola Solen", signal);
        EXPECT_EQ(result.status, 303) << result.body;
        const std::string location = result.Header("location");
        return location.substr(0, location.find('?'));
    }

    const std::string& Teacher() { return Session("frida"); }
    const std::string& Session(const std::string& user) { return server_.SessionOf(user); }

    TestServer server_;
};

TEST_F(ConcernTest, SignalAboutAPreschoolChildReachesTheBvcInboxOfTheArea) {
    const std::string url = RegisterAsTeacher();
    ASSERT_EQ(url.rfind("/oro/", 0), 0u);
    server_.Clock().Advance(std::chrono::hours(3 * 24 + 1));
    const HttpResult inbox = server_.Get("/start", Session("britt"));
    EXPECT_NE(inbox.body.find("Elsa Testsson"), std::string::npos);
    EXPECT_NE(inbox.body.find("href=\"" + url + "\""), std::string::npos);
    EXPECT_NE(inbox.body.find("3 dagar"), std::string::npos) << "waiting time in days";
    EXPECT_EQ(server_.Get("/start", Session("anna")).body.find("Elsa Testsson"), std::string::npos)
        << "the school is not the holder of a 4-year-old";
}

// A busy inbox: the start page lists the 20 oldest (and audits those 20 only), says how many wait
// and links to /inkorg, which lists them all.
TEST_F(ConcernTest, ABusyInboxShowsTheOldestTwentyOnTheStartPageAndAllOnItsOwnPage) {
    for (int i = 0; i < 22; ++i) {
        Signal signal;
        const std::string nine = "2205" + std::to_string(10 + i) + "981";
        signal.personal_number = "20" + nine + std::to_string(domain::LuhnCheckDigit(nine));
        signal.given_name = "Barn" + std::string(1, static_cast<char>('A' + i));
        RegisterAsTeacher(signal);
        server_.Clock().Advance(std::chrono::minutes(1));
    }
    const auto before = server_.AuditRowsSinceSetup().size();
    const HttpResult start = server_.Get("/start", Session("britt"));
    ASSERT_EQ(start.status, 200);
    EXPECT_NE(start.body.find("BarnA Testsson"), std::string::npos) << "the oldest first";
    EXPECT_NE(start.body.find("BarnT Testsson"), std::string::npos) << "the twentieth";
    EXPECT_EQ(start.body.find("BarnU Testsson"), std::string::npos) << "not the twenty-first";
    EXPECT_NE(start.body.find("Visar de 20 äldsta av 22 obesvarade signaler."), std::string::npos);
    EXPECT_NE(start.body.find("href=\"/inkorg\""), std::string::npos);
    const auto rows = server_.AuditRowsSinceSetup();
    const auto listed = std::count_if(rows.begin() + static_cast<std::ptrdiff_t>(before), rows.end(),
                                      [](const store::AuditRow& row) { return row.event.action == "list"; });
    EXPECT_EQ(listed, 20) << "only the signals shown are audited as read";

    const HttpResult all = server_.Get("/inkorg", Session("britt"));
    ASSERT_EQ(all.status, 200);
    EXPECT_NE(all.body.find("BarnV Testsson"), std::string::npos);
    EXPECT_EQ(all.body.find("Visar de"), std::string::npos);
    const HttpResult teacher = server_.Get("/inkorg", Teacher());
    ASSERT_EQ(teacher.status, 200);
    EXPECT_EQ(teacher.body.find("BarnA"), std::string::npos) << "a teacher holds no inbox";
}

TEST_F(ConcernTest, RegistrationWritesAuditRowsForChildHolderAndSignal) {
    RegisterAsTeacher();
    std::vector<std::string> objects;
    for (const auto& row : server_.AuditRowsSinceSetup()) {
        if (row.event.action != "create") continue;
        objects.push_back(row.event.object_type);
        EXPECT_EQ(row.event.legal_basis, "register_concern");
        EXPECT_TRUE(row.event.child_id.has_value());
        EXPECT_EQ(row.event.role, "teacher");
    }
    EXPECT_EQ(objects, (std::vector<std::string>{"child", "coordination_holder", "concern"}));
}

TEST_F(ConcernTest, NoticingUserSeesOwnSignalAndStatusButNotTheChildsFile) {
    const std::string url = RegisterAsTeacher();
    const HttpResult page = server_.Get(url, Teacher());
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Mottagen, inte besvarad ännu"), std::string::npos);
    EXPECT_NE(page.body.find("Du ser den signal du själv registrerat"), std::string::npos);
    EXPECT_EQ(page.Header("cache-control"), "no-store");
    // The noticer's own list names the child as she typed it and the unit that received it (issue
    // 20), and each listed signal is an audited read on her own basis.
    const HttpResult start = server_.Get("/start", Teacher());
    EXPECT_NE(start.body.find("18 november 2026: Elsa Testsson, till BVC Växjö"), std::string::npos);
    const auto rows = server_.AuditRowsSinceSetup();
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.back().event.action, "list");
    EXPECT_EQ(rows.back().event.object_type, "concern");
    EXPECT_EQ(rows.back().event.legal_basis, "noticing_user");
}

TEST_F(ConcernTest, TheHolderSeesWhoNoticedAndANameThatDoesNotMatchTheNumber) {
    RegisterAsTeacher();
    Signal other;
    other.given_name = "Test";  // the same personal number, another name: a mistyped number?
    const HttpResult second = Register(Teacher(), "Växjö förskola Solen", other);
    ASSERT_EQ(second.status, 303);
    const std::string inbox = server_.Get("/inkorg", Session("britt")).body;
    EXPECT_NE(inbox.find("Namnet i signalen: Test Testsson"), std::string::npos);
    const std::string signal = second.Header("location").substr(0, second.Header("location").find('?'));
    const std::string page = server_.Get(signal, Session("britt")).body;
    EXPECT_NE(page.find("Test Testsson – ett annat namn"), std::string::npos);
    EXPECT_NE(page.find("Uppmärksammad av"), std::string::npos);
    EXPECT_NE(page.find("Växjö förskola Solen"), std::string::npos) << "from which unit, to call back";
    // The noticer's own page shows what she typed and nothing of the registered name.
    const std::string own = server_.Get(signal, Teacher()).body;
    EXPECT_NE(own.find("Test Testsson"), std::string::npos);
    EXPECT_EQ(own.find("Elsa"), std::string::npos) << "no oracle for who is registered under the number";
}

TEST_F(ConcernTest, AnotherUnitGetsNotFoundAndADeniedAuditRow) {
    const std::string url = RegisterAsTeacher();
    for (const std::string user : {"olle", "anna", "alva"}) {
        const HttpResult page = server_.Get(url, Session(user));
        EXPECT_EQ(page.status, 404) << user;
        EXPECT_EQ(page.body.find("Elsa"), std::string::npos) << user;
        const auto rows = server_.AuditRowsSinceSetup();
        ASSERT_FALSE(rows.empty());
        EXPECT_EQ(rows.back().event.outcome, domain::AuditOutcome::kDenied) << user;
        EXPECT_EQ(rows.back().event.object_type, "concern");
        EXPECT_TRUE(rows.back().event.child_id.has_value());
    }
}

TEST_F(ConcernTest, UnknownAndMalformedIdsAnswerLikeForbiddenOnes) {
    EXPECT_EQ(server_.Get("/oro/999999", Session("britt")).status, 404);
    EXPECT_EQ(server_.Get("/oro/abc", Session("britt")).status, 404);
    EXPECT_EQ(server_.Get("/oro/-1", Session("britt")).status, 404);
    // Each attempt, a malformed id too, leaves its denied row: a sweep over ids is in the log.
    const auto rows = server_.AuditRowsSinceSetup();
    ASSERT_GE(rows.size(), 3u);
    const std::vector<std::string> ids{"999999", "abc", "-1"};
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto& event = rows[rows.size() - 3 + i].event;
        EXPECT_EQ(event.object_type, "concern");
        EXPECT_EQ(event.object_id, ids[i]);
        EXPECT_EQ(event.outcome, domain::AuditOutcome::kDenied);
    }
}

TEST_F(ConcernTest, SecondSignalAboutAKnownChildLooksExactlyLikeTheFirst) {
    // First signal creates the child and assigns a holder; the second finds both. The noticing
    // user must not be able to tell the difference, even when typing another name.
    Signal first;
    Signal second;
    second.given_name = "Annan";
    second.family_name = "Person";
    const HttpResult a = Register(Teacher(), "Växjö förskola Solen", first);
    const HttpResult b = Register(Teacher(), "Växjö förskola Solen", second);
    EXPECT_EQ(a.status, b.status);
    const auto strip = [](std::string location) { return location.substr(location.find('?')); };
    EXPECT_EQ(strip(a.Header("location")), strip(b.Header("location")));
    std::string page_a = server_.Get(a.Header("location"), Teacher()).body;
    std::string page_b = server_.Get(b.Header("location"), Teacher()).body;
    EXPECT_EQ(page_b.find("Elsa"), std::string::npos) << "the registered name must not leak";
    const auto pos = page_a.find("Elsa Testsson");
    ASSERT_NE(pos, std::string::npos);
    page_a.replace(pos, std::string("Elsa Testsson").size(), "Annan Person");
    EXPECT_EQ(page_a, page_b);
}

TEST_F(ConcernTest, InvalidPersonalNumberKeepsInputAndSavesNothing) {
    Signal signal;
    signal.personal_number = "20220510-9801";  // wrong check digit
    signal.description = "Beskrivning som ska finnas kvar & synas";
    const HttpResult result = Register(Teacher(), "Växjö förskola Solen", signal);
    EXPECT_EQ(result.status, 400);
    EXPECT_NE(AlertText(result.body).find("kontrollsiffra"), std::string::npos);
    EXPECT_NE(result.body.find("Beskrivning som ska finnas kvar &amp; synas"), std::string::npos);
    EXPECT_NE(result.body.find("value=\"Elsa\""), std::string::npos);
    EXPECT_TRUE(server_.AuditRowsSinceSetup().size() <= 2) << "only login rows, nothing about a child";
}

TEST_F(ConcernTest, EveryProblemIsReportedAtOnceEachLinkedToItsFieldAndTheInputKept) {
    Signal signal;
    signal.personal_number = "20220510-9801";  // wrong check digit
    signal.given_name = "";
    signal.description = " ";
    signal.noticed_on = "2026-13-45";
    signal.extra = "&report_made=ja&report_date=";
    const HttpResult result = Register(Teacher(), "Växjö förskola Solen", signal);
    EXPECT_EQ(result.status, 400);
    for (const auto* field :
         {"personal_number", "given_name", "noticed_on", "description", "report_date", "report_unit_id"}) {
        EXPECT_NE(result.body.find("href=\"#" + std::string(field) + "\""), std::string::npos) << field;
        EXPECT_NE(result.body.find("id=\"" + std::string(field) + "-error\""), std::string::npos) << field;
    }
    EXPECT_EQ(result.body.find("href=\"#family_name\""), std::string::npos) << "a field typed right is not in error";
    EXPECT_NE(result.body.find("value=\"Testsson\""), std::string::npos) << "what was typed stays";
    EXPECT_NE(result.body.find("autofocus"), std::string::npos) << "focus moves to the summary";
}

TEST_F(ConcernTest, BadInputGetsAClearSwedishMessage) {
    const std::string social_services = std::to_string(server_.UnitId("Socialtjänsten Växjö"));
    const std::vector<std::pair<std::function<void(Signal&)>, std::string>> cases{
        {[](Signal& s) { s.description = "   "; }, "Beskriv vad du har sett eller hört"},
        {[](Signal& s) { s.description = std::string(4001, 'x'); }, "högst 4 000 tecken"},
        {[](Signal& s) { s.noticed_on = "2026-13-01"; }, "ÅÅÅÅ-MM-DD"},
        {[](Signal& s) { s.noticed_on = "2030-01-01"; }, "kan inte ligga i framtiden"},
        {[](Signal& s) { s.given_name = ""; }, "förnamn och efternamn"},
        {[](Signal& s) { s.extra = "&wheel_area=okant"; }, "finns inte i hjulet"},
        {[](Signal& s) { s.extra = "&report_made=ja&report_date=2026-11-17&report_unit_id=1"; },
         "Välj den socialtjänst som tog emot"},
        {[&](Signal& s) { s.extra = "&report_made=ja&report_date=2026-11-01&report_unit_id=" + social_services; },
         "före det datum"},
        {[](Signal& s) { s.extra = "&report_made=ja&report_date="; }, "Ange datum för orosanmälan"},
        // Turned 18 the day before: an adult, outside the model (issue 21).
        {[](Signal& s) { s.personal_number = "20081117-9803"; }, "18 år eller äldre"},
    };
    for (const auto& [mutate, message] : cases) {
        Signal signal;
        mutate(signal);
        const HttpResult result = Register(Teacher(), "Växjö förskola Solen", signal);
        EXPECT_EQ(result.status, 400) << message;
        EXPECT_NE(AlertText(result.body).find(message), std::string::npos) << message;
    }
    EXPECT_EQ(server_.Get("/start", Session("britt")).body.find("Elsa"), std::string::npos) << "nothing was saved";
}

TEST_F(ConcernTest, AUnitThatIsNotYoursIsRefused) {
    const HttpResult result = Register(Teacher(), "BVC Växjö", Signal());
    EXPECT_EQ(result.status, 400);
    EXPECT_NE(AlertText(result.body).find("Välj en av dina egna enheter"), std::string::npos);
}

TEST_F(ConcernTest, ReportOfConcernIsVisibleToHolderAndReceivingSocialServicesOnly) {
    Signal signal;
    signal.extra = "&report_made=ja&report_date=2026-11-17&report_unit_id=" +
                   std::to_string(server_.UnitId("Socialtjänsten Växjö"));
    const std::string url = RegisterAsTeacher(signal);
    EXPECT_NE(server_.Get(url, Session("britt")).body.find("Gjord 17 november 2026 till Socialtjänsten Växjö"),
              std::string::npos);
    const HttpResult social = server_.Get(url, Session("sara"));
    EXPECT_EQ(social.status, 200);
    EXPECT_NE(social.body.find("Elsa Testsson"), std::string::npos);
    EXPECT_EQ(server_.Get(url, Session("alva")).status, 404) << "another municipality's social services";
}

TEST_F(ConcernTest, HostileTextIsStoredVerbatimAndRenderedEscaped) {
    Signal signal;
    signal.description = "<script>alert('x')</script> '); DROP TABLE concerns;--";
    const std::string url = RegisterAsTeacher(signal);
    const HttpResult page = server_.Get(url, Session("britt"));
    EXPECT_NE(page.body.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &#39;); DROP TABLE concerns;--"),
              std::string::npos);
    EXPECT_EQ(page.body.find("<script>"), std::string::npos);
}

TEST_F(ConcernTest, SchoolChildGoesToThePrincipalOfItsSchool) {
    Signal signal;
    const std::string nine = "160301980";  // 10 years old
    signal.personal_number = "20" + nine + std::to_string(domain::LuhnCheckDigit(nine));
    signal.given_name = "Nils";
    signal.extra = "&child_unit_id=" + std::to_string(server_.UnitId("Alvesta Centralskola"));
    RegisterAsTeacher(signal);
    EXPECT_NE(server_.Get("/start", Session("olle")).body.find("Nils Testsson"), std::string::npos);
    EXPECT_EQ(server_.Get("/start", Session("britt")).body.find("Nils"), std::string::npos);
}

TEST_F(ConcernTest, HolderDecidesAAndTheSignalLeavesTheInboxAndShowsHandled) {
    const std::string url = RegisterAsTeacher();
    const std::string nurse = Session("britt");
    const HttpResult page = server_.Get(url, nurse);
    EXPECT_NE(page.body.find("Vad hindrar barnets välbefinnande?"), std::string::npos) << "GIRFEC prompts";
    const HttpResult decided = server_.PostForm(url + "/beslut",
                                                "csrf_token=" + server_.CsrfTokenFor(nurse) +
                                                    "&rationale=BVC+kan+m%C3%B6ta+behovet&actions_taken=Hembes%C3%B6k",
                                                nurse);
    EXPECT_EQ(decided.status, 303);
    EXPECT_EQ(decided.Header("location"), url + "?beslut=1");
    const HttpResult after = server_.Get(url, nurse);
    EXPECT_NE(after.body.find("BVC kan möta behovet"), std::string::npos);
    EXPECT_NE(after.body.find("Hembesök"), std::string::npos);
    EXPECT_EQ(server_.Get("/start", nurse).body.find("Elsa Testsson"), std::string::npos) << "answered: not in inbox";
    const HttpResult teacher_view = server_.Get(url, Teacher());
    EXPECT_NE(teacher_view.body.find("Hanterad"), std::string::npos);
    EXPECT_EQ(teacher_view.body.find("Hembesök"), std::string::npos)
        << "the decision is the holder's, not the noticer's";
    bool audited = false;
    for (const auto& row : server_.AuditRowsSinceSetup()) {
        audited |= row.event.action == "decide" && row.event.legal_basis == "coordination_holder";
    }
    EXPECT_TRUE(audited);
}

TEST_F(ConcernTest, OnlyTheHolderCanDecide) {
    const std::string url = RegisterAsTeacher();
    for (const std::string user : {"frida", "anna", "sara"}) {
        const std::string cookie = Session(user);
        const HttpResult result = server_.PostForm(
            url + "/beslut", "csrf_token=" + server_.CsrfTokenFor(cookie) + "&rationale=x&actions_taken=y", cookie);
        EXPECT_EQ(result.status, 404) << user;
        EXPECT_EQ(server_.AuditRowsSinceSetup().back().event.outcome, domain::AuditOutcome::kDenied) << user;
    }
    EXPECT_NE(server_.Get("/start", Session("britt")).body.find("Elsa Testsson"), std::string::npos) << "still open";
}

TEST_F(ConcernTest, DecisionWithoutRationaleKeepsInputAndASecondDecisionIsRefused) {
    const std::string url = RegisterAsTeacher();
    const std::string nurse = Session("britt");
    const std::string csrf = "csrf_token=" + server_.CsrfTokenFor(nurse);
    const HttpResult missing =
        server_.PostForm(url + "/beslut", csrf + "&rationale=&actions_taken=Hembes%C3%B6k", nurse);
    EXPECT_EQ(missing.status, 400);
    EXPECT_NE(AlertText(missing.body).find("Skriv en motivering"), std::string::npos);
    EXPECT_NE(missing.body.find(">Hembesök</textarea>"), std::string::npos) << "input kept";
    EXPECT_EQ(server_.PostForm(url + "/beslut", csrf + "&rationale=a&actions_taken=b", nurse).status, 303);
    const HttpResult again = server_.PostForm(url + "/beslut", csrf + "&rationale=c&actions_taken=d", nurse);
    EXPECT_EQ(again.status, 422);
    EXPECT_NE(AlertText(again.body).find("redan ett beslut"), std::string::npos);
}

TEST_F(ConcernTest, NothingIsShownWhenTheReadCannotBeAudited) {
    const std::string url = RegisterAsTeacher();
    const std::string nurse = Session("britt");  // logging in is audited too: do it before the disk "fills"
    const auto& database = server_.Database();
    ASSERT_FALSE(database.RawExec(database.Dialect(
        "CREATE TRIGGER disk_full BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'full'); END",
        "CREATE TRIGGER disk_full BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change('full')")));
    const HttpResult page = server_.Get(url, nurse);
    EXPECT_EQ(page.status, 503);
    EXPECT_NE(page.body.find("tillfälligt otillgänglig"), std::string::npos) << "says why, in words";
    EXPECT_EQ(page.body.find("Elsa"), std::string::npos) << "no child data without a durable audit row";
    EXPECT_EQ(page.body.find("ytterkläder"), std::string::npos);
    EXPECT_EQ(page.Header("cache-control"), "no-store");
}

// A page is rendered at once but leaves only when its audit row is durable: while another write
// holds the database's writer turn the nurse waits, and when she gets the page the row recording
// her reading it is already in the log.
TEST_F(ConcernTest, APageLeavesOnlyOnceItsAuditRowIsDurable) {
    const std::string url = RegisterAsTeacher();
    const std::string nurse = Session("britt");
    auto held = std::move(server_.Store().Begin(store::TransactionMode::kWrite)).value();
    auto answer = std::async(std::launch::async, [&] { return server_.Get(url, nurse); });
    EXPECT_EQ(answer.wait_for(std::chrono::milliseconds(400)), std::future_status::timeout)
        << "answered before its audit row could be written";
    ASSERT_TRUE(held->Commit());
    const HttpResult page = answer.get();
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Elsa"), std::string::npos);
    const auto rows = server_.AuditRowsSinceSetup();
    EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [&](const store::AuditRow& row) {
        return row.event.request_id == page.Header("x-request-id") && row.event.object_type == "concern" &&
               row.event.outcome == domain::AuditOutcome::kAllowed;
    })) << "the row of the read was committed before the page left";
}

// A client that gives up while its audit row is being committed loses nothing of the log: the
// row is committed all the same, and the server goes on answering.
TEST_F(ConcernTest, AClientThatLeavesDuringTheCommitStillLeavesItsAuditRow) {
    const std::string url = RegisterAsTeacher();
    const std::string nurse = Session("britt");
    const auto rows_before = server_.AuditRowsSinceSetup().size();
    {
        auto held = std::move(server_.Store().Begin(store::TransactionMode::kWrite)).value();
        for (int i = 0; i < 3; ++i) {
            server_.SendAndLeave("GET " + url + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + nurse + "\r\n\r\n");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the requests are read and rendered
        ASSERT_TRUE(held->Commit());
    }
    for (int waited = 0; server_.AuditRowsSinceSetup().size() < rows_before + 3 && waited < 100; ++waited) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_GE(server_.AuditRowsSinceSetup().size(), rows_before + 3) << "every read recorded although unanswered";
    EXPECT_EQ(server_.Get(url, nurse).status, 200) << "the server answers on";
}

// The child id behind a signal URL, as the holder's signal page links to the wheel.
std::string WheelUrlFrom(const std::string& signal_page) {
    const auto start = signal_page.find("href=\"/barn/");
    if (start == std::string::npos) return {};
    // The signal links to the form (/barn/{id}/hjulet/ny?signal=…); the wheel is /barn/{id}/hjulet.
    const auto value = start + 6;
    const std::string link = signal_page.substr(value, signal_page.find('"', value) - value);
    return link.substr(0, link.find("/ny"));
}

TEST_F(ConcernTest, HolderRecordsTheWheelOverTimeAndOthersCannotSeeIt) {
    const std::string signal = RegisterAsTeacher();
    const std::string nurse = Session("britt");
    const std::string wheel = WheelUrlFrom(server_.Get(signal, nurse).body);
    ASSERT_EQ(wheel.rfind("/barn/", 0), 0u);
    EXPECT_NE(server_.Get(wheel, nurse).body.find("Ingen beskrivning är gjord ännu"), std::string::npos);

    const std::string csrf = "csrf_token=" + server_.CsrfTokenFor(nurse);
    const HttpResult saved =
        server_.PostForm(wheel,
                         csrf + "&assessed_on=2026-11-10&sources=F%C3%B6rskolan&area_omvardad_status=challenging" +
                             "&area_omvardad_child_words=%3Cb%3EJag+fryser%3C%2Fb%3E&area_omvardad_support=ja&area_"
                             "trygg_status=works_well",
                         nurse);
    EXPECT_EQ(saved.status, 303);
    server_.PostForm(wheel, csrf + "&assessed_on=2026-11-17&area_omvardad_status=works_well", nurse);
    const HttpResult overview = server_.Get(wheel, nurse);
    EXPECT_EQ(overview.status, 200);
    EXPECT_NE(overview.body.find("<svg role=\"img\""), std::string::npos);
    EXPECT_NE(overview.body.find("Omvårdad, 10 november 2026: Utmanande"), std::string::npos) << "chart symbol title";
    EXPECT_NE(overview.body.find("Omvårdad, 17 november 2026: Fungerar bra"), std::string::npos) << "change over time";
    EXPECT_NE(overview.body.find("&lt;b&gt;Jag fryser&lt;/b&gt;"), std::string::npos) << "child's words escaped";
    EXPECT_NE(overview.body.find("Stöd behövs här"), std::string::npos);

    for (const std::string user : {"frida", "anna", "sara"}) {
        EXPECT_EQ(server_.Get(wheel, Session(user)).status, 404) << user;
        EXPECT_EQ(server_.AuditRowsSinceSetup().back().event.outcome, domain::AuditOutcome::kDenied);
        const std::string cookie = Session(user);
        EXPECT_EQ(server_
                      .PostForm(wheel,
                                "csrf_token=" + server_.CsrfTokenFor(cookie) +
                                    "&assessed_on=2026-11-17&area_trygg_status=works_well",
                                cookie)
                      .status,
                  404)
            << user;
    }
    EXPECT_EQ(server_.Get("/barn/999999/hjulet", nurse).status, 404);
}

// Opened from the signal, the form starts with the areas the signal names, open and marked, the
// rest folded; after saving, the way back to the signal's decision. Reading the signal's areas is
// audited as such; a signal about another child is ignored.
TEST_F(ConcernTest, TheWheelFormFromASignalStartsWithItsAreasAndLeadsBack) {
    const std::string signal = RegisterAsTeacher();
    const std::string signal_id = signal.substr(signal.rfind('/') + 1);
    const std::string nurse = Session("britt");
    const std::string page = server_.Get(signal, nurse).body;
    const auto link_at = page.find("/hjulet/ny?signal=" + signal_id);
    ASSERT_NE(link_at, std::string::npos) << "the signal links to the form, with itself";
    const std::string wheel = WheelUrlFrom(page);
    const HttpResult form = server_.Get(wheel + "/ny?signal=" + signal_id, nurse);
    ASSERT_EQ(form.status, 200);
    EXPECT_EQ(server_.AuditRowsSinceSetup().back().event.action, "read_areas");
    // Omvårdad and Trygg (named in the signal) come first, open; Aktiv is folded.
    const auto cared = form.body.find("id=\"area_omvardad_fold\" open");
    const auto safe = form.body.find("id=\"area_trygg_fold\" open");
    const auto active = form.body.find("id=\"area_aktiv_fold\">");
    ASSERT_NE(cared, std::string::npos);
    ASSERT_NE(safe, std::string::npos);
    ASSERT_NE(active, std::string::npos) << "an area the signal does not name is folded";
    EXPECT_LT(std::max(cared, safe), active);
    EXPECT_NE(form.body.find("nämns i signalen"), std::string::npos);
    EXPECT_NE(form.body.find("name=\"signal\" value=\"" + signal_id + "\""), std::string::npos);

    const HttpResult saved = server_.PostForm(wheel,
                                              "csrf_token=" + server_.CsrfTokenFor(nurse) + "&signal=" + signal_id +
                                                  "&assessed_on=2026-11-17&area_omvardad_status=challenging",
                                              nurse);
    ASSERT_EQ(saved.status, 303);
    EXPECT_EQ(saved.Header("location"), wheel + "?sparad=1&signal=" + signal_id);
    const std::string after = server_.Get(saved.Header("location"), nurse).body;
    EXPECT_NE(after.find("href=\"/oro/" + signal_id + "#decision-heading\">Tillbaka till signalen"), std::string::npos);

    // Another child's signal names no areas here: every area is open, nothing is marked.
    Signal other;
    const std::string nine = "220510970";  // a second four-year-old of the same preschool
    other.personal_number = "20" + nine + std::to_string(domain::LuhnCheckDigit(nine));
    const std::string other_signal = RegisterAsTeacher(other);
    const std::string other_id = other_signal.substr(other_signal.rfind('/') + 1);
    const std::string mixed = server_.Get(wheel + "/ny?signal=" + other_id, nurse).body;
    EXPECT_EQ(mixed.find("nämns i signalen"), std::string::npos);
    EXPECT_NE(mixed.find("id=\"area_aktiv_fold\" open"), std::string::npos);
}

TEST_F(ConcernTest, EmptyOrBadWheelAssessmentKeepsInputAndSavesNothing) {
    const std::string nurse = Session("britt");
    const std::string wheel = WheelUrlFrom(server_.Get(RegisterAsTeacher(), nurse).body);
    const std::string csrf = "csrf_token=" + server_.CsrfTokenFor(nurse);
    const HttpResult empty = server_.PostForm(wheel, csrf + "&assessed_on=2026-11-17&sources=Mamma", nurse);
    EXPECT_EQ(empty.status, 400);
    EXPECT_NE(AlertText(empty.body).find("Beskriv minst ett område"), std::string::npos);
    EXPECT_NE(empty.body.find(">Mamma</textarea>"), std::string::npos);
    const HttpResult future =
        server_.PostForm(wheel, csrf + "&assessed_on=2027-01-01&area_trygg_status=works_well", nurse);
    EXPECT_NE(AlertText(future.body).find("framtiden"), std::string::npos);
    const HttpResult bad_status =
        server_.PostForm(wheel, csrf + "&assessed_on=2026-11-17&area_trygg_status=super", nurse);
    EXPECT_NE(AlertText(bad_status.body).find("Välj fungerar bra"), std::string::npos);
    EXPECT_NE(server_.Get(wheel, nurse).body.find("Ingen beskrivning är gjord ännu"), std::string::npos);
}

// The first handover form action on a start page ("/overlamningar/N"), or empty.
std::string HandoverBase(const std::string& start_page) {
    const auto at = start_page.find("action=\"/overlamningar/");
    if (at == std::string::npos) return {};
    const auto start = at + 8;
    return start_page.substr(start, start_page.find('/', start + 15) - start);
}

class HandoverTest : public ConcernTest {
  protected:
    // BVC asks the school to take over; returns the signal URL.
    std::string RequestToSchool() {
        const std::string url = RegisterAsTeacher();
        const HttpResult result = server_.PostForm(
            url + "/overlamning",
            "csrf_token=" + server_.CsrfTokenFor(Session("britt")) +
                "&to_unit_id=" + std::to_string(server_.UnitId("Växjö Centralskola")) + "&note=Skolan+har+st%C3%B6det",
            Session("britt"));
        EXPECT_EQ(result.status, 303);
        return url;
    }
    HttpResult Answer(const std::string& user, const std::string& base, const std::string& what,
                      const std::string& extra = "") {
        return server_.PostForm(base + what, "csrf_token=" + server_.CsrfTokenFor(Session(user)) + extra,
                                Session(user));
    }
};

TEST_F(HandoverTest, DecisionBOffersTheChildsMunicipalityAndAnotherOnRequest) {
    const std::string url = RegisterAsTeacher();  // a child of a Växjö preschool; BVC Växjö holds
    const std::string page = server_.Get(url, Session("britt")).body;
    const auto select = page.substr(page.find("name=\"to_unit_id\""));
    const auto options = select.substr(0, select.find("</select>"));
    EXPECT_NE(options.find("Växjö Centralskola"), std::string::npos);
    EXPECT_EQ(options.find("Alvesta Centralskola"), std::string::npos) << "not every unit of the county";
    EXPECT_NE(options.find("Socialtjänsten Växjö"), std::string::npos) << "social services may take it over";
    EXPECT_EQ(options.find("Lokalpolisområde Växjö"), std::string::npos) << "only units that may hold coordination";
    EXPECT_EQ(options.find("Växjö förskola Solen"), std::string::npos) << "a preschool passes signals on";
    EXPECT_NE(page.find("Listan visar enheter i Växjö"), std::string::npos);
    EXPECT_NE(page.find("Växjö (barnets kommun)"), std::string::npos);

    // The family moves: the holder asks for Alvesta's units and hands over there.
    const std::string alvesta = server_.Get(url + "?kommun=Alvesta", Session("britt")).body;
    const auto moved = alvesta.substr(alvesta.find("name=\"to_unit_id\""));
    EXPECT_NE(moved.substr(0, moved.find("</select>")).find("Alvesta Centralskola"), std::string::npos);
    // An unknown municipality shows the child's own.
    const std::string unknown = server_.Get(url + "?kommun=%3Cscript%3E", Session("britt")).body;
    EXPECT_EQ(unknown.find("<script>"), std::string::npos);
    EXPECT_NE(unknown.find("Listan visar enheter i Växjö"), std::string::npos);
    const HttpResult handed = server_.PostForm(
        url + "/overlamning",
        "csrf_token=" + server_.CsrfTokenFor(Session("britt")) +
            "&to_unit_id=" + std::to_string(server_.UnitId("Alvesta Centralskola")) + "&note=Familjen+flyttar",
        Session("britt"));
    EXPECT_EQ(handed.status, 303);
    EXPECT_NE(server_.Get("/start", Session("olle")).body.find("Familjen flyttar"), std::string::npos);
}

TEST_F(HandoverTest, DeclineWithReasonKeepsTheSenderAsHolder) {
    const std::string url = RequestToSchool();
    const std::string base = HandoverBase(server_.Get("/start", Session("anna")).body);
    ASSERT_FALSE(base.empty());
    const HttpResult no_reason = Answer("anna", base, "/avbojs", "&reason=+");
    EXPECT_EQ(no_reason.status, 400);
    EXPECT_NE(no_reason.body.find("Skriv varför ni avböjer"), std::string::npos);
    EXPECT_EQ(Answer("anna", base, "/avbojs", "&reason=Barnet+g%C3%A5r+inte+hos+oss").status, 303);
    const std::string sender = server_.Get("/start", Session("britt")).body;
    EXPECT_NE(sender.find("avböjd – Barnet går inte hos oss"), std::string::npos);
    const std::string wheel = WheelUrlFrom(server_.Get(url, Session("britt")).body);
    EXPECT_EQ(server_.Get(wheel, Session("britt")).status, 200) << "BVC is still the holder";
    EXPECT_EQ(server_.Get(wheel, Session("anna")).status, 404);
    EXPECT_EQ(Answer("anna", base, "/godkann").status, 404) << "an answered request cannot be accepted";
}

TEST_F(HandoverTest, OnlyTheReceivingUnitCanAnswer) {
    RequestToSchool();
    const std::string base = HandoverBase(server_.Get("/start", Session("anna")).body);
    ASSERT_FALSE(base.empty());
    for (const std::string user : {"britt", "olle", "frida"}) {  // sender, another school, the noticer
        EXPECT_EQ(Answer(user, base, "/godkann").status, 404) << user;
        EXPECT_EQ(server_.AuditRowsSinceSetup().back().event.outcome, domain::AuditOutcome::kDenied) << user;
    }
    EXPECT_EQ(server_.Get("/start", Session("olle")).body.find("Elsa"), std::string::npos);
    EXPECT_EQ(Answer("bertil", base, "/godkann").status, 303) << "elevhälsa acts for the receiving school unit";
}

TEST_F(HandoverTest, BadRequestsAreRefusedWithAMessageAndNothingSaved) {
    const std::string url = RegisterAsTeacher();
    const std::string csrf = "csrf_token=" + server_.CsrfTokenFor(Session("britt"));
    const std::vector<std::pair<std::string, std::string>> cases{
        {"&to_unit_id=" + std::to_string(server_.UnitId("Växjö förskola Solen")) + "&note=x", "kan inte vara Barnens"},
        {"&to_unit_id=" + std::to_string(server_.UnitId("BVC Växjö")) + "&note=x", "annan enhet än er egen"},
        {"&to_unit_id=" + std::to_string(server_.UnitId("Växjö Centralskola")) + "&note=", "Skriv en motivering"},
        {"&to_unit_id=abc&note=x", "Välj mottagande enhet"},
    };
    for (const auto& [fields, message] : cases) {
        const HttpResult result = server_.PostForm(url + "/overlamning", csrf + fields, Session("britt"));
        EXPECT_EQ(result.status, 400) << message;
        EXPECT_NE(AlertText(result.body).find(message), std::string::npos) << message;
    }
    EXPECT_NE(server_.Get("/start", Session("britt")).body.find("Elsa Testsson"), std::string::npos)
        << "the signal is still unanswered";
    EXPECT_EQ(server_
                  .PostForm(url + "/overlamning",
                            "csrf_token=" + server_.CsrfTokenFor(Session("frida")) +
                                "&to_unit_id=" + std::to_string(server_.UnitId("Växjö Centralskola")) + "&note=x",
                            Session("frida"))
                  .status,
              404)
        << "the noticing teacher cannot hand over";
}

TEST_F(HandoverTest, OnlyOnePendingHandoverPerChild) {
    RequestToSchool();
    Signal again;
    again.description = "Ny oro om samma barn.";
    const std::string url = RegisterAsTeacher(again);
    const HttpResult result = server_.PostForm(url + "/overlamning",
                                               "csrf_token=" + server_.CsrfTokenFor(Session("britt")) + "&to_unit_id=" +
                                                   std::to_string(server_.UnitId("Alvesta Centralskola")) + "&note=x",
                                               Session("britt"));
    EXPECT_EQ(result.status, 422);
    EXPECT_NE(AlertText(result.body).find("redan en överlämning"), std::string::npos);
}

}  // namespace
}  // namespace kronobarn::testing
