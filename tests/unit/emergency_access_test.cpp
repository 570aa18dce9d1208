// Emergency access in the domain: who may ask, what a request must carry, how long a grant lasts,
// and what it lets the holder of the grant do (read only, this child, this user, while it runs).
#include <gtest/gtest.h>

#include "domain/access.hpp"
#include "domain/emergency_access.hpp"

namespace kronobarn::domain {
namespace {

const Timestamp kNow = FromUnixMillis(1'795'000'000'000);
constexpr UnitId kSocialUnit = 7;
constexpr UserId kUser = 42;

std::vector<RoleAssignment> SocialWorker() {
    return {{kSocialUnit, 3, Role::kSocialWorker, UnitKind::kSocialServices}};
}

TEST(EmergencyGrant, NeedsAnAllowedRoleAtTheUnitAndAWrittenReason) {
    const EmergencyPolicy policy;
    auto grant =
        GrantEmergencyAccess(SocialWorker(), kUser, kSocialUnit, 1, "  Barnet saknas sedan i morse  ", policy, kNow);
    ASSERT_TRUE(grant);
    EXPECT_EQ(grant->reason, "Barnet saknas sedan i morse");
    EXPECT_EQ(grant->expires_at, kNow + std::chrono::minutes(60));
    EXPECT_TRUE(grant->ActiveAt(kNow + std::chrono::minutes(59)));
    EXPECT_FALSE(grant->ActiveAt(kNow + std::chrono::minutes(60)));

    EXPECT_EQ(GrantEmergencyAccess(SocialWorker(), kUser, kSocialUnit, 1, " \n ", policy, kNow).error().message_key,
              "emergency.reason_missing");
    EXPECT_EQ(GrantEmergencyAccess(SocialWorker(), kUser, kSocialUnit, 1, std::string(2001, 'x'), policy, kNow)
                  .error()
                  .message_key,
              "emergency.reason_too_long");
    EXPECT_EQ(GrantEmergencyAccess(SocialWorker(), kUser, 99, 1, "Akut", policy, kNow).error().message_key,
              "emergency.role_not_allowed")
        << "only at a unit where the user holds an allowed role";
    const std::vector<RoleAssignment> teacher{{kSocialUnit, 3, Role::kTeacher, UnitKind::kSchoolUnit}};
    EXPECT_EQ(GrantEmergencyAccess(teacher, kUser, kSocialUnit, 1, "Akut", policy, kNow).error().message_key,
              "emergency.role_not_allowed");
}

TEST(EmergencyGrant, TheCountyChoosesTheRolesAndTheDuration) {
    EmergencyPolicy policy{{Role::kPoliceOfficer}, std::chrono::minutes(30)};
    const std::vector<RoleAssignment> police{{5, 9, Role::kPoliceOfficer, UnitKind::kPoliceArea}};
    auto grant = GrantEmergencyAccess(police, kUser, 5, 1, "Akut", policy, kNow);
    ASSERT_TRUE(grant);
    EXPECT_EQ(grant->expires_at, kNow + std::chrono::minutes(30));
    EXPECT_FALSE(GrantEmergencyAccess(SocialWorker(), kUser, kSocialUnit, 1, "Akut", policy, kNow));
    EXPECT_EQ(EmergencyCapableAssignments(SocialWorker(), policy).size(), 0u);
}

AccessTarget ChildWithSignal(Timestamp now) {
    AccessTarget target{.child_id = 1, .holder_unit_id = 2};
    target.concern = ConcernFacts{5, 2, std::nullopt};
    target.now = now;
    target.emergency_grants.push_back(
        {1, 1, kUser, kSocialUnit, "Akut", now - std::chrono::minutes(5), now + std::chrono::minutes(55)});
    return target;
}

TEST(EmergencyDecision, ReadsTheChildButNeverItsSignalsOrReportsAndOnlyForItsOwnUserAndChild) {
    const ActorFacts actor{kUser, SocialWorker()};
    const AccessTarget target = ChildWithSignal(kNow);
    EXPECT_EQ(Decide(actor, AccessAction::kReadChild, target).basis, LegalBasis::kEmergencyAccess);
    EXPECT_FALSE(Decide(actor, AccessAction::kReadConcern, target).Allowed());
    EXPECT_FALSE(Decide(actor, AccessAction::kReadReportOfConcern, target).Allowed());
    EXPECT_FALSE(Decide(actor, AccessAction::kHandleConcern, target).Allowed());

    const ActorFacts colleague{kUser + 1, SocialWorker()};
    EXPECT_FALSE(Decide(colleague, AccessAction::kReadChild, target).Allowed()) << "a grant is personal";
    AccessTarget other_child = target;
    other_child.child_id = 2;
    EXPECT_FALSE(Decide(actor, AccessAction::kReadChild, other_child).Allowed());
    const ActorFacts moved{kUser, {{8, 3, Role::kSocialWorker, UnitKind::kSocialServices}}};
    EXPECT_FALSE(Decide(moved, AccessAction::kReadChild, target).Allowed())
        << "no longer at the unit the grant was made for";
    AccessTarget later = target;
    later.now = kNow + std::chrono::minutes(56);
    EXPECT_FALSE(Decide(actor, AccessAction::kReadChild, later).Allowed()) << "the grant has run out";
}

TEST(EmergencyDecision, ShowsTheWholePlanReadOnlyAndNamesTheUnitItWasGrantedFor) {
    const ActorFacts actor{kUser, {{1, 1, Role::kBvcNurse, UnitKind::kBvc}, SocialWorker()[0]}};
    AccessTarget target = ChildWithSignal(kNow);
    target.plan = PlanFacts{{2}, std::nullopt, std::nullopt};
    const auto decision = Decide(actor, AccessAction::kReadPlan, target);
    ASSERT_EQ(decision.basis, LegalBasis::kEmergencyAccess);
    const auto reading = PlanReadingFor(actor, decision, target);
    ASSERT_TRUE(reading);
    EXPECT_EQ(reading->reader, PlanReader::kCoordinating);
    EXPECT_EQ(ActingAssignment(actor, decision, target)->unit_id, kSocialUnit);
    EXPECT_FALSE(Decide(actor, AccessAction::kEditPlan, target).Allowed());
}

}  // namespace
}  // namespace kronobarn::domain
