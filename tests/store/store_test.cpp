// One store suite for both engines: the test command runs it once on SQLite and once on
// PostgreSQL (see support/test_database.hpp) with the same assertions.
#include "store/sql/group_commit.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "app/audit_retention.hpp"
#include "app/audit_verification.hpp"
#include "app/demo_data.hpp"
#include "app/outbox_sender.hpp"
#include "app/scale_data.hpp"
#include "common/crypto.hpp"
#include "store/outbox_repository.hpp"
#include "store/sql/data_transfer.hpp"
#include "store/sql/write_group.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/statistics_repository.hpp"
#include "support/test_database.hpp"

namespace kronobarn::store {
namespace {

using kronobarn::testing::FakeClock;
using kronobarn::testing::TempDir;
using kronobarn::testing::TestDatabase;
using sql::GroupCommitAuditLog;
using sql::SqlStore;

const Timestamp kNow = FromUnixMillis(1'795'000'000'000);  // 2026-11-18

class StoreTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { ASSERT_TRUE(crypto::InitialiseCrypto()); }

    // A short wait for the writer lock (200 ms) so the lock test is quick; the concurrency test
    // waits like production.
    std::unique_ptr<SqlStore> OpenStore(int wait_ms = 200) { return db_.Open(4, wait_ms); }

    // Raw SQL behind the store's back, as an attacker with direct database access could: true when
    // the engine accepted it; `error` gets its message otherwise.
    bool RawExec(const std::string& sql, std::string* error = nullptr) {
        auto failed = db_.RawExec(sql);
        if (failed && error != nullptr) *error = *failed;
        return !failed;
    }

    // Every audit insert fails from now on, as on a full disk.
    bool RefuseAuditInserts() {
        return RawExec(db_.Dialect(
            "CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'full'); END",
            "CREATE TRIGGER refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change('full')"));
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

    // Every audit row, in chain order.
    static std::vector<AuditRow> AuditRows(Store& store) {
        std::vector<AuditRow> rows;
        auto uow = std::move(store.Begin(TransactionMode::kRead)).value();
        EXPECT_TRUE(uow->Audit().ForEach([&](const AuditRow& row) {
            rows.push_back(row);
            return true;
        }));
        return rows;
    }

    TestDatabase db_;
};

TEST_F(StoreTest, MigratesFromZeroToLatest) {
    auto store = OpenStore();
    ASSERT_EQ(*store->SchemaVersion(), 0);
    ASSERT_TRUE(store->Migrate());
    EXPECT_EQ(*store->SchemaVersion(), store->LatestSchemaVersion());
    EXPECT_GE(store->LatestSchemaVersion(), 4);
    ASSERT_TRUE(store->Migrate()) << "migrating again is a no-op";
}

TEST_F(StoreTest, MigratesFromEveryEarlierVersionKeepingData) {
    const int latest = OpenStore()->LatestSchemaVersion();
    for (int from = 1; from < latest; ++from) {
        TestDatabase db;
        auto store = db.Open();
        ASSERT_TRUE(store->MigrateTo(from));
        ASSERT_EQ(*store->SchemaVersion(), from);
        // Every version has organisations and units (migration 1): data written there must survive,
        // also a table rebuilt under rows that point at it (0040 rebuilds organisations).
        ASSERT_FALSE(db.RawExec("INSERT INTO organisations (name, kind) VALUES ('Växjö kommun', 'municipality')"));
        ASSERT_FALSE(
            db.RawExec("INSERT INTO units (organisation_id, name, kind) "
                       "SELECT id, 'Växjö Centralskola', 'school_unit' FROM organisations"));
        ASSERT_TRUE(store->Migrate()) << "from version " << from;
        EXPECT_EQ(*store->SchemaVersion(), latest);
        auto uow = store->Begin(TransactionMode::kRead);
        ASSERT_TRUE(uow);
        auto organisations = (*uow)->Organisations().List();
        ASSERT_TRUE(organisations);
        ASSERT_EQ(organisations->size(), 1u);
        EXPECT_EQ((*organisations)[0].name, "Växjö kommun");
        auto units = (*uow)->Organisations().ListUnits();
        ASSERT_TRUE(units);
        ASSERT_EQ(units->size(), 1u);
        EXPECT_EQ((*units)[0].organisation_id, (*organisations)[0].id);
    }
}

TEST_F(StoreTest, AuditLogRefusesUpdateAndDelete) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Audit().Append(Event("login")));
        ASSERT_TRUE(uow->Commit());
    }
    std::string error;
    EXPECT_FALSE(RawExec("UPDATE audit_log SET action = 'nothing'", &error));
    EXPECT_NE(error.find("append-only"), std::string::npos);
    EXPECT_FALSE(RawExec("DELETE FROM audit_log", &error));
    auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
    EXPECT_EQ(*uow->Audit().Count(), 1);
}

TEST_F(StoreTest, AuditRowsAreChainedInOrder) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Audit().Append(Event("login")));
        ASSERT_TRUE(uow->Audit().Append(Event("logout")));
        ASSERT_TRUE(uow->Commit());
    }
    const auto rows = AuditRows(*store);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].previous_hash, domain::kAuditGenesisHash);
    EXPECT_EQ(rows[1].previous_hash, rows[0].hash);
    EXPECT_EQ(rows[1].event.action, "logout");
}

// An administrator's row keeps each field's value before and after, verbatim, inside the hashed
// chain: a value edited afterwards is named by verification like any other edit.
TEST_F(StoreTest, AnAuditRowsChangesComeBackAsWrittenAndAreCoveredByTheChain) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    const std::vector<domain::AuditChange> changes{{"name", "Norrskolan", "Norrskolan F–9; 'x'"},
                                                   {"email", "norr@vaxjo.se", ""}};
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Audit().Append(Event("read")));
        auto renamed = Event("rename");
        renamed.changes = changes;
        ASSERT_TRUE(uow->Audit().Append(renamed));
        ASSERT_TRUE(uow->Commit());
    }
    const auto rows = AuditRows(*store);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_TRUE(rows[0].event.changes.empty());
    EXPECT_EQ(rows[1].event.changes, changes);
    auto verification = app::VerifyAuditChain(*store);
    ASSERT_TRUE(verification);
    EXPECT_FALSE(verification->first_broken_sequence) << verification->problem;

    ASSERT_TRUE(
        RawExec(db_.Dialect("DROP TRIGGER audit_log_no_update; ", "DROP TRIGGER audit_log_no_update ON audit_log; ") +
                "UPDATE audit_log SET changes = replace(changes, 'norr@vaxjo.se', 'nord@vaxjo.se')"));
    verification = app::VerifyAuditChain(*store);
    ASSERT_TRUE(verification);
    ASSERT_TRUE(verification->first_broken_sequence);
    EXPECT_EQ(*verification->first_broken_sequence, rows[1].sequence);
    EXPECT_EQ(verification->problem, "content_changed");
}

