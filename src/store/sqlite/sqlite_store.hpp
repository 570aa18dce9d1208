// SqliteStore: the embedded default backend. One database file in WAL mode, a small pool of
// connections (each with its own statement cache), write transactions started IMMEDIATE so two
// writers never deadlock on lock upgrade.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace kronobarn::store::sqlite {

struct SqliteOptions {
    std::string path;
    int pool_size = 8;
    int busy_timeout_ms = 5000;
};

class SqliteStore final : public Store {
  public:
    // Opens the first connection eagerly so a wrong path fails at start-up, not at first request.
    static Result<std::unique_ptr<SqliteStore>> Open(const SqliteOptions& options);

    Result<std::unique_ptr<UnitOfWork>> Begin(TransactionMode mode) override;
    DurableAuditLog& AuditLog() override { return *audit_log_; }
    Status Migrate() override;
    Status MigrateTo(int version);
    Result<int> SchemaVersion() override;
    int LatestSchemaVersion() const override;

    // Used by units of work to hand their connection back.
    void Release(std::unique_ptr<Connection> connection);

  private:
    explicit SqliteStore(SqliteOptions options) : options_(std::move(options)) {}
    Result<std::unique_ptr<Connection>> Acquire();

    SqliteOptions options_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    int open_connections_ = 0;
    std::unique_ptr<DurableAuditLog> audit_log_;  // declared last: stops before the pool goes
};

}  // namespace kronobarn::store::sqlite
