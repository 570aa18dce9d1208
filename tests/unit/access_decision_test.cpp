// Runs every row of access_decision_table.txt through domain::Decide.
#include <gtest/gtest.h>

#include "domain/access.hpp"
#include "unit/decision_table.hpp"

namespace kronobarn::domain {
namespace {

constexpr UnitId kHolderUnit = 10, kRoutedUnit = 11, kSocialServicesUnit = 12, kOtherUnit = 13, kNoticingUnit = 14,
                 kReceivingUnit = 15;
constexpr UserId kActor = 100, kNoticingUser = 101;

struct Row {
    int line = 0;
    std::string role, relation, action, outcome, basis;
};

std::vector<Row> LoadTable() {
    std::vector<Row> rows;
    for (const auto& [line, cells] : testing::LoadDecisionTable("access_decision_table.txt")) {
        if (cells.size() != 5) {
            ADD_FAILURE() << "access_decision_table.txt line " << line << ": expected 5 columns";
            continue;
        }
        Row row;
        row.line = line;
        row.role = cells[0];
        row.relation = cells[1];
        row.action = cells[2];
        row.outcome = cells[3];
        row.basis = cells[4];
        rows.push_back(std::move(row));
    }
    return rows;
}

TEST(AccessDecisionTable, EveryRowHoldsAndTheTableIsNotEmpty) {
    const auto rows = LoadTable();
    ASSERT_GE(rows.size(), 30u) << "table file missing or truncated";
    for (const Row& row : rows) {
        SCOPED_TRACE("access_decision_table.txt line " + std::to_string(row.line));
        const auto role = ParseRole(row.role);
        const auto action = ParseAccessAction(row.action);
        ASSERT_TRUE(role && action) << row.role << " / " << row.action;

        AccessTarget target{.child_id = 1, .holder_unit_id = kHolderUnit};
        target.concern = ConcernFacts{kNoticingUser, kHolderUnit, kSocialServicesUnit};
        target.pending_handover_to_unit_id = kReceivingUnit;
        ActorFacts actor{kActor, {}};
        UnitId unit = kOtherUnit;
        if (row.relation == "holder") {
            unit = kHolderUnit;
        } else if (row.relation == "routed") {
            target.concern->routed_to_unit_id = kRoutedUnit;
            unit = kRoutedUnit;
        } else if (row.relation == "noticing") {
            actor.user_id = kNoticingUser;
            unit = kNoticingUnit;
        } else if (row.relation == "handover_receiver") {
            unit = kReceivingUnit;
        } else if (row.relation == "report_receiver") {
            unit = kSocialServicesUnit;
        } else {
            ASSERT_EQ(row.relation, "none");
        }
        actor.roles.push_back({unit, 1, *role});

        const AccessDecision decision = Decide(actor, *action, target);
        EXPECT_EQ(Code(decision.outcome), row.outcome);
        EXPECT_EQ(Code(decision.basis), row.basis);
    }
}

TEST(AccessDecision, ChildWithoutSignalIsInvisibleToEveryoneButTheHolder) {
    const AccessTarget child_only{.child_id = 1, .holder_unit_id = kHolderUnit};
    EXPECT_TRUE(
        Decide({kActor, {{kHolderUnit, 1, Role::kBvcNurse}}}, AccessAction::kReadConcern, child_only).Allowed());
    const auto other = Decide({kActor, {{kOtherUnit, 1, Role::kBvcNurse}}}, AccessAction::kReadConcern, child_only);
    EXPECT_EQ(other.outcome, AccessOutcome::kDenyAsNotFound);
}

TEST(AccessDecision, ActorWithoutRolesSeesNothing) {
    AccessTarget target{.child_id = 1, .holder_unit_id = kHolderUnit};
    target.concern = ConcernFacts{kNoticingUser, kHolderUnit, kSocialServicesUnit};
    EXPECT_FALSE(Decide({kActor, {}}, AccessAction::kReadConcern, target).Allowed());
}

TEST(ConcernRegistration, AdministrativeRolesCannotRegister) {
    EXPECT_TRUE(MayRegisterConcern(Role::kTeacher));
    EXPECT_TRUE(MayRegisterConcern(Role::kClubLeader));
    EXPECT_TRUE(MayRegisterConcern(Role::kPoliceOfficer));
    EXPECT_FALSE(MayRegisterConcern(Role::kSystemAdmin));
    EXPECT_FALSE(MayRegisterConcern(Role::kSteeringGroup));
}

}  // namespace
}  // namespace kronobarn::domain
