#include "store/sql/sql_store.hpp"

#include <charconv>

#include "common/log.hpp"

#include "store/sql/group_commit.hpp"
#include "store/sql/repositories.hpp"
#include "store/sql/write_group.hpp"

namespace kronobarn::store::sql {
namespace {

// A unit of work on a pooled connection (reads) or on a turn of the write group (writes).
class SqlUnitOfWork final : public UnitOfWork {
  public:
    SqlUnitOfWork(SqlStore& store, std::unique_ptr<Connection> pooled)
        : SqlUnitOfWork(store, *pooled, std::move(pooled), nullptr) {}
    SqlUnitOfWork(SqlStore& store, std::unique_ptr<WriteGroup::Turn> turn)
        : SqlUnitOfWork(store, turn->connection(), nullptr, std::move(turn)) {}

    ~SqlUnitOfWork() override {
        if (turn_ != nullptr) {
            turn_.reset();  // rolls back to the unit's savepoint unless kept
        } else {
            if (!finished_) pooled_->Rollback();
            store_.Release(std::move(pooled_));
        }
        if (!finished_ && !if_rolled_back_.empty()) {
            // Nothing to return an error to from here: a lost row is logged loudly.
            if (auto written = store_.AuditLog().AppendDurably(std::move(if_rolled_back_)); !written) {
                log::Error("audit_rejected_write_lost", {{"error", written.error().message_key}});
            }
        }
    }
    SqlUnitOfWork(const SqlUnitOfWork&) = delete;
    SqlUnitOfWork& operator=(const SqlUnitOfWork&) = delete;

    OrganisationRepository& Organisations() override { return organisations_; }
    UserRepository& Users() override { return users_; }
    SessionRepository& Sessions() override { return sessions_; }
    LoginThrottleRepository& LoginThrottle() override { return login_throttle_; }
    SecondFactorRepository& SecondFactors() override { return second_factors_; }
    ChildRepository& Children() override { return children_; }
    AuditRepository& Audit() override { return audit_; }
    WheelRepository& Wheel() override { return wheel_; }
    CoordinationRepository& Coordination() override { return coordination_; }
    ConcernRepository& Concerns() override { return concerns_; }
    ConsentRepository& Consents() override { return consents_; }
    PlanRepository& Plans() override { return plans_; }
    FamilyRepository& Family() override { return family_; }
    EmergencyAccessRepository& Emergency() override { return emergency_; }
    LogReviewRepository& LogReviews() override { return log_reviews_; }
    StatisticsRepository& Statistics() override { return statistics_; }
    OutboxRepository& Outbox() override { return outbox_; }

    void AuditIfRolledBack(domain::AuditEvent event) override { if_rolled_back_.push_back(std::move(event)); }

    Status Commit() override {
        if (turn_ != nullptr) {
            // The turn passes on at once: nothing may touch the connection after this.
            if (finished_) return Error::Internal("unit of work committed twice");
            finished_ = true;
            return turn_->Keep();
        }
        KB_RETURN_IF_ERROR(pooled_->Commit());
        finished_ = true;
        return Ok();
    }

  private:
    // By reference, so `connection` is taken before either owner is moved from.
    SqlUnitOfWork(SqlStore& store, Connection& connection, std::unique_ptr<Connection>&& pooled,
                  std::unique_ptr<WriteGroup::Turn>&& turn)
        : store_(store),
          pooled_(std::move(pooled)),
          turn_(std::move(turn)),
          organisations_(connection, store.Areas(), store.Units(), pooled_ != nullptr),
          users_(connection),
          sessions_(connection),
          login_throttle_(connection),
          second_factors_(connection),
          children_(connection),
          audit_(connection),
          wheel_(connection),
          coordination_(connection),
          concerns_(connection),
          consents_(connection),
          plans_(connection),
          family_(connection),
          emergency_(connection),
          log_reviews_(connection),
          statistics_(connection, store.Areas()),
          outbox_(connection) {}

    SqlStore& store_;
    std::unique_ptr<Connection> pooled_;
    std::unique_ptr<WriteGroup::Turn> turn_;
    SqlOrganisationRepository organisations_;
    SqlUserRepository users_;
    SqlSessionRepository sessions_;
    SqlLoginThrottleRepository login_throttle_;
    SqlSecondFactorRepository second_factors_;
    SqlChildRepository children_;
    SqlAuditRepository audit_;
    SqlWheelRepository wheel_;
    SqlCoordinationRepository coordination_;
    SqlConcernRepository concerns_;
    SqlConsentRepository consents_;
    SqlPlanRepository plans_;
    SqlFamilyRepository family_;
    SqlEmergencyAccessRepository emergency_;
    SqlLogReviewRepository log_reviews_;
    SqlStatisticsRepository statistics_;
    SqlOutboxRepository outbox_;
    bool finished_ = false;
    std::vector<domain::AuditEvent> if_rolled_back_;
};

int VersionOf(std::string_view migration_name) {
    int version = 0;
    std::from_chars(migration_name.data(), migration_name.data() + migration_name.size(), version);
    return version;
}

// Portable across both engines; created on first use so an empty database reports version 0.
constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)";

Result<int> VersionWithin(Connection& connection) {
    KB_RETURN_IF_ERROR(connection.Exec(kCreateMigrationsTable));
    KB_ASSIGN_OR_RETURN(auto stmt, connection.Prepare("schema_version"));
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    return has_row ? static_cast<int>(stmt.Int("version")) : 0;
}

}  // namespace

