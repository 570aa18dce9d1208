#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "common/text.hpp"
#include "web/form.hpp"
#include "web/html.hpp"
#include "web/security.hpp"
#include "web/views/area_pictures.hpp"

namespace kronobarn::web {
namespace {

TEST(Form, DecodesPercentEncodingAndPlusAsSpace) {
    auto form = ParseForm("username=anna+berg&password=a%2Bb%26c&empty=&flag");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->Get("username"), "anna berg");
    EXPECT_EQ(form->Get("password"), "a+b&c");
    EXPECT_TRUE(form->Has("empty"));
    EXPECT_TRUE(form->Has("flag"));
    EXPECT_FALSE(form->Has("missing"));
}

TEST(Form, DecodesSwedishLetters) {
    auto form = ParseForm("unit=BVC+V%C3%A4xj%C3%B6");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->Get("unit"), "BVC Växjö");
}

TEST(Form, RepeatedFieldKeepsEveryValueInOrder) {
    auto form = ParseForm("area=trygg&a=x&area=ma_bra");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->Get("area"), "trygg");
    EXPECT_EQ(form->GetAll("area"), (std::vector<std::string>{"trygg", "ma_bra"}));
    EXPECT_TRUE(form->GetAll("missing").empty());
}

TEST(Form, RejectsInvalidUtf8) {
    for (const char* body : {"name=%FF", "name=%C3", "name=%C0%AF", "name=%ED%A0%80"}) {
        auto form = ParseForm(body);
        ASSERT_FALSE(form) << body;
        EXPECT_EQ(form.error().message_key, "form.invalid_utf8") << body;
    }
}

TEST(Form, RejectsBrokenPercentEscapes) {
    auto form = ParseForm("name=%G1");
    ASSERT_FALSE(form);
    EXPECT_EQ(form.error().message_key, "form.malformed");
}

TEST(Html, TextIsEscapedByDefault) {
    Html html;
    html << Raw("<p title=\"") << "\"><script>alert('x')</script>" << Raw("\">") << "a & b" << Raw("</p>");
    EXPECT_EQ(html.str(), "<p title=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\">a &amp; b</p>");
}

TEST(Security, OnlyLocalPathsAreRedirectTargets) {
    EXPECT_TRUE(IsLocalPath("/start"));
    EXPECT_TRUE(IsLocalPath("/"));
    EXPECT_FALSE(IsLocalPath("//evil.example/"));
    EXPECT_FALSE(IsLocalPath("/\\evil.example"));
    EXPECT_FALSE(IsLocalPath("https://evil.example/"));
    EXPECT_FALSE(IsLocalPath("/start\r\nSet-Cookie: x=y"));
    EXPECT_FALSE(IsLocalPath(""));
}

TEST(Security, CsrfTokenIsBoundToTheSession) {
    const std::string a = CsrfTokenForSession("session-token-a-0123456789");
    EXPECT_TRUE(CsrfTokenMatches(a, a));
    EXPECT_FALSE(CsrfTokenMatches(a, CsrfTokenForSession("session-token-b-0123456789")));
    EXPECT_FALSE(CsrfTokenMatches(a, ""));
    EXPECT_FALSE(CsrfTokenMatches("", ""));
}

}  // namespace
}  // namespace kronobarn::web

namespace kronobarn {
namespace {

TEST(CsvField, QuotesOnlyWhatASpreadsheetWouldSplit) {
    EXPECT_EQ(CsvField("Växjö"), "Växjö");
    EXPECT_EQ(CsvField("Median, dagar"), "\"Median, dagar\"");
    EXPECT_EQ(CsvField("sa \"hej\""), "\"sa \"\"hej\"\"\"");
    EXPECT_EQ(CsvField("två\nrader"), "\"två\nrader\"");
}

// The child's page draws each area of the wheel itself: no emoji (a phone without the glyph shows
// a box), one drawing per area, hidden from screen readers since the name stands beside it.
TEST(AreaPictures, EveryAreaOfTheWheelHasItsOwnDrawingAndNoEmoji) {
    std::set<std::string> drawings;
    const auto draw = [](std::string_view code) {
        web::Html html;
        web::views::AreaPicture(html, code);
        return html.str();
    };
    for (const char* code :
         {"trygg", "ma_bra", "utvecklas", "omvardad", "aktiv", "respekterad", "ansvarstagande", "delaktig"}) {
        const std::string svg = draw(code);
        EXPECT_TRUE(std::all_of(svg.begin(), svg.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            << code;
        EXPECT_NE(svg.find("aria-hidden=\"true\""), std::string::npos);
        EXPECT_NE(svg, draw("ett_eget_omrade")) << code << " falls back to the star";
        EXPECT_TRUE(drawings.insert(svg).second) << code << " shares its drawing";
    }
}

}  // namespace
}  // namespace kronobarn
