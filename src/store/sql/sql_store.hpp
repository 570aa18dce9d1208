// SqlStore: the Store for both SQL engines. It owns a small pool of connections (each with its own
// statement cache), hands one to each read unit of work, runs write units and the audit rows of
// reads in turns on one more (write_group.hpp: group commit) and applies migrations. What differs
// between engines sits behind sql::Connection and the Engine below.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql/area_cache.hpp"
#include "store/sql/connection.hpp"
#include "store/sql/unit_cache.hpp"
#include "store/store.hpp"

namespace kronobarn::store::sql {

using ConnectionOpener = std::function<Result<std::unique_ptr<Connection>>()>;

struct Engine {
    std::string name;  // "sqlite" or "postgresql", as in --database
    ConnectionOpener open;
    std::vector<std::string_view> migration_names;  // sorted; each starts with its version number
    std::function<std::string_view(std::string_view)> migration;
    std::chrono::milliseconds write_wait{5000};  // a writer's wait for its turn (the busy timeout)
    std::shared_ptr<void> keep_alive;            // engine work that lives as long as the store
};

class WriteGroup;

class SqlStore final : public Store {
  public:
    // Opens the first connection eagerly so a wrong address fails at start-up, not at first request.
    static Result<std::unique_ptr<SqlStore>> Open(Engine engine, int pool_size);
    ~SqlStore() override;

    Result<std::unique_ptr<UnitOfWork>> Begin(TransactionMode mode) override;
    DurableAuditLog& AuditLog() override { return *audit_log_; }
    Status Migrate() override;
    Status MigrateTo(int version);
    Result<int> SchemaVersion() override;
    int LatestSchemaVersion() const override;
    const std::string& EngineName() const { return engine_.name; }

    // Write units of work take turns on one connection and share commits (write_group.hpp).
    WriteGroup& Writes() { return *write_group_; }

    // The municipalities units serve, shared by the units of work (area_cache.hpp).
    AreaCache& Areas() { return areas_; }
    // Units by id, shared by the units of work (unit_cache.hpp).
    UnitCache& Units() { return units_; }

    // A connection outside any unit of work (backup, data migration); hand it back with Release.
    Result<std::unique_ptr<Connection>> Acquire();
    void Release(std::unique_ptr<Connection> connection);

  private:
    SqlStore(Engine engine, int pool_size);

    Engine engine_;
    int pool_size_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    int open_connections_ = 0;
    AreaCache areas_;
    UnitCache units_;
    std::unique_ptr<WriteGroup> write_group_;
    std::unique_ptr<DurableAuditLog> audit_log_;  // declared last: stops before the pool goes
};

}  // namespace kronobarn::store::sql
