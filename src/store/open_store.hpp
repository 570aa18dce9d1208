// Opens the store a --database address names: sqlite:PATH or postgresql://… (or postgres://…).
#pragma once

#include <memory>
#include <string>

#include "store/sql/sql_store.hpp"

namespace kronobarn::store {

struct DatabaseAddress {
    enum class Engine { kSqlite, kPostgresql } engine = Engine::kSqlite;
    std::string location;  // the file path for SQLite, the whole URL for PostgreSQL
};

// kInvalidArgument ("database.address") for anything else.
Result<DatabaseAddress> ParseDatabaseAddress(const std::string& address);

// `pool_size` connections at most. A SQLite file's directory must exist.
Result<std::unique_ptr<sql::SqlStore>> OpenStore(const DatabaseAddress& address, int pool_size);

}  // namespace kronobarn::store
