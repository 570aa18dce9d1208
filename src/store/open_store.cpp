#include "store/open_store.hpp"

#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace kronobarn::store {

Result<DatabaseAddress> ParseDatabaseAddress(const std::string& address) {
    if (address.rfind("sqlite:", 0) == 0 && address.size() > 7) {
        return DatabaseAddress{DatabaseAddress::Engine::kSqlite, address.substr(7)};
    }
    if (address.rfind("postgresql://", 0) == 0 || address.rfind("postgres://", 0) == 0) {
        return DatabaseAddress{DatabaseAddress::Engine::kPostgresql, address};
    }
    return Error::InvalidArgument(
        "database.address",
        "--database must be sqlite:PATH or postgresql://user@host:port/db, got \"" + address + "\"");
}

Result<std::unique_ptr<sql::SqlStore>> OpenStore(const DatabaseAddress& address, int pool_size) {
    if (address.engine == DatabaseAddress::Engine::kPostgresql) {
        return postgres::OpenPostgresStore({address.location, pool_size});
    }
    return sqlite::OpenSqliteStore({address.location, pool_size, 5000});
}

}  // namespace kronobarn::store
