// DurableAuditLog: appends audit rows for READS of child data with group commit. Reads must not
// answer before their audit row is durable, yet one fsync per read caps throughput at the disk's
// flush rate. Requests hand their rows to one writer, which appends every row waiting at that
// moment in one transaction and one flush, then releases all of those requests together.
// Writes of child data keep appending their audit row inside their own transaction instead.
#pragma once

#include <vector>

#include "common/result.hpp"
#include "domain/audit_event.hpp"

namespace kronobarn::store {

class DurableAuditLog {
  public:
    virtual ~DurableAuditLog() = default;
    // Appends `events` contiguously, in order, chained after the current last row, and returns only
    // once they are durable. Thread-safe. kUnavailable when the database cannot take them: the
    // caller must then not show the data the rows describe.
    virtual Status AppendDurably(std::vector<domain::AuditEvent> events) = 0;
};

}  // namespace kronobarn::store