// Retention: rows older than the period go, oldest first, through a recorded and audited run; the
// rest of the chain still verifies from the run's anchor; nothing younger can be deleted, and a
// period under five years is refused.
TEST_F(StoreTest, RetentionDeletesOnlyRowsOlderThanThePeriodAuditsItAndTheChainStillVerifies) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    using std::chrono::years;
    const auto ago = [](int count) {
        return kNow - std::chrono::duration_cast<std::chrono::milliseconds>(years(count));
    };
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        for (const int age : {8, 7, 6, 4, 1}) {
            auto event = Event("read-" + std::to_string(age) + "y");
            event.at = ago(age) + std::chrono::hours(1);
            ASSERT_TRUE(uow->Audit().Append(event));
        }
        ASSERT_TRUE(uow->Commit());
    }
    FakeClock clock(kNow);
    EXPECT_EQ(app::ApplyAuditRetention(*store, clock, 4, {"t-2", "test"}).error().message_key, "retention.too_short");

    auto retained = app::ApplyAuditRetention(*store, clock, 5, {"t-3", "test"});
    ASSERT_TRUE(retained) << retained.error().detail;
    EXPECT_EQ(retained->deleted_rows, 3);
    std::vector<std::string> actions;
    {
        auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
        ASSERT_TRUE(uow->Audit().ForEach([&](const AuditRow& row) {
            actions.push_back(row.event.action);
            return true;
        }));
    }
    EXPECT_EQ(actions, (std::vector<std::string>{"read-4y", "read-1y", "retention_delete"}));
    auto verification = app::VerifyAuditChain(*store);
    ASSERT_TRUE(verification);
    EXPECT_FALSE(verification->first_broken_sequence) << verification->problem;
    EXPECT_EQ(verification->rows_checked, 3);

    // Nothing younger can go: the schema itself refuses, and a second run has nothing to do.
    std::string error;
    EXPECT_FALSE(RawExec("DELETE FROM audit_log", &error));
    EXPECT_NE(error.find("append-only"), std::string::npos);
    auto again = app::ApplyAuditRetention(*store, clock, 5, {"t-4", "test"});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->deleted_rows, 0);

    // A row removed after the anchor is still found.
    ASSERT_TRUE(
        RawExec(db_.Dialect("DROP TRIGGER audit_log_no_delete; ", "DROP TRIGGER audit_log_no_delete ON audit_log; ") +
                "DELETE FROM audit_log WHERE action = 'read-4y'"));
    verification = app::VerifyAuditChain(*store);
    ASSERT_TRUE(verification);
    EXPECT_EQ(verification->problem, "chain_broken");
}

// The benchmark datasets' generator, small: every part is there, the numbers add up, progress is
// reported to the end and the audit chain it wrote verifies.
TEST_F(StoreTest, ScaleDataGrowsTheDemoWithUnitsStaffSignalsPlansAndAVerifiableAuditHistory) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    app::ScaleOptions options;
    options.municipalities = 10;
    options.children = 2600;
    options.associations = 5;
    options.staff = 60;
    options.signals = 60;
    options.plans = 60;
    options.audit_rows = 6000;
    FakeClock clock(kNow);
    std::map<std::string, std::int64_t> reached;
    auto summary = app::LoadScaleData(*store, clock, options,
                                      [&](std::string_view stage, std::int64_t done, std::int64_t total) {
                                          EXPECT_LE(done, total) << stage;
                                          reached[std::string(stage)] = total - done;
                                      },
                                      {"t-scale", "test"});
    ASSERT_TRUE(summary) << summary.error().detail;
    for (const char* stage : {"demo", "staff", "children", "audit history"}) EXPECT_EQ(reached[stage], 0) << stage;

    auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
    EXPECT_EQ(*uow->Children().Count(), summary->children);
    EXPECT_GE(summary->children, 2590) << "only the demo's few synthetic-number clashes are skipped";
    EXPECT_GE(summary->audit_rows, 6000);
    EXPECT_EQ(*uow->Audit().Count(), summary->audit_rows);
    EXPECT_GT(summary->signals, 20);
    EXPECT_GT(summary->plans, 30);
    const auto organisations = *uow->Organisations().List();
    const auto named = [&](const std::string& name) {
        return std::any_of(organisations.begin(), organisations.end(), [&](const auto& o) { return o.name == name; });
    };
    EXPECT_TRUE(named("Kommun 010"));
    EXPECT_TRUE(named("Region 01"));
    EXPECT_TRUE(named("Förening 005"));
    EXPECT_TRUE(uow->Users().FindByUsername("personal0000060").value().has_value());
    EXPECT_TRUE(uow->Users().FindByUsername("rektor").value().has_value()) << "the demo logins are kept";
    uow.reset();
    auto verification = app::VerifyAuditChain(*store);
    ASSERT_TRUE(verification);
    EXPECT_FALSE(verification->first_broken_sequence) << verification->problem;

    options.plans = options.children;  // more plans than children can have
    EXPECT_EQ(app::LoadScaleData(*store, clock, options, [](auto, auto, auto) {}, {"t", "t"}).error().message_key,
              "scale.options");
}

TEST_F(StoreTest, UncommittedWorkIsRolledBack) {
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

TEST_F(StoreTest, DuplicateUsernameIsAConflict) {
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

TEST_F(StoreTest, SqlMetacharactersAreStoredVerbatim) {
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

TEST_F(StoreTest, SecondWriterGetsUnavailableWhileTheFirstHoldsTheLock) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    auto first = std::move(store->Begin(TransactionMode::kWrite)).value();
    auto second = store->Begin(TransactionMode::kWrite);  // busy timeout is 200 ms in this fixture
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::kUnavailable);
}

TEST_F(StoreTest, SessionsRoundTripAndDelete) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
    const auto region = *uow->Organisations().Insert({0, "Region Kronoberg", domain::OrganisationKind::kRegion});
    const auto bvc = *uow->Organisations().InsertUnit({0, region, "BVC Teleborg", domain::UnitKind::kBvc, "Växjö"});
    const auto midwives =
        *uow->Organisations().InsertUnit({0, region, "Barnmorskemottagningen", domain::UnitKind::kBvc, "Växjö"});
    domain::UserAccount user;
    user.username = "bo";
    user.display_name = "Bo";
    user.preferred_language = "en";
    user.roles = {{midwives, region, domain::Role::kMidwife, domain::UnitKind::kBvc},
                  {bvc, region, domain::Role::kBvcNurse, domain::UnitKind::kBvc}};
    const auto id = *uow->Users().Insert(user, "hash");
    ASSERT_TRUE(uow->Sessions().Insert({"h1", id, kNow, kNow}));
    ASSERT_TRUE(uow->Sessions().Touch("h1", kNow + std::chrono::minutes(5)));
    auto found = *uow->Sessions().FindWithUser("h1", Date{std::chrono::year{2026} / 11 / 1});
    ASSERT_TRUE(found);
    EXPECT_EQ(found->session.user_id, id);
    EXPECT_EQ(found->session.created_at, kNow);
    EXPECT_EQ(found->session.last_seen_at, kNow + std::chrono::minutes(5));
    ASSERT_TRUE(found->user);
    EXPECT_EQ(found->user->display_name, "Bo");
    EXPECT_EQ(found->user->preferred_language, "en");
    ASSERT_EQ(found->user->roles.size(), 2U) << "both roles, each once";
    EXPECT_EQ(found->user->roles[0].unit_id, std::min(bvc, midwives));
    EXPECT_EQ(found->user->roles[1].unit_id, std::max(bvc, midwives));
    EXPECT_EQ(found->user->roles[bvc < midwives ? 0 : 1].role, domain::Role::kBvcNurse);
    EXPECT_EQ(found->user->roles[0].organisation_id, region);
    EXPECT_TRUE(found->user->family.empty());
    EXPECT_FALSE(*uow->Sessions().FindWithUser("h2", Date{std::chrono::year{2026} / 11 / 1}));
    ASSERT_TRUE(uow->Sessions().DeleteAllOf(id));
    EXPECT_FALSE(*uow->Sessions().FindWithUser("h1", Date{std::chrono::year{2026} / 11 / 1}));

    // A session remembers how it was proven; a sign-in sent to a provider is taken back once.
    ASSERT_TRUE(uow->Sessions().Insert({"h3", id, kNow, kNow, "oidc:region"}));
    EXPECT_EQ((*uow->Sessions().FindWithUser("h3", Date{std::chrono::year{2026} / 11 / 1}))->session.method,
              "oidc:region");
    ASSERT_TRUE(uow->Sessions().InsertSsoRequest({"old", "region", "n0", "v0", "b0", kNow - std::chrono::hours(2)},
                                                 kNow - std::chrono::hours(3)));
    ASSERT_TRUE(
        uow->Sessions().InsertSsoRequest({"s1", "region", "n1", "v1", "b1", kNow}, kNow - std::chrono::hours(1)));
    const auto taken = *uow->Sessions().TakeSsoRequest("s1");
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->nonce, "n1");
    EXPECT_EQ(taken->code_verifier, "v1");
    EXPECT_EQ(taken->browser_hash, "b1");
    EXPECT_EQ(taken->created_at, kNow);
    EXPECT_FALSE(*uow->Sessions().TakeSsoRequest("s1")) << "a state works once";
    EXPECT_FALSE(*uow->Sessions().TakeSsoRequest("old")) << "forgotten when the newer one came, an hour on";

    // An abandoned half-done sign-in is forgotten when a later one begins.
    ASSERT_TRUE(uow->Sessions().InsertLoginStep({"step-old", id, kNow - std::chrono::hours(1), "password"},
                                                kNow - std::chrono::hours(2)));
    ASSERT_TRUE(uow->Sessions().InsertLoginStep({"step-new", id, kNow, "password"}, kNow - std::chrono::minutes(20)));
    EXPECT_FALSE(*uow->Sessions().FindLoginStep("step-old"));
    EXPECT_TRUE(*uow->Sessions().FindLoginStep("step-new"));
}

