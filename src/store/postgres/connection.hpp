// The PostgreSQL side of sql::Connection over libpq: statements prepared once per connection by
// query name and executed with bound text parameters (never interpolated). Round trips are what a
// page costs here, so a transaction's BEGIN (and a statement's first PREPARE) travel in one
// pipeline with its first statement, and a ROLLBACK is sent without waiting for its answer. Write
// transactions take one transaction-scoped advisory lock, the same single-writer rule SQLite has:
// invariants such as "one coordination holder per child", "one pending handover", the plan's
// optimistic version and the audit hash chain then hold across any number of app servers, with no
// serialisation failures to retry. Readers never wait for it.
#pragma once

#include <libpq-fe.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql/connection.hpp"

namespace kronobarn::store::postgres {

// A libpq result that frees itself: no path, early return or error can leak one.
struct PgResultFree {
    void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, PgResultFree>;

class PostgresConnection;

class PostgresCursor final : public sql::Cursor {
  public:
    PostgresCursor(PostgresConnection& connection, std::string name, std::string sql)
        : connection_(connection), name_(std::move(name)), sql_(std::move(sql)) {}
    ~PostgresCursor() override { Reset(); }
    PostgresCursor(const PostgresCursor&) = delete;
    PostgresCursor& operator=(const PostgresCursor&) = delete;

    void BindInt(int index, std::int64_t value) override;
    void BindText(int index, std::string_view value) override;
    void BindNull(int index) override;
    Result<bool> Step() override;
    bool IsNull(int column) const override;
    std::int64_t Int(int column) const override;
    std::string Text(int column) const override;
    int ColumnCount() const override { return PQnfields(result_.get()); }
    std::string ColumnName(int column) const override { return PQfname(result_.get(), column); }
    void Reset() override;

  private:
    void Slot(int index);

    PostgresConnection& connection_;
    std::string name_;
    std::string sql_;
    std::vector<std::string> values_;
    std::vector<bool> nulls_;
    PgResult result_;
    bool executed_ = false;
    int row_ = -1;
};

class PostgresConnection final : public sql::Connection {
  public:
    // `url` is a libpq connection URI (postgresql://user@host:port/db?…).
    // `lock_timeout_ms` bounds the wait for the writer lock, like SQLite's busy timeout.
    static Result<std::unique_ptr<PostgresConnection>> Open(const std::string& url, int lock_timeout_ms);
    ~PostgresConnection() override;
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    Result<sql::Statement> Prepare(std::string_view query_name) override;
    Result<sql::Statement> PrepareText(const std::string& sql) override;
    Status Exec(const char* sql) override;
    Status Begin(TransactionMode mode) override;
    Status Commit() override;
    void Rollback() override;
    std::int64_t LastInsertId() const override { return last_insert_id_; }
    std::int64_t ChangedRows() const override { return changed_rows_; }
    bool Healthy() const override { return PQstatus(conn_) == CONNECTION_OK; }

    // Runs the statement `name` (preparing `sql` under that name first if this connection has not
    // yet); records the inserted id and changed rows. The result is owned by the caller.
    Result<PgResult> Execute(const std::string& name, const std::string& sql, const std::vector<std::string>& values,
                             const std::vector<bool>& nulls);

  private:
    PostgresConnection(PGconn* conn, std::string url, std::string settings)
        : conn_(conn), url_(std::move(url)), settings_(std::move(settings)) {}
    Result<sql::Statement> PrepareCached(const std::string& key, const std::string& name, const std::string& sql);
    // One round trip: `begin`'s commands, a PREPARE if needed, the statement, and a sync point.
    Result<PgResult> RunPipeline(std::optional<TransactionMode> begin, const std::string& name, const std::string& sql,
                                 const std::vector<const char*>& params);
    // Collects the answer to a ROLLBACK sent earlier without waiting; kUnavailable if the connection died.
    Status AwaitRollback();
    // A connection that died while idle in the pool is replaced, but only when what failed carried
    // its transaction's BEGIN: then nothing of that transaction ran, and nothing is lost or run twice.
    bool LostBeforeRunning(std::optional<TransactionMode> begin) const {
        return begin.has_value() && PQstatus(conn_) != CONNECTION_OK;
    }
    Status Reconnect();
    Status RunSimple(const std::string& sql);

    PGconn* conn_;
    std::string url_;
    std::string settings_;
    std::map<std::string, std::unique_ptr<PostgresCursor>, std::less<>> cache_;
    std::set<std::string, std::less<>> prepared_on_server_;
    std::optional<TransactionMode> pending_begin_;  // begun here, not yet on the server
    bool rollback_in_flight_ = false;
    std::int64_t last_insert_id_ = 0;
    std::int64_t changed_rows_ = 0;
};

// Maps a failed result (or a lost connection when `result` is null) to our canonical errors:
// unique violation → kConflict; connection loss, shutdown, lock timeout, serialisation failure →
// kUnavailable; anything else → kInternal.
Error ErrorFromPostgres(PGconn* conn, const PGresult* result, std::string_view context);

}  // namespace kronobarn::store::postgres
