#include "domain/audit_event.hpp"
#include "domain/audit_retention.hpp"

#include <gtest/gtest.h>

#include "store/audit_chain.hpp"

namespace kronobarn::domain {
namespace {

AuditEvent Sample() {
    AuditEvent event;
    event.at = FromUnixMillis(1'800'000'000'000);
    event.user_id = 7;
    event.role = "bvc_nurse";
    event.child_id = 42;
    event.object_type = "plan";
    event.object_id = "9";
    event.action = "read";
    event.legal_basis = "coordination_holder";
    event.request_id = "abc-1";
    return event;
}

TEST(AuditEvent, CanonicalFormCoversEveryField) {
    const std::string base = CanonicalForm(Sample());
    auto changed = [&](auto mutate) {
        AuditEvent event = Sample();
        mutate(event);
        return CanonicalForm(event) != base;
    };
    EXPECT_TRUE(changed([](AuditEvent& e) { e.at += std::chrono::milliseconds(1); }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.user_id = 8; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.user_id.reset(); }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.role = "principal"; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.unit_id = 1; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.organisation_id = 1; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.child_id = 43; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.object_type = "child"; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.object_id = "10"; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.action = "update"; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.legal_basis = "emergency"; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.outcome = AuditOutcome::kDenied; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.request_id = "abc-2"; }));
}

TEST(AuditEvent, FieldBoundariesCannotBeShifted) {
    AuditEvent a = Sample(), b = Sample();
    a.object_type = "pla";
    a.object_id = "n9";
    EXPECT_NE(CanonicalForm(a), CanonicalForm(b));
}

TEST(AuditChain, HashDependsOnPreviousHash) {
    const AuditEvent event = Sample();
    EXPECT_NE(store::ChainedAuditHash(kAuditGenesisHash, event), store::ChainedAuditHash(std::string(64, '1'), event));
}

}  // namespace
}  // namespace kronobarn::domain

namespace kronobarn::domain {
namespace {

TEST(AuditRetention, KeepsAtLeastFiveCalendarYears) {
    using namespace std::chrono;
    const Timestamp now = time_point_cast<milliseconds>(sys_days{2028y / 2 / 29} + hours(10));
    EXPECT_EQ(FormatIso8601(*AuditRetentionCutoff(now, 5)), "2023-02-28T10:00:00.000Z") << "29 February moves back";
    EXPECT_EQ(FormatIso8601(*AuditRetentionCutoff(now, 8)), "2020-02-29T10:00:00.000Z");
    EXPECT_EQ(AuditRetentionCutoff(now, 4).error().message_key, "retention.too_short");
    EXPECT_TRUE(RespectsMinimumRetention(now, *AuditRetentionCutoff(now, 5)));
    EXPECT_FALSE(RespectsMinimumRetention(now, *AuditRetentionCutoff(now, 5) + hours(1)));
}

}  // namespace
}  // namespace kronobarn::domain