TEST_F(StoreTest, DemoDataIsDeterministicForASeed) {
    FakeClock clock(kNow);
    std::string dumps[2];
    for (int i = 0; i < 2; ++i) {
        TestDatabase db;
        auto store = db.Open();
        ASSERT_TRUE(store->Migrate());
        auto summary = app::LoadDemoData(*store, clock, {200, 7, crypto::PasswordStrength::kInteractive}, {"t", "t"});
        ASSERT_TRUE(summary) << summary.error().detail;
        EXPECT_GE(summary->children, 195);
        EXPECT_EQ(summary->logins.size(), 15u);
        EXPECT_EQ(db.RawQuery("SELECT count(*) FROM users WHERE email LIKE '%@example.invalid'"), "15")
            << "every demo member of staff has an address that can never receive mail";
        dumps[i] = db.RawQuery(db.Dialect(
            "SELECT group_concat(row, '') FROM (SELECT personal_number || given_name || family_name AS row "
            "FROM children ORDER BY id)",
            "SELECT string_agg(personal_number || given_name || family_name, '' ORDER BY id) FROM children"));
        // Loading twice is refused rather than duplicating.
        auto again = app::LoadDemoData(*store, clock, {10, 7, crypto::PasswordStrength::kInteractive}, {"t", "t"});
        ASSERT_FALSE(again);
        EXPECT_EQ(again.error().message_key, "demo.not_empty");
    }
    EXPECT_FALSE(dumps[0].empty());
    EXPECT_EQ(dumps[0], dumps[1]);
}

}  // namespace
}  // namespace kronobarn::store

namespace kronobarn::store {
namespace {

// An organisation's code and whether it is active round-trip on both engines; a code or a name
// another organisation has is a conflict, and no organisation is without its row afterwards.
TEST_F(StoreTest, OrganisationsKeepTheirCodeAndActiveStateAndCodesAreUnique) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    auto uow = *store->Begin(TransactionMode::kWrite);
    auto& organisations = uow->Organisations();
    const auto vaxjo = organisations.Insert({0, "Växjö kommun", domain::OrganisationKind::kMunicipality, "0780", true});
    ASSERT_TRUE(vaxjo) << vaxjo.error().detail;
    const auto club = organisations.Insert({0, "Alvesta GIF", domain::OrganisationKind::kAssociation, "", true});
    ASSERT_TRUE(club) << club.error().detail;
    ASSERT_TRUE(uow->Commit());

    // A refused write ends its transaction (PostgreSQL aborts it): the use case answers without a commit.
    uow = *store->Begin(TransactionMode::kWrite);
    const auto same_code =
        uow->Organisations().Insert({0, "Annan kommun", domain::OrganisationKind::kMunicipality, "0780", true});
    ASSERT_FALSE(same_code);
    EXPECT_EQ(same_code.error().code, ErrorCode::kConflict);
    uow.reset();

    uow = *store->Begin(TransactionMode::kWrite);
    ASSERT_TRUE(uow->Organisations().Update(
        {*club, "Alvesta GIF ungdom", domain::OrganisationKind::kAssociation, "802480-4562", false}));
    ASSERT_TRUE(uow->Commit());
    uow = *store->Begin(TransactionMode::kRead);
    const auto found = uow->Organisations().Find(*club);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ((*found)->name, "Alvesta GIF ungdom");
    EXPECT_EQ((*found)->code, "802480-4562");
    EXPECT_FALSE((*found)->active);
    const auto listed = uow->Organisations().List();
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 2U);
    EXPECT_EQ(listed->back().code, "0780");
    EXPECT_TRUE(listed->back().active);
    EXPECT_FALSE(uow->Organisations().Find(987654)->has_value());
}

TEST_F(StoreTest, DemoPlansRoundTripWithTheirPartsAndConsents) {
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
    // What access decisions read of the open plan, in one statement: the same units the whole plan has.
    const auto facts = *uow->Plans().OpenPlanFactsOf(plan->child_id);
    ASSERT_TRUE(facts);
    std::vector<domain::UnitId> participant_units;
    for (const auto& participant : plan->participants) participant_units.push_back(participant.unit_id);
    EXPECT_EQ(facts->participant_unit_ids, participant_units);
    EXPECT_EQ(facts->collaboration_unit_id, plan->basics.collaboration_unit_id);
    EXPECT_EQ(facts->kept_by_unit_id, plan->kept_by_unit_id);
    EXPECT_FALSE(*uow->Plans().OpenPlanFactsOf(987654321)) << "a child without an open plan has no plan facts";
    // A list of plans reads the outline: the same participants and actions, none of the rest.
    const auto outline = *uow->Plans().FindOutline(plan->id);
    ASSERT_TRUE(outline);
    EXPECT_EQ(outline->participants.size(), plan->participants.size());
    EXPECT_EQ(outline->actions.size(), plan->actions.size());
    EXPECT_EQ(outline->basics.next_meeting, plan->basics.next_meeting);
    EXPECT_TRUE(outline->goals.empty());
    EXPECT_TRUE(outline->meetings.empty());
    const auto consents = *uow->Consents().OfChild(plan->child_id);
    ASSERT_EQ(consents.size(), 1u);
    EXPECT_EQ(consents[0].unit_ids.size(), plan->participants.size());
    EXPECT_EQ(consents[0].categories.size(), 4u);
    EXPECT_FALSE(consents[0].parties.empty());
    const auto history = *uow->Plans().History(plan->id);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history.front().version, plan->version);
}

