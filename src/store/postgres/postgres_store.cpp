#include "store/postgres/postgres_store.hpp"

#include "store/postgres/connection.hpp"
#include "store/sql/embedded_sql.hpp"

namespace kronobarn::store::postgres {

Result<std::unique_ptr<sql::SqlStore>> OpenPostgresStore(const PostgresOptions& options) {
    sql::Engine engine;
    engine.name = "postgresql";
    engine.open = [url = options.url, wait = options.lock_timeout_ms]() -> Result<std::unique_ptr<sql::Connection>> {
        KB_ASSIGN_OR_RETURN(auto connection, PostgresConnection::Open(url, wait));
        return std::unique_ptr<sql::Connection>(std::move(connection));
    };
    engine.migration_names = sql::PostgresMigrationNames();
    engine.migration = sql::PostgresMigration;
    engine.write_wait = std::chrono::milliseconds(options.lock_timeout_ms);
    return sql::SqlStore::Open(std::move(engine), options.pool_size);
}

}  // namespace kronobarn::store::postgres
