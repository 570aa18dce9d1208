#include "domain/handover.hpp"

#include <gtest/gtest.h>

namespace kronobarn::domain {
namespace {

const Unit kBvc{1, 10, "BVC Växjö", UnitKind::kBvc, "Växjö"};
const Unit kSchool{2, 20, "Växjö Centralskola", UnitKind::kSchoolUnit, "Växjö"};
const Unit kPreschool{3, 20, "Växjö förskola Solen", UnitKind::kPreschool, "Växjö"};
const Timestamp kNow = FromUnixMillis(1'795'000'000'000);

Handover Pending() { return *RequestHandover(kBvc.id, false, kBvc, kSchool, "Börjar förskoleklass", 7, kNow); }

std::string KeyOf(const Result<Handover>& result) { return result ? "ok" : result.error().message_key; }

TEST(Handover, HolderRequestsAndTheRequestIsPending) {
    const Handover handover = Pending();
    EXPECT_EQ(handover.state, HandoverState::kPending);
    EXPECT_EQ(handover.from_unit_id, kBvc.id);
    EXPECT_EQ(handover.to_unit_id, kSchool.id);
}

TEST(Handover, OnlyTheCurrentHolderMayRequest) {
    EXPECT_EQ(KeyOf(RequestHandover(kSchool.id, false, kBvc, kSchool, "x", 7, kNow)), "handover.not_holder");
    EXPECT_EQ(KeyOf(RequestHandover(std::nullopt, false, kBvc, kSchool, "x", 7, kNow)), "handover.not_holder");
}

TEST(Handover, RefusesBadTargetsAndMissingNote) {
    EXPECT_EQ(KeyOf(RequestHandover(kBvc.id, false, kBvc, kBvc, "x", 7, kNow)), "handover.same_unit");
    EXPECT_EQ(KeyOf(RequestHandover(kBvc.id, false, kBvc, kPreschool, "x", 7, kNow)), "handover.unit_cannot_hold");
    EXPECT_EQ(KeyOf(RequestHandover(kBvc.id, false, kBvc, kSchool, " ", 7, kNow)), "handover.note_missing");
    EXPECT_EQ(KeyOf(RequestHandover(kBvc.id, true, kBvc, kSchool, "x", 7, kNow)), "handover.already_pending");
}

TEST(Handover, AcceptDeclineAndCancelEndThePendingState) {
    Handover accepted = Pending();
    ASSERT_TRUE(AcceptHandover(accepted, 8, kNow));
    EXPECT_EQ(accepted.state, HandoverState::kAccepted);
    EXPECT_EQ(accepted.answered_by, 8);

    Handover cancelled = Pending();
    ASSERT_TRUE(CancelHandover(cancelled, 7, kNow));
    EXPECT_EQ(cancelled.state, HandoverState::kCancelled);

    Handover declined = Pending();
    auto no_reason = DeclineHandover(declined, "  ", 8, kNow);
    ASSERT_FALSE(no_reason);
    EXPECT_EQ(no_reason.error().message_key, "handover.reason_missing");
    EXPECT_EQ(declined.state, HandoverState::kPending) << "a refused decline changes nothing";
    ASSERT_TRUE(DeclineHandover(declined, "Barnet har inte börjat hos oss", 8, kNow));
    EXPECT_EQ(declined.state, HandoverState::kDeclined);
}

TEST(Handover, AnAnsweredRequestCannotBeAnsweredAgain) {
    Handover handover = Pending();
    ASSERT_TRUE(AcceptHandover(handover, 8, kNow));
    EXPECT_EQ(DeclineHandover(handover, "sent", 8, kNow).error().message_key, "handover.not_pending");
    EXPECT_EQ(CancelHandover(handover, 7, kNow).error().message_key, "handover.not_pending");
    EXPECT_EQ(AcceptHandover(handover, 8, kNow).error().message_key, "handover.not_pending");
}

TEST(Handover, StatesRoundTrip) {
    for (auto state :
         {HandoverState::kPending, HandoverState::kAccepted, HandoverState::kDeclined, HandoverState::kCancelled}) {
        EXPECT_EQ(ParseHandoverState(Code(state)), state);
    }
}

}  // namespace
}  // namespace kronobarn::domain