TEST_F(StoreTest, PlanSaveBasedOnAnOldVersionIsRefusedAndChangesNothing) {
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

// A child's consents and their parts are read in two statements; each consent must still get
// exactly its own units and signing parties, in their order.
TEST_F(StoreTest, EachConsentOfAChildReadsItsOwnUnitsAndSigningParties) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    FakeClock clock(kNow);
    ASSERT_TRUE(app::LoadDemoData(*store, clock, {600, 3, crypto::PasswordStrength::kInteractive}, {"t", "t"}));
    auto uow = *store->Begin(TransactionMode::kWrite);
    const auto child = (*uow->Plans().Find(1))->child_id;
    const auto guardians = *uow->Children().GuardiansOf(child);
    ASSERT_FALSE(guardians.empty());
    const auto units = *uow->Organisations().ListUnits();
    ASSERT_GE(units.size(), 3u);
    auto consent_with = [&](std::vector<domain::UnitId> unit_ids, std::vector<domain::ConsentParty> parties) {
        domain::Consent consent;
        consent.child_id = child;
        consent.purpose = "Samordning";
        consent.unit_ids = std::move(unit_ids);
        consent.categories = {domain::DataCategory::kSchool};
        consent.valid_from = Date{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}};
        consent.valid_to = Date{std::chrono::sys_days{std::chrono::year{2027} / 1 / 1}};
        consent.parties = std::move(parties);
        consent.recorded_by = 1;
        consent.recorded_at = kNow;
        return consent;
    };
    const auto first = *uow->Consents().Insert(
        consent_with({units[2].id, units[0].id}, {{guardians[0].id, "Vårdnadshavare"}, {std::nullopt, "Barnet"}}));
    const auto second = *uow->Consents().Insert(consent_with({units[1].id}, {{std::nullopt, "Barnet själv"}}));
    const auto all = *uow->Consents().OfChild(child);
    const auto of = [&](domain::ConsentId id) {
        return *std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.id == id; });
    };
    EXPECT_EQ(of(first).unit_ids,
              (std::vector<domain::UnitId>{std::min(units[0].id, units[2].id), std::max(units[0].id, units[2].id)}));
    ASSERT_EQ(of(first).parties.size(), 2u);
    EXPECT_EQ(of(first).parties[0].guardian_id, guardians[0].id);
    EXPECT_EQ(of(first).parties[0].name, "Vårdnadshavare");
    EXPECT_EQ(of(first).parties[1].guardian_id, std::nullopt);
    EXPECT_EQ(of(first).parties[1].name, "Barnet");
    EXPECT_EQ(of(second).unit_ids, std::vector<domain::UnitId>{units[1].id});
    ASSERT_EQ(of(second).parties.size(), 1u);
    EXPECT_EQ(of(second).parties[0].name, "Barnet själv");
    const auto found = **uow->Consents().Find(second);
    EXPECT_EQ(found.unit_ids, of(second).unit_ids);
    ASSERT_EQ(found.parties.size(), 1u);
    EXPECT_EQ(found.parties[0].name, "Barnet själv");
}

TEST_F(StoreTest, ConsentsAreNeverEditedOrDeletedOnlyWithdrawn) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    FakeClock clock(kNow);
    ASSERT_TRUE(app::LoadDemoData(*store, clock, {600, 3, crypto::PasswordStrength::kInteractive}, {"t", "t"}));
    std::string error;
    EXPECT_FALSE(RawExec("UPDATE consents SET valid_to = '2099-12-31' WHERE id = 1", &error));
    EXPECT_NE(error.find("never edited"), std::string::npos);
    EXPECT_FALSE(RawExec("DELETE FROM consents WHERE id = 1"));
    auto uow = *store->Begin(TransactionMode::kWrite);
    auto consent = **uow->Consents().Find(1);
    if (!consent.withdrawn_at) {
        ASSERT_TRUE(domain::Withdraw(consent, 1, "Eva", kNow));
        ASSERT_TRUE(uow->Consents().SaveWithdrawal(consent));
    }
    EXPECT_EQ(uow->Consents().SaveWithdrawal(consent).error().message_key, "consent.already_withdrawn");
}

// The whole database moves (kronobarn migrate-data) from a municipality's SQLite file to this run's
// engine: same rows, same ids, the audit chain still verifies, and new rows continue after the
// copied ids instead of colliding with them.
TEST_F(StoreTest, AllDataMovesFromSqliteWithIdsAndAnIntactAuditChain) {
    auto source_db = TestDatabase::SqliteFile();
    auto source = source_db->Open();
    ASSERT_TRUE(source->Migrate());
    FakeClock clock(kNow);
    auto summary = app::LoadDemoData(*source, clock, {300, 5, crypto::PasswordStrength::kInteractive}, {"t", "t"});
    ASSERT_TRUE(summary) << summary.error().detail;
    auto target = OpenStore(5000);
    ASSERT_TRUE(target->Migrate());

    std::vector<std::string> tables;
    ASSERT_TRUE(sql::TransferAllData(*source, *target,
                                     [&](std::string_view table, std::int64_t) { tables.emplace_back(table); }));
    EXPECT_GE(tables.size(), 30u);
    const std::string dump_sqlite =
        "SELECT group_concat(row, '') FROM (SELECT id || personal_number || given_name AS row FROM children ORDER BY "
        "id)";
    const std::string dump_postgres =
        "SELECT string_agg(id || personal_number || given_name, '' ORDER BY id) FROM children";
    EXPECT_EQ(db_.RawQuery(db_.Dialect(dump_sqlite, dump_postgres)), source_db->RawQuery(dump_sqlite));
    for (const char* table : {"audit_log", "plans", "plan_actions", "consents", "consent_parties", "users"}) {
        const std::string count = std::string("SELECT count(*) FROM ") + table;
        EXPECT_EQ(db_.RawQuery(count), source_db->RawQuery(count)) << table;
    }
    auto verification = app::VerifyAuditChain(*target);
    ASSERT_TRUE(verification);
    EXPECT_FALSE(verification->first_broken_sequence.has_value());
    EXPECT_GT(verification->rows_checked, 0);

    auto uow = *target->Begin(TransactionMode::kWrite);
    const auto organisation = uow->Organisations().Insert({0, "Ny förening", domain::OrganisationKind::kAssociation});
    ASSERT_TRUE(organisation) << organisation.error().detail;
    EXPECT_GT(*organisation, std::stoll(source_db->RawQuery("SELECT max(id) FROM organisations")));
    ASSERT_TRUE(uow->Audit().Append(Event("after_move")));
    ASSERT_TRUE(uow->Commit());
    EXPECT_FALSE(app::VerifyAuditChain(*target)->first_broken_sequence.has_value());

    // A second move into the now non-empty database is refused, changing nothing.
    auto again = sql::TransferAllData(*source, *target, nullptr);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message_key, "transfer.target_not_empty");
}

// kronobarn backup / restore: SQLite's online backup API copies a consistent snapshot while a
// store is open; restoring into a new file brings everything back, and neither overwrites a file.
TEST_F(StoreTest, SqliteBackupIsAConsistentCopyAndRestoresIntoANewFile) {
    auto original = TestDatabase::SqliteFile();
    auto store = original->Open();
    ASSERT_TRUE(store->Migrate());
    FakeClock clock(kNow);
    ASSERT_TRUE(app::LoadDemoData(*store, clock, {100, 2, crypto::PasswordStrength::kInteractive}, {"t", "t"}));
    TempDir dir;
    const std::string backup = dir.File("backup.db");
    ASSERT_TRUE(sqlite::BackupSqlite(original->Path(), backup));
    const auto refused = sqlite::BackupSqlite(original->Path(), backup);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message_key, "backup.target_exists");

    const std::string restored = dir.File("restored.db");
    ASSERT_TRUE(sqlite::BackupSqlite(backup, restored));
    auto reopened = *sqlite::OpenSqliteStore({restored, 2, 5000});
    EXPECT_EQ(*reopened->SchemaVersion(), reopened->LatestSchemaVersion());
    auto uow = *reopened->Begin(TransactionMode::kRead);
    auto children = *uow->Children().Count();
    auto original_uow = *store->Begin(TransactionMode::kRead);
    EXPECT_EQ(children, *original_uow->Children().Count());
    EXPECT_EQ(*uow->Audit().Count(), *original_uow->Audit().Count());
    EXPECT_FALSE(app::VerifyAuditChain(*reopened)->first_broken_sequence.has_value());
}

