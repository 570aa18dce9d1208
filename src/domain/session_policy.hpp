// When a login session stops being valid. A session ends after a period without requests (idle)
// or at a fixed time after login (absolute), whichever comes first: a forgotten open browser in a
// staff room must not keep a child's file reachable.
#pragma once

#include <chrono>

#include "common/time.hpp"

namespace kronobarn::domain {

struct SessionPolicy {
    std::chrono::minutes idle_timeout{30};
    std::chrono::minutes absolute_timeout{10 * 60};
    // How stale last_seen may get before a request refreshes it; bounds writes on the read path.
    std::chrono::seconds touch_interval{60};
};

enum class SessionState { kActive, kIdleExpired, kAbsoluteExpired };

SessionState EvaluateSession(const SessionPolicy& policy, Timestamp created_at, Timestamp last_seen_at, Timestamp now);

// True when an active session's last_seen should be written back.
bool SessionNeedsTouch(const SessionPolicy& policy, Timestamp last_seen_at, Timestamp now);

}  // namespace kronobarn::domain
