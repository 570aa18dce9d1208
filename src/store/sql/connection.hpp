// The seam between the repositories and a SQL engine. Repositories (sql/*_repository.cpp) are
// written once against this interface; sqlite/ and postgres/ implement it. Statements are looked
// up by query name (the stem of a file in store/queries/, or of a dialect's own file where the
// dialects differ), prepared once per connection and reused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace kronobarn::store {
enum class TransactionMode;
}

namespace kronobarn::store::sql {

// The engine's side of one prepared statement. Parameters are 1-based (?1 … in the .sql files);
// columns are 0-based.
class Cursor {
  public:
    virtual ~Cursor() = default;
    virtual void BindInt(int index, std::int64_t value) = 0;
    virtual void BindText(int index, std::string_view value) = 0;
    virtual void BindNull(int index) = 0;
    // Executes on the first call; true while a row is available.
    virtual Result<bool> Step() = 0;
    virtual bool IsNull(int column) const = 0;
    virtual std::int64_t Int(int column) const = 0;
    virtual std::string Text(int column) const = 0;
    virtual int ColumnCount() const = 0;
    virtual std::string ColumnName(int column) const = 0;
    // Drops bindings and results so the next user starts clean.
    virtual void Reset() = 0;

    // The column the query names `name` (its AS, else the column's own name), or -1. The names are
    // read once per prepared statement: they cannot change while it lives.
    int ColumnIndex(std::string_view name) const;

