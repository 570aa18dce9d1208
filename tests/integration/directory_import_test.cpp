// An organisation's units and staff imported from CSV on both engines: a county-sized file (200
// units, 2,000 staff) imports in one transaction and a second import of it changes nothing; a file
// with one bad row, or a dry run, writes nothing; every bad row and column is named; a person the
// file no longer lists is closed out at once; the export reads back as the same file.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "app/directory_import.hpp"
#include "common/crypto.hpp"
#include "integration/test_server.hpp"
#include "store/store.hpp"

namespace kronobarn::testing {
namespace {

class DirectoryImportTest : public ::testing::Test {
  protected:
    app::ImportReport Import(app::ImportKind kind, const std::string& csv, bool dry_run = false,
                             const std::string& organisation = "0780") {
        const auto table = ParseCsv(csv, 50 * 1024 * 1024);
        EXPECT_TRUE(table) << table.error().message_key << " " << table.error().detail;
        app::DirectoryImport import(server_.Store(), server_.Clock());
        auto report = import.Import(kind, organisation, *table, dry_run, {"import-test", "test"});
        EXPECT_TRUE(report) << report.error().detail;
        return report ? *report : app::ImportReport{};
    }
    std::string Export(app::ImportKind kind) {
        app::DirectoryImport import(server_.Store(), server_.Clock());
        auto csv = import.Export(kind, "0780");
        EXPECT_TRUE(csv);
        return csv ? *csv : "";
    }
    std::size_t UnitCount() {
        auto uow = server_.Store().Begin(store::TransactionMode::kRead);
        return (*uow)->Organisations().ListUnits()->size();
    }
    std::size_t ImportRows() {
        std::size_t rows = 0;
        for (const auto& row : server_.AuditRowsSinceSetup()) rows += row.event.role == "import";
        return rows;
    }
    static std::string Problems(const app::ImportReport& report) {
        std::string text;
        for (const auto& p : report.problems) {
            text += std::to_string(p.row) + " " + p.column + " " + p.message_key + " " + p.value + "\n";
        }
        return text;
    }
    static bool HasProblem(const app::ImportReport& report, int row, const std::string& column,
                           const std::string& key) {
        return std::any_of(report.problems.begin(), report.problems.end(),
                           [&](const auto& p) { return p.row == row && p.column == column && p.message_key == key; });
    }

    // 200 units (schools and preschools) and 2,000 staff, ';'-separated as a Swedish spreadsheet saves it.
    static std::string CountyUnits() {
        std::string csv =
            "\xEF\xBB\xBF"
            "external_id;name;kind;area;phone;email;active_from;active_to\n";
        for (int i = 1; i <= 200; ++i) {
            csv += "VX-" + std::to_string(i) + ";Enhet " + std::to_string(i) + (i % 2 ? " skola" : " förskola") + ";" +
                   (i % 2 ? "school_unit" : "preschool") + ";Växjö;0470-41 00 " + std::to_string(i % 100) + ";enhet" +
                   std::to_string(i) + "@vaxjo.se;2026-08-17;\n";
        }
        return csv;
    }
    static std::string CountyStaff() {
        std::string csv = "external_id;username;display_name;email;phone;roles\n";
        for (int i = 1; i <= 2000; ++i) {
            const std::string n = std::to_string(i);
            const int unit = 1 + i % 200;
            csv += "E" + n + ";person" + n + ";Person " + n + ";person" + n + "@vaxjo.se;;VX-" + std::to_string(unit) +
                   (unit % 2 ? "=teacher" : "=teacher VX-" + std::to_string(unit - 1) + "=student_health") + "\n";
        }
        return csv;
    }

