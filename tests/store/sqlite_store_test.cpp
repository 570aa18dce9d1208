#include "store/sqlite/sqlite_store.hpp"
#include "store/sqlite/group_commit.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <map>
#include <thread>

#include "app/demo_data.hpp"
#include "common/crypto.hpp"
#include "support/temp_dir.hpp"

namespace kronobarn::store::sqlite {
namespace {

using kronobarn::testing::FakeClock;
using kronobarn::testing::TempDir;

const Timestamp kNow = FromUnixMillis(1'795'000'000'000);  // 2026-11-18

class SqliteStoreTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { ASSERT_TRUE(crypto::InitialiseCrypto()); }

    // A short busy timeout (200 ms) so the lock test is quick; the concurrency test waits like production.
    std::unique_ptr<SqliteStore> OpenStore(const std::string& name = "k.db", int busy_timeout_ms = 200) {
        auto store = SqliteStore::Open({dir_.File(name), 4, busy_timeout_ms});
        EXPECT_TRUE(store) << store.error().detail;
        return std::move(store).value();
    }

    // Raw SQL behind the store's back, as an attacker with file access could.
    int RawExec(const std::string& name, const std::string& sql, std::string* error = nullptr) {
        sqlite3* db = nullptr;
        sqlite3_open(dir_.File(name).c_str(), &db);
        char* message = nullptr;
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
        if (error != nullptr && message != nullptr) *error = message;
        sqlite3_free(message);
        sqlite3_close(db);
        return rc;
    }

    domain::AuditEvent Event(std::string action) {
        domain::AuditEvent event;
        event.at = kNow;
        event.object_type = "session";
        event.action = std::move(action);
        event.legal_basis = "authentication";
        event.request_id = "t-1";
        return event;
    }

    TempDir dir_;
};

TEST_F(SqliteStoreTest, MigratesFromZeroToLatest) {
    auto store = OpenStore();
    ASSERT_EQ(*store->SchemaVersion(), 0);
    ASSERT_TRUE(store->Migrate());
    EXPECT_EQ(*store->SchemaVersion(), store->LatestSchemaVersion());
    EXPECT_GE(store->LatestSchemaVersion(), 4);
    ASSERT_TRUE(store->Migrate()) << "migrating again is a no-op";
}

TEST_F(SqliteStoreTest, MigratesFromEveryEarlierVersionKeepingData) {
    const int latest = OpenStore("probe.db")->LatestSchemaVersion();
    for (int from = 1; from < latest; ++from) {
        const std::string name = "from-" + std::to_string(from) + ".db";
        auto store = OpenStore(name);
        ASSERT_TRUE(store->MigrateTo(from));
        ASSERT_EQ(*store->SchemaVersion(), from);
        // Every version has organisations (migration 1): data written there must survive.
        ASSERT_EQ(RawExec(name, "INSERT INTO organisations (name, kind) VALUES ('Växjö kommun', 'municipality')"),
                  SQLITE_OK);
        ASSERT_TRUE(store->Migrate()) << "from version " << from;
        EXPECT_EQ(*store->SchemaVersion(), latest);
        auto uow = store->Begin(TransactionMode::kRead);
        ASSERT_TRUE(uow);
        auto organisations = (*uow)->Organisations().List();
        ASSERT_TRUE(organisations);
        ASSERT_EQ(organisations->size(), 1u);
        EXPECT_EQ((*organisations)[0].name, "Växjö kommun");
    }
}

TEST_F(SqliteStoreTest, AuditLogRefusesUpdateAndDelete) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Audit().Append(Event("login")));
        ASSERT_TRUE(uow->Commit());
    }
    std::string error;
    EXPECT_NE(RawExec("k.db", "UPDATE audit_log SET action = 'nothing'", &error), SQLITE_OK);
    EXPECT_NE(error.find("append-only"), std::string::npos);
    EXPECT_NE(RawExec("k.db", "DELETE FROM audit_log", &error), SQLITE_OK);
    auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
    EXPECT_EQ(*uow->Audit().Count(), 1);
}

TEST_F(SqliteStoreTest, AuditRowsAreChainedInOrder) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Audit().Append(Event("login")));
        ASSERT_TRUE(uow->Audit().Append(Event("logout")));
        ASSERT_TRUE(uow->Commit());
    }
    std::vector<AuditRow> rows;
    auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
    ASSERT_TRUE(uow->Audit().ForEach([&](const AuditRow& row) {
        rows.push_back(row);
        return true;
    }));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].previous_hash, domain::kAuditGenesisHash);
    EXPECT_EQ(rows[1].previous_hash, rows[0].hash);
    EXPECT_EQ(rows[1].event.action, "logout");
}

TEST_F(SqliteStoreTest, UncommittedWorkIsRolledBack) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Organisations().Insert({0, "Lessebo kommun", domain::OrganisationKind::kMunicipality}));
        ASSERT_TRUE(uow->Audit().Append(Event("create")));
        // no Commit(): an error half-way must leave nothing behind
    }
    auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
    EXPECT_TRUE(uow->Organisations().List()->empty());
    EXPECT_EQ(*uow->Audit().Count(), 0);
}

