// A SQLite connection with its prepared-statement cache. Statements are looked up by query name
// (the stem of a file in queries/), prepared once per connection and reused: re-preparing costs
// 10–25 % on the hot path. A connection is used by one thread at a time (the pool guarantees it).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace kronobarn::store::sqlite {

// Maps a SQLite result code to our canonical errors: busy/locked/full → kUnavailable, unique or
// primary-key violation → kConflict, everything else → kInternal.
Error ErrorFromSqlite(int code, std::string_view context, sqlite3* db = nullptr);

// A borrowed, cached statement, reset and unbound when this wrapper goes out of scope.
class Statement {
  public:
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    Statement(Statement&& other) noexcept : stmt_(other.stmt_), bind_error_(other.bind_error_) {
        other.stmt_ = nullptr;
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;
    ~Statement();

    // Parameters are 1-based, matching ?1, ?2 … in the .sql files.
    Statement& Bind(int index, std::int64_t value);
    Statement& Bind(int index, std::string_view value);
    Statement& Bind(int index, const std::optional<std::int64_t>& value);
    Statement& BindBool(int index, bool value) { return Bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }

    // Advances one row: true when a row is available, false when done.
    Result<bool> Step();
    // Runs a statement that returns no rows.
    Status Run();

    std::int64_t Int(int column) const;
    std::optional<std::int64_t> OptionalInt(int column) const;
    std::string Text(int column) const;
    bool Bool(int column) const { return Int(column) != 0; }

  private:
    sqlite3_stmt* stmt_;
    int bind_error_ = SQLITE_OK;
};

class Connection {
  public:
    // Opens (creating if needed) the database file and applies the connection pragmas:
    // WAL journal, synchronous=FULL (audit rows must be durable), foreign keys on, busy timeout.
    static Result<std::unique_ptr<Connection>> Open(const std::string& path, int busy_timeout_ms);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // The cached statement for an embedded query. kInternal when the name is unknown (a bug).
    Result<Statement> Prepare(std::string_view query_name);
    // Runs literal SQL (transactions control, migration scripts). Never pass user input.
    Status Exec(const char* sql);
    std::int64_t LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
    sqlite3* Handle() const { return db_; }

  private:
    explicit Connection(sqlite3* db) : db_(db) {}
    sqlite3* db_;
    std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

}  // namespace kronobarn::store::sqlite