    // Posts `csv` to the upload page as a browser does (multipart/form-data), as `user`.
    HttpResult Upload(const std::string& kind, const std::string& run, const std::string& csv,
                      const std::string& user = "adam", const std::string& filename = "enheter.csv") {
        const std::string boundary = "----KronobarnTest" + crypto::RandomToken(8);
        std::string body;
        const auto part = [&](const std::string& disposition, const std::string& value) {
            body += "--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n" +
                    (disposition.find("filename") != std::string::npos ? "Content-Type: text/csv\r\n" : "") + "\r\n" +
                    value + "\r\n";
        };
        part("name=\"csrf_token\"", server_.CsrfTokenFor(server_.SessionOf(user)));
        part("name=\"kind\"", kind);
        part("name=\"file\"; filename=\"" + filename + "\"", csv);
        part("name=\"run\"", run);
        body += "--" + boundary + "--\r\n";
        RequestSpec post{"POST", "/admin/import", {}, std::move(body)};
        post.headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + boundary);
        post.headers.emplace_back("Cookie", server_.SessionOf(user));
        return server_.Send(post);
    }

    TestServer server_;
};

TEST_F(DirectoryImportTest, ACountySizedFileImportsOnceAndASecondImportChangesNothing) {
    const std::size_t units_before = UnitCount();
    auto started = std::chrono::steady_clock::now();
    const auto units = Import(app::ImportKind::kUnits, CountyUnits());
    ASSERT_TRUE(units.written) << Problems(units);
    EXPECT_EQ(units.changes.size(), 200U);
    EXPECT_EQ(UnitCount(), units_before + 200);
    started = std::chrono::steady_clock::now();
    const auto staff = Import(app::ImportKind::kStaff, CountyStaff());
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    std::cout << "[ figures  ] 2,000 staff imported on " << server_.Store().EngineName() << " in " << took.count()
              << " ms\n";
    ASSERT_TRUE(staff.written) << Problems(staff);
    EXPECT_EQ(staff.changes.size(), 2000U);
    const std::size_t rows = ImportRows();
    EXPECT_GE(rows, 200U + 2000U * 2) << "a row per unit, per account and per role";

    const auto again_units = Import(app::ImportKind::kUnits, CountyUnits());
    const auto again_staff = Import(app::ImportKind::kStaff, CountyStaff());
    EXPECT_TRUE(again_units.changes.empty());
    EXPECT_TRUE(again_staff.changes.empty());
    EXPECT_EQ(ImportRows(), rows) << "nothing changed, nothing audited";
    EXPECT_EQ(UnitCount(), units_before + 200);

    // The export is the same file back: importing it changes nothing either.
    const std::string exported = Export(app::ImportKind::kStaff);
    EXPECT_NE(exported.find("E17,person17,Person 17,person17@vaxjo.se,,VX-17=student_health VX-18=teacher"),
              std::string::npos)
        << exported.substr(0, 500);
    EXPECT_TRUE(Import(app::ImportKind::kStaff, exported).changes.empty());
    EXPECT_TRUE(Import(app::ImportKind::kUnits, Export(app::ImportKind::kUnits)).changes.empty());

    // A person from the file signs in once they have set a password, to the roles it gave them.
    const std::string page = server_.Get("/admin/personal", server_.SessionOf("adam")).body;
    EXPECT_NE(page.find(">Person 17</h3>"), std::string::npos);
}

TEST_F(DirectoryImportTest, OneBadRowChangesNothingAndEveryBadRowAndColumnIsNamed) {
    std::string csv = CountyUnits();
    csv.replace(csv.find(";school_unit;", csv.find("VX-151;")), 13, ";castle;");
    csv += "VX-7;Dubblett;preschool;Växjö;;;;\n";
    csv += "VX-300;Enhet 300;bvc;Växjö;ring mig;nope;2026-02-30;\n";
    const std::size_t before = UnitCount();
    const auto report = Import(app::ImportKind::kUnits, csv);
    EXPECT_FALSE(report.written);
    EXPECT_EQ(UnitCount(), before) << "a file with a bad row changes nothing";
    EXPECT_EQ(ImportRows(), 0U);
    EXPECT_TRUE(HasProblem(report, 152, "kind", "unit.kind_unknown")) << Problems(report);
    EXPECT_TRUE(HasProblem(report, 202, "external_id", "import.external_id_twice")) << Problems(report);
    for (const auto& [column, key] :
         std::vector<std::pair<std::string, std::string>>{{"kind", "unit.kind_not_for_organisation"},
                                                          {"phone", "unit.phone_invalid"},
                                                          {"email", "unit.email_invalid"},
                                                          {"active_from", "unit.date_invalid"}}) {
        EXPECT_TRUE(HasProblem(report, 203, column, key)) << column << "\n" << Problems(report);
    }

    const auto dry = Import(app::ImportKind::kUnits, CountyUnits(), /*dry_run=*/true);
    EXPECT_FALSE(dry.written);
    EXPECT_EQ(dry.changes.size(), 200U) << "the dry run says what it would do";
    EXPECT_EQ(UnitCount(), before) << "and writes nothing";
    EXPECT_EQ(ImportRows(), 0U);
}

TEST_F(DirectoryImportTest, BadFilesAndBadStaffRowsAreRefusedWithTheirReason) {
    EXPECT_EQ(ParseCsv("name;kind\n\xE5\xE4\xF6;x\n", 1000).error().message_key, "csv.not_utf8");
    EXPECT_EQ(ParseCsv(std::string(2000, 'x'), 1000).error().message_key, "csv.too_large");
    EXPECT_EQ(ParseCsv("a,b\n\"open,x\n", 1000).error().message_key, "csv.malformed");
    EXPECT_EQ(ParseCsv("\n", 1000).error().message_key, "csv.empty");

    const auto header = Import(app::ImportKind::kUnits, "external_id;name;colour\nA;B;red\n");
    EXPECT_TRUE(HasProblem(header, 1, "colour", "import.column_unknown")) << Problems(header);
    EXPECT_TRUE(HasProblem(header, 1, "kind", "import.column_missing")) << Problems(header);

    {  // Alvesta gets a code of its own, and a unit with an external id
        auto uow = server_.Store().Begin(store::TransactionMode::kWrite);
        auto organisations = *(*uow)->Organisations().List();
        for (auto organisation : organisations) {
            if (organisation.name != "Alvesta kommun") continue;
            organisation.code = "0764";
            ASSERT_TRUE((*uow)->Organisations().Update(organisation));
        }
        ASSERT_TRUE((*uow)->Commit());
    }
    ASSERT_TRUE(Import(app::ImportKind::kUnits, "external_id,name,kind,area\nAL-1,Alvesta Norra,school_unit,Alvesta\n",
                       false, "0764")
                    .written);
    ASSERT_TRUE(
        Import(app::ImportKind::kUnits, "external_id,name,kind,area\nVX-1,Växjö Norra,school_unit,Växjö\n").written);
    const auto staff =
        Import(app::ImportKind::kStaff,
               "external_id,username,display_name,email,phone,roles\n"
               "E1,anna,Anna Andra,anna@vaxjo.se,,VX-1=teacher\n"  // anna is taken in Alvesta? no: adopted
               "E2,olle,Olle,olle@vaxjo.se,,VX-1=teacher\n"        // Alvesta's principal
               "E3,ny.person,Ny,ny@vaxjo.se,,AL-1=teacher\n"       // another organisation's unit
               "E3,ny2,Ny,ny2@vaxjo.se,,VX-1=county_admin\n"       // twice; a role not given here
               "E5,,,,,\n");
    EXPECT_FALSE(staff.written);
    EXPECT_TRUE(HasProblem(staff, 3, "username", "user.username_taken")) << Problems(staff);
    EXPECT_TRUE(HasProblem(staff, 4, "roles", "import.role_unit_unknown")) << Problems(staff);
    EXPECT_TRUE(HasProblem(staff, 5, "external_id", "import.external_id_twice")) << Problems(staff);
    EXPECT_TRUE(HasProblem(staff, 5, "roles", "staff.role_unknown")) << Problems(staff);
    for (const std::string column : {"username", "display_name", "email", "roles"}) {
        EXPECT_FALSE(std::none_of(staff.problems.begin(), staff.problems.end(),
                                  [&](const auto& p) { return p.row == 6 && p.column == column; }))
            << column << "\n"
            << Problems(staff);
    }
    EXPECT_FALSE(HasProblem(staff, 2, "username", "user.username_taken"))
        << "an account of the organisation that no id keys yet is taken over, not refused";
}

TEST_F(DirectoryImportTest, APersonTheFileNoLongerListsIsClosedOutAtOnce) {
    ASSERT_TRUE(
        Import(app::ImportKind::kUnits, "external_id,name,kind,area\nVX-1,Växjö Norra,school_unit,Växjö\n").written);
    const std::string session = server_.SessionOf("bertil");
    ASSERT_EQ(server_.Get("/start", session).status, 200);
    const auto first = Import(app::ImportKind::kStaff,
                              "external_id,username,display_name,email,phone,roles\n"
                              "E1,bertil,Bertil Lärare,bertil@vaxjo.se,,VX-1=teacher\n");
    ASSERT_TRUE(first.written) << Problems(first);
    EXPECT_EQ(server_.Get("/start", session).status, 200) << "taken over by the import, still signed in";
    // The audit row of the take-over says what the file changed, from what to what.
    std::vector<domain::AuditChange> taken_over;
    for (const auto& row : server_.AuditRowsSinceSetup()) {
        if (row.event.action == "user_update") taken_over = row.event.changes;
    }
    EXPECT_NE(std::find(taken_over.begin(), taken_over.end(), domain::AuditChange{"external_id", "", "E1"}),
              taken_over.end());
    EXPECT_NE(std::find_if(
                  taken_over.begin(), taken_over.end(),
                  [](const auto& change) { return change.field == "display_name" && change.after == "Bertil Lärare"; }),
              taken_over.end());

    const auto second = Import(app::ImportKind::kStaff, "external_id,username,display_name,email,phone,roles\n");
    ASSERT_TRUE(second.written) << Problems(second);
    ASSERT_EQ(second.changes.size(), 1U);
    EXPECT_EQ(second.changes[0].action, "close");
    EXPECT_EQ(server_.AuditRowsSinceSetup().back().event.changes,
              (std::vector<domain::AuditChange>{{"disabled", "no", "yes"}}));
    EXPECT_NE(server_.Get("/start", session).status, 200) << "the session ended with the account";
    int status = 0;
    EXPECT_TRUE(server_.Login("bertil", kPassword, &status).empty()) << "and the account is closed";
}

// The upload page does what the CLI does, for the organisation's system administrator in a
// browser: a trial run saves nothing, the import saves and names its administrator in the audit
// log, a file with a bad row changes nothing and names the row and column, a file in another
// encoding is named as such, and the export gives the file back. Nobody else has the page.
TEST_F(DirectoryImportTest, TheUploadPageTriesThenImportsAndNamesEveryBadRowWithNothingChanged) {
    const std::size_t units_before = UnitCount();
    std::string csv = "external_id;name;kind;area;phone;email;active_from;active_to\n";
    for (int i = 1; i <= 3; ++i) {
        csv +=
            "UP-" + std::to_string(i) + ";Uppladdad skola " + std::to_string(i) + ";school_unit;Växjö;;;2026-08-17;\n";
    }
    const HttpResult page = server_.Get("/admin/import", server_.SessionOf("adam"));
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);