TEST_F(SqliteStoreTest, DuplicateUsernameIsAConflict) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
    domain::UserAccount user;
    user.username = "anna";
    user.display_name = "Anna";
    ASSERT_TRUE(uow->Users().Insert(user, "hash"));
    auto again = uow->Users().Insert(user, "hash");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
    EXPECT_EQ(again.error().message_key, "user.username_taken");
}

TEST_F(SqliteStoreTest, SqlMetacharactersAreStoredVerbatim) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    const std::string name = "Robert'); DROP TABLE organisations;-- \"kommun\"";
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Organisations().Insert({0, name, domain::OrganisationKind::kMunicipality}));
        ASSERT_TRUE(uow->Commit());
    }
    auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
    auto organisations = uow->Organisations().List();
    ASSERT_TRUE(organisations);
    ASSERT_EQ(organisations->size(), 1u);
    EXPECT_EQ((*organisations)[0].name, name);
}

TEST_F(SqliteStoreTest, SecondWriterGetsUnavailableWhileTheFirstHoldsTheLock) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    auto first = std::move(store->Begin(TransactionMode::kWrite)).value();
    auto second = store->Begin(TransactionMode::kWrite);  // busy timeout is 200 ms in this fixture
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::kUnavailable);
}

TEST_F(SqliteStoreTest, SessionsRoundTripAndDelete) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
    domain::UserAccount user;
    user.username = "bo";
    user.display_name = "Bo";
    const auto id = *uow->Users().Insert(user, "hash");
    ASSERT_TRUE(uow->Sessions().Insert({"h1", id, kNow, kNow}));
    ASSERT_TRUE(uow->Sessions().Touch("h1", kNow + std::chrono::minutes(5)));
    auto found = *uow->Sessions().Find("h1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->last_seen_at, kNow + std::chrono::minutes(5));
    ASSERT_TRUE(uow->Sessions().DeleteAllOf(id));
    EXPECT_FALSE(*uow->Sessions().Find("h1"));
}

TEST_F(SqliteStoreTest, DemoDataIsDeterministicForASeed) {
    FakeClock clock(kNow);
    std::string dumps[2];
    for (int i = 0; i < 2; ++i) {
        const std::string name = "demo-" + std::to_string(i) + ".db";
        auto store = OpenStore(name);
        ASSERT_TRUE(store->Migrate());
        auto summary = app::LoadDemoData(*store, clock, {200, 7, crypto::PasswordStrength::kInteractive}, {"t", "t"});
        ASSERT_TRUE(summary) << summary.error().detail;
        EXPECT_GE(summary->children, 195);
        EXPECT_EQ(summary->logins.size(), 14u);
        sqlite3* db = nullptr;
        sqlite3_open(dir_.File(name).c_str(), &db);
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(db, "SELECT personal_number || given_name || family_name FROM children ORDER BY id", -1,
                           &stmt, nullptr);
        while (sqlite3_step(stmt) == SQLITE_ROW)
            dumps[i] += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        // Loading twice is refused rather than duplicating.
        auto again = app::LoadDemoData(*store, clock, {10, 7, crypto::PasswordStrength::kInteractive}, {"t", "t"});
        ASSERT_FALSE(again);
        EXPECT_EQ(again.error().message_key, "demo.not_empty");
    }
    EXPECT_FALSE(dumps[0].empty());
    EXPECT_EQ(dumps[0], dumps[1]);
}

}  // namespace
}  // namespace kronobarn::store::sqlite

namespace kronobarn::store::sqlite {
namespace {

TEST_F(SqliteStoreTest, DemoPlansRoundTripWithTheirPartsAndConsents) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    FakeClock clock(kNow);
    auto summary = app::LoadDemoData(*store, clock, {600, 3, crypto::PasswordStrength::kInteractive}, {"t", "t"});
    ASSERT_TRUE(summary) << summary.error().detail;
    EXPECT_GT(summary->plans, 0);
    auto uow = *store->Begin(TransactionMode::kRead);
    const auto units = *uow->Organisations().ListUnitsOfKind(domain::UnitKind::kSocialServices, std::nullopt);
    std::vector<domain::PlanId> ids;
    for (const auto& unit : units) {
        const auto found = *uow->Plans().OpenPlansOfUnit(unit.id, 100);  // not a temporary in the range-for
        ids.insert(ids.end(), found.begin(), found.end());
    }
    ASSERT_EQ(static_cast<int>(ids.size()), summary->plans) << "every demo plan has social services in it";
    const auto plan = *uow->Plans().Find(ids.front());
    ASSERT_TRUE(plan);
    EXPECT_GE(plan->participants.size(), 2u);
    EXPECT_EQ(plan->goals.size(), 1u);
    EXPECT_GE(plan->actions.size(), 3u);
    EXPECT_EQ(plan->meetings.size(), 1u);
    for (const auto& action : plan->actions) EXPECT_GT(action.id, 0);
    EXPECT_EQ(*uow->Plans().OpenPlanOf(plan->child_id), plan->id);
    const auto consents = *uow->Consents().OfChild(plan->child_id);
    ASSERT_EQ(consents.size(), 1u);
    EXPECT_EQ(consents[0].unit_ids.size(), plan->participants.size());
    EXPECT_EQ(consents[0].categories.size(), 4u);
    EXPECT_FALSE(consents[0].parties.empty());
    const auto history = *uow->Plans().History(plan->id);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history.front().version, plan->version);
}