SqlStore::SqlStore(Engine engine, int pool_size)
    : engine_(std::move(engine)),
      pool_size_(pool_size),
      write_group_(std::make_unique<WriteGroup>(engine_.open, engine_.write_wait)) {}

SqlStore::~SqlStore() = default;

Result<std::unique_ptr<SqlStore>> SqlStore::Open(Engine engine, int pool_size) {
    auto store = std::unique_ptr<SqlStore>(new SqlStore(std::move(engine), pool_size));
    KB_ASSIGN_OR_RETURN(auto first, store->Acquire());
    store->Release(std::move(first));
    store->audit_log_ = std::make_unique<GroupCommitAuditLog>(*store->write_group_);
    return store;
}

Result<std::unique_ptr<Connection>> SqlStore::Acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_connections_ < pool_size_; });
    if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return connection;
    }
    ++open_connections_;
    lock.unlock();
    auto opened = engine_.open();
    if (!opened) {
        std::lock_guard relock(mutex_);
        --open_connections_;
        available_.notify_one();
    }
    return opened;
}

void SqlStore::Release(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    // A lost connection is closed, not pooled: the next Acquire opens a fresh one, which is how the
    // store recovers by itself once the database is back.
    if (connection->Healthy()) {
        idle_.push_back(std::move(connection));
    } else {
        --open_connections_;
    }
    available_.notify_one();
}

Result<std::unique_ptr<UnitOfWork>> SqlStore::Begin(TransactionMode mode) {
    if (mode == TransactionMode::kWrite) {
        KB_ASSIGN_OR_RETURN(auto turn, write_group_->Take());
        return std::unique_ptr<UnitOfWork>(new SqlUnitOfWork(*this, std::move(turn)));
    }
    // After a database restart every pooled connection is dead but only learns so when used: drop
    // those and go on, so the first request after an outage already succeeds.
    for (int attempt = 0;; ++attempt) {
        KB_ASSIGN_OR_RETURN(auto connection, Acquire());
        auto begun = connection->Begin(mode);
        if (begun) return std::unique_ptr<UnitOfWork>(new SqlUnitOfWork(*this, std::move(connection)));
        const bool lost = !connection->Healthy();
        Release(std::move(connection));
        if (!lost || attempt >= pool_size_) return begun.error();
    }
}

Result<int> SqlStore::SchemaVersion() {
    KB_ASSIGN_OR_RETURN(auto connection, Acquire());
    Result<int> version = Error::Internal("schema version");
    if (auto begun = connection->Begin(TransactionMode::kWrite); !begun) {
        version = begun.error();
    } else {
        version = VersionWithin(*connection);
        if (version) {
            if (auto committed = connection->Commit(); !committed) version = committed.error();
        }
        if (!version) connection->Rollback();
    }
    Release(std::move(connection));
    return version;
}

int SqlStore::LatestSchemaVersion() const {
    return engine_.migration_names.empty() ? 0 : VersionOf(engine_.migration_names.back());
}

Status SqlStore::Migrate() { return MigrateTo(LatestSchemaVersion()); }

Status SqlStore::MigrateTo(int target_version) {
    KB_ASSIGN_OR_RETURN(const int current, SchemaVersion());
    for (std::string_view name : engine_.migration_names) {
        const int version = VersionOf(name);
        if (version <= current || version > target_version) continue;
        KB_ASSIGN_OR_RETURN(auto connection, Acquire());
        // Each migration is one write transaction that re-reads the version under the writer lock,
        // so two servers started together with --migrate apply every migration exactly once.
        auto apply = [&]() -> Status {
            KB_RETURN_IF_ERROR(connection->Begin(TransactionMode::kWrite));
            KB_ASSIGN_OR_RETURN(const int applied, VersionWithin(*connection));
            if (applied < version) {
                KB_RETURN_IF_ERROR(connection->Exec(std::string(engine_.migration(name)).c_str()));
                KB_ASSIGN_OR_RETURN(auto record, connection->Prepare("schema_migration_insert"));
                KB_RETURN_IF_ERROR(record.Bind(1, std::int64_t{version}).Bind(2, name).Run());
            }
            return connection->Commit();
        };
        Status applied = apply();
        if (!applied) connection->Rollback();
        Release(std::move(connection));
        if (!applied) {
            Error error = applied.error();
            error.detail = "migration " + std::string(name) + ": " + error.detail;
            return error;
        }
    }
    return Ok();
}

}  // namespace kronobarn::store::sql