    const HttpResult tried = Upload("enheter", "prov", csv);
    ASSERT_EQ(tried.status, 200) << tried.body.substr(0, 400);
    EXPECT_NE(tried.body.find("Provkörning"), std::string::npos);
    EXPECT_NE(tried.body.find("3 skapas, 0 ändras, 0 stängs."), std::string::npos);
    EXPECT_NE(tried.body.find("Uppladdad skola 2"), std::string::npos);
    EXPECT_EQ(UnitCount(), units_before) << "a trial run saves nothing";
    EXPECT_EQ(ImportRows(), 0u);

    const HttpResult imported = Upload("enheter", "import", csv);
    ASSERT_EQ(imported.status, 200);
    EXPECT_NE(imported.body.find("Ändringarna är sparade."), std::string::npos);
    EXPECT_EQ(UnitCount(), units_before + 3);
    const auto adam = [&] {
        auto uow = *server_.Store().Begin(store::TransactionMode::kRead);
        return (**uow->Users().FindByUsername("adam")).user.id;
    }();
    std::size_t by_adam = 0;
    for (const auto& row : server_.AuditRowsSinceSetup()) {
        by_adam += row.event.role == "import" && row.event.user_id == adam;
    }
    EXPECT_EQ(by_adam, 3u) << "each change names the administrator who uploaded the file";
    EXPECT_NE(Upload("enheter", "import", csv).body.find("0 skapas, 0 ändras, 0 stängs."), std::string::npos)
        << "the same file again changes nothing";

