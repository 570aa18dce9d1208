// Login throttling: after a few failed attempts for the same account or from the same client
// address, further attempts are refused for an exponentially growing delay. The refusal message is
// the same as for a wrong password, so an attacker learns nothing about which part was wrong.
#pragma once

#include <chrono>
#include <optional>

#include "common/time.hpp"

namespace kronobarn::domain {

struct ThrottlePolicy {
    int free_failures = 5;                    // failures before any delay
    std::chrono::seconds base_delay{2};       // delay after the first throttled failure
    std::chrono::seconds max_delay{15 * 60};  // cap
    std::chrono::hours forget_after{24};      // failures older than this no longer count
};

struct FailureRecord {
    int failures = 0;
    Timestamp last_failure_at{};
};

// The instant before which a new attempt is refused, or nullopt when an attempt may proceed now.
std::optional<Timestamp> ThrottledUntil(const ThrottlePolicy& policy, const FailureRecord& record, Timestamp now);

// The record after one more failure at `now` (old failures are forgotten first).
FailureRecord RecordFailure(const ThrottlePolicy& policy, FailureRecord record, Timestamp now);

}  // namespace kronobarn::domain
