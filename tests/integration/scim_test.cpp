// SCIM 2.0 provisioning over HTTP on both engines: an organisation's identity management creates,
// reads, finds, replaces and deactivates staff (a deactivated person's session is gone on their
// next request); another organisation's token finds nothing of it; a wrong token gets 401; bad
// requests get the RFC's error body, never a 500. Every response is checked against the SCIM core
// schemas by npm scimmy (tests/scim/validate.mjs), not by our own code.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstdlib>
#include <fstream>

#include "app/directory_import.hpp"
#include "integration/test_server.hpp"
#include "store/store.hpp"

namespace kronobarn::testing {
namespace {

namespace json = boost::json;

constexpr const char* kUserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
constexpr const char* kRoles = "urn:ietf:params:scim:schemas:extension:kronobarn:1.0:User";

class ScimTest : public ::testing::Test {
  protected:
    void SetUp() override {
        // Växjö's units that roles can name, and Alvesta's code for its own token.
        auto table = ParseCsv("external_id,name,kind,area\nVX-1,Växjö Norra,school_unit,Växjö\n", 10000);
        app::DirectoryImport directory(server_.Store(), server_.Clock());
        ASSERT_TRUE(directory.Import(app::ImportKind::kUnits, "0780", *table, false, {"setup", "test"})->written);
        auto uow = server_.Store().Begin(store::TransactionMode::kWrite);
        const auto organisations = *(*uow)->Organisations().List();
        for (auto organisation : organisations) {
            if (organisation.name != "Alvesta kommun") continue;
            organisation.code = "0764";
            ASSERT_TRUE((*uow)->Organisations().Update(organisation));
        }
        ASSERT_TRUE((*uow)->Commit());
    }

    // Sends a SCIM request; the response is kept for the schema check under `kind`.
    HttpResult Scim(const std::string& method, const std::string& path, const std::string& body = "",
                    const std::string& kind = "", const std::string& token = kScimTokenVaxjo) {
        RequestSpec request{method, "/scim/v2" + path, {{"Authorization", "Bearer " + token}}, body};
        if (!body.empty()) request.headers.emplace_back("Content-Type", "application/scim+json");
        HttpResult result = server_.Send(request);
        EXPECT_NE(result.status, 500) << method << " " << path << ": " << result.body;
        if (!kind.empty()) {
            json::error_code ec;
            auto parsed = json::parse(result.body, ec);
            EXPECT_FALSE(ec) << result.body;
            if (!ec) collected_.push_back(json::object{{"kind", kind}, {"body", parsed}});
        }
        return result;
    }
    static json::object Body(const HttpResult& result) {
        json::error_code ec;
        auto value = json::parse(result.body, ec);
        return ec || !value.is_object() ? json::object{} : value.as_object();
    }
    static std::string ScimType(const HttpResult& result) {
        const auto body = Body(result);
        const auto* type = body.if_contains("scimType");
        return type != nullptr && type->is_string() ? std::string(type->as_string()) : "";
    }
    // Every collected response through the kept library's schema check.
    void ExpectValidScim() {
        const TempDir dir;
        const std::string file = dir.File("responses.json");
        std::ofstream(file) << json::serialize(collected_);
        const std::string command = "node '" + std::string(KRONOBARN_SOURCE_DIR) + "/tests/scim/validate.mjs' '" +
                                    file + "' > '" + dir.File("out.txt") + "' 2>&1";
        const int status = std::system(command.c_str());
        std::ifstream out(dir.File("out.txt"));
        const std::string report{std::istreambuf_iterator<char>(out), std::istreambuf_iterator<char>()};
        EXPECT_EQ(status, 0) << report;
        EXPECT_NE(report.find(std::to_string(collected_.size()) + " responses checked, 0 problem(s)"),
                  std::string::npos)
            << report;
    }
    std::vector<std::string> ScimAuditActions() {
        std::vector<std::string> actions;
        for (const auto& row : server_.AuditRowsSinceSetup()) {
            if (row.event.role == "scim") actions.push_back(row.event.object_type + " " + row.event.action);
        }
        return actions;
    }

    TestServer server_;
    json::array collected_;
};

const std::string kNina =
    std::string(R"({"schemas":[")") + kUserSchema + R"(",")" + kRoles +
    R"("],"externalId":"E100","userName":"Nina.N","name":{"givenName":"Nina","familyName":"Nyberg"},)" +
    R"("emails":[{"value":"nina@vaxjo.se","type":"work","primary":true}],"active":true,")" + kRoles +
    R"(":{"roles":[{"unit":"VX-1","role":"teacher"}]}})";