    // One bad row: nothing changes, and the row and column are named.
    const std::string bad = csv + "UP-4;Fel sort;lekland;Växjö;;;2026-08-17;\n";
    const HttpResult refused = Upload("enheter", "import", bad);
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("Ingenting har ändrats."), std::string::npos);
    EXPECT_NE(refused.body.find("<td data-label=\"Rad\">5</td><td data-label=\"Kolumn\">kind</td>"), std::string::npos)
        << refused.body.substr(refused.body.find("<table"), 800);
    EXPECT_EQ(UnitCount(), units_before + 3);

    // A file saved as Latin-1 (ö as one byte): named, nothing changed.
    const HttpResult latin1 = Upload("enheter", "import", "external_id;name;kind\nUP-5;V\xe4xj\xf6;school_unit\n");
    EXPECT_EQ(latin1.status, 400);
    EXPECT_NE(latin1.body.find("UTF-8"), std::string::npos);
    EXPECT_NE(latin1.body.find("(rad 2)"), std::string::npos);
    EXPECT_NE(latin1.body.find("href=\"#file\""), std::string::npos) << "the summary leads to the file input";

    // More than the server's usual body limit is taken here (and only here).
    std::string large = "external_id;name;kind;area;phone;email;active_from;active_to\n";
    while (large.size() < 2 * 1024 * 1024) large += "UP-1;Uppladdad skola 1;school_unit;Växjö;;;2026-08-17;\n";
    EXPECT_EQ(Upload("enheter", "prov", large).status, 422) << "read whole: the same id twice";

    const HttpResult exported = server_.Get("/admin/export/enheter", server_.SessionOf("adam"));
    ASSERT_EQ(exported.status, 200);
    EXPECT_EQ(exported.Header("content-type"), "text/csv; charset=utf-8");
    EXPECT_NE(exported.body.find("UP-3,Uppladdad skola 3,school_unit,Växjö"), std::string::npos);

    for (const std::string user : {"anna", "linnea"}) {
        EXPECT_EQ(server_.Get("/admin/import", server_.SessionOf(user)).status, 404) << user;
        EXPECT_EQ(Upload("enheter", "import", csv, user).status, 404) << user;
        EXPECT_EQ(server_.Get("/admin/export/personal", server_.SessionOf(user)).status, 404) << user;
    }
}

