#include "store/sqlite/sqlite_store.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

#include "store/sql/embedded_sql.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/wal_checkpointer.hpp"

namespace kronobarn::store::sqlite {
namespace {

constexpr std::chrono::milliseconds kCheckpointEvery{200};

// The background checkpoint copies the WAL into the database file, but only a writer can start the
// WAL over, and only when every frame is copied as it begins: under steady writes that moment never
// comes, and the WAL grew by gigabytes. So the writer still checkpoints after a commit once the WAL
// holds this many pages (16 MiB at 4 KiB): the background has copied nearly all of it by then, so
// that checkpoint is short, completes, and the next write starts the WAL over.
constexpr int kWalRestartPages = 4096;
// A WAL that did grow past that (one long transaction) is cut back to this size when it starts over.
constexpr std::int64_t kWalKeptBytes = 32LL * 1024 * 1024;

}  // namespace

Result<std::unique_ptr<sql::SqlStore>> OpenSqliteStore(const SqliteOptions& options) {
    sql::Engine engine;
    engine.name = "sqlite";
    engine.open = [path = options.path,
                   timeout = options.busy_timeout_ms]() -> Result<std::unique_ptr<sql::Connection>> {
        KB_ASSIGN_OR_RETURN(auto connection, SqliteConnection::Open(path, timeout));
        KB_RETURN_IF_ERROR(
            connection->Exec(("PRAGMA wal_autocheckpoint = " + std::to_string(kWalRestartPages)).c_str()));
        KB_RETURN_IF_ERROR(connection->Exec(("PRAGMA journal_size_limit = " + std::to_string(kWalKeptBytes)).c_str()));
        return std::unique_ptr<sql::Connection>(std::move(connection));
    };
    engine.migration_names = sql::SqliteMigrationNames();
    engine.migration = sql::SqliteMigration;
    engine.write_wait = std::chrono::milliseconds(options.busy_timeout_ms);
    KB_ASSIGN_OR_RETURN(std::shared_ptr<WalCheckpointer> checkpointer,
                        WalCheckpointer::Start(options.path, kCheckpointEvery));
    engine.keep_alive = std::move(checkpointer);
    return sql::SqlStore::Open(std::move(engine), options.pool_size);
}

Status BackupSqlite(const std::string& source, const std::string& target) {
    std::error_code ignored;
    if (std::filesystem::exists(target, ignored)) return Error::Conflict("backup.target_exists", target);
    KB_ASSIGN_OR_RETURN(auto from, SqliteConnection::Open(source, 5000));
    sqlite3* to = nullptr;
    if (const int rc = sqlite3_open_v2(target.c_str(), &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        rc != SQLITE_OK) {
        Error error = ErrorFromSqlite(rc, "open backup target", to);
        sqlite3_close(to);
        return error;
    }
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from->Handle(), "main");
    if (backup == nullptr) {
        Error error = ErrorFromSqlite(sqlite3_errcode(to), "backup", to);
        sqlite3_close(to);
        return error;
    }
    // Copy in steps so writers are not blocked for the whole copy; a write in between restarts
    // the copy of the changed pages, which the loop handles.
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    Status status = Ok();
    if (rc != SQLITE_DONE) status = ErrorFromSqlite(rc, "backup", to);
    sqlite3_close(to);
    if (!status) std::filesystem::remove(target, ignored);
    return status;
}

}  // namespace kronobarn::store::sqlite
