// The server backend for a county or the whole country: PostgreSQL 15 behind sql::SqlStore.
// Several app servers share one database; nothing that decides access or identity lives only in
// one process (sessions, throttling, consents and the audit chain are all read from here).
#pragma once

#include <memory>
#include <string>

#include "store/sql/sql_store.hpp"

namespace kronobarn::store::postgres {

struct PostgresOptions {
    std::string url;  // postgresql://user@host:port/db
    int pool_size = 8;
    int lock_timeout_ms = 5000;  // how long a writer waits for the writer lock before kUnavailable
};

Result<std::unique_ptr<sql::SqlStore>> OpenPostgresStore(const PostgresOptions& options);

}  // namespace kronobarn::store::postgres
