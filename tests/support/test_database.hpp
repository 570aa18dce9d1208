// The database a test runs against. CTest runs the store and integration suites twice: once on
// SQLite (a file in a temp dir) and once with KRONOBARN_TEST_POSTGRES_STATE naming the throw-away
// cluster tests/postgres-cluster started, where every TestDatabase is a fresh database of its own.
// The assertions are the same for both engines.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "store/sql/sql_store.hpp"
#include "support/temp_dir.hpp"

namespace kronobarn::testing {

class TestDatabase {
  public:
    TestDatabase();
    // A SQLite file whatever the run (the source of a SQLite → PostgreSQL move, a backup).
    static std::unique_ptr<TestDatabase> SqliteFile();
    // A fresh database on the PostgreSQL server `parameters` ("host=…&port=…&user=…") names.
    explicit TestDatabase(const std::string& postgres_parameters);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    // True when this run is the PostgreSQL run.
    static bool PostgresRun();
    bool IsPostgres() const { return postgres_; }
    // The --database address of this database.
    const std::string& Address() const { return address_; }
    // Opens a store; `wait_ms` bounds how long a writer waits for the writer lock.
    std::unique_ptr<store::sql::SqlStore> Open(int pool_size = 6, int wait_ms = 5000) const;

    // Runs SQL behind the store's back, as someone with direct database access could. Returns the
    // engine's error message, or nothing on success.
    std::optional<std::string> RawExec(const std::string& sql) const;
    // The first column of the first row of `sql`, as text ("" when no row).
    std::string RawQuery(const std::string& sql) const;
    // Picks the dialect's text for raw SQL that differs between the engines.
    const std::string& Dialect(const std::string& sqlite, const std::string& postgresql) const {
        return postgres_ ? postgresql : sqlite;
    }

    // The SQLite file's path (SQLite only).
    const std::string& Path() const { return name_; }

  private:
    struct SqliteTag {};
    explicit TestDatabase(SqliteTag);
    void CreateSqlite();
    void CreatePostgres(const std::string& parameters);

    bool postgres_;
    std::string parameters_;
    std::string name_;
    std::string address_;
    std::unique_ptr<TempDir> dir_;
};

}  // namespace kronobarn::testing
