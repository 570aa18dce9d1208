// Reading multipart/form-data as browsers send it (RFC 7578): fields and files apart, an empty file
// input as no file, and every kind of broken body refused as malformed — never half read.
#include <gtest/gtest.h>

#include <tuple>
#include <vector>

#include "web/multipart.hpp"

namespace kronobarn::web {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=----WebKitFormBoundaryAbc123";

std::string Part(std::string_view disposition, std::string_view value, std::string_view type = {}) {
    std::string part =
        "------WebKitFormBoundaryAbc123\r\nContent-Disposition: form-data; " + std::string(disposition) + "\r\n";
    if (!type.empty()) part += "Content-Type: " + std::string(type) + "\r\n";
    return part + "\r\n" + std::string(value) + "\r\n";
}
constexpr std::string_view kEnd = "------WebKitFormBoundaryAbc123--\r\n";

TEST(Multipart, ReadsFieldsAndFilesAsABrowserSendsThem) {
    const std::string body = Part("name=\"csrf_token\"", "abc") + Part("name=\"kind\"", "personal") +
                             Part("name=\"file\"; filename=\"personal åäö.csv\"", "a;b\r\n1;2\r\n", "text/csv") +
                             Part("name=\"run\"", "prov") + std::string(kEnd);
    const auto form = ParseMultipart(kType, body);
    ASSERT_TRUE(form) << form.error().detail;
    EXPECT_EQ(form->fields.Get("csrf_token"), "abc");
    EXPECT_EQ(form->fields.Get("kind"), "personal");
    EXPECT_EQ(form->fields.Get("run"), "prov");
    const auto* file = form->File("file");
    ASSERT_NE(file, nullptr);
    EXPECT_EQ(file->filename, "personal åäö.csv");
    EXPECT_EQ(file->content_type, "text/csv");
    EXPECT_EQ(file->bytes, "a;b\r\n1;2\r\n") << "the file's own line breaks are kept";
    EXPECT_FALSE(form->fields.Has("file"));
}

TEST(Multipart, AnEmptyFileInputIsNoFileAndAQuotedBoundaryIsRead) {
    const std::string body = Part("name=\"file\"; filename=\"\"", "", "application/octet-stream") + std::string(kEnd);
    const auto form = ParseMultipart("Multipart/Form-Data; boundary=\"----WebKitFormBoundaryAbc123\"", body);
    ASSERT_TRUE(form);
    EXPECT_EQ(form->File("file"), nullptr);
}

TEST(Multipart, BrokenBodiesAreRefusedAsMalformed) {
    const std::string field = Part("name=\"kind\"", "enheter");
    std::string many;
    for (int i = 0; i < 101; ++i) many += Part("name=\"f\"", "x");
    for (const auto& [type, body, key] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"application/x-www-form-urlencoded", field + std::string(kEnd), "form.malformed"},
             {"multipart/form-data", field + std::string(kEnd), "form.malformed"},  // no boundary
             {std::string(kType), field, "form.malformed"},                         // never closed
             {std::string(kType), "preamble\r\n" + field + std::string(kEnd), "form.malformed"},
             {std::string(kType), Part("filename=\"a.csv\"", "x") + std::string(kEnd), "form.malformed"},  // no name
             {std::string(kType),
              "------WebKitFormBoundaryAbc123\r\nContent-Disposition: inline; name=\"a\"\r\n\r\nx\r\n" +
                  std::string(kEnd),
              "form.malformed"},
             {std::string(kType),
              "------WebKitFormBoundaryAbc123\r\nContent-Disposition: form-data; name=\"a\"\r\n"
              "Content-Transfer-Encoding: base64\r\n\r\neA==\r\n" +
                  std::string(kEnd),
              "form.malformed"},
             {std::string(kType), many + std::string(kEnd), "form.malformed"},
             {std::string(kType), Part("name=\"kind\"", "V\xe4xj\xf6") + std::string(kEnd), "form.invalid_utf8"},
         }) {
        const auto form = ParseMultipart(type, body);
        ASSERT_FALSE(form) << body;
        EXPECT_EQ(form.error().message_key, key) << body;
    }
}

}  // namespace
}  // namespace kronobarn::web
