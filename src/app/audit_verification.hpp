// Verifies the audit log's hash chain end to end: each row must name the previous row's hash and
// its own hash must match its content. Used by `kronobarn audit verify` and by operators after
// restoring a backup.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct AuditVerification {
    std::int64_t rows_checked = 0;
    std::optional<std::int64_t> first_broken_sequence;  // nullopt when the chain is intact
    // "content_changed" | "chain_broken" (a row removed or moved before this one) |
    // "retention_too_short" (a retention run deleted rows younger than five years)
    std::string problem;
};

Result<AuditVerification> VerifyAuditChain(store::Store& store);

}  // namespace kronobarn::app
