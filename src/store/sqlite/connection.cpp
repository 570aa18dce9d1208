#include "store/sqlite/connection.hpp"

#include <atomic>
#include <cstdio>

#include "common/log.hpp"
#include "store/sql/embedded_sql.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace kronobarn::store::sqlite {
namespace {

std::atomic<int> slow_statement_ms{0};

}  // namespace

void SetSlowStatementLog(int milliseconds) { slow_statement_ms = milliseconds; }

Error ErrorFromSqlite(int code, std::string_view context, sqlite3* db) {
    std::string detail(context);
    detail.append(": ").append(db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    switch (code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_FULL:
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
            return Error::Unavailable(std::move(detail));
        case SQLITE_CONSTRAINT:
            if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
                return Error::Conflict("error.conflict", std::move(detail));
            }
            return Error::Internal(std::move(detail));
        default:
            return Error::Internal(std::move(detail));
    }
}

void SqliteCursor::BindInt(int index, std::int64_t value) { Keep(sqlite3_bind_int64(stmt_, index, value)); }

void SqliteCursor::BindText(int index, std::string_view value) {
    Keep(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
}

void SqliteCursor::BindNull(int index) { Keep(sqlite3_bind_null(stmt_, index)); }

Result<bool> SqliteCursor::Step() {
    if (bind_error_ != SQLITE_OK) return ErrorFromSqlite(bind_error_, "bind");
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // sqlite3_step returns the extended code when extended result codes are enabled.
    return ErrorFromSqlite(rc, "step", sqlite3_db_handle(stmt_));
}

std::string SqliteCursor::Text(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

void SqliteCursor::Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_error_ = SQLITE_OK;
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path, int busy_timeout_ms) {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error error = ErrorFromSqlite(rc, "open", db);
        sqlite3_close(db);
        return error;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busy_timeout_ms);
    auto connection = std::unique_ptr<SqliteConnection>(new SqliteConnection(db));
    if (slow_statement_ms > 0) {
        connection->slow_statement_ns_ = std::int64_t{slow_statement_ms} * 1'000'000;
        sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, &SqliteConnection::TraceSlowStatement, connection.get());
    }
    KB_RETURN_IF_ERROR(connection->Exec("PRAGMA journal_mode = WAL"));
    KB_RETURN_IF_ERROR(connection->Exec("PRAGMA synchronous = FULL"));
    KB_RETURN_IF_ERROR(connection->Exec("PRAGMA foreign_keys = ON"));
    return connection;
}

int SqliteConnection::TraceSlowStatement(unsigned type, void* context, void* statement, void* nanoseconds) {
    if (type != SQLITE_TRACE_PROFILE) return 0;
    const auto* connection = static_cast<const SqliteConnection*>(context);
    const auto elapsed = *static_cast<const sqlite3_int64*>(nanoseconds);
    if (elapsed < connection->slow_statement_ns_) return 0;
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.1f", static_cast<double>(elapsed) / 1e6);
    const std::string name = connection->NameOf(static_cast<sqlite3_stmt*>(statement));
    log::Warn("slow_statement", {{"query", name}, {"ms", ms}});
    return 0;
}

std::string SqliteConnection::NameOf(sqlite3_stmt* statement) const {
    for (const auto& [key, cursor] : cache_) {
        if (cursor->Handle() == statement) return key.substr(0, 60);
    }
    // Not cached: BEGIN, COMMIT and migrations through Exec (text without values).
    const char* sql = sqlite3_sql(statement);
    return sql != nullptr ? std::string(sql).substr(0, 60) : std::string("?");
}

SqliteConnection::~SqliteConnection() {
    cache_.clear();  // statements are finalised before the database closes
    sqlite3_close(db_);
}

Result<sql::Statement> SqliteConnection::Prepare(std::string_view query_name) {
    if (auto it = cache_.find(query_name); it != cache_.end()) return sql::Statement(*it->second, it->first);
    const std::string sql = sql::QueryText(query_name, sql::Dialect::kSqlite);
    if (sql.empty()) return Error::Internal("unknown query " + std::string(query_name));
    return PrepareCached(std::string(query_name), sql);
}

Result<sql::Statement> SqliteConnection::PrepareText(const std::string& sql) {
    if (auto it = cache_.find(sql); it != cache_.end()) return sql::Statement(*it->second, it->first);
    return PrepareCached(sql, sql);
}

Result<sql::Statement> SqliteConnection::PrepareCached(const std::string& key, const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return ErrorFromSqlite(rc, "prepare " + key.substr(0, 60), db_);
    auto [it, inserted] = cache_.emplace(key, std::make_unique<SqliteCursor>(stmt));
    return sql::Statement(*it->second, it->first);
}

Status SqliteConnection::Exec(const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        Error error = ErrorFromSqlite(rc, "exec");
        error.detail = "exec: " + detail;
        return error;
    }
    return Ok();
}

Status SqliteConnection::Begin(TransactionMode mode) {
    return Exec(mode == TransactionMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
}

void SqliteConnection::Rollback() {
    if (sqlite3_get_autocommit(db_) == 0) (void)Exec("ROLLBACK");
}

}  // namespace kronobarn::store::sqlite
