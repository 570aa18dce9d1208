// The embedded default backend: one SQLite database file in WAL mode behind sql::SqlStore.
#pragma once

#include <memory>
#include <string>

#include "store/sql/sql_store.hpp"

namespace kronobarn::store::sqlite {

struct SqliteOptions {
    std::string path;
    int pool_size = 8;
    int busy_timeout_ms = 5000;
};

Result<std::unique_ptr<sql::SqlStore>> OpenSqliteStore(const SqliteOptions& options);

// Connections opened after this log every statement that runs `milliseconds` or longer (a warning
// naming the query and its time, never its values); 0, the default, logs nothing. PostgreSQL has
// its own: log_min_duration_statement.
void SetSlowStatementLog(int milliseconds);

// Copies the live database at `source` to a new file `target` with SQLite's online backup API:
// a consistent snapshot while the server keeps serving. kConflict when `target` exists.
Status BackupSqlite(const std::string& source, const std::string& target);

}  // namespace kronobarn::store::sqlite
