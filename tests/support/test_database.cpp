#include "support/test_database.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace kronobarn::testing {
namespace {

// The PostgreSQL run names the state file of the cluster tests/postgres-cluster started; the file
// holds the connection parameters ("host=…&port=…&user=…").
std::string PostgresParameters() {
    const char* state = std::getenv("KRONOBARN_TEST_POSTGRES_STATE");
    if (state == nullptr || *state == '\0') return "";
    std::ifstream file(state);
    std::string parameters;
    if (!std::getline(file, parameters) || parameters.empty()) {
        throw std::runtime_error(std::string("no PostgreSQL test cluster: ") + state +
                                 " is missing (run through ctest, whose fixture starts it)");
    }
    return parameters;
}

std::string PostgresUrl(const std::string& database, const std::string& parameters) {
    return "postgresql:///" + database + "?" + parameters;
}

// Runs `sql` on `url` with libpq; the error message, or nothing.
std::optional<std::string> PostgresExec(const std::string& url, const std::string& sql, std::string* first_value) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        return message;
    }
    PGresult* result = PQexec(conn, sql.c_str());
    const auto status = PQresultStatus(result);
    std::optional<std::string> error;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) error = PQresultErrorMessage(result);
    if (!error && first_value != nullptr && status == PGRES_TUPLES_OK && PQntuples(result) > 0) {
        *first_value = PQgetvalue(result, 0, 0);
    }
    PQclear(result);
    PQfinish(conn);
    return error;
}

}  // namespace

bool TestDatabase::PostgresRun() {
    const char* state = std::getenv("KRONOBARN_TEST_POSTGRES_STATE");
    return state != nullptr && *state != '\0';
}

TestDatabase::TestDatabase() : postgres_(PostgresRun()) {
    if (postgres_) {
        CreatePostgres(PostgresParameters());
    } else {
        CreateSqlite();
    }
}

TestDatabase::TestDatabase(SqliteTag) : postgres_(false) { CreateSqlite(); }

std::unique_ptr<TestDatabase> TestDatabase::SqliteFile() {
    return std::unique_ptr<TestDatabase>(new TestDatabase(SqliteTag{}));
}

void TestDatabase::CreateSqlite() {
    dir_ = std::make_unique<TempDir>();
    name_ = dir_->File("kronobarn.db");
    address_ = "sqlite:" + name_;
}

TestDatabase::TestDatabase(const std::string& postgres_parameters) : postgres_(true) {
    CreatePostgres(postgres_parameters);
}

void TestDatabase::CreatePostgres(const std::string& parameters) {
    parameters_ = parameters;
    static std::atomic<int> counter{0};
    name_ = "kb_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    if (auto error = PostgresExec(PostgresUrl("postgres", parameters_), "CREATE DATABASE " + name_, nullptr)) {
        throw std::runtime_error("create test database: " + *error);
    }
    address_ = PostgresUrl(name_, parameters_);
}

TestDatabase::~TestDatabase() {
    if (postgres_ && !name_.empty()) {
        (void)PostgresExec(PostgresUrl("postgres", parameters_), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)",
                           nullptr);
    }
}

std::unique_ptr<store::sql::SqlStore> TestDatabase::Open(int pool_size, int wait_ms) const {
    auto opened = postgres_ ? store::postgres::OpenPostgresStore({address_, pool_size, wait_ms})
                            : store::sqlite::OpenSqliteStore({name_, pool_size, wait_ms});
    if (!opened) throw std::runtime_error("open test store: " + opened.error().detail);
    return std::move(opened).value();
}

std::optional<std::string> TestDatabase::RawExec(const std::string& sql) const {
    if (postgres_) return PostgresExec(address_, sql, nullptr);
    sqlite3* db = nullptr;
    sqlite3_open(name_.c_str(), &db);
    sqlite3_busy_timeout(db, 5000);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    std::optional<std::string> error;
    if (rc != SQLITE_OK) error = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    sqlite3_close(db);
    return error;
}

std::string TestDatabase::RawQuery(const std::string& sql) const {
    std::string value;
    if (postgres_) {
        if (auto error = PostgresExec(address_, sql, &value)) throw std::runtime_error(*error);
        return value;
    }
    sqlite3* db = nullptr;
    sqlite3_open(name_.c_str(), &db);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(stmt, 0);
        if (text != nullptr) value = reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

}  // namespace kronobarn::testing
