#include "store/sqlite/connection.hpp"

#include "store/sqlite/embedded_sql.hpp"

namespace kronobarn::store::sqlite {

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

Statement::~Statement() {
    if (stmt_ != nullptr) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
}

Statement& Statement::Bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
    return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
    return *this;
}

Statement& Statement::Bind(int index, const std::optional<std::int64_t>& value) {
    if (value) return Bind(index, *value);
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
    return *this;
}

Result<bool> Statement::Step() {
    if (bind_error_ != SQLITE_OK) return ErrorFromSqlite(bind_error_, "bind");
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // sqlite3_step returns the extended code when extended result codes are enabled.
    return ErrorFromSqlite(rc, "step", sqlite3_db_handle(stmt_));
}

Status Statement::Run() {
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, Step());
        if (!has_row) return Ok();
    }
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<std::int64_t> Statement::OptionalInt(int column) const {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int64(stmt_, column);
}

std::string Statement::Text(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, int busy_timeout_ms) {
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
    auto connection = std::unique_ptr<Connection>(new Connection(db));
    KB_RETURN_IF_ERROR(connection->Exec("PRAGMA journal_mode = WAL"));
    KB_RETURN_IF_ERROR(connection->Exec("PRAGMA synchronous = FULL"));
    KB_RETURN_IF_ERROR(connection->Exec("PRAGMA foreign_keys = ON"));
    return connection;
}

Connection::~Connection() {
    for (auto& [name, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
}

Result<Statement> Connection::Prepare(std::string_view query_name) {
    if (auto it = cache_.find(query_name); it != cache_.end()) return Statement(it->second);
    const std::string_view sql = SqliteQuery(query_name);
    if (sql.empty()) return Error::Internal("unknown query " + std::string(query_name));
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return ErrorFromSqlite(rc, "prepare " + std::string(query_name), db_);
    cache_.emplace(std::string(query_name), stmt);
    return Statement(stmt);
}

Status Connection::Exec(const char* sql) {
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

}  // namespace kronobarn::store::sqlite
