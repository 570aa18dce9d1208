// Runs the plain-text user stories in tests/scenarios/ against a real server and database. Each
// file is one test; each line after the description is one step (see tests/scenarios/README.md).
#include <gtest/gtest.h>

#include <sstream>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>

#include "integration/test_server.hpp"
#include "store/statistics_repository.hpp"

namespace kronobarn::testing {
namespace {

std::vector<std::string> ScenarioFiles() {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(KRONOBARN_SCENARIO_DIR)) {
        if (entry.path().extension() == ".txt") files.push_back(entry.path().filename().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The state of one scenario: the server, who is logged in, and "the latest signal".
// A municipality's own term start, named as a scenario's first step ("Läsåret börjar 01-10.").
const std::regex kSchoolYearStep(R"re(Läsåret börjar (\d\d-\d\d)\.)re");

class ScenarioRun {
  public:
    explicit ScenarioRun(TestServerOptions options = {}) : server_(std::make_shared<TestDatabase>(), options) {}

    void Step(const std::string& line) {
        std::smatch m;
        for (const auto& [pattern, action] : steps_) {
            if (std::regex_match(line, m, pattern)) {
                action(m);
                return;
            }
        }
        ADD_FAILURE() << "unknown step: " << line;
    }

  private:
    const std::string& Session(const std::string& user) {
        const std::string& cookie = server_.SessionOf(user);
        EXPECT_FALSE(cookie.empty()) << user << " could not log in";
        return cookie;
    }
    std::string Csrf(const std::string& user) { return server_.CsrfField(user); }
    std::string Unit(const std::string& name) { return std::to_string(server_.UnitId(name)); }

    void Register(const std::smatch& m) {
        std::string body = Csrf(m[1]) + "&personal_number=" + UrlEncode(m[2]);
        const std::string name = m[3];
        const auto space = name.find(' ');
        body += "&given_name=" + UrlEncode(name.substr(0, space)) + "&family_name=" + UrlEncode(name.substr(space + 1));
        body += "&noticing_unit_id=" + Unit(m[4]) + "&noticed_on=2026-11-18&description=" + UrlEncode(m[9]);
        if (m[5].matched) body += "&child_unit_id=" + Unit(m[5]);
        if (m[6].matched) body += "&report_made=ja&report_date=2026-11-18&report_unit_id=" + Unit(m[6]);
        if (m[7].matched) body += "&guardian_1=" + UrlEncode(m[7]);
        if (m[8].matched) body += "&guardian_2=" + UrlEncode(m[8]);
        const HttpResult result = server_.PostForm("/oro", body, Session(m[1]));
        ASSERT_EQ(result.status, 303) << "registration refused";
        signal_ = result.Header("location").substr(0, result.Header("location").find('?'));
        // The holder's signal page links to the child's wheel; find it through whoever may see it.
        wheel_.clear();
    }

    std::string WheelUrl(const std::string& user) {
        if (wheel_.empty()) {
            const std::string page = server_.Get(signal_, Session(user)).body;
            const auto start = page.find("href=\"/barn/");
            // The signal links to the form (/barn/{id}/hjulet/ny?signal=…); the wheel is /barn/{id}/hjulet.
            if (start != std::string::npos) {
                wheel_ = page.substr(start + 6, page.find('"', start + 6) - start - 6);
                wheel_ = wheel_.substr(0, wheel_.find("/ny"));
            }
        }
        return wheel_;
    }

    // The value of the first `attribute="…"` after `marker` in `page`, or empty.
    static std::string ValueAfter(const std::string& page, const std::string& marker, const std::string& attribute,
                                  std::size_t from = 0) {
        const auto at = page.find(marker, from);
        if (at == std::string::npos) return {};
        const auto start = page.find(attribute + "=\"", at);
        if (start == std::string::npos) return {};
        const auto value = start + attribute.size() + 2;
        return page.substr(value, page.find('"', value) - value);
    }

    // Posts one of the plan's forms as `user`, with the version the plan page shows now.
    HttpResult PostPlan(const std::string& user, const std::string& form, const std::string& fields) {
        EXPECT_FALSE(plan_.empty()) << "no plan yet";
        const std::string page = server_.Get(plan_, Session(user)).body;
        const std::string version = ValueAfter(page, "name=\"version\"", "value");
        return server_.PostForm(plan_ + "/" + form, Csrf(user) + "&version=" + version + fields, Session(user));
    }

    void ExpectSaved(const HttpResult& result, const std::string& what) {
        EXPECT_EQ(result.status, 303) << what << " refused: " << Alert(result.body);
    }

    // The text of the first error alert on a page, to make a refused step explain itself.
    static std::string Alert(const std::string& page) {
        if (const auto summary = page.find("kb-error-summary"); summary != std::string::npos) {
            const auto item = page.find("<li>", summary);
            return page.substr(item + 4, page.find("</li>", item) - item - 4);
        }
        const auto at = page.find("data-color=\"danger\"");
        if (at == std::string::npos) return "(no message)";
        const auto start = page.find("<p class=\"ds-paragraph\">", at);
        return start == std::string::npos ? "(no message)"
                                          : page.substr(start + 25, page.find("</p>", start) - start - 25);
    }

    // The child overview, as the holder finds it from the signal.
    std::string ChildUrl(const std::string& user) {
        const std::string page = server_.Get(signal_, Session(user)).body;
        static const std::regex link(R"re(href="(/barn/[0-9]+)")re");
        std::smatch m;
        return std::regex_search(page, m, link) ? std::string(m[1]) : std::string();
    }

    // The child's consent page, as the holder finds it from the plan.
    std::string ConsentsUrl(const std::string& user) {
        const std::string page = server_.Get(plan_, Session(user)).body;
        const auto at = page.find("/samtycken\"");
        if (at == std::string::npos) return {};
        const auto start = page.rfind("\"", at);
        return page.substr(start + 1, at + 10 - start - 1);
    }

    void RecordConsent(const std::smatch& m) {
        const std::string user = m[1];
        const std::string url = ConsentsUrl(user);
        ASSERT_FALSE(url.empty()) << user << " has no way to the consents";
        const std::string page = server_.Get(url, Session(user)).body;
        std::string body = Csrf(user) + "&purpose=" + UrlEncode("Samverkan kring Barnets plan") +
                           "&valid_from=2026-11-18&valid_to=2027-06-30&form=written";
        // Who consented: every guardian, or the one named.
        const std::string who = m[2];
        for (std::size_t at = page.find("name=\"guardian_id\""); at != std::string::npos;
             at = page.find("name=\"guardian_id\"", at + 1)) {
            const std::string id = ValueAfter(page, "", "value", at);
            const auto label = page.find("</label>", at);
            const auto label_start = page.rfind('>', label) + 1;
            const std::string name = page.substr(label_start, label - label_start);
            if (who == "alla vårdnadshavare" || who == "\"" + name + "\"") body += "&guardian_id=" + id;
        }
        const std::string units = m[3];
        static const std::regex quoted("\"([^\"]+)\"");
        for (auto it = std::sregex_iterator(units.begin(), units.end(), quoted); it != std::sregex_iterator(); ++it) {
            body += "&unit_id=" + Unit((*it)[1]);
        }
        const std::string categories = m[4];
        for (const auto& [word, code] : std::vector<std::pair<std::string, std::string>>{
                 {"skola", "school"}, {"hälsa", "health"}, {"socialt", "social"}, {"övrigt", "other"}}) {
            if (categories.find(word) != std::string::npos) body += "&category=" + code;
        }
        ExpectSaved(server_.PostForm(url, body, Session(user)), "consent");
    }

    // The holder invites a guardian (by name) or the child itself, and the invited person activates
    // the one-time link as `username` (with the test password, so Session() can sign them in).
    void InviteFamily(const std::string& holder, const std::string& guardian_name, const std::string& username) {
        child_ = child_.empty() ? ChildUrl(holder) : child_;
        ASSERT_FALSE(child_.empty()) << holder << " has no way to the child's page";
        family_child_ = child_.substr(child_.rfind('/') + 1);
        std::string member = "barnet";
        if (!guardian_name.empty()) {
            const std::string page = server_.Get(child_ + "/familj", Session(holder)).body;
            const auto row = page.find("<th scope=\"row\">" + guardian_name);
            ASSERT_NE(row, std::string::npos) << "no guardian " << guardian_name << " on the family page";
            member = ValueAfter(page, "name=\"member\"", "value", row);
        }
        const HttpResult invited =
            server_.PostForm(child_ + "/familj/inbjudan", Csrf(holder) + "&member=" + member, Session(holder));
        ASSERT_EQ(invited.status, 200) << Alert(invited.body);
        const auto at = invited.body.find("/aktivera/");
        ASSERT_NE(at, std::string::npos) << "no activation link shown";
        const std::string link = invited.body.substr(at, invited.body.find('<', at) - at);
        const std::string csrf = server_.Get(link).CookieValue("kb_login_csrf");
        RequestSpec post{"POST", link, {{"Content-Type", "application/x-www-form-urlencoded"}}, ""};
        post.headers.emplace_back("Cookie", "kb_login_csrf=" + csrf);
        post.body = "csrf_token=" + csrf + "&username=" + username + "&password=" + UrlEncode(kPassword) +
                    "&password_repeat=" + UrlEncode(kPassword);
        const HttpResult activated = server_.Send(post);
        ASSERT_EQ(activated.status, 303) << Alert(activated.body);
    }

    std::string FamilyPath(const std::string& page) {
        EXPECT_FALSE(family_child_.empty()) << "nobody in the family has been invited yet";
        return "/familj/barn/" + family_child_ + page;
    }

    void Expect(bool present, const std::string& user, const std::string& path, const std::string& text) {
        std::string cookie = Session(user);
        if (const auto lang = languages_.find(user); lang != languages_.end()) cookie += "; kb_lang=" + lang->second;
        const HttpResult page = server_.Get(path, cookie);
        ASSERT_EQ(page.status, 200) << user << " could not open " << path;
        EXPECT_EQ(page.body.find(text) != std::string::npos, present)
            << user << (present ? " does not see " : " sees ") << "\"" << text << "\" on " << path;
    }

    TestServer server_;
    std::map<std::string, std::string> languages_;  // user → language chosen in the scenario
    std::string family_child_;                      // the child id the family's pages are about
    std::string signal_;
    std::string wheel_;
    std::string plan_;
    std::string child_;
    const std::vector<std::pair<std::regex, std::function<void(const std::smatch&)>>> steps_{
        {std::regex(R"re((\w+) registrerar oro för (\S+) "([^"]+)" från "([^"]+)"(?: med barnets enhet "([^"]+)")?)re"
                    R"re((?: och orosanmälan till "([^"]+)")?(?: med vårdnadshavare "([^"]+)"(?: och "([^"]+)")?)?)re"
                    R"re(: "([^"]+)")re"),
         [this](const std::smatch& m) { Register(m); }},
        {std::regex(R"re((\w+) ser "([^"]+)" på startsidan)re"),
         [this](const std::smatch& m) { Expect(true, m[1], "/start", m[2]); }},
        {std::regex(R"re((\w+) ser inte "([^"]+)" på startsidan)re"),
         [this](const std::smatch& m) { Expect(false, m[1], "/start", m[2]); }},
        {std::regex(R"re((\w+) ser( inte)? "([^"]+)" i inkorgen)re"),
         [this](const std::smatch& m) {
             // The inbox is the start page's section of unanswered signals.
             const std::string page = server_.Get("/start", Session(m[1])).body;
             const auto inbox = page.find("<table class=\"ds-table\">");
             const std::string section =
                 inbox == std::string::npos ? std::string() : page.substr(inbox, page.find("</table>", inbox) - inbox);
             EXPECT_EQ(section.find(m[3]) != std::string::npos, !m[2].matched)
                 << m[1] << (m[2].matched ? " has " : " lacks ") << m[3] << " in the inbox";
         }},
        {std::regex(R"re((\w+) ser "([^"]+)" på signalen)re"),
         [this](const std::smatch& m) { Expect(true, m[1], signal_, m[2]); }},
        {std::regex(R"re((\w+) ser inte "([^"]+)" på signalen)re"),
         [this](const std::smatch& m) { Expect(false, m[1], signal_, m[2]); }},
        {std::regex(R"re((\w+) kan inte öppna signalen)re"),
         [this](const std::smatch& m) { EXPECT_EQ(server_.Get(signal_, Session(m[1])).status, 404) << m[1]; }},
        {std::regex(R"re((\w+) beslutar A: "([^"]+)" och gör "([^"]+)")re"),
         [this](const std::smatch& m) {
             const HttpResult result = server_.PostForm(
                 signal_ + "/beslut",
                 Csrf(m[1]) + "&rationale=" + UrlEncode(m[2]) + "&actions_taken=" + UrlEncode(m[3]), Session(m[1]));
             EXPECT_EQ(result.status, 303) << "decision refused";
         }},
        {std::regex(R"re((\w+) beskriver (\w+) som (fungerar bra|utmanande|vet inte)(?: med barnets ord "([^"]+)")?)re"
                    R"re(( och markerar stödbehov)?)re"),
         [this](const std::smatch& m) {
             const std::string status = m[3] == "fungerar bra" ? "works_well"
                                        : m[3] == "utmanande"  ? "challenging"
                                                               : "not_known";
             std::string body = Csrf(m[1]) + "&assessed_on=2026-11-18&area_" + std::string(m[2]) + "_status=" + status;
             if (m[4].matched) body += "&area_" + std::string(m[2]) + "_child_words=" + UrlEncode(m[4]);
             if (m[5].matched) body += "&area_" + std::string(m[2]) + "_support=ja";
             const std::string wheel = WheelUrl(m[1]);
             ASSERT_FALSE(wheel.empty()) << m[1] << " has no way to the wheel";
             EXPECT_EQ(server_.PostForm(wheel, body, Session(m[1])).status, 303) << "assessment refused";
         }},
        {std::regex(R"re((\w+) beslutar B och lämnar över till "([^"]+)": "([^"]+)")re"),
         [this](const std::smatch& m) {
             const HttpResult result =
                 server_.PostForm(signal_ + "/overlamning",
                                  Csrf(m[1]) + "&to_unit_id=" + Unit(m[2]) + "&note=" + UrlEncode(m[3]), Session(m[1]));
             EXPECT_EQ(result.status, 303) << "handover request refused";
         }},
        {std::regex(R"re((\w+) (godkänner|avböjer) överlämningen(?:: "([^"]+)")?)re"),
         [this](const std::smatch& m) {
             const std::string page = server_.Get("/start", Session(m[1])).body;
             const auto at = page.find("action=\"/overlamningar/");
             ASSERT_NE(at, std::string::npos) << m[1] << " has no handover to answer";
             const auto start = at + 8;
             const std::string base = page.substr(start, page.find('/', start + 15) - start);
             const std::string path = base + (m[2] == "godkänner" ? "/godkann" : "/avbojs");
             std::string body = Csrf(m[1]);
             if (m[3].matched) body += "&reason=" + UrlEncode(m[3]);
             EXPECT_EQ(server_.PostForm(path, body, Session(m[1])).status, 303) << "answer refused";
             wheel_.clear();
         }},
        {std::regex(R"re((\w+) beslutar C: "([^"]+)")re"),
         [this](const std::smatch& m) {
             const HttpResult result =
                 server_.PostForm(signal_ + "/samverkan", Csrf(m[1]) + "&rationale=" + UrlEncode(m[2]), Session(m[1]));
             ASSERT_EQ(result.status, 303) << "decision C refused: " << Alert(result.body);
             plan_ = result.Header("location").substr(0, result.Header("location").find('?'));
         }},
        {std::regex(
             R"re((\w+) registrerar samtycke från (alla vårdnadshavare|"[^"]+") för ((?:"[^"]+"(?:, | och )?)+) om (.+))re"),
         [this](const std::smatch& m) { RecordConsent(m); }},
        {std::regex(R"re((\w+) återkallar samtycket på begäran av "([^"]+)")re"),
         [this](const std::smatch& m) {
             const std::string url = ConsentsUrl(m[1]);
             ASSERT_FALSE(url.empty()) << m[1] << " has no way to the consents";
             const std::string page = server_.Get(url, Session(m[1])).body;
             const auto at = page.find("action=\"/samtycken/");
             ASSERT_NE(at, std::string::npos) << "no consent to withdraw";
             const std::string action = ValueAfter(page, "", "action", at);
             const std::string id = action.substr(11, action.find('/', 11) - 11);
             ExpectSaved(
                 server_.PostForm(action, Csrf(m[1]) + "&on_word_of_" + id + "=" + UrlEncode(m[2]), Session(m[1])),
                 "withdrawal");
         }},
        {std::regex(R"re((\w+) ser "([^"]+)" i samtyckena)re"),
         [this](const std::smatch& m) { Expect(true, m[1], ConsentsUrl(m[1]), m[2]); }},
        {std::regex(R"re((\w+) lägger till "([^"]+)" i planen med kontaktperson "([^"]+)")re"),
         [this](const std::smatch& m) {
             ExpectSaved(
                 PostPlan(m[1], "deltagare",
                          "&unit_id=" + Unit(m[2]) + "&contact_name=" + UrlEncode(m[3]) + "&contact_phone=0470-12345"),
                 "participant");
         }},
        {std::regex(R"re((\w+) lägger till målet "([^"]+)" för (\w+))re"),
         [this](const std::smatch& m) {
             ExpectSaved(PostPlan(m[1], "mal",
                                  "&area_code=" + std::string(m[3]) + "&outcome=" + UrlEncode(m[2]) + "&how_we_know=" +
                                      UrlEncode("Vi ser det på uppföljningen") + "&by_when=2027-06-01"),
                         "goal");
         }},
        {std::regex(R"re((\w+) lägger till insatsen "([^"]+)" för (familjen|"[^"]+") med ansvarig "([^"]+)")re"
                    R"re((?: som följs upp senast (\d{4}-\d{2}-\d{2}))?)re"),
         [this](const std::smatch& m) {
             const std::string who = m[3];
             const std::string unit = who == "familjen" ? "familjen" : Unit(who.substr(1, who.size() - 2));
             const std::string due = m[5].matched ? std::string(m[5]) : "2027-01-15";
             ExpectSaved(PostPlan(m[1], "insatser",
                                  "&what=" + UrlEncode(m[2]) + "&unit_id=" + unit + "&responsible=" + UrlEncode(m[4]) +
                                      "&start=2026-11-20&frequency=varje+vecka&due=" + due),
                         "action");
         }},
        {std::regex(R"re((\w+) skriver in vad "([^"]+)" tycker: "([^"]+)")re"),
         [this](const std::smatch& m) {
             const std::string page = server_.Get(plan_, Session(m[1])).body;
             const auto label = page.find(">Vad " + std::string(m[2]) + " tycker</label>");
             ASSERT_NE(label, std::string::npos) << "no field for " << m[2];
             const auto for_at = page.rfind("for=\"basics-", label);
             const std::string field = page.substr(for_at + 12, page.find('"', for_at + 12) - for_at - 12);
             const auto reason_at = page.find("id=\"basics-reason\"");
             const auto start = page.find('>', reason_at) + 1;
             const std::string reason = page.substr(start, page.find("</textarea>", start) - start);
             ExpectSaved(
                 PostPlan(m[1], "grunduppgifter", "&reason=" + UrlEncode(reason) + "&" + field + "=" + UrlEncode(m[3])),
                 "the guardian's view");
         }},
        {std::regex(R"re((\w+) skriver barnets syn i planen: "([^"]+)", och barnet litar mest på "([^"]+)")re"),
         [this](const std::smatch& m) {
             const std::string page = server_.Get(plan_, Session(m[1])).body;
             const auto at = page.find("id=\"basics-reason\"");
             ASSERT_NE(at, std::string::npos) << m[1] << " cannot edit the plan";
             const auto start = page.find('>', at) + 1;
             const std::string reason = page.substr(start, page.find("</textarea>", start) - start);
             ExpectSaved(PostPlan(m[1], "grunduppgifter",
                                  "&reason=" + UrlEncode(reason) + "&child_view=" + UrlEncode(m[2]) +
                                      "&trusted_adult=" + UrlEncode(m[3])),
                         "the child's view");
         }},
        {std::regex(R"re((\w+) registrerar samverkansmötet (med barnet närvarande|utan barnet: "([^"]+)"))re"),
         [this](const std::smatch& m) {
             std::string fields =
                 "&kind=collaboration&held_on=2026-11-18&place=Rum+1&guardians_present=ja"
                 "&collaborate=ja&notes=" +
                 UrlEncode("Alla överens om att samverka");
             fields += m[3].matched ? "&child_absent_reason=" + UrlEncode(m[3]) : "&child_present=ja";
             ExpectSaved(PostPlan(m[1], "moten", fields), "meeting");
         }},
        // At the meeting with every guardian there; or with no part recorded now, when each guardian
        // has said yes in the family view.
        {std::regex(R"re((\w+) upprättar planen( där vårdnadshavarna har sagt ja i familjevyn)?)re"),
         [this](const std::smatch& m) {
             const std::string parts = m[2].matched ? "" : GuardianPartFields(server_.Get(plan_, Session(m[1])).body);
             ExpectSaved(PostPlan(m[1], "uppratta", parts), "agreeing");
         }},
        {std::regex(R"re((\w[\w.]*) säger i familjevyn att (?:hon|han|hen) är med på planen)re"),
         [this](const std::smatch& m) {
             ExpectSaved(server_.PostForm(FamilyPath("/med-pa-planen"), Csrf(m[1]), Session(m[1])), "agreement");
         }},
        {std::regex(R"re((\w+) kan inte upprätta planen: "([^"]+)")re"),
         [this](const std::smatch& m) {
             const HttpResult result = PostPlan(m[1], "uppratta", "");
             EXPECT_NE(result.status, 303) << "the plan was agreed";
             EXPECT_NE(result.body.find(m[2]), std::string::npos) << "message was: " << Alert(result.body);
         }},
        {std::regex(R"re((\w+) följer upp insatsen "([^"]+)" som (genomförd|pågående|ändrad|avbruten))re"),
         [this](const std::smatch& m) {
             const std::string page = server_.Get(plan_, Session(m[1])).body;
             const auto legend = page.find(">" + std::string(m[2]) + "</legend>");
             ASSERT_NE(legend, std::string::npos) << "no evaluation field for " << m[2];
             const std::string field = ValueAfter(page, "<select", "name", legend);
             const std::string result = m[3] == "genomförd"  ? "done"
                                        : m[3] == "pågående" ? "ongoing"
                                        : m[3] == "ändrad"   ? "changed"
                                                             : "stopped";
             ExpectSaved(
                 PostPlan(m[1], "moten",
                          "&kind=follow_up&held_on=2026-11-18&place=Skolan&child_present=ja&" + field + "=" + result),
                 "follow-up");
         }},
        {std::regex(R"re((\w+) ändrar målet "([^"]+)" till "([^"]+)")re"),
         [this](const std::smatch& m) {
             const std::string page = server_.Get(plan_, Session(m[1])).body;
             const auto card = page.find(">" + std::string(m[2]) + "<");
             ASSERT_NE(card, std::string::npos) << "no goal " << m[2];
             const std::string goal = ValueAfter(page, "name=\"goal_id\"", "value", card);
             const auto chosen = page.rfind("<option value=\"", page.find(" selected", card)) + 15;
             const std::string area = page.substr(chosen, page.find('"', chosen) - chosen);
             ExpectSaved(
                 PostPlan(m[1], "mal/andra",
                          "&goal_id=" + goal + "&area_code=" + area + "&outcome=" + UrlEncode(m[3]) +
                              "&how_we_know=" + UrlEncode("Vi ser det på uppföljningen") + "&by_when=2027-06-01"),
                 "changing the goal");
         }},
        {std::regex(R"re((\w+) tar bort målet "([^"]+)")re"),
         [this](const std::smatch& m) {
             const std::string page = server_.Get(plan_, Session(m[1])).body;
             const auto card = page.find(">" + std::string(m[2]) + "<");
             ASSERT_NE(card, std::string::npos) << "no goal " << m[2];
             ExpectSaved(
                 PostPlan(m[1], "mal/ta-bort", "&goal_id=" + ValueAfter(page, "name=\"goal_id\"", "value", card)),
                 "removing the goal");
         }},
        {std::regex(R"re((\w[\w.]*) (kan inte rapportera|rapporterar) insatsen "([^"]+)" som )re"
                    R"re((planerad|pågående|genomförd|ändrad|avbruten)(?:: "([^"]+)")?)re"),
         [this](const std::smatch& m) {
             const std::string user = m[1];
             const bool family = user.find('.') != std::string::npos;
             // The action's id from the holder's page: a party may not see the action it tries.
             const std::string page = server_.Get(plan_, Session("anna")).body;
             const auto card = page.find(">" + std::string(m[3]) + "<");
             ASSERT_NE(card, std::string::npos) << "no action " << m[3];
             const std::string action = ValueAfter(page, "name=\"action_id\"", "value", card);
             const std::string status = m[4] == "planerad"    ? "planned"
                                        : m[4] == "pågående"  ? "ongoing"
                                        : m[4] == "genomförd" ? "done"
                                        : m[4] == "ändrad"    ? "changed"
                                                              : "stopped";
             const std::string fields = Csrf(user) + "&action_id=" + action + "&status=" + status +
                                        (m[5].matched ? "&note=" + UrlEncode(m[5]) : std::string());
             const HttpResult result =
                 server_.PostForm(family ? FamilyPath("/insats") : plan_ + "/insatser/rapport", fields, Session(user));
             if (m[2] == "rapporterar") {
                 ExpectSaved(result, "the report");
             } else {
                 EXPECT_EQ(result.status, 404) << user << " reported on " << m[3];
             }
         }},
        {std::regex(R"re((\w+) tar bort "([^"]+)" ur planen: "([^"]+)")re"),
         [this](const std::smatch& m) {
             ExpectSaved(PostPlan(m[1], "deltagare/ta-bort", "&unit_id=" + Unit(m[2]) + "&reason=" + UrlEncode(m[3])),
                         "removing the participant");
         }},
        {std::regex(R"re((\w+) ser "([^"]+)" i planen)re"),
         [this](const std::smatch& m) { Expect(true, m[1], plan_, m[2]); }},
        {std::regex(R"re((\w+) ser inte "([^"]+)" i planen)re"),
         [this](const std::smatch& m) { Expect(false, m[1], plan_, m[2]); }},
        {std::regex(R"re((\w+) kan inte öppna planen)re"),
         [this](const std::smatch& m) { EXPECT_EQ(server_.Get(plan_, Session(m[1])).status, 404) << m[1]; }},
        {std::regex(R"re((\w+) ser "([^"]+)" i planens historik)re"),
         [this](const std::smatch& m) { Expect(true, m[1], plan_ + "/historik", m[2]); }},
        {std::regex(R"re((\w+) ser "([^"]+)" på barnets sida)re"),
         [this](const std::smatch& m) {
             child_ = child_.empty() ? ChildUrl(m[1]) : child_;
             ASSERT_FALSE(child_.empty()) << m[1] << " has no way to the child's page";
             Expect(true, m[1], child_, m[2]);
         }},
        {std::regex(R"re((\w+) kan inte öppna barnets sida)re"),
         [this](const std::smatch& m) {
             ASSERT_FALSE(child_.empty()) << "no child page seen yet";
             EXPECT_EQ(server_.Get(child_, Session(m[1])).status, 404) << m[1];
         }},
        {std::regex(R"re((\w+) lämnar över barnet till "([^"]+)": "([^"]+)")re"),
         [this](const std::smatch& m) {
             child_ = child_.empty() ? ChildUrl(m[1]) : child_;
             ExpectSaved(
                 server_.PostForm(child_ + "/overlamning",
                                  Csrf(m[1]) + "&to_unit_id=" + Unit(m[2]) + "&note=" + UrlEncode(m[3]), Session(m[1])),
                 "handover");
         }},
        // May the plan follow to the unit taking over (rule 4): the holder records what a guardian
        // or the child says, from the child's page.
        {std::regex(R"re((\w+) registrerar att "([^"]+)" säger (ja|nej) till att planen följer med)re"),
         [this](const std::smatch& m) {
             const std::string page = server_.Get(child_, Session(m[1])).body;
             const auto card = page.find("<strong>" + std::string(m[2]) + "</strong>");
             ASSERT_NE(card, std::string::npos) << m[2] << " is not asked on the child's page";
             const std::string action = ValueAfter(page, "<form", "action", card);
             const std::string person = ValueAfter(page, "name=\"person\"", "value", card);
             ExpectSaved(
                 server_.PostForm(action, Csrf(m[1]) + "&person=" + person + "&answer=" + (m[3] == "ja" ? "yes" : "no"),
                                  Session(m[1])),
                 "the plan-follow answer");
         }},
        {std::regex(
             R"re((\w+) kan inte registrera att (barnet|en annan person) säger ja till att planen följer med: "([^"]+)")re"),
         [this](const std::smatch& m) {
             const std::string page = server_.Get(child_, Session(m[1])).body;
             const auto at = page.find("/planen-foljer-med\"");
             ASSERT_NE(at, std::string::npos) << "no plan-follow question on the page";
             const std::string action = page.substr(page.rfind('"', at) + 1, at + 18 - page.rfind('"', at) - 1);
             const std::string person = m[2] == "barnet" ? "child" : "guardian_999999";
             const HttpResult result =
                 server_.PostForm(action, Csrf(m[1]) + "&person=" + person + "&answer=yes", Session(m[1]));
             EXPECT_NE(result.status, 303) << "the answer was recorded";
             EXPECT_NE(result.body.find(m[3]), std::string::npos) << "message was: " << Alert(result.body);
         }},
        {std::regex(
             R"re((\w[\w.]*) (svarar ja|svarar nej|tar tillbaka sitt ja) i familjevyn om att planen följer med)re"),
         [this](const std::smatch& m) {
             const std::string page = server_.Get(FamilyPath("/samtycken"), Session(m[1])).body;
             const auto at = page.find("/planen-foljer-med");
             ASSERT_NE(at, std::string::npos) << m[1] << " is not asked whether the plan may follow";
             const std::string action = page.substr(page.rfind('"', at) + 1, at + 18 - page.rfind('"', at) - 1);
             const std::string answer = m[2] == "svarar ja" ? "yes" : m[2] == "svarar nej" ? "no" : "withdrawn";
             ExpectSaved(server_.PostForm(action, Csrf(m[1]) + "&answer=" + answer, Session(m[1])), "the answer");
         }},
        {std::regex(R"re((\w[\w.]*) ser( inte)? "([^"]+)" i familjens samtycken)re"),
         [this](const std::smatch& m) { Expect(!m[2].matched, m[1], FamilyPath("/samtycken"), m[3]); }},
        {kSchoolYearStep, [](const std::smatch&) {}},  // read before the server started
        {std::regex(R"re((\d+) dagar senare)re"),
         [this](const std::smatch& m) { server_.AdvanceDays(std::stoi(m[1])); }},
        {std::regex(R"re((\w+) kan inte registrera oro för (\S+) från "([^"]+)": "([^"]+)")re"),
         [this](const std::smatch& m) {
             const std::string body = Csrf(m[1]) + "&personal_number=" + UrlEncode(m[2]) +
                                      "&given_name=Ebba&family_name=Berg&noticing_unit_id=" + Unit(m[3]) +
                                      "&noticed_on=2026-11-18&description=" + UrlEncode("Oro.");
             const HttpResult result = server_.PostForm("/oro", body, Session(m[1]));
             EXPECT_NE(result.status, 303) << "the signal was registered";
             EXPECT_NE(result.body.find(m[4]), std::string::npos) << "message was: " << Alert(result.body);
         }},
        {std::regex(R"re((\w+) kan inte lämna över barnet till "([^"]+)": "([^"]+)")re"),
         [this](const std::smatch& m) {
             child_ = child_.empty() ? ChildUrl(m[1]) : child_;
             const HttpResult result = server_.PostForm(
                 child_ + "/overlamning", Csrf(m[1]) + "&to_unit_id=" + Unit(m[2]) + "&note=x", Session(m[1]));
             EXPECT_NE(result.status, 303) << "the handover was requested";
             EXPECT_NE(result.body.find(m[3]), std::string::npos) << "message was: " << Alert(result.body);
         }},
        {std::regex(R"re((\w+) lämnar över samverkansansvaret till "([^"]+)": "([^"]+)")re"),
         [this](const std::smatch& m) {
             ExpectSaved(
                 server_.PostForm(plan_ + "/samverkansansvar",
                                  Csrf(m[1]) + "&to_unit_id=" + Unit(m[2]) + "&note=" + UrlEncode(m[3]), Session(m[1])),
                 "collaboration handover");
         }},
        {std::regex(R"re((\w+) kan inte lämna över samverkansansvaret till "([^"]+)": "([^"]+)")re"),
         [this](const std::smatch& m) {
             const HttpResult result = server_.PostForm(
                 plan_ + "/samverkansansvar", Csrf(m[1]) + "&to_unit_id=" + Unit(m[2]) + "&note=x", Session(m[1]));
             EXPECT_NE(result.status, 303) << "the handover was requested";
             EXPECT_NE(result.body.find(m[3]), std::string::npos) << "message was: " << Alert(result.body);
         }},
        {std::regex(R"re((\w+) (kan inte återkalla|återkallar) överlämningen)re"),
         [this](const std::smatch& m) {
             // The sender's start page names the request; another user tries the same address.
             std::string page;
             for (const char* holder : {"anna", "britt", "olle"}) {
                 page = server_.Get("/start", Session(holder)).body;
                 if (page.find("/aterkalla\"") != std::string::npos) break;
             }
             const auto at = page.find("/aterkalla\"");
             ASSERT_NE(at, std::string::npos) << "no pending request to withdraw";
             const std::string path = page.substr(page.rfind('"', at) + 1, at + 10 - page.rfind('"', at) - 1);
             const int status = server_.PostForm(path, Csrf(m[1]), Session(m[1])).status;
             if (m[2] == "återkallar") {
                 EXPECT_EQ(status, 303) << "withdrawal refused";
             } else {
                 EXPECT_EQ(status, 404) << m[1] << " withdrew someone else's request";
             }
         }},
        {std::regex(R"re((\w+) bjuder in (?:vårdnadshavaren "([^"]+)"|barnet) som (\w[\w.]*))re"),
         [this](const std::smatch& m) { InviteFamily(m[1], m[2].matched ? std::string(m[2]) : "", m[3]); }},
        {std::regex(R"re((\w[\w.]*) väljer (svenska|engelska|arabiska))re"),
         [this](const std::smatch& m) {
             const std::string lang = m[2] == "arabiska" ? "ar" : m[2] == "engelska" ? "en" : "sv";
             const HttpResult chosen = server_.Get("/sprak/" + lang + "?tillbaka=/familj", Session(m[1]));
             ASSERT_EQ(chosen.status, 303);
             languages_[m[1]] = lang;
         }},
        {std::regex(R"re((\w[\w.]*) ser( inte)? "([^"]+)" i familjens vy av planen)re"),
         [this](const std::smatch& m) { Expect(!m[2].matched, m[1], FamilyPath(""), m[3]); }},
        {std::regex(R"re((\w[\w.]*) ser "([^"]+)" på barnets egen sida)re"),
         [this](const std::smatch& m) { Expect(true, m[1], FamilyPath("/barnets-sida"), m[2]); }},
        {std::regex(R"re((\w[\w.]*) ser( inte)? "([^"]+)" i listan över vem som öppnat)re"),
         [this](const std::smatch& m) { Expect(!m[2].matched, m[1], FamilyPath("/vem-har-oppnat"), m[3]); }},
        {std::regex(R"re((\w[\w.]*) kan inte öppna familjens vy av planen)re"),
         [this](const std::smatch& m) { EXPECT_EQ(server_.Get(FamilyPath(""), Session(m[1])).status, 404) << m[1]; }},
        {std::regex(R"re((\w[\w.]*) skriver på barnets sida att det som är (bra|svårt) är "([^"]+)")re"),
         [this](const std::smatch& m) {
             const std::string kind = m[2] == "bra" ? "child_good" : "child_hard";
             ExpectSaved(server_.PostForm(FamilyPath("/barnets-ord"),
                                          Csrf(m[1]) + "&kind=" + kind + "&text=" + UrlEncode(m[3]), Session(m[1])),
                         "the child's words");
         }},
        {std::regex(R"re((\w+) ser "([^"]+)" i hjulet)re"),
         [this](const std::smatch& m) { Expect(true, m[1], WheelUrl(m[1]), m[2]); }},
        // What the steering group's statistics read, straight from the records they are built on.
        {std::regex(R"re(statistiken räknar den senaste övergången som "(followed|stayed|)")re"),
         [this](const std::smatch& m) {
             auto uow = server_.Store().Begin(store::TransactionMode::kRead);
             ASSERT_TRUE(uow);
             const auto handovers = (*uow)->Statistics().Handovers(Timestamp{}, Timestamp::max());
             ASSERT_TRUE(handovers);
             ASSERT_FALSE(handovers->empty());
             EXPECT_EQ(handovers->back().plan_outcome, m[1]);
             EXPECT_FALSE(handovers->back().after_decision) << "a transition, not decision B";
         }},
        {std::regex(R"re(statistiken räknar planens första möte den (\S+))re"),
         [this](const std::smatch& m) {
             auto uow = server_.Store().Begin(store::TransactionMode::kRead);
             ASSERT_TRUE(uow);
             const auto plans = (*uow)->Statistics().Plans(Timestamp{}, Timestamp::max());
             ASSERT_TRUE(plans);
             ASSERT_FALSE(plans->empty());
             ASSERT_TRUE(plans->back().first_meeting_on.has_value()) << "no first meeting counted";
             EXPECT_EQ(FormatDate(*plans->back().first_meeting_on), m[1]);
         }},
        {std::regex(R"re((\w+) kan inte öppna hjulet)re"),
         [this](const std::smatch& m) {
             // The wheel URL is the child's; learn it as the holder would, then try as this user.
             std::string url = wheel_;
             for (const char* holder : {"britt", "anna", "olle"}) {
                 if (url.empty()) url = WheelUrl(holder);
             }
             ASSERT_FALSE(url.empty()) << "no holder found to learn the wheel address from";
             EXPECT_EQ(server_.Get(url, Session(m[1])).status, 404) << m[1];
         }},
    };
};

class Scenario : public ::testing::TestWithParam<std::string> {};

TEST_P(Scenario, Passes) {
    std::ifstream file(std::string(KRONOBARN_SCENARIO_DIR) + "/" + GetParam());
    ASSERT_TRUE(file) << GetParam();
    // The server starts with the scenario's term start when its steps name one.
    std::stringstream text;
    text << file.rdbuf();
    TestServerOptions options;
    std::smatch start;
    const std::string all = text.str();
    if (std::regex_search(all, start, kSchoolYearStep)) {
        const auto parsed = domain::ParseSchoolYearStart(start[1].str());
        ASSERT_TRUE(parsed) << start[1];
        options.school_year = *parsed;
    }
    text.seekg(0);
    ScenarioRun run(options);
    std::string line;
    bool in_description = true;
    int steps = 0;
    for (int number = 1; std::getline(text, line); ++number) {
        if (in_description) {
            in_description = !line.empty();
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        SCOPED_TRACE(GetParam() + ":" + std::to_string(number) + "  " + line);
        run.Step(line);
        ++steps;
        if (HasFatalFailure()) return;
    }
    EXPECT_GE(steps, 3) << "a scenario needs steps";
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
    std::string name = info.param.substr(0, info.param.find('.'));
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Stories, Scenario, ::testing::ValuesIn(ScenarioFiles()), TestName);

}  // namespace
}  // namespace kronobarn::testing