TEST_F(SqliteStoreTest, PlanSaveBasedOnAnOldVersionIsRefusedAndChangesNothing) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    FakeClock clock(kNow);
    ASSERT_TRUE(app::LoadDemoData(*store, clock, {600, 3, crypto::PasswordStrength::kInteractive}, {"t", "t"}));
    domain::PlanId id = 1;
    domain::Plan before;
    {
        auto uow = *store->Begin(TransactionMode::kRead);
        before = **uow->Plans().Find(id);
    }
    domain::Plan first = before, second = before;
    first.basics.child_view = "först";
    ++first.version;
    second.basics.child_view = "andra";
    ++second.version;
    {
        auto uow = *store->Begin(TransactionMode::kWrite);
        ASSERT_TRUE(uow->Plans().Save(before, first, 1, kNow));
        ASSERT_TRUE(uow->Commit());
    }
    auto uow = *store->Begin(TransactionMode::kWrite);
    const auto stale = uow->Plans().Save(before, second, 1, kNow);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().message_key, "plan.stale");
    EXPECT_EQ((*uow->Plans().Find(id))->basics.child_view, "först");
}

TEST_F(SqliteStoreTest, ConsentsAreNeverEditedOrDeletedOnlyWithdrawn) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    FakeClock clock(kNow);
    ASSERT_TRUE(app::LoadDemoData(*store, clock, {600, 3, crypto::PasswordStrength::kInteractive}, {"t", "t"}));
    std::string error;
    EXPECT_NE(RawExec("k.db", "UPDATE consents SET valid_to = '2099-12-31' WHERE id = 1", &error), SQLITE_OK);
    EXPECT_NE(error.find("never edited"), std::string::npos);
    EXPECT_NE(RawExec("k.db", "DELETE FROM consents WHERE id = 1"), SQLITE_OK);
    auto uow = *store->Begin(TransactionMode::kWrite);
    auto consent = **uow->Consents().Find(1);
    if (!consent.withdrawn_at) {
        ASSERT_TRUE(domain::Withdraw(consent, 1, "Eva", kNow));
        ASSERT_TRUE(uow->Consents().SaveWithdrawal(consent));
    }
    EXPECT_EQ(uow->Consents().SaveWithdrawal(consent).error().message_key, "consent.already_withdrawn");
}

class GroupCommitTest : public SqliteStoreTest {};

TEST_F(GroupCommitTest, ConcurrentReadersShareFlushesAndKeepOneIntactChain) {
    // Under a sanitizer on a busy 2-core machine a group commit can hold the lock past 200 ms.
    auto store = OpenStore("k.db", 5000);
    ASSERT_TRUE(store->Migrate());
    constexpr int kThreads = 16, kPerThread = 40;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                // Two rows per request, like a page that reads a signal and its report record.
                auto first = Event("read");
                first.request_id = std::to_string(t) + "-" + std::to_string(i);
                auto second = first;
                second.object_type = "report_of_concern";
                if (!store->AuditLog().AppendDurably({first, second})) ++failures;
            }
        });
    }
    // Writers appending inside their own transactions interleave with the group commits.
    for (int i = 0; i < 20; ++i) {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Audit().Append(Event("create")));
        ASSERT_TRUE(uow->Commit());
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(failures.load(), 0);

    std::string previous(domain::kAuditGenesisHash);
    std::map<std::string, std::int64_t> first_row_of_request;
    std::int64_t rows = 0;
    auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
    ASSERT_TRUE(uow->Audit().ForEach([&](const AuditRow& row) {
        EXPECT_EQ(row.previous_hash, previous) << "chain forked at " << row.sequence;
        previous = row.hash;
        ++rows;
        if (row.event.action != "read") return true;
        auto [it, first] = first_row_of_request.emplace(row.event.request_id, row.sequence);
        if (!first) {
            EXPECT_EQ(row.sequence, it->second + 1) << "a request's rows must be contiguous";
        }
        return true;
    }));
    EXPECT_EQ(rows, kThreads * kPerThread * 2 + 20);
    auto* group = dynamic_cast<GroupCommitAuditLog*>(&store->AuditLog());
    ASSERT_NE(group, nullptr);
    EXPECT_LE(group->BatchesCommitted(), static_cast<std::uint64_t>(kThreads * kPerThread));
}

TEST_F(GroupCommitTest, FailedCommitIsReportedToEveryWaiter) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    ASSERT_EQ(
        RawExec("k.db", "CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'full'); END"),
        SQLITE_OK);
    auto status = store->AuditLog().AppendDurably({Event("read")});
    ASSERT_FALSE(status);
    auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
    EXPECT_EQ(*uow->Audit().Count(), 0);
}

}  // namespace
}  // namespace kronobarn::store::sqlite