TEST_F(ScimTest, IdentityManagementCreatesFindsAndDeactivatesStaffAndTheSessionEndsAtOnce) {
    Scim("GET", "/ServiceProviderConfig", "", "spc");
    Scim("GET", "/ResourceTypes", "", "resourcetypes");
    EXPECT_EQ(Scim("GET", "/Schemas", "", "schemas").status, 200);

    const HttpResult created = Scim("POST", "/Users", kNina, "user");
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.Header("content-type"), "application/scim+json");
    const std::string id(Body(created).at("id").as_string());
    EXPECT_NE(created.Header("location").find("/scim/v2/Users/" + id), std::string::npos);
    EXPECT_EQ(Body(created).at("userName").as_string(), "nina.n");
    EXPECT_EQ(Body(created).at("displayName").as_string(), "Nina Nyberg");

    const HttpResult read = Scim("GET", "/Users/" + id, "", "user");
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(Body(read).at(kRoles).at("roles").at(0).at("role").as_string(), "teacher");
    const HttpResult found = Scim("GET", "/Users?filter=" + UrlEncode("userName eq \"nina.n\""), "", "users");
    EXPECT_EQ(Body(found).at("totalResults").as_int64(), 1);
    EXPECT_EQ(Body(Scim("GET", "/Users?filter=" + UrlEncode("externalId eq \"E100\""), "", "users"))
                  .at("totalResults")
                  .as_int64(),
              1);
    EXPECT_EQ(Body(Scim("GET", "/Users?filter=" + UrlEncode("userName eq \"nobody\""), "", "users"))
                  .at("totalResults")
                  .as_int64(),
              0);
    // On the organisation's staff page at once, in the unit the extension named.
    EXPECT_NE(server_.Get("/admin/personal", server_.SessionOf("adam")).body.find("Lärare/förskollärare – Växjö Norra"),
              std::string::npos);

    // Bertil, signed in, is taken over by identity management and then deactivated, as Entra ID does it.
    const std::string bertil_session = server_.SessionOf("bertil");
    ASSERT_EQ(server_.Get("/start", bertil_session).status, 200);
    const HttpResult bertil = Scim("POST", "/Users",
                                   std::string(R"({"schemas":[")") + kUserSchema +
                                       R"("],"externalId":"E7","userName":"bertil","displayName":"Bertil Lärare",)"
                                       R"("emails":[{"value":"bertil@vaxjo.se"}]})",
                                   "user");
    ASSERT_EQ(bertil.status, 201) << bertil.body;
    const std::string bertil_id(Body(bertil).at("id").as_string());
    const HttpResult deactivated = Scim(
        "PATCH", "/Users/" + bertil_id,
        R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]})",
        "user");
    ASSERT_EQ(deactivated.status, 200) << deactivated.body;
    EXPECT_FALSE(Body(deactivated).at("active").as_bool());
    EXPECT_NE(server_.Get("/start", bertil_session).status, 200) << "his session is gone on the next request";
    EXPECT_TRUE(server_.Login("bertil", kPassword).empty()) << "and he cannot sign in again";

    // A replacement sets what it sends: a new display name, the phone left out is cleared.
    const HttpResult replaced = Scim(
        "PUT", "/Users/" + id,
        std::string(R"({"schemas":[")") + kUserSchema +
            R"("],"externalId":"E100","userName":"nina.n","displayName":"Nina Nyberg Ek","emails":[{"value":"nina@vaxjo.se"}]})",
        "user");
    ASSERT_EQ(replaced.status, 200) << replaced.body;
    EXPECT_EQ(Body(replaced).at("displayName").as_string(), "Nina Nyberg Ek");

    const auto actions = ScimAuditActions();
    for (const std::string expected :
         {"user user_create", "user_role role_add", "user user_disable", "user user_update"}) {
        EXPECT_NE(std::find(actions.begin(), actions.end(), expected), actions.end()) << expected;
    }
    ExpectValidScim();
}

TEST_F(ScimTest, AnotherOrganisationsTokenFindsNothingAndAWrongTokenIsRefused) {
    const HttpResult created = Scim("POST", "/Users", kNina, "user");
    ASSERT_EQ(created.status, 201);
    const std::string id(Body(created).at("id").as_string());
    EXPECT_EQ(Scim("GET", "/Users/" + id, "", "error", kScimTokenAlvesta).status, 404);
    EXPECT_EQ(
        Scim(
            "PATCH", "/Users/" + id,
            R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]})",
            "error", kScimTokenAlvesta)
            .status,
        404);
    EXPECT_EQ(Body(Scim("GET", "/Users", "", "users", kScimTokenAlvesta)).at("totalResults").as_int64(), 0);
    EXPECT_TRUE(Body(Scim("GET", "/Users/" + id, "", "user")).at("active").as_bool()) << "Växjö's Nina is untouched";

    const HttpResult wrong = Scim("GET", "/Users", "", "error", "not-the-token-0123456789abcdef012345");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_NE(wrong.Header("www-authenticate").find("Bearer"), std::string::npos);
    EXPECT_EQ(server_.Send({"GET", "/scim/v2/Users", {}, ""}).status, 401) << "no token";
    EXPECT_EQ(Scim("GET", "/Users", "", "", "").status, 401) << "an empty token";
    ExpectValidScim();
}

