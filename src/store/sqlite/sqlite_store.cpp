#include "store/sqlite/sqlite_store.hpp"

#include <charconv>

#include "store/sqlite/embedded_sql.hpp"
#include "store/sqlite/group_commit.hpp"
#include "store/sqlite/repositories.hpp"

namespace kronobarn::store::sqlite {
namespace {

class SqliteUnitOfWork final : public UnitOfWork {
  public:
    SqliteUnitOfWork(SqliteStore& store, std::unique_ptr<Connection> connection)
        : store_(store),
          connection_(std::move(connection)),
          organisations_(*connection_),
          users_(*connection_),
          sessions_(*connection_),
          login_throttle_(*connection_),
          children_(*connection_),
          audit_(*connection_),
          wheel_(*connection_),
          coordination_(*connection_),
          concerns_(*connection_),
          consents_(*connection_),
          plans_(*connection_),
          family_(*connection_) {}

    ~SqliteUnitOfWork() override {
        if (!finished_) (void)connection_->Exec("ROLLBACK");
        store_.Release(std::move(connection_));
    }

    OrganisationRepository& Organisations() override { return organisations_; }
    UserRepository& Users() override { return users_; }
    SessionRepository& Sessions() override { return sessions_; }
    LoginThrottleRepository& LoginThrottle() override { return login_throttle_; }
    ChildRepository& Children() override { return children_; }
    AuditRepository& Audit() override { return audit_; }
    WheelRepository& Wheel() override { return wheel_; }
    CoordinationRepository& Coordination() override { return coordination_; }
    ConcernRepository& Concerns() override { return concerns_; }
    ConsentRepository& Consents() override { return consents_; }
    PlanRepository& Plans() override { return plans_; }
    FamilyRepository& Family() override { return family_; }

    Status Commit() override {
        KB_RETURN_IF_ERROR(connection_->Exec("COMMIT"));
        finished_ = true;
        return Ok();
    }

  private:
    SqliteStore& store_;
    std::unique_ptr<Connection> connection_;
    SqliteOrganisationRepository organisations_;
    SqliteUserRepository users_;
    SqliteSessionRepository sessions_;
    SqliteLoginThrottleRepository login_throttle_;
    SqliteChildRepository children_;
    SqliteAuditRepository audit_;
    SqliteWheelRepository wheel_;
    SqliteCoordinationRepository coordination_;
    SqliteConcernRepository concerns_;
    SqliteConsentRepository consents_;
    SqlitePlanRepository plans_;
    SqliteFamilyRepository family_;
    bool finished_ = false;
};

int VersionOf(std::string_view migration_name) {
    int version = 0;
    std::from_chars(migration_name.data(), migration_name.data() + migration_name.size(), version);
    return version;
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const SqliteOptions& options) {
    auto store = std::unique_ptr<SqliteStore>(new SqliteStore(options));
    KB_ASSIGN_OR_RETURN(auto first, store->Acquire());
    store->Release(std::move(first));
    KB_ASSIGN_OR_RETURN(auto writer, Connection::Open(options.path, options.busy_timeout_ms));
    store->audit_log_ = std::make_unique<GroupCommitAuditLog>(std::move(writer));
    return store;
}

Result<std::unique_ptr<Connection>> SqliteStore::Acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_connections_ < options_.pool_size; });
    if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return connection;
    }
    ++open_connections_;
    lock.unlock();
    auto opened = Connection::Open(options_.path, options_.busy_timeout_ms);
    if (!opened) {
        std::lock_guard relock(mutex_);
        --open_connections_;
        available_.notify_one();
    }
    return opened;
}

void SqliteStore::Release(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
    available_.notify_one();
}

Result<std::unique_ptr<UnitOfWork>> SqliteStore::Begin(TransactionMode mode) {
    KB_ASSIGN_OR_RETURN(auto connection, Acquire());
    auto begun = connection->Exec(mode == TransactionMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
    if (!begun) {
        Release(std::move(connection));
        return begun.error();
    }
    return std::unique_ptr<UnitOfWork>(new SqliteUnitOfWork(*this, std::move(connection)));
}

Result<int> SqliteStore::SchemaVersion() {
    KB_ASSIGN_OR_RETURN(auto connection, Acquire());
    auto release = [&] { Release(std::move(connection)); };
    auto created = connection->Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT");
    if (!created) {
        release();
        return created.error();
    }
    sqlite3_stmt* stmt = nullptr;
    int version = 0;
    int rc = sqlite3_prepare_v2(connection->Handle(), "SELECT coalesce(max(version), 0) FROM schema_migrations", -1,
                                &stmt, nullptr);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    release();
    if (rc != SQLITE_ROW) return ErrorFromSqlite(rc, "schema version");
    return version;
}

int SqliteStore::LatestSchemaVersion() const {
    const auto names = SqliteMigrationNames();
    return names.empty() ? 0 : VersionOf(names.back());
}

Status SqliteStore::Migrate() { return MigrateTo(LatestSchemaVersion()); }

Status SqliteStore::MigrateTo(int target_version) {
    KB_ASSIGN_OR_RETURN(const int current, SchemaVersion());
    for (std::string_view name : SqliteMigrationNames()) {
        const int version = VersionOf(name);
        if (version <= current || version > target_version) continue;
        KB_ASSIGN_OR_RETURN(auto connection, Acquire());
        const std::string script = "BEGIN IMMEDIATE;\n" + std::string(SqliteMigration(name)) +
                                   "\nINSERT INTO schema_migrations (version, name) VALUES (" +
                                   std::to_string(version) + ", '" + std::string(name) + "');\nCOMMIT;";
        auto applied = connection->Exec(script.c_str());
        if (!applied) (void)connection->Exec("ROLLBACK");
        Release(std::move(connection));
        if (!applied) {
            Error error = applied.error();
            error.detail = "migration " + std::string(name) + ": " + error.detail;
            return error;
        }
    }
    return Ok();
}

}  // namespace kronobarn::store::sqlite