// Several app servers (two stores on one database) appending audit rows at once, from reads
// (group commit) and from writes, leave one chain without a fork.
TEST_F(StoreTest, TwoServersAppendingAtOnceKeepOneUnforkedAuditChain) {
    auto first = OpenStore(5000);
    ASSERT_TRUE(first->Migrate());
    auto second = OpenStore(5000);
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (SqlStore* store : {first.get(), second.get()}) {
        threads.emplace_back([&, store] {
            for (int i = 0; i < 30; ++i) {
                if (!store->AuditLog().AppendDurably({Event("read")})) ++failures;
            }
        });
        threads.emplace_back([&, store] {
            for (int i = 0; i < 15; ++i) {
                auto uow = store->Begin(TransactionMode::kWrite);
                if (!uow || !(*uow)->Audit().Append(Event("write")) || !(*uow)->Commit()) ++failures;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(failures.load(), 0);
    auto verification = app::VerifyAuditChain(*first);
    ASSERT_TRUE(verification);
    EXPECT_EQ(verification->rows_checked, 2 * (30 + 15));
    EXPECT_FALSE(verification->first_broken_sequence.has_value());
}

class GroupCommitTest : public StoreTest {};

TEST_F(GroupCommitTest, ConcurrentReadersShareFlushesAndKeepOneIntactChain) {
    // Under a sanitizer on a busy 2-core machine a group commit can hold the lock past 200 ms.
    auto store = OpenStore(5000);
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
    ASSERT_TRUE(RefuseAuditInserts());
    auto status = store->AuditLog().AppendDurably({Event("read")});
    ASSERT_FALSE(status);
    auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
    EXPECT_EQ(*uow->Audit().Count(), 0);
}

// The web server's GETs do not wait for their rows: they are told when the rows are durable, and
// the page leaves then. Never earlier: while a write holds the writer's turn the rows wait, and
// when told, a reader already finds them committed.
TEST_F(GroupCommitTest, AnAppendIsToldOnlyOnceItsRowsAreCommitted) {
    auto store = OpenStore(5000);
    ASSERT_TRUE(store->Migrate());
    auto held = std::move(store->Begin(TransactionMode::kWrite)).value();
    ASSERT_TRUE(held->Audit().Append(Event("create")));
    std::promise<std::pair<Status, std::int64_t>> told;
    store->AuditLog().Append({Event("read"), Event("read")}, [&](Status status) {
        std::int64_t committed_rows = -1;
        if (auto reader = store->Begin(TransactionMode::kRead)) {
            if (auto count = (*reader)->Audit().Count()) committed_rows = *count;
        }
        told.set_value({std::move(status), committed_rows});
    });
    auto outcome = told.get_future();
    EXPECT_EQ(outcome.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout)
        << "told before the rows could be written";
    ASSERT_TRUE(held->Commit());
    ASSERT_EQ(outcome.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    const auto [status, committed_rows] = outcome.get();
    EXPECT_TRUE(status);
    EXPECT_EQ(committed_rows, 3) << "the write's row and both read rows, committed when told";
}

TEST_F(GroupCommitTest, AFailedCommitIsToldToTheWaitingAnswerAndNothingIsKept) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    ASSERT_TRUE(RefuseAuditInserts());
    std::promise<Status> told;
    store->AuditLog().Append({Event("read")}, [&](Status status) { told.set_value(std::move(status)); });
    auto outcome = told.get_future();
    ASSERT_EQ(outcome.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    const Status status = outcome.get();
    EXPECT_FALSE(status);
    auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
    EXPECT_EQ(*uow->Audit().Count(), 0);
}

// Units are kept in memory once read (nothing changes a committed unit), but never one a write
// transaction read and then rolled back: its id may be given to the next unit (SQLite reuses it).
TEST_F(StoreTest, AUnitFromAWriteThatRolledBackIsNeverNamedLater) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    domain::OrganisationId region = 0;
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        region = *uow->Organisations().Insert({0, "Region Kronoberg", domain::OrganisationKind::kRegion});
        ASSERT_TRUE(uow->Commit());
    }
    domain::UnitId phantom = 0;
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        phantom = *uow->Organisations().InsertUnit({0, region, "Fantomenheten", domain::UnitKind::kBvc, "Växjö"});
        ASSERT_EQ((*uow->Organisations().FindUnit(phantom))->name, "Fantomenheten");
    }  // rolled back
    domain::UnitId real = 0;
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        real = *uow->Organisations().InsertUnit({0, region, "BVC Teleborg", domain::UnitKind::kBvc, "Växjö"});
        ASSERT_TRUE(uow->Commit());
    }
    for (int pass = 0; pass < 2; ++pass) {  // the second pass reads what the first one kept
        auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
        const auto named = *uow->Organisations().FindUnit(phantom);
        EXPECT_TRUE(!named || named->name != "Fantomenheten") << "a rolled-back unit was named";
        const auto found = *uow->Organisations().FindUnit(real);
        ASSERT_TRUE(found);
        EXPECT_EQ(found->name, "BVC Teleborg");
        EXPECT_EQ(found->area, "Växjö");
        EXPECT_EQ(found->organisation_id, region);
    }
}

// The municipalities are kept between units of work (every unit choice and dashboard view offers
// them); a unit added in a new municipality must show at once, through either repository.
TEST_F(StoreTest, AMunicipalityAppearsAmongTheAreasAsSoonAsAUnitServesIt) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    auto add_unit = [&](const std::string& name, const std::string& area) {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        const auto region = *uow->Organisations().Insert({0, "Region " + name, domain::OrganisationKind::kRegion});
        ASSERT_TRUE(uow->Organisations().InsertUnit({0, region, name, domain::UnitKind::kBvc, area}));
        ASSERT_TRUE(uow->Commit());
    };
    auto areas = [&]() {
        auto uow = std::move(store->Begin(TransactionMode::kRead)).value();
        auto from_units = *uow->Organisations().ListAreas();
        EXPECT_EQ(from_units, *uow->Statistics().Municipalities());
        return from_units;
    };
    add_unit("BVC Växjö", "Växjö");
    add_unit("Barnhälsovården i länet", "");
    EXPECT_EQ(areas(), (std::vector<std::string>{"Växjö"}));
    EXPECT_EQ(areas(), (std::vector<std::string>{"Växjö"})) << "read again from what was kept";
    add_unit("BVC Alvesta", "Alvesta");
    EXPECT_EQ(areas(), (std::vector<std::string>{"Alvesta", "Växjö"}));
}

// Commits copy the WAL back themselves only when it is large (with group commit every waiting write
// would wait for it): a background checkpoint does, soon, so the database file holds what was committed.
TEST_F(StoreTest, CommittedWritesReachTheSqliteDatabaseFileThroughTheBackgroundCheckpoint) {
    if (db_.IsPostgres()) GTEST_SKIP() << "SQLite's write-ahead log";
    TempDir dir;
    auto store = *sqlite::OpenSqliteStore({dir.File("live.db"), 2, 5000});
    ASSERT_TRUE(store->Migrate());
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Organisations().Insert({0, "Uppvidinge kommun", domain::OrganisationKind::kMunicipality}));
        ASSERT_TRUE(uow->Commit());
    }
    // The database file alone (copied without its WAL) has the row only once a checkpoint has run.
    auto file_alone_has_row = [&] {
        const std::string copy = dir.File("copy.db");
        std::filesystem::remove(copy);
        std::filesystem::copy_file(dir.File("live.db"), copy);
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(copy.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            sqlite3_close(db);
            return false;
        }
        sqlite3_stmt* stmt = nullptr;
        bool found = false;
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM organisations WHERE name = 'Uppvidinge kommun'", -1, &stmt,
                               nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            found = sqlite3_column_int(stmt, 0) == 1;
        }
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        return found;
    };
    bool reached = false;
    for (int i = 0; i < 100 && !reached; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        reached = file_alone_has_row();
    }
    EXPECT_TRUE(reached) << "a small WAL (far below the 4,096 pages at which a commit checkpoints) is checkpointed too";
}

// Only a writer can start the WAL over, and only once every frame is back in the database file: under
// steady writes the background checkpoint alone never gets there, and the WAL grew by gigabytes.
TEST_F(StoreTest, TheSqliteWriteAheadLogStaysBoundedUnderSteadyWrites) {
    if (db_.IsPostgres()) GTEST_SKIP() << "SQLite's write-ahead log";
    TempDir dir;
    auto store = *sqlite::OpenSqliteStore({dir.File("steady.db"), 2, 5000});
    ASSERT_TRUE(store->Migrate());
    auto connection = *store->Acquire();
    ASSERT_TRUE(connection->Exec("CREATE TABLE filler (payload BLOB)"));
    constexpr int kWrites = 160;  // 64 MiB in all, four times what the WAL may hold
    for (int i = 0; i < kWrites; ++i) {
        ASSERT_TRUE(connection->Exec("INSERT INTO filler VALUES (randomblob(400 * 1024))"));
    }
    const auto wal_bytes = std::filesystem::file_size(dir.File("steady.db") + "-wal");
    EXPECT_LT(wal_bytes, 40U * 1024 * 1024) << "the WAL started over instead of holding every write";
    auto count = *connection->PrepareText("SELECT count(*) FROM filler");
    ASSERT_TRUE(*count.Step());
    EXPECT_EQ(count.IntAt(0), kWrites) << "nothing written is lost when the WAL starts over";
}

