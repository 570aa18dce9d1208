// DurableAuditLog: appends audit rows for READS of child data with group commit. Reads must not
// answer before their audit row is durable, yet one fsync per read caps throughput at the disk's
// flush rate. Requests hand their rows to one writer, which appends every row waiting at that
// moment in one transaction and one flush, then tells all of those requests together.
// Writes of child data keep appending their audit row inside their own transaction instead.
#pragma once

#include <functional>
#include <vector>

#include "common/result.hpp"
#include "domain/audit_event.hpp"

namespace kronobarn::store {

class DurableAuditLog {
  public:
    // Called once with Ok when the rows are durable, or with the error that kept them from being
    // so; from the writer's thread, so it must be quick and must not throw (post the real work).
    using OnDurable = std::function<void(Status)>;

    virtual ~DurableAuditLog() = default;

    // Appends `events` contiguously, in order, chained after the current last row, without waiting:
    // `on_durable` says when they are durable. Thread-safe. kUnavailable when the database cannot
    // take them: the caller must then not show the data the rows describe.
    virtual void Append(std::vector<domain::AuditEvent> events, OnDurable on_durable) = 0;

    // Append, waiting on this thread for the outcome (the CLI, and reads inside a POST, which act
    // on what they read only once it is recorded).
    Status AppendDurably(std::vector<domain::AuditEvent> events);
};

}  // namespace kronobarn::store
