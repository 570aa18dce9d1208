// Moves a whole database from one store to another (`kronobarn migrate-data`), e.g. a
// municipality's SQLite file onto the county's PostgreSQL. Rows keep their ids and the audit log
// its sequence numbers and hashes, so the chain verifies unchanged on the target.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "store/sql/sql_store.hpp"

namespace kronobarn::store::sql {

// Called after each table with its name and the rows copied.
using TransferProgress = std::function<void(std::string_view table, std::int64_t rows)>;

// Both stores must be at the latest schema version and the target must hold no users yet
// (kFailedPrecondition "transfer.target_not_empty" otherwise). One write transaction on the
// target: it gets everything or nothing.
Status TransferAllData(SqlStore& from, SqlStore& to, const TransferProgress& progress);

}  // namespace kronobarn::store::sql
