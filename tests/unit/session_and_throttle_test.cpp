#include <gtest/gtest.h>

#include "domain/login_throttle.hpp"
#include "domain/session_policy.hpp"

namespace kronobarn::domain {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const Timestamp kLogin = FromUnixMillis(1'800'000'000'000);

TEST(SessionPolicy, ActiveWithinIdleAndAbsoluteLimits) {
    const SessionPolicy policy;
    EXPECT_EQ(EvaluateSession(policy, kLogin, kLogin + minutes(29), kLogin + minutes(58)), SessionState::kActive);
}

TEST(SessionPolicy, IdleTimeoutEndsSessionAfterThirtyMinutesWithoutRequests) {
    const SessionPolicy policy;
    EXPECT_EQ(EvaluateSession(policy, kLogin, kLogin, kLogin + minutes(30)), SessionState::kIdleExpired);
    EXPECT_EQ(EvaluateSession(policy, kLogin, kLogin, kLogin + minutes(29) + seconds(59)), SessionState::kActive);
}

TEST(SessionPolicy, AbsoluteTimeoutEndsEvenAnActiveSessionAfterTenHours) {
    const SessionPolicy policy;
    const Timestamp now = kLogin + hours(10);
    EXPECT_EQ(EvaluateSession(policy, kLogin, now - minutes(1), now), SessionState::kAbsoluteExpired);
}

TEST(SessionPolicy, TimeoutsAreConfigurable) {
    SessionPolicy policy;
    policy.idle_timeout = minutes(5);
    EXPECT_EQ(EvaluateSession(policy, kLogin, kLogin, kLogin + minutes(5)), SessionState::kIdleExpired);
}

TEST(SessionPolicy, LastSeenIsWrittenAtMostOncePerInterval) {
    const SessionPolicy policy;
    EXPECT_FALSE(SessionNeedsTouch(policy, kLogin, kLogin + seconds(59)));
    EXPECT_TRUE(SessionNeedsTouch(policy, kLogin, kLogin + seconds(60)));
}

TEST(LoginThrottle, FirstFiveFailuresAreNotThrottled) {
    const ThrottlePolicy policy;
    FailureRecord record;
    for (int i = 0; i < 4; ++i) record = RecordFailure(policy, record, kLogin);
    EXPECT_FALSE(ThrottledUntil(policy, record, kLogin));
    record = RecordFailure(policy, record, kLogin);
    EXPECT_EQ(record.failures, 5);
    EXPECT_TRUE(ThrottledUntil(policy, record, kLogin));
}

TEST(LoginThrottle, DelayGrowsExponentiallyAndIsCapped) {
    const ThrottlePolicy policy;
    FailureRecord record{5, kLogin};
    EXPECT_EQ(*ThrottledUntil(policy, record, kLogin), kLogin + seconds(2));
    record.failures = 8;
    EXPECT_EQ(*ThrottledUntil(policy, record, kLogin), kLogin + seconds(16));
    record.failures = 60;
    EXPECT_EQ(*ThrottledUntil(policy, record, kLogin), kLogin + policy.max_delay);
}

TEST(LoginThrottle, AttemptAllowedOnceDelayHasPassed) {
    const ThrottlePolicy policy;
    const FailureRecord record{6, kLogin};  // delay 4 s
    EXPECT_TRUE(ThrottledUntil(policy, record, kLogin + seconds(3)));
    EXPECT_FALSE(ThrottledUntil(policy, record, kLogin + seconds(4)));
}

TEST(LoginThrottle, OldFailuresAreForgotten) {
    const ThrottlePolicy policy;
    const FailureRecord old{9, kLogin};
    const FailureRecord next = RecordFailure(policy, old, kLogin + hours(25));
    EXPECT_EQ(next.failures, 1);
}

}  // namespace
}  // namespace kronobarn::domain