TEST_F(ScimTest, BadRequestsGetTheRfcsErrorBodyAndChangeNothing) {
    EXPECT_EQ(ScimType(Scim("POST", "/Users", "{not json", "error")), "invalidSyntax");
    EXPECT_EQ(ScimType(Scim("POST", "/Users",
                            std::string(R"({"schemas":[")") + kUserSchema +
                                R"("],"userName":"x.y","favouriteColour":"blue","emails":[{"value":"x@y.se"}]})",
                            "error")),
              "invalidSyntax")
        << "an attribute we do not know";
    EXPECT_EQ(ScimType(Scim("POST", "/Users", R"({"userName":"x.y"})", "error")), "invalidSyntax") << "no schemas";
    EXPECT_EQ(ScimType(Scim("GET", "/Users?filter=" + UrlEncode("displayName co \"Nina\""), "", "error")),
              "invalidFilter");
    const HttpResult invalid = Scim(
        "POST", "/Users",
        std::string(R"({"schemas":[")") + kUserSchema + R"("],"userName":"a","emails":[{"value":"nope"}]})", "error");
    EXPECT_EQ(invalid.status, 400);
    EXPECT_EQ(ScimType(invalid), "invalidValue");
    EXPECT_NE(Body(invalid).at("detail").as_string().find("username"), std::string::npos) << invalid.body;

    ASSERT_EQ(Scim("POST", "/Users", kNina, "user").status, 201);
    const HttpResult twice = Scim("POST", "/Users", kNina, "error");
    EXPECT_EQ(twice.status, 409);
    EXPECT_EQ(ScimType(twice), "uniqueness");
    const std::string id(Body(Scim("GET", "/Users?filter=" + UrlEncode("userName eq \"nina.n\"")))
                             .at("Resources")
                             .at(0)
                             .at("id")
                             .as_string());
    EXPECT_EQ(
        ScimType(Scim(
            "PATCH", "/Users/" + id,
            R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"foo.bar","value":1}]})",
            "error")),
        "invalidPath");
    EXPECT_EQ(ScimType(Scim("PATCH", "/Users/" + id, R"({"Operations":[]})", "error")), "invalidSyntax");
    EXPECT_EQ(Scim("GET", "/Users/abc", "", "error").status, 404);
    EXPECT_EQ(Scim("GET", "/Users/999999", "", "error").status, 404);
    EXPECT_EQ(Scim("DELETE", "/Users/" + id, "", "error").status, 501) << "an account is never deleted";
    EXPECT_TRUE(Body(Scim("GET", "/Users/" + id)).at("active").as_bool()) << "nothing half-done";
    ExpectValidScim();
}

TEST_F(ScimTest, DeactivationEndsOnlyTheOrganisationsOwnRolesOfSomeoneWhoAlsoWorksElsewhere) {
    // Olle, Alvesta's principal, also teaches at Växjö Norra.
    {
        auto uow = server_.Store().Begin(store::TransactionMode::kWrite);
        const auto olle = *(*uow)->Users().FindByUsername("olle");
        const auto units = *(*uow)->Organisations().ListUnits();
        const auto norra =
            std::find_if(units.begin(), units.end(), [](const auto& u) { return u.name == "Växjö Norra"; });
        ASSERT_NE(norra, units.end());
        ASSERT_TRUE((*uow)->Users().AddRole(olle->user.id,
                                            {norra->id, norra->organisation_id, domain::Role::kTeacher, norra->kind}));
        ASSERT_TRUE((*uow)->Commit());
    }
    const std::string olle_session = server_.SessionOf("olle");
    const HttpResult taken = Scim("POST", "/Users",
                                  std::string(R"({"schemas":[")") + kUserSchema +
                                      R"("],"externalId":"E-OLLE","userName":"olle","displayName":"Olle Rektor",)"
                                      R"("emails":[{"value":"olle@vaxjo.se"}]})",
                                  "user");
    ASSERT_EQ(taken.status, 201) << taken.body;
    const std::string id(Body(taken).at("id").as_string());
    const HttpResult left = Scim(
        "PATCH", "/Users/" + id,
        R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]})",
        "user");
    ASSERT_EQ(left.status, 200) << left.body;
    EXPECT_FALSE(Body(left).at("active").as_bool()) << "to Växjö he has left";
    const std::string start = server_.Get("/start", olle_session).body;
    EXPECT_NE(start.find("Rektor – Alvesta Centralskola"), std::string::npos)
        << "Alvesta's access is not Växjö's to end";
    EXPECT_EQ(start.find("Växjö Norra"), std::string::npos) << "his role in Växjö has ended";
    const auto actions = ScimAuditActions();
    EXPECT_NE(std::find(actions.begin(), actions.end(), "user_role role_remove"), actions.end());
    EXPECT_EQ(std::find(actions.begin(), actions.end(), "user user_disable"), actions.end());
    ExpectValidScim();
}

}  // namespace
}  // namespace kronobarn::testing
