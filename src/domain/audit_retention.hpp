// How long the audit log is kept (issue 4 §3): at least five years, configurable upwards. Rows older
// than the period may be deleted, oldest first, by a retention run that is itself audited.
#pragma once

#include "common/result.hpp"
#include "common/time.hpp"

namespace kronobarn::domain {

inline constexpr int kMinimumAuditRetentionYears = 5;

// The instant before which rows are due for deletion when the log is kept `years` years.
// Error kInvalidArgument "retention.too_short" below the minimum.
Result<Timestamp> AuditRetentionCutoff(Timestamp now, int years);

// True when a run at `run_at` deleted nothing younger than the minimum period allows.
bool RespectsMinimumRetention(Timestamp run_at, Timestamp cutoff);

}  // namespace kronobarn::domain
