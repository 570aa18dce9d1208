// Audit rows for logins and `audit verify` catching tampering done behind the application's back.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "app/audit_verification.hpp"
#include "integration/test_server.hpp"

namespace kronobarn::testing {
namespace {

class AuditTest : public ::testing::Test {
  protected:
    std::vector<store::AuditRow> Rows() {
        std::vector<store::AuditRow> rows;
        auto uow = std::move(server_.Store().Begin(store::TransactionMode::kRead)).value();
        EXPECT_TRUE(uow->Audit().ForEach([&](const store::AuditRow& row) {
            rows.push_back(row);
            return true;
        }));
        return rows;
    }

    // Tampering with direct file access: the triggers are dropped first, as an attacker would.
    void Tamper(const std::string& sql) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(server_.DatabasePath().c_str(), &db), SQLITE_OK);
        const std::string script = "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; " + sql;
        char* error = nullptr;
        EXPECT_EQ(sqlite3_exec(db, script.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
        sqlite3_free(error);
        sqlite3_close(db);
    }

    // Produces a few audit rows: two admin rows from setup, then login, failure, logout.
    void MakeActivity() {
        const std::string cookie = server_.Login("anna", kPassword);
        server_.Login("anna", "wrong-password-1");
        server_.PostForm("/logga-ut", "csrf_token=" + server_.CsrfTokenFor(cookie), cookie);
    }

    TestServer server_;
};

TEST_F(AuditTest, LoginSuccessFailureAndLogoutEachWriteARow) {
    MakeActivity();
    const auto rows = server_.AuditRowsSinceSetup();
    std::vector<std::string> actions;
    for (const auto& row : rows) {
        actions.push_back(row.event.action + "/" + std::string(domain::Code(row.event.outcome)));
    }
    EXPECT_EQ(actions, (std::vector<std::string>{"login/allowed", "login_failed/denied", "logout/allowed"}));
    ASSERT_EQ(rows.size(), 3u);
    const auto& login = rows[0];
    EXPECT_TRUE(login.event.user_id.has_value());
    EXPECT_EQ(login.event.legal_basis, "authentication");
    EXPECT_FALSE(login.event.request_id.empty());
}

TEST_F(AuditTest, FailedLoginForUnknownAccountIsAuditedWithoutUser) {
    server_.Login("okand-person", "wrong-password");
    const auto rows = Rows();
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.back().event.action, "login_failed");
    EXPECT_FALSE(rows.back().event.user_id.has_value());
}

TEST_F(AuditTest, VerifyPassesOnAnUntouchedLog) {
    MakeActivity();
    auto verification = app::VerifyAuditChain(server_.Store());
    ASSERT_TRUE(verification);
    EXPECT_FALSE(verification->first_broken_sequence.has_value());
    EXPECT_EQ(verification->rows_checked, server_.SetupAuditRows() + 3);
}

TEST_F(AuditTest, VerifyNamesARowEditedBehindItsBack) {
    MakeActivity();
    const auto failed_login = server_.SetupAuditRows() + 2;
    Tamper("UPDATE audit_log SET outcome = 'allowed' WHERE sequence = " + std::to_string(failed_login) + ";");
    auto verification = app::VerifyAuditChain(server_.Store());
    ASSERT_TRUE(verification);
    ASSERT_TRUE(verification->first_broken_sequence.has_value());
    EXPECT_EQ(*verification->first_broken_sequence, failed_login);
    EXPECT_EQ(verification->problem, "content_changed");
}

TEST_F(AuditTest, VerifyNamesTheRowAfterADeletedOne) {
    MakeActivity();
    const auto login = server_.SetupAuditRows() + 1;
    Tamper("DELETE FROM audit_log WHERE sequence = " + std::to_string(login) + ";");
    auto verification = app::VerifyAuditChain(server_.Store());
    ASSERT_TRUE(verification->first_broken_sequence.has_value());
    EXPECT_EQ(*verification->first_broken_sequence, login + 1);
    EXPECT_EQ(verification->problem, "chain_broken");
}

TEST_F(AuditTest, VerifyDetectsReorderedRows) {
    MakeActivity();
    Tamper(
        "UPDATE audit_log SET sequence = 100 WHERE sequence = 3;"
        "UPDATE audit_log SET sequence = 3 WHERE sequence = 4;"
        "UPDATE audit_log SET sequence = 4 WHERE sequence = 100;");
    auto verification = app::VerifyAuditChain(server_.Store());
    ASSERT_TRUE(verification->first_broken_sequence.has_value());
    EXPECT_EQ(*verification->first_broken_sequence, 3);
}

}  // namespace
}  // namespace kronobarn::testing