// Repositories read columns by the name the query gives them: the order of a select list is free,
// and a name the query does not have is a bug that answers an error naming it, never a 0.
TEST_F(StoreTest, ColumnsAreReadByNameAndAnUnknownNameIsAnErrorNamingIt) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    auto connection = *store->Acquire();
    for (const char* sql : {"SELECT 7 AS seven, 'sju' AS word", "SELECT 'sju' AS word, 7 AS seven"}) {
        auto row = *connection->PrepareText(sql);
        ASSERT_TRUE(*row.Step());
        EXPECT_EQ(row.Int("seven"), 7) << sql;
        EXPECT_EQ(row.Text("word"), "sju") << sql;
        EXPECT_TRUE(row.Decoded()) << sql;
    }
    ::testing::internal::CaptureStderr();
    Status read;
    {
        auto row = *connection->PrepareText("SELECT 7 AS seven");
        ASSERT_TRUE(*row.Step());
        EXPECT_EQ(row.Int("eight"), 0);
        read = row.Decoded();
    }
    const std::string logged = ::testing::internal::GetCapturedStderr();
    store->Release(std::move(connection));
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, ErrorCode::kInternal);
    EXPECT_NE(logged.find("store_unknown_column"), std::string::npos) << logged;
    EXPECT_NE(logged.find("eight"), std::string::npos) << "the name asked for is logged: " << logged;
}

TEST_F(StoreTest, SlowSqliteStatementsAreLoggedByQueryNameNeverWithTheirValues) {
    if (db_.IsPostgres()) GTEST_SKIP() << "PostgreSQL logs slow statements itself (log_min_duration_statement)";
    TempDir dir;
    // A threshold no listing of a few rows reaches even on a busy machine under the sanitizers (at 1 ms
    // the fast statement was sometimes logged), and a statement far beyond it.
    sqlite::SetSlowStatementLog(100);
    auto store = *sqlite::OpenSqliteStore({dir.File("slow.db"), 2, 5000});
    sqlite::SetSlowStatementLog(0);
    ASSERT_TRUE(store->Migrate());
    auto connection = *store->Acquire();
    ::testing::internal::CaptureStderr();
    {
        auto fast = *connection->Prepare("organisation_list");
        while (*fast.Step()) {
        }
        // Counting to five million takes well over 100 milliseconds on any machine.
        auto slow = *connection->PrepareText(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000) "
            "SELECT count(*) FROM n WHERE ?1 <> 'Hemliga Hanna'");
        slow.Bind(1, "Hemliga Hanna 20150101-1234");
        ASSERT_TRUE(*slow.Step());
    }
    const std::string logged = ::testing::internal::GetCapturedStderr();
    store->Release(std::move(connection));
    EXPECT_NE(logged.find("slow_statement"), std::string::npos) << logged;
    EXPECT_NE(logged.find("WITH RECURSIVE"), std::string::npos) << logged;
    EXPECT_EQ(logged.find("organisation_list"), std::string::npos) << "a fast statement is not logged";
    EXPECT_EQ(logged.find("20150101"), std::string::npos) << "bound values never reach the log";
}

class WriteGroupTest : public StoreTest {
  protected:
    // Waits (bounded) until `count` writers queue for the turn.
    static void AwaitWaitingWriters(const sql::WriteGroup& writes, int count) {
        for (int i = 0; i < 2000 && writes.WaitingForTurn() < count; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        ASSERT_EQ(writes.WaitingForTurn(), count);
    }

    static std::vector<std::string> OrganisationNames(SqlStore& store) {
        auto uow = std::move(store.Begin(TransactionMode::kRead)).value();
        const auto organisations = uow->Organisations().List();
        std::vector<std::string> names;
        for (const auto& organisation : *organisations) names.push_back(organisation.name);
        std::sort(names.begin(), names.end());
        return names;
    }

    static Status InsertOrganisation(SqlStore& store, const std::string& name) {
        KB_ASSIGN_OR_RETURN(auto uow, store.Begin(TransactionMode::kWrite));
        KB_RETURN_IF_ERROR(uow->Organisations().Insert({0, name, domain::OrganisationKind::kMunicipality}));
        return uow->Commit();
    }
};

TEST_F(WriteGroupTest, WritesArrivingTogetherShareOneDurableCommit) {
    auto store = OpenStore(5000);
    ASSERT_TRUE(store->Migrate());
    store->Writes().SetMaxWaitForCommit(std::chrono::minutes(1));  // only "nobody waits" commits here
    auto first = std::move(store->Begin(TransactionMode::kWrite)).value();
    ASSERT_TRUE(first->Organisations().Insert({0, "Alvesta kommun", domain::OrganisationKind::kMunicipality}));
    std::array<Status, 3> statuses{Ok(), Ok(), Ok()};
    std::thread second([&] { statuses[1] = InsertOrganisation(*store, "Lessebo kommun"); });
    std::thread third([&] { statuses[2] = InsertOrganisation(*store, "Ljungby kommun"); });
    AwaitWaitingWriters(store->Writes(), 2);
    const auto commits_before = store->Writes().CommitsSoFar();

    std::thread keep_first([&] { statuses[0] = first->Commit(); });
    for (auto* thread : {&keep_first, &second, &third}) thread->join();
    first.reset();

    for (const auto& status : statuses) EXPECT_TRUE(status);
    EXPECT_EQ(store->Writes().CommitsSoFar() - commits_before, 1u) << "three writes, one commit";
    EXPECT_EQ(OrganisationNames(*store),
              (std::vector<std::string>{"Alvesta kommun", "Lessebo kommun", "Ljungby kommun"}));
}

TEST_F(WriteGroupTest, AWriteThatFailsInsideAGroupTakesNothingOfTheOthersWithIt) {
    auto store = OpenStore(5000);
    ASSERT_TRUE(store->Migrate());
    store->Writes().SetMaxWaitForCommit(std::chrono::minutes(1));
    domain::UserAccount taken;
    taken.username = "bo";
    taken.display_name = "Bo";
    {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Users().Insert(taken, "hash"));
        ASSERT_TRUE(uow->Commit());
    }
    auto first = std::move(store->Begin(TransactionMode::kWrite)).value();
    ASSERT_TRUE(first->Organisations().Insert({0, "Markaryd kommun", domain::OrganisationKind::kMunicipality}));
    // Between the two kept writes: one whose statement fails (on PostgreSQL that aborts the
    // transaction until its savepoint is rolled back) and one dropped without committing.
    Status failing = Ok();
    std::thread conflicting([&] {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Organisations().Insert({0, "Uppvidinge kommun", domain::OrganisationKind::kMunicipality}));
        if (auto inserted = uow->Users().Insert(taken, "hash"); !inserted) failing = inserted.error();
    });
    std::thread dropped([&] {
        auto uow = std::move(store->Begin(TransactionMode::kWrite)).value();
        ASSERT_TRUE(uow->Organisations().Insert({0, "Tingsryd kommun", domain::OrganisationKind::kMunicipality}));
    });
    Status last = Ok();
    std::thread kept([&] { last = InsertOrganisation(*store, "Älmhult kommun"); });
    AwaitWaitingWriters(store->Writes(), 3);

    const Status kept_first = first->Commit();
    first.reset();
    for (auto* thread : {&conflicting, &dropped, &kept}) thread->join();

    EXPECT_TRUE(kept_first);
    EXPECT_TRUE(last);
    ASSERT_FALSE(failing);
    EXPECT_EQ(failing.error().message_key, "user.username_taken");
    EXPECT_EQ(OrganisationNames(*store), (std::vector<std::string>{"Markaryd kommun", "Älmhult kommun"}));
}

}  // namespace
}  // namespace kronobarn::store

