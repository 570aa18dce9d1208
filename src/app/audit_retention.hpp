// Retention of the audit log: `kronobarn audit retain --years N` deletes the rows older than N
// years (N ≥ 5), oldest first, in one transaction with the record of the run and an audit row
// saying what was deleted. `audit verify` then checks the remaining chain from the run's anchor.
#pragma once

#include <cstdint>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct AuditRetentionResult {
    Timestamp cutoff{};
    std::int64_t deleted_rows = 0;
    std::int64_t through_sequence = 0;  // 0 when nothing was due
};

// Errors: kInvalidArgument "retention.too_short" below five years.
Result<AuditRetentionResult> ApplyAuditRetention(store::Store& store, const Clock& clock, int years,
                                                 const RequestContext& context);

}  // namespace kronobarn::app
