#include "domain/login_throttle.hpp"

#include <algorithm>

namespace kronobarn::domain {

std::optional<Timestamp> ThrottledUntil(const ThrottlePolicy& policy, const FailureRecord& record, Timestamp now) {
    if (record.failures < policy.free_failures) return std::nullopt;
    if (now - record.last_failure_at >= policy.forget_after) return std::nullopt;
    const int excess = std::min(record.failures - policy.free_failures, 20);  // 2^20 s far exceeds any cap
    const auto delay = std::min<std::chrono::seconds>(policy.base_delay * (1LL << excess), policy.max_delay);
    const Timestamp until = record.last_failure_at + delay;
    if (now >= until) return std::nullopt;
    return until;
}

FailureRecord RecordFailure(const ThrottlePolicy& policy, FailureRecord record, Timestamp now) {
    if (now - record.last_failure_at >= policy.forget_after) record.failures = 0;
    record.failures += 1;
    record.last_failure_at = now;
    return record;
}

}  // namespace kronobarn::domain