namespace kronobarn::store {
namespace {

// A guardian's personal number (for signing in with e-ID) is kept, found again with every child the
// person is guardian of, forgotten when cleared, and never given to both guardians of one child.
TEST_F(StoreTest, AGuardiansPersonalNumberFindsEveryChildThePersonIsGuardianOf) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    const Date today{std::chrono::year{2026} / 12 / 7};
    const auto number = [&](std::string_view text) { return *domain::PersonalNumber::Parse(text, today); };
    const auto parent = number("19850412-9829");
    auto uow = *store->Begin(TransactionMode::kWrite);
    std::vector<ChildId> children;
    for (const char* child_number : {"20150312-9817", "20200101-9823"}) {
        domain::Child child{.personal_number = number(child_number)};
        child.given_name = "Barn";
        child.family_name = "Berg";
        child.guardians.push_back({0, "Eva", "Berg", "", false, "", parent});
        child.guardians.push_back({0, "Per", "Berg", "", false, "", std::nullopt});
        children.push_back(*uow->Children().Insert(child));
    }
    const auto guardians = *uow->Children().GuardiansOf(children[0]);
    ASSERT_EQ(guardians.size(), 2u);
    EXPECT_EQ(guardians[0].personal_number, parent);
    EXPECT_FALSE(guardians[1].personal_number.has_value());

    const auto records = *uow->Family().GuardianRecordsOf(parent);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].child_id, children[0]);
    EXPECT_EQ(records[0].guardian_id, guardians[0].id);
    EXPECT_EQ(records[0].child_birth_date, (Date{std::chrono::year{2015} / 3 / 12}));
    EXPECT_EQ(records[1].child_id, children[1]);

    ASSERT_TRUE(uow->Family().SetGuardianPersonalNumber(guardians[0].id, std::nullopt));
    EXPECT_EQ(uow->Family().GuardianRecordsOf(parent)->size(), 1u) << "forgotten for the first child only";
    ASSERT_TRUE(uow->Family().SetGuardianPersonalNumber(guardians[1].id, parent));
    EXPECT_EQ((*uow->Children().GuardiansOf(children[0]))[1].personal_number, parent);
    const auto both = uow->Family().SetGuardianPersonalNumber(guardians[0].id, parent);
    ASSERT_FALSE(both) << "one person is never both guardians of a child";
    EXPECT_EQ(both.error().message_key, "family.staff.eid_taken");
}

}  // namespace
}  // namespace kronobarn::store

namespace kronobarn::store {
namespace {

// Counts what it is handed, as a mail server would receive it; safe to share between senders.
class CountingTransport final : public app::MailTransport {
  public:
    Status Send(const app::MailMessage& message) override {
        std::lock_guard lock(mutex_);
        ++received_[message.message_id];
        return Ok();
    }
    std::map<std::string, int> Received() {
        std::lock_guard lock(mutex_);
        return received_;
    }

  private:
    std::mutex mutex_;
    std::map<std::string, int> received_;
};

domain::Notification ToTheSchool(int n) {
    domain::Notification notification;
    notification.kind = domain::NotificationKind::kNewSignal;
    notification.address = "skolan@vaxjo.example";
    notification.unit_name = "Växjö Centralskola";
    notification.link_path = "/oro/" + std::to_string(n);
    if (n == 0) notification.on_date = Date{std::chrono::year{2027} / 3 / 28};
    return notification;
}

// A message is claimed by one sender at a time, comes back when its claim runs out, waits after a
// failure, and is never claimed again once sent or given up.
TEST_F(StoreTest, OutboxMessagesAreClaimedOnceAndWaitAfterAFailure) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    auto uow = *store->Begin(TransactionMode::kWrite);
    for (int n = 0; n < 3; ++n)
        ASSERT_TRUE(uow->Outbox().Enqueue(ToTheSchool(n), "<m" + std::to_string(n) + "@k>", kNow));
    const auto claim = uow->Outbox().Claim(kNow, kNow + std::chrono::minutes(2), 2, 12);
    ASSERT_TRUE(claim) << claim.error().detail;
    const auto& first = *claim;
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].message_id, "<m0@k>");
    EXPECT_EQ(first[0].notification.on_date, (Date{std::chrono::year{2027} / 3 / 28}));
    EXPECT_EQ(first[0].notification.unit_name, "Växjö Centralskola");
    const auto second = *uow->Outbox().Claim(kNow, kNow + std::chrono::minutes(2), 10, 12);
    ASSERT_EQ(second.size(), 1u) << "the claimed two are another sender's";
    EXPECT_EQ(second[0].message_id, "<m2@k>");

    ASSERT_TRUE(uow->Outbox().MarkSent(first[0].id, kNow));
    ASSERT_TRUE(uow->Outbox().MarkFailed(first[1].id, 1, "Couldn't connect", kNow + std::chrono::minutes(1)));
    ASSERT_TRUE(uow->Outbox().MarkFailed(second[0].id, 12, "550 no such mailbox", kNow));
    EXPECT_TRUE(uow->Outbox().Claim(kNow + std::chrono::seconds(30), kNow + std::chrono::minutes(3), 10, 12)->empty());
    const auto retried = *uow->Outbox().Claim(kNow + std::chrono::minutes(1), kNow + std::chrono::minutes(3), 10, 12);
    ASSERT_EQ(retried.size(), 1u) << "the failed one, after its wait; not the sent or the given-up one";
    EXPECT_EQ(retried[0].message_id, "<m1@k>");
    EXPECT_EQ(retried[0].attempts, 1);
    const auto all = *uow->Outbox().List();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_TRUE(all[0].sent_at.has_value());
    EXPECT_EQ(all[2].last_error, "550 no such mailbox");
}

// The digest's and reminders' storage: a reminder key is written once; digest items are not claimed
// alone, are gathered into a digest and count as sent with it; a daily job runs once a day; a
// person's choices are kept per kind.
TEST_F(StoreTest, RemindersAreWrittenOnceAndDigestItemsGoOutWithTheirDigest) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    auto uow = *store->Begin(TransactionMode::kWrite);
    auto reminder = ToTheSchool(1);
    reminder.kind = domain::NotificationKind::kActionDue;
    reminder.meeting = domain::MeetingSlot{9, 2, std::chrono::minutes(13 * 60 + 30)};
    const auto written = uow->Outbox().Add(reminder, "<r1@k>", kNow, {true, "action_due:1:soon"});
    ASSERT_TRUE(written) << written.error().detail;
    ASSERT_TRUE(written->has_value());
    EXPECT_FALSE(uow->Outbox().Add(reminder, "<r2@k>", kNow, {true, "action_due:1:soon"})->has_value())
        << "the same reminder again is not written";
    ASSERT_TRUE(uow->Outbox().Add(ToTheSchool(2), "<r3@k>", kNow, {true, ""}));
    EXPECT_TRUE(uow->Outbox().Claim(kNow, kNow + std::chrono::minutes(2), 10, 12)->empty())
        << "digest items go only with their digest";

    const auto waiting = *uow->Outbox().WaitingForDigest();
    ASSERT_EQ(waiting.size(), 2u);
    ASSERT_TRUE(waiting[0].notification.meeting.has_value());
    EXPECT_EQ(waiting[0].notification.meeting->sequence, 2);
    EXPECT_EQ(waiting[0].notification.meeting->starts_at, std::chrono::minutes(13 * 60 + 30));
    auto digest = ToTheSchool(3);
    digest.kind = domain::NotificationKind::kDigest;
    const auto digest_id = *uow->Outbox().Enqueue(digest, "<d@k>", kNow);
    for (const auto& item : waiting) ASSERT_TRUE(uow->Outbox().AttachToDigest(item.id, digest_id));
    EXPECT_TRUE(uow->Outbox().WaitingForDigest()->empty());
    EXPECT_EQ(uow->Outbox().DigestItems(digest_id)->size(), 2u);
    const auto claimed = *uow->Outbox().Claim(kNow, kNow + std::chrono::minutes(2), 10, 12);
    ASSERT_EQ(claimed.size(), 1u);
    EXPECT_EQ(claimed[0].id, digest_id);
    ASSERT_TRUE(uow->Outbox().MarkSent(digest_id, kNow));
    const auto all = *uow->Outbox().List();
    for (const auto& message : all) EXPECT_TRUE(message.sent_at.has_value()) << message.id;
    EXPECT_EQ(uow->Outbox().Failed(10)->size(), 0u);

    const Date today{std::chrono::year{2026} / 11 / 18};
    EXPECT_TRUE(*uow->Outbox().ClaimDailyJob("digest", today));
    EXPECT_FALSE(*uow->Outbox().ClaimDailyJob("digest", today)) << "once a day";
    EXPECT_TRUE(*uow->Outbox().ClaimDailyJob("digest", Date{std::chrono::year{2026} / 11 / 19}));

    domain::UserAccount user;
    user.username = "bo";
    user.display_name = "Bo";
    const auto bo = *uow->Users().Insert(user, "hash");
    ASSERT_TRUE(uow->Outbox().SavePreference(bo, "new_signal", domain::Delivery::kDailyDigest));
    ASSERT_TRUE(uow->Outbox().SavePreference(bo, "new_signal", domain::Delivery::kAtOnce));
    ASSERT_TRUE(uow->Outbox().SavePreference(bo, "meeting_invitation", domain::Delivery::kOff));
    const auto chosen = *uow->Outbox().PreferencesOf(bo);
    ASSERT_EQ(chosen.size(), 2u);
    EXPECT_EQ(chosen.at("new_signal"), domain::Delivery::kAtOnce);
    EXPECT_EQ(chosen.at("meeting_invitation"), domain::Delivery::kOff);
}