// A body over the upload's own limit is refused before it is read whole; a multipart body to a
// page that takes no upload is refused as a kind of body it does not take.
TEST_F(DirectoryImportTest, AnUploadOverFiftyMegabytesIsRefusedAndOnlyTheUploadPageTakesFiles) {
    // Refused at the header: 51 MB are never read.
    const std::string answer = server_.SendRaw(
        "POST /admin/import HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        "Cookie: " +
        server_.SessionOf("adam") + "\r\nContent-Length: " + std::to_string(51 * 1024 * 1024) + "\r\n\r\n--b\r\n");
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 413")) << answer.substr(0, 200);
    EXPECT_EQ(server_
                  .SendRaw("POST /aviseringar HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                           std::to_string(2 * 1024 * 1024) + "\r\n\r\nx")
                  .substr(0, 12),
              "HTTP/1.1 413")
        << "elsewhere the server's own limit stands";
    const std::string boundary = "----KronobarnTest";
    RequestSpec post{"POST",
                     "/aviseringar",
                     {},
                     "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" +
                         server_.CsrfTokenFor(server_.SessionOf("adam")) + "\r\n--" + boundary + "--\r\n"};
    post.headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + boundary);
    post.headers.emplace_back("Cookie", server_.SessionOf("adam"));
    EXPECT_EQ(server_.Send(post).status, 415);
}

}  // namespace
}  // namespace kronobarn::testing
