#include "domain/session_policy.hpp"

namespace kronobarn::domain {

SessionState EvaluateSession(const SessionPolicy& policy, Timestamp created_at, Timestamp last_seen_at, Timestamp now) {
    if (now - created_at >= policy.absolute_timeout) return SessionState::kAbsoluteExpired;
    if (now - last_seen_at >= policy.idle_timeout) return SessionState::kIdleExpired;
    return SessionState::kActive;
}

bool SessionNeedsTouch(const SessionPolicy& policy, Timestamp last_seen_at, Timestamp now) {
    return now - last_seen_at >= policy.touch_interval;
}

}  // namespace kronobarn::domain
