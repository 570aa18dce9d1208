// A plan about an 11-year-old (Maja Berg, two guardians) started by the principal from a signal,
// with helpers to edit it, record or withdraw consent and sign in a guardian: shared by the plan,
// family and multi-server tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "domain/personal_number.hpp"
#include "integration/test_server.hpp"

namespace kronobarn::testing {

inline std::string ElevenYearOld() {
    const std::string nine = "150312981";
    return "20" + nine + std::to_string(domain::LuhnCheckDigit(nine));
}

// Old enough for a login of its own (13 by default).
inline std::string FourteenYearOld() {
    const std::string nine = "120405982";
    return "20" + nine + std::to_string(domain::LuhnCheckDigit(nine));
}

// The text of a PDF as pdftotext (poppler-utils) reads it.
inline std::string TextOfPdf(const std::string& pdf) {
    const TempDir dir;
    const std::string in = dir.File("plan.pdf");
    const std::string out = dir.File("plan.txt");
    std::ofstream(in, std::ios::binary) << pdf;
    const std::string command = "pdftotext -enc UTF-8 '" + in + "' '" + out + "'";
    if (std::system(command.c_str()) != 0) return "(pdftotext failed)";
    std::ifstream file(out);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

inline std::string AlertText(const std::string& html) {
    const auto start = html.find("role=\"alert\"");
    if (start == std::string::npos) return {};
    return html.substr(start, html.find("</div>", start) - start);
}

// The value of the first `attribute="…"` at or after `from`.
inline std::string AttributeAfter(const std::string& page, std::size_t from, const std::string& attribute) {
    const auto start = page.find(attribute + "=\"", from);
    if (start == std::string::npos) return {};
    const auto value = start + attribute.size() + 2;
    return page.substr(value, page.find('"', value) - value);
}

class PlanFixture : public ::testing::Test {
  protected:
    PlanFixture() = default;
    // On a server with settings of its own (single sign-on providers, say).
    explicit PlanFixture(TestServerOptions options) : server_(std::make_shared<TestDatabase>(), std::move(options)) {}

    const std::string& Session(const std::string& user) { return server_.SessionOf(user); }
    std::string Csrf(const std::string& user) { return server_.CsrfField(user); }
    std::string Unit(const std::string& name) { return std::to_string(server_.UnitId(name)); }

    // A signal about an 11-year-old with two guardians, decided C by the principal: returns the plan URL.
    std::string StartPlan(const std::string& personal_number = ElevenYearOld()) {
        const std::string body = Csrf("bertil") + "&personal_number=" + personal_number +
                                 "&given_name=Maja&family_name=Berg&noticing_unit_id=" + Unit("Växjö Centralskola") +
                                 "&child_unit_id=" + Unit("Växjö Centralskola") +
                                 "&noticed_on=2026-11-17&description=" + UrlEncode("Ofta ensam på rasterna.") +
                                 "&guardian_1=" + UrlEncode("Eva Berg") + "&guardian_2=" + UrlEncode("Per Berg");
        const HttpResult registered = server_.PostForm("/oro", body, Session("bertil"));
        EXPECT_EQ(registered.status, 303);
        const std::string signal = registered.Header("location").substr(0, registered.Header("location").find('?'));
        signal_ = signal;
        const HttpResult decided = server_.PostForm(
            signal + "/samverkan", Csrf("anna") + "&rationale=" + UrlEncode("Flera behövs"), Session("anna"));
        EXPECT_EQ(decided.status, 303) << AlertText(decided.body);
        plan_ = decided.Header("location").substr(0, decided.Header("location").find('?'));
        const std::string page = server_.Get(plan_, Session("anna")).body;
        const auto at = page.find("/samtycken\"");
        consents_ = page.substr(page.rfind('"', at) + 1, at + 10 - page.rfind('"', at) - 1);
        return plan_;
    }

    std::string Version(const std::string& user = "anna") {
        const std::string page = server_.Get(plan_, Session(user)).body;
        return AttributeAfter(page, page.find("name=\"version\""), "value");
    }

    HttpResult PostPlan(const std::string& form, const std::string& fields, const std::string& version = "",
                        const std::string& user = "anna") {
        return server_.PostForm(plan_ + "/" + form,
                                Csrf(user) + "&version=" + (version.empty() ? Version(user) : version) + fields,
                                Session(user));
    }

    // Consent from both guardians (or `guardians` of them) for the school and social services;
    // `answer` "refused" records that they said no.
    HttpResult RecordConsent(int guardians = 2, const std::string& valid_to = "2027-06-30",
                             const std::string& answer = "given") {
        const std::string page = server_.Get(consents_, Session("anna")).body;
        std::string body = Csrf("anna") + "&purpose=Samverkan&valid_from=2026-11-18&valid_to=" + valid_to +
                           "&form=written&category=school&category=social&unit_id=" + Unit("Växjö Centralskola") +
                           "&unit_id=" + Unit("Socialtjänsten Växjö") + "&answer=" + answer;
        std::size_t at = 0;
        for (int i = 0; i < guardians; ++i) {
            at = page.find("name=\"guardian_id\"", at + 1);
            body += "&guardian_id=" + AttributeAfter(page, at, "value");
        }
        return server_.PostForm(consents_, body, Session("anna"));
    }

    void AddSocialServices() {
        ASSERT_EQ(PostPlan("deltagare", "&unit_id=" + Unit("Socialtjänsten Växjö") + "&contact_name=Sara").status, 303);
        ASSERT_EQ(PostPlan("insatser", "&what=" + UrlEncode("Samtal med familjen") +
                                           "&unit_id=" + Unit("Socialtjänsten Växjö") +
                                           "&responsible=Sara&start=2026-11-20&due=2027-01-15")
                      .status,
                  303);
    }

    std::string WithdrawFirstConsent() {
        const std::string page = server_.Get(consents_, Session("anna")).body;
        const std::string action = AttributeAfter(page, page.find("action=\"/samtycken/"), "action");
        const std::string id = action.substr(11, action.find('/', 11) - 11);
        const HttpResult result =
            server_.PostForm(action, Csrf("anna") + "&on_word_of_" + id + "=" + UrlEncode("Per Berg"), Session("anna"));
        EXPECT_EQ(result.status, 303);
        return action;
    }

    std::string ChildId() {
        const std::string page = server_.Get(plan_, Session("anna")).body;
        const auto at = page.find("href=\"/barn/") + 12;
        return page.substr(at, page.find_first_of("/\"", at) - at);
    }

    // The value the family page's invite forms give a member ("1"/"2": the first/second guardian,
    // "barnet": the child).
    std::string Member(const std::string& which) {
        if (which == "barnet") return which;
        const std::string page = server_.Get("/barn/" + ChildId() + "/familj", Session("anna")).body;
        std::size_t at = 0;
        for (int i = 0; i < std::stoi(which); ++i) at = page.find("/familj/inbjudan\"", at + 1);
        return AttributeAfter(page, page.find("name=\"member\"", at), "value");
    }

    // The holder agrees the plan with the family present: a collaboration meeting, a goal, agreement.
    void AgreeThePlan() {
        ASSERT_EQ(
            PostPlan("moten", "&kind=collaboration&held_on=2026-11-18&place=Rum+1&child_present=ja&collaborate=ja")
                .status,
            303);
        ASSERT_EQ(PostPlan("mal", "&area_code=trygg&outcome=" + UrlEncode("En vän på rasten") +
                                      "&how_we_know=" + UrlEncode("Maja berättar") + "&by_when=2027-06-01")
                      .status,
                  303);
        ASSERT_EQ(PostPlan("uppratta", GuardianPartFields(server_.Get(plan_, Session("anna")).body)).status, 303);
    }

    // The holder invites a family member ("1"/"2": the first/second guardian, "barnet": the child)
    // and returns the one-time link the page shows.
    std::string Invite(const std::string& which) {
        const std::string child = ChildId();
        const std::string member = Member(which);
        const HttpResult invited = server_.PostForm("/barn/" + child + "/familj/inbjudan",
                                                    Csrf("anna") + "&member=" + member, Session("anna"));
        EXPECT_EQ(invited.status, 200) << AlertText(invited.body);
        const auto at = invited.body.find("/aktivera/");
        if (at == std::string::npos) return {};
        return invited.body.substr(at, invited.body.find('<', at) - at);
    }

    // Opens the link like a browser (to get the form's CSRF cookie) and submits it.
    HttpResult Activate(const std::string& link, const std::string& username, const std::string& password = kPassword,
                        const std::string& repeat = kPassword) {
        const HttpResult form = server_.Get(link);
        const std::string csrf = form.CookieValue("kb_login_csrf");
        RequestSpec post{"POST", link, {}, ""};
        post.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        post.headers.emplace_back("Cookie", "kb_login_csrf=" + csrf);
        post.body = "csrf_token=" + csrf + "&username=" + username + "&password=" + UrlEncode(password) +
                    "&password_repeat=" + UrlEncode(repeat);
        return server_.Send(post);
    }

    // A guardian with an activated login, signed in.
    const std::string& Guardian(const std::string& which, const std::string& username) {
        const HttpResult activated = Activate(Invite(which), username);
        EXPECT_EQ(activated.status, 303) << AlertText(activated.body);
        return Session(username);
    }

    TestServer server_;
    std::string signal_;  // "/oro/{id}" of the signal the plan started from
    std::string plan_;
    std::string consents_;
};

}  // namespace kronobarn::testing
