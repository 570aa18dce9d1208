// Runs the plain-text user stories in tests/scenarios/ against a real server and database. Each
// file is one test; each line after the description is one step (see tests/scenarios/README.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>

#include "integration/test_server.hpp"

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
class ScenarioRun {
  public:
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
        auto& cookie = sessions_[user];
        if (cookie.empty()) cookie = server_.Login(user, kPassword);
        EXPECT_FALSE(cookie.empty()) << user << " could not log in";
        return cookie;
    }
    std::string Csrf(const std::string& user) { return "csrf_token=" + server_.CsrfTokenFor(Session(user)); }
    std::string Unit(const std::string& name) { return std::to_string(server_.UnitId(name)); }

    void Register(const std::smatch& m) {
        std::string body = Csrf(m[1]) + "&personal_number=" + UrlEncode(m[2]);
        const std::string name = m[3];
        const auto space = name.find(' ');
        body += "&given_name=" + UrlEncode(name.substr(0, space)) + "&family_name=" + UrlEncode(name.substr(space + 1));
        body += "&noticing_unit_id=" + Unit(m[4]) + "&noticed_on=2026-11-18&description=" + UrlEncode(m[7]);
        if (m[5].matched) body += "&child_unit_id=" + Unit(m[5]);
        if (m[6].matched) body += "&report_made=ja&report_date=2026-11-18&report_unit_id=" + Unit(m[6]);
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
            if (start != std::string::npos) wheel_ = page.substr(start + 6, page.find('"', start + 6) - start - 6);
        }
        return wheel_;
    }

    void Expect(bool present, const std::string& user, const std::string& path, const std::string& text) {
        const HttpResult page = server_.Get(path, Session(user));
        ASSERT_EQ(page.status, 200) << user << " could not open " << path;
        EXPECT_EQ(page.body.find(text) != std::string::npos, present)
            << user << (present ? " does not see " : " sees ") << "\"" << text << "\" on " << path;
    }

    TestServer server_;
    std::map<std::string, std::string> sessions_;
    std::string signal_;
    std::string wheel_;
    const std::vector<std::pair<std::regex, std::function<void(const std::smatch&)>>> steps_{
        {std::regex(R"re((\w+) registrerar oro för (\S+) "([^"]+)" från "([^"]+)"(?: med barnets enhet "([^"]+)")?)re"
                    R"re((?: och orosanmälan till "([^"]+)")?: "([^"]+)")re"),
         [this](const std::smatch& m) { Register(m); }},
        {std::regex(R"re((\w+) ser "([^"]+)" på startsidan)re"),
         [this](const std::smatch& m) { Expect(true, m[1], "/start", m[2]); }},
        {std::regex(R"re((\w+) ser inte "([^"]+)" på startsidan)re"),
         [this](const std::smatch& m) { Expect(false, m[1], "/start", m[2]); }},
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
        {std::regex(
             R"re((\w+) beskriver (\w+) som (fungerar bra|utmanande|vet inte)(?: med barnets ord "([^"]+)")?)re"),
         [this](const std::smatch& m) {
             const std::string status = m[3] == "fungerar bra" ? "works_well"
                                        : m[3] == "utmanande"  ? "challenging"
                                                               : "not_known";
             std::string body = Csrf(m[1]) + "&assessed_on=2026-11-18&area_" + std::string(m[2]) + "_status=" + status;
             if (m[4].matched) body += "&area_" + std::string(m[2]) + "_child_words=" + UrlEncode(m[4]);
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
        {std::regex(R"re((\w+) ser "([^"]+)" i hjulet)re"),
         [this](const std::smatch& m) { Expect(true, m[1], WheelUrl(m[1]), m[2]); }},
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
    ScenarioRun run;
    std::string line;
    bool in_description = true;
    int steps = 0;
    for (int number = 1; std::getline(file, line); ++number) {
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