  private:
    mutable std::vector<std::string> column_names_;
};

// A borrowed, cached statement, reset when this handle goes out of scope.
class Statement {
  public:
    // `name`: the query's name, for the log when a stored value cannot be decoded.
    explicit Statement(Cursor& cursor, std::string_view name = {}) : cursor_(&cursor), name_(name) {}
    Statement(Statement&& other) noexcept
        : cursor_(other.cursor_),
          name_(other.name_),
          corrupt_column_(std::move(other.corrupt_column_)),
          unknown_column_(std::move(other.unknown_column_)) {
        other.cursor_ = nullptr;
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;
    ~Statement() {
        if (cursor_ != nullptr) cursor_->Reset();
    }

    Statement& Bind(int index, std::int64_t value) {
        cursor_->BindInt(index, value);
        return *this;
    }
    Statement& Bind(int index, std::string_view value) {
        cursor_->BindText(index, value);
        return *this;
    }
    Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
    Statement& Bind(int index, const std::optional<std::int64_t>& value) {
        if (value) return Bind(index, *value);
        cursor_->BindNull(index);
        return *this;
    }
    Statement& BindTextOrNull(int index, const std::optional<std::string>& value) {
        if (value) return Bind(index, std::string_view(*value));
        cursor_->BindNull(index);
        return *this;
    }
    Statement& BindBool(int index, bool value) { return Bind(index, std::int64_t{value ? 1 : 0}); }

    // Advances one row: true when a row is available, false when done. kInternal when a value of
    // the row before could not be decoded (see Decode): a loop never goes on past corrupt data.
    Result<bool> Step() {
        KB_RETURN_IF_ERROR(Decoded());
        return cursor_->Step();
    }

    // Calls `each()` on every row in turn, the statement positioned on it; the first error, or a
    // value of a row that could not be decoded, ends the loop and is the answer.
    template <typename Each>
    Status ForEachRow(Each&& each) {
        for (;;) {
            KB_ASSIGN_OR_RETURN(const bool has_row, Step());
            if (!has_row) return Decoded();
            each();
        }
    }
    // Every row as a T, read by `row_of(*this)`; the error as ForEachRow.
    template <typename T, typename RowOf>
    Result<std::vector<T>> ReadAll(RowOf&& row_of) {
        std::vector<T> rows;
        KB_RETURN_IF_ERROR(ForEachRow([&] { rows.push_back(row_of(*this)); }));
        return rows;
    }

    // A stored value as the code knows it — a state, a kind, a date — or, when `parsed` is empty
    // (a value no version of the code wrote), a default that must never be used: the column is
    // remembered, and the next Step() or Decoded() answers kInternal "store.corrupt_value", logged
    // with the query's name and the column. A corrupt row is an error, never a silent default.
    template <typename T>
    T Decode(std::string_view column, std::optional<T> parsed) const {
        if (parsed) return std::move(*parsed);
        if (corrupt_column_.empty()) corrupt_column_ = column;
        return T{};
    }
    // kInternal when a Decode of this statement failed or a column was asked for by a name the
    // query does not have ("store.unknown_column", a bug); for reads of one row, after the row.
    Status Decoded() const;
    // Runs the statement to its end (rows, if any, are skipped).
    Status Run();

    // The current row's columns by the name the query gives them, so a query's column order can
    // change without a repository reading the wrong value. A name the query does not have answers
    // a default and makes the next Step() or Decoded() an error (see Decoded).
    std::int64_t Int(std::string_view column) const {
        const int index = Column(column);
        return index < 0 ? 0 : cursor_->Int(index);
    }
    std::optional<std::int64_t> OptionalInt(std::string_view column) const {
        const int index = Column(column);
        if (index < 0 || cursor_->IsNull(index)) return std::nullopt;
        return cursor_->Int(index);
    }
    std::string Text(std::string_view column) const {
        const int index = Column(column);
        return index < 0 ? std::string() : cursor_->Text(index);
    }
    bool Bool(std::string_view column) const { return Int(column) != 0; }
    bool IsNull(std::string_view column) const {
        const int index = Column(column);
        return index < 0 || cursor_->IsNull(index);
    }

    // A column number is no name: without these, a literal 0 would become a null string_view.
    std::int64_t Int(int) const = delete;
    std::optional<std::int64_t> OptionalInt(int) const = delete;
    std::string Text(int) const = delete;
    bool Bool(int) const = delete;
    bool IsNull(int) const = delete;

    // By position, for code that copies whole rows without knowing the table (data_transfer.cpp).
    std::int64_t IntAt(int column) const { return cursor_->Int(column); }
    std::string TextAt(int column) const { return cursor_->Text(column); }
    bool IsNullAt(int column) const { return cursor_->IsNull(column); }
    int ColumnCount() const { return cursor_->ColumnCount(); }
    std::string ColumnName(int column) const { return cursor_->ColumnName(column); }

  private:
    Cursor* cursor_;
    int Column(std::string_view column) const {
        const int index = cursor_->ColumnIndex(column);
        if (index < 0 && unknown_column_.empty()) unknown_column_ = column;
        return index;
    }

    std::string_view name_;
    mutable std::string corrupt_column_;
    mutable std::string unknown_column_;
};

class Connection {
  public:
    virtual ~Connection() = default;
    // The cached statement for a named query. kInternal when the name is unknown (a bug).
    virtual Result<Statement> Prepare(std::string_view query_name) = 0;
    // A statement from SQL text the store composes itself (table copies), cached by that text.
    // Never pass user input: values go in as bound parameters like everywhere else.
    virtual Result<Statement> PrepareText(const std::string& sql) = 0;
    // Runs literal SQL (migration scripts). Never pass user input.
    virtual Status Exec(const char* sql) = 0;
    virtual Status Begin(TransactionMode mode) = 0;
    virtual Status Commit() = 0;
    virtual void Rollback() = 0;
    // The id of the row the last INSERT … RETURNING id on this connection created.
    virtual std::int64_t LastInsertId() const = 0;
    // Rows the last INSERT/UPDATE/DELETE on this connection changed.
    virtual std::int64_t ChangedRows() const = 0;
    // False once the connection is lost; the pool then opens a new one instead of reusing it.
    virtual bool Healthy() const = 0;
};

}  // namespace kronobarn::store::sql
