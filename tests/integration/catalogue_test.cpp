// The wheel catalogue over HTTP: an administrator publishes a new version, holders see the new
// labels, other roles cannot reach the page, and bad input keeps what was typed.
#include <gtest/gtest.h>

#include "integration/test_server.hpp"

namespace kronobarn::testing {
namespace {

class CatalogueTest : public ::testing::Test {
  protected:
    const std::string& Session(const std::string& user) { return server_.SessionOf(user); }
    std::string Csrf(const std::string& user) { return server_.CsrfField(user); }

    // Every field of the current form, as the page has them, with `changes` on top.
    std::string FormWith(const std::string& changes) {
        const std::string page = server_.Get("/admin/hjulet", Session("adam")).body;
        std::string body = Csrf("adam");
        for (std::size_t at = page.find("name=\"area_"); at != std::string::npos;
             at = page.find("name=\"area_", at + 1)) {
            const auto name_start = at + 6;
            const std::string name = page.substr(name_start, page.find('"', name_start) - name_start);
            if (changes.find("&" + name + "=") != std::string::npos) continue;
            std::string value;
            const auto tag_end = page.find('>', at);
            const auto value_at = page.find("value=\"", at);
            if (value_at != std::string::npos && value_at < tag_end) {
                value = page.substr(value_at + 7, page.find('"', value_at + 7) - value_at - 7);
            } else if (page.rfind("<textarea", at) > page.rfind("<input", at) ||
                       page.rfind("<input", at) == std::string::npos) {
                value = page.substr(tag_end + 1, page.find("</textarea>", tag_end) - tag_end - 1);
            }
            body += "&" + name + "=" + UrlEncode(value);
        }
        return body + changes;
    }

    TestServer server_;
};

TEST_F(CatalogueTest, AdministratorPublishesANewVersionThatHoldersSee) {
    const HttpResult page = server_.Get("/admin/hjulet", Session("adam"));
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Gällande version: 1"), std::string::npos);
    const HttpResult published =
        server_.PostForm("/admin/hjulet",
                         FormWith("&area_trygg_label_sv=" + UrlEncode("Trygg och säker") + "&new_code=fritid" +
                                  "&new_label_sv=Fritid&new_label_en=Leisure&note=" + UrlEncode("Fritid eget område")),
                         Session("adam"));
    ASSERT_EQ(published.status, 303) << published.body.substr(0, 2000);
    const std::string after = server_.Get("/admin/hjulet", Session("adam")).body;
    EXPECT_NE(after.find("Gällande version: 2"), std::string::npos);
    EXPECT_NE(after.find("Trygg och säker"), std::string::npos);
    EXPECT_NE(after.find("(fritid)"), std::string::npos);
    EXPECT_NE(after.find("Må bra"), std::string::npos) << "untouched areas keep their labels";
    const auto rows = server_.AuditRowsSinceSetup();
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.back().event.object_type, "wheel_catalogue");
    EXPECT_EQ(rows.back().event.object_id, "2");
}

// What you may not use is not there for you: 404, the same page as for an address that does not
// exist (regression: the page answered 403 and so told every other role that it exists).
TEST_F(CatalogueTest, OnlyAdministratorsReachThePageEveryoneElseGetsNotFound) {
    const HttpResult nowhere = server_.Get("/admin/finns-inte", Session("anna"));
    for (const std::string user : {"anna", "britt", "sara"}) {
        const HttpResult page = server_.Get("/admin/hjulet", Session(user));
        EXPECT_EQ(page.status, 404) << user;
        EXPECT_EQ(server_.PostForm("/admin/hjulet", Csrf(user) + "&note=x", Session(user)).status, 404) << user;
        EXPECT_EQ(BodyWithoutRequestId(page), BodyWithoutRequestId(nowhere)) << user;
    }
}

TEST_F(CatalogueTest, MissingNoteOrBadCodeKeepsTheInputAndPublishesNothing) {
    const HttpResult no_note =
        server_.PostForm("/admin/hjulet", FormWith("&area_trygg_label_sv=" + UrlEncode("Nytt namn")), Session("adam"));
    EXPECT_EQ(no_note.status, 400);
    EXPECT_NE(no_note.body.find("Skriv vad som ändrats"), std::string::npos);
    EXPECT_NE(no_note.body.find("value=\"Nytt namn\""), std::string::npos);
    const HttpResult bad_code = server_.PostForm(
        "/admin/hjulet", FormWith("&new_code=" + UrlEncode("Fri tid!") + "&new_label_sv=F&new_label_en=F&note=x"),
        Session("adam"));
    EXPECT_EQ(bad_code.status, 400);
    EXPECT_NE(server_.Get("/admin/hjulet", Session("adam")).body.find("Gällande version: 1"), std::string::npos);
}

}  // namespace
}  // namespace kronobarn::testing