// The daily reminders' sources: a plan to be followed up (with the unit that answers for it) and a
// consent that runs out (with the child's holder) — up to their day, not before; a withdrawn consent
// is chased no more.
TEST_F(StoreTest, RemindersFindPlansToFollowUpAndConsentsRunningOutWithTheUnitToRemind) {
    auto store = OpenStore();
    ASSERT_TRUE(store->Migrate());
    FakeClock clock(kNow);
    ASSERT_TRUE(app::LoadDemoData(*store, clock, {600, 3, crypto::PasswordStrength::kInteractive}, {"t", "t"}));
    auto uow = *store->Begin(TransactionMode::kWrite);
    const auto social = *uow->Organisations().ListUnitsOfKind(domain::UnitKind::kSocialServices, std::nullopt);
    const auto ids = *uow->Plans().OpenPlansOfUnit(social.front().id, 1);
    ASSERT_FALSE(ids.empty());
    auto plan = *uow->Plans().Find(ids.front());
    ASSERT_TRUE(plan);
    // The plan agreed, to be followed up on 20 January.
    const domain::Plan draft = *plan;
    plan->state = domain::PlanState::kActive;
    plan->basics.next_meeting = Date{std::chrono::year{2027} / 1 / 20};
    plan->version += 1;
    ASSERT_TRUE(uow->Plans().Save(draft, *plan, plan->created_by, kNow));
    const Date follow_up = *plan->basics.next_meeting;
    const auto day_before = Date{std::chrono::sys_days{follow_up} - std::chrono::days{1}};
    const auto holder = **uow->Coordination().FindHolder(plan->child_id);
    const auto has = [](const std::vector<store::DueItem>& items, std::int64_t id) {
        return std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.item_id == id; });
    };
    const Date today{std::chrono::year{2026} / 11 / 18};
    const auto due = *uow->Outbox().FollowUpsDueBy(today, follow_up);
    const auto found = has(due, plan->id);
    ASSERT_NE(found, due.end());
    EXPECT_EQ(found->page_id, plan->id);
    EXPECT_EQ(found->unit_id, plan->basics.collaboration_unit_id.value_or(holder));
    EXPECT_EQ(found->due, follow_up);
    const auto earlier = *uow->Outbox().FollowUpsDueBy(today, day_before);
    EXPECT_EQ(has(earlier, plan->id), earlier.end()) << "not before its day is within reach";

    // A follow-up meeting planned for that day: its invitation told them, no reminder beside it —
    // until the day has passed with the meeting still not held.
    domain::Plan unplanned = *plan;
    domain::PlannedMeeting meeting;
    meeting.on = follow_up;
    meeting.starts_at = std::chrono::hours{9};
    meeting.place = "Rum 1";
    ASSERT_TRUE(domain::PlanMeeting(*plan, plan->version, meeting, today));
    ASSERT_TRUE(uow->Plans().Save(unplanned, *plan, plan->created_by, kNow));
    const auto planned = *uow->Outbox().FollowUpsDueBy(today, follow_up);
    EXPECT_EQ(has(planned, plan->id), planned.end()) << "the meeting's invitation says it";
    const auto day_after = Date{std::chrono::sys_days{follow_up} + std::chrono::days{1}};
    const auto overdue = *uow->Outbox().FollowUpsDueBy(day_after, day_after);
    EXPECT_NE(has(overdue, plan->id), overdue.end()) << "the meeting's day passed and it was not held";

    auto consent = (*uow->Consents().OfChild(plan->child_id)).front();
    const auto ends = *uow->Outbox().ConsentsExpiringBetween(consent.valid_to, consent.valid_to);
    const auto ending = has(ends, consent.id);
    ASSERT_NE(ending, ends.end());
    EXPECT_EQ(ending->page_id, plan->child_id);
    EXPECT_EQ(ending->unit_id, holder);
    EXPECT_EQ(ending->due, consent.valid_to);
    const auto after = Date{std::chrono::sys_days{consent.valid_to} + std::chrono::days{1}};
    const auto later = *uow->Outbox().ConsentsExpiringBetween(after, after);
    EXPECT_EQ(has(later, consent.id), later.end()) << "an expired consent is not chased";
    ASSERT_TRUE(domain::Withdraw(consent, plan->created_by, "Eva", kNow));
    ASSERT_TRUE(uow->Consents().SaveWithdrawal(consent));
    const auto withdrawn = *uow->Outbox().ConsentsExpiringBetween(consent.valid_to, consent.valid_to);
    EXPECT_EQ(has(withdrawn, consent.id), withdrawn.end()) << "a withdrawn consent is not chased";
}

// Two app servers' senders on one database: every message goes out, none twice.
TEST_F(StoreTest, TwoSendersOnOneDatabaseSendEveryMessageOnce) {
    auto first_server = OpenStore(5000);
    ASSERT_TRUE(first_server->Migrate());
    auto second_server = OpenStore(5000);
    {
        auto uow = *first_server->Begin(TransactionMode::kWrite);
        for (int n = 0; n < 500; ++n) {
            ASSERT_TRUE(uow->Outbox().Enqueue(ToTheSchool(n), "<n" + std::to_string(n) + "@k>", kNow));
        }
        ASSERT_TRUE(uow->Commit());
    }
    FakeClock clock(kNow);
    CountingTransport transport;
    const app::OutboxSenderOptions options{"Kronobarn <k@kronoberg.example>", "https://k.example", 20};
    app::OutboxSender one(*first_server, clock, transport, options), two(*second_server, clock, transport, options);
    std::atomic<int> sent{0};
    std::thread a([&] { sent += one.RunOnce()->sent; });
    std::thread b([&] { sent += two.RunOnce()->sent; });
    a.join();
    b.join();
    const auto received = transport.Received();
    EXPECT_EQ(sent.load(), 500);
    EXPECT_EQ(received.size(), 500u);
    EXPECT_TRUE(std::all_of(received.begin(), received.end(), [](const auto& r) { return r.second == 1; }))
        << "none twice";
}

}  // namespace
}  // namespace kronobarn::store
