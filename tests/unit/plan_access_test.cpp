// Runs every row of plan_access_table.txt through domain::Decide, and checks what each basis may
// see of a plan (section-level visibility).
#include <gtest/gtest.h>

#include "domain/access.hpp"
#include "unit/decision_table.hpp"

namespace kronobarn::domain {
namespace {

using std::chrono::year;

constexpr UnitId kHolderUnit = 10, kSocialUnit = 11, kClubUnit = 12, kOtherSocialUnit = 13, kBupUnit = 20;
constexpr GuardianId kMother = 1, kFather = 2;
const Date kToday = year{2026} / 11 / 23;

struct Row {
    int line = 0;
    std::string role, relation, consent, action, outcome, basis;
};

std::vector<Row> LoadTable() {
    std::vector<Row> rows;
    for (const auto& [line, cells] : testing::LoadDecisionTable("plan_access_table.txt")) {
        if (cells.size() != 6) {
            ADD_FAILURE() << "plan_access_table.txt line " << line << ": expected 6 columns";
            continue;
        }
        Row row;
        row.line = line;
        row.role = cells[0];
        row.relation = cells[1];
        row.consent = cells[2];
        row.action = cells[3];
        row.outcome = cells[4];
        row.basis = cells[5];
        rows.push_back(std::move(row));
    }
    return rows;
}

Consent InForce() {
    Consent consent;
    consent.purpose = "Samverkan";
    consent.unit_ids = {kHolderUnit, kSocialUnit, kClubUnit, kBupUnit};
    consent.categories = AllDataCategories();
    consent.valid_from = year{2026} / 11 / 1;
    consent.valid_to = year{2027} / 6 / 30;
    consent.parties = {{kMother, "Eva"}, {kFather, "Per"}};
    return consent;
}

std::optional<Consent> ConsentIn(const std::string& state) {
    Consent consent = InForce();
    if (state == "none") return std::nullopt;
    if (state == "partial") consent.parties.pop_back();
    if (state == "expired") consent.valid_to = year{2026} / 11 / 22;
    if (state == "not_yet_valid") consent.valid_from = year{2026} / 11 / 24;
    if (state == "withdrawn") consent.withdrawn_at = FromUnixMillis(1);
    if (state == "wrong_category") consent.categories = {DataCategory::kSchool};
    if (state == "wrong_unit") consent.unit_ids = {kHolderUnit};
    return consent;
}

AccessTarget PlanTarget() {
    AccessTarget target{.child_id = 1, .holder_unit_id = kHolderUnit};
    target.plan = PlanFacts{{kHolderUnit, kSocialUnit, kClubUnit}, kBupUnit};
    target.guardian_ids = {kMother, kFather};
    target.today = kToday;
    return target;
}

TEST(PlanAccessTable, EveryRowHolds) {
    const auto rows = LoadTable();
    ASSERT_GE(rows.size(), 35u) << "table file missing or truncated";
    for (const Row& row : rows) {
        SCOPED_TRACE("plan_access_table.txt line " + std::to_string(row.line));
        const auto role = ParseRole(row.role);
        const auto action = ParseAccessAction(row.action);
        ASSERT_TRUE(role && action) << row.role << " / " << row.action;
        AccessTarget target = PlanTarget();
        if (auto consent = ConsentIn(row.consent)) target.consents.push_back(*consent);
        RoleAssignment assignment{kOtherSocialUnit, 1, *role, UnitKind::kSocialServices};
        if (row.relation == "holder") {
            assignment = {kHolderUnit, 1, *role, UnitKind::kSchoolUnit};
        } else if (row.relation == "collaboration") {
            assignment = {kBupUnit, 2, *role, UnitKind::kBup};
        } else if (row.relation == "participant") {
            assignment = *role == Role::kClubLeader ? RoleAssignment{kClubUnit, 3, *role, UnitKind::kClub}
                                                    : RoleAssignment{kSocialUnit, 4, *role, UnitKind::kSocialServices};
        } else if (row.relation.starts_with("emergency")) {
            // An emergency grant of this user for this child, acting for an unrelated unit.
            target.now = FromUnixMillis(1'795'000'000'000);
            const auto granted = row.relation == "emergency" ? target.now - std::chrono::minutes(10)
                                                             : target.now - std::chrono::minutes(70);
            target.emergency_grants.push_back(
                {1, 1, 100, kOtherSocialUnit, "Akut", granted, granted + std::chrono::minutes(60)});
        } else {
            ASSERT_EQ(row.relation, "none");
        }
        const AccessDecision decision = Decide({100, {assignment}}, *action, target);
        EXPECT_EQ(Code(decision.outcome), row.outcome);
        EXPECT_EQ(Code(decision.basis), row.basis);
    }
}

Plan FullPlan() {
    Plan plan;
    plan.basics.reason = "Oro för frånvaro";
    plan.basics.child_view = "Jag vill ha en kompis";
    plan.support_areas = {"utvecklas"};
    plan.goals.push_back({1, "utvecklas", "I skolan varje dag", "Närvaron", kToday});
    plan.actions.push_back({1, "Extra stöd", kHolderUnit, "Anna", kToday, "", kToday, ActionStatus::kPlanned});
    plan.actions.push_back({2, "Samtal", kSocialUnit, "Sara", kToday, "", kToday, ActionStatus::kPlanned});
    plan.actions.push_back({3, "Träning", kClubUnit, "Kalle", kToday, "", kToday, ActionStatus::kPlanned});
    plan.participants = {{kHolderUnit, "Anna", ""}, {kSocialUnit, "Sara", ""}, {kClubUnit, "Kalle", ""}};
    plan.meetings.push_back({});
    plan.meetings.back().notes = "Känsliga anteckningar";
    plan.basics.next_meeting = kToday;
    return plan;
}

AccessTarget WithUnitKinds(AccessTarget target) {
    target.unit_kinds = {{kHolderUnit, UnitKind::kSchoolUnit},
                         {kSocialUnit, UnitKind::kSocialServices},
                         {kClubUnit, UnitKind::kClub},
                         {kBupUnit, UnitKind::kBup}};
    return target;
}

Plan SeenBy(const RoleAssignment& assignment, std::optional<Consent> consent = InForce()) {
    AccessTarget target = WithUnitKinds(PlanTarget());
    if (consent) target.consents.push_back(*consent);
    const ActorFacts actor{100, {assignment}};
    const auto decision = Decide(actor, AccessAction::kReadPlan, target);
    EXPECT_TRUE(decision.Allowed());
    const auto reading = PlanReadingFor(actor, decision, target);
    EXPECT_TRUE(reading);
    return reading ? RedactPlan(FullPlan(), *reading) : Plan{};
}

TEST(PlanReading, HolderSeesEverything) {
    const Plan seen = SeenBy({kHolderUnit, 1, Role::kPrincipal, UnitKind::kSchoolUnit});
    EXPECT_EQ(seen.actions.size(), 3u);
    EXPECT_EQ(seen.basics.child_view, "Jag vill ha en kompis");
    EXPECT_EQ(seen.meetings.size(), 1u);
}

TEST(PlanReading, SocialWorkerSeesAreasOwnActionsContactsAndDatesNothingBeyond) {
    const Plan seen = SeenBy({kSocialUnit, 4, Role::kSocialWorker, UnitKind::kSocialServices});
    ASSERT_EQ(seen.actions.size(), 1u);
    EXPECT_EQ(seen.actions[0].what, "Samtal");
    EXPECT_EQ(seen.goals.size(), 1u);
    EXPECT_EQ(seen.participants.size(), 3u);
    EXPECT_TRUE(seen.basics.next_meeting);
    EXPECT_TRUE(seen.basics.reason.empty());
    EXPECT_TRUE(seen.basics.child_view.empty());
    EXPECT_TRUE(seen.meetings.empty());
}

// Story 15: that social services takes part is itself sensitive.
TEST(PlanReading, SportsClubSeesItsOwnTaskItsContactAndWhomToCallAtTheHolderNothingMore) {
    const Plan seen = SeenBy({kClubUnit, 3, Role::kClubLeader, UnitKind::kClub});
    ASSERT_EQ(seen.actions.size(), 1u);
    EXPECT_EQ(seen.actions[0].what, "Träning");
    EXPECT_TRUE(seen.goals.empty());
    EXPECT_TRUE(seen.support_areas.empty());
    ASSERT_EQ(seen.participants.size(), 2u);
    for (const auto& participant : seen.participants) {
        EXPECT_NE(participant.unit_id, kSocialUnit) << "the club must not learn that social services takes part";
    }
}

TEST(PlanReading, AParticipantNoConsentCoversIsNoPartyForTheOthers) {
    Consent school_and_club = InForce();
    school_and_club.unit_ids = {kHolderUnit, kClubUnit};
    const Plan holder = SeenBy({kHolderUnit, 1, Role::kPrincipal, UnitKind::kSchoolUnit}, school_and_club);
    EXPECT_EQ(holder.participants.size(), 3u) << "the holder sees (and is told about) every participant";
    AccessTarget target = WithUnitKinds(PlanTarget());
    target.consents.push_back(school_and_club);
    EXPECT_EQ(CoveredParticipants(target), (std::vector<UnitId>{kHolderUnit, kClubUnit}));
}

TEST(PlanReading, NoBasisReadsNothing) { EXPECT_FALSE(PlanReadingFor({100, {}}, {}, PlanTarget())); }

TEST(PlanReading, OnlyThoseWhoReadTheWholePlanReadItsHistory) {
    AccessTarget target = WithUnitKinds(PlanTarget());
    target.consents.push_back(InForce());
    const ActorFacts holder{100, {{kHolderUnit, 1, Role::kPrincipal, UnitKind::kSchoolUnit}}};
    const ActorFacts social{100, {{kSocialUnit, 4, Role::kSocialWorker, UnitKind::kSocialServices}}};
    EXPECT_TRUE(Decide(holder, AccessAction::kReadPlanHistory, target).Allowed());
    const auto denied = Decide(social, AccessAction::kReadPlanHistory, target);
    EXPECT_FALSE(denied.Allowed()) << "a participant reads the plan, not every version of every field";
    EXPECT_EQ(denied.reason, "history_for_coordinating");
}

}  // namespace
}  // namespace kronobarn::domain

namespace kronobarn::domain {
namespace {

TEST(ActingAssignment, AuditRecordsTheRoleAndUnitTheBasisNames) {
    // A user who is a teacher at one school and principal (holder) at another.
    const ActorFacts actor{100,
                           {{kOtherSocialUnit, 9, Role::kSocialWorker, UnitKind::kSocialServices},
                            {kHolderUnit, 1, Role::kPrincipal, UnitKind::kSchoolUnit},
                            {kSocialUnit, 4, Role::kSocialWorker, UnitKind::kSocialServices}}};
    AccessTarget target = PlanTarget();
    const auto as_holder = Decide(actor, AccessAction::kEditPlan, target);
    ASSERT_EQ(as_holder.basis, LegalBasis::kCoordinationHolder);
    EXPECT_EQ(ActingAssignment(actor, as_holder, target)->unit_id, kHolderUnit);

    target.holder_unit_id = 99;  // no longer the holder: now a participant under the consent
    target.consents.push_back(InForce());
    const auto as_participant = Decide(actor, AccessAction::kReadPlan, target);
    ASSERT_EQ(as_participant.basis, LegalBasis::kParticipantWithConsent);
    const auto acting = ActingAssignment(actor, as_participant, target);
    ASSERT_TRUE(acting);
    EXPECT_NE(acting->unit_id, kOtherSocialUnit) << "not merely the first role";
}

}  // namespace
}  // namespace kronobarn::domain

namespace kronobarn::domain {
namespace {

TEST(PlanAccess, PlanKeptByTheFormerHolderIsNotTheNewHolders) {
    AccessTarget target = PlanTarget();
    target.plan->kept_by_unit_id = kBupUnit + 1;  // the former holder, say a BVC
    const ActorFacts new_holder{100, {{kHolderUnit, 1, Role::kPrincipal, UnitKind::kSchoolUnit}}};
    const ActorFacts former{101, {{kBupUnit + 1, 5, Role::kBvcNurse, UnitKind::kBvc}}};
    EXPECT_FALSE(Decide(new_holder, AccessAction::kReadPlan, target).Allowed());
    EXPECT_FALSE(Decide(new_holder, AccessAction::kEditPlan, target).Allowed());
    EXPECT_TRUE(Decide(new_holder, AccessAction::kManageConsent, target).Allowed()) << "the child is still theirs";
    EXPECT_TRUE(Decide(former, AccessAction::kReadPlan, target).Allowed());
    EXPECT_FALSE(Decide(former, AccessAction::kReadWheel, target).Allowed()) << "only the plan stayed";
}

// Who reports on which action: a participant on its own unit's actions only — never another
// unit's or the family's —, the plan's keepers on any, emergency access on none, a guardian on the
// family's own and the child on none.
TEST(ReportOnAction, EachPartyReportsOnlyOnItsOwnActions) {
    struct Case {
        std::string who;
        std::optional<UnitId> action_unit;
        std::string outcome, basis;
    };
    const std::vector<Case> cases{
        {"social_worker", kSocialUnit, "allow", "participant_with_consent"},
        {"social_worker", kClubUnit, "deny_as_not_found", "none"},
        {"social_worker", std::nullopt, "deny_as_not_found", "none"},
        {"club_leader", kClubUnit, "allow", "participant_with_consent"},
        {"club_leader", kSocialUnit, "deny_as_not_found", "none"},
        {"social_worker_without_consent", kSocialUnit, "deny_as_not_found", "none"},
        {"principal_holder", kClubUnit, "allow", "coordination_holder"},
        {"principal_holder", std::nullopt, "allow", "coordination_holder"},
        {"clinician_collaboration", kSocialUnit, "allow", "collaboration_responsible"},
        {"emergency", kSocialUnit, "deny_as_not_found", "none"},
        {"guardian", std::nullopt, "allow", "guardian"},
        {"guardian", kSocialUnit, "deny_as_not_found", "none"},
        {"child", std::nullopt, "deny_as_not_found", "none"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.who + " on the action of " + (c.action_unit ? std::to_string(*c.action_unit) : "the family"));
        AccessTarget target = PlanTarget();
        if (c.who != "social_worker_without_consent") target.consents.push_back(InForce());
        target.action = ActionFacts{c.action_unit};
        ActorFacts actor{100, {}, {}};
        if (c.who.starts_with("social_worker")) {
            actor.roles = {{kSocialUnit, 4, Role::kSocialWorker, UnitKind::kSocialServices}};
        } else if (c.who == "club_leader") {
            actor.roles = {{kClubUnit, 3, Role::kClubLeader, UnitKind::kClub}};
        } else if (c.who == "principal_holder") {
            actor.roles = {{kHolderUnit, 1, Role::kPrincipal, UnitKind::kSchoolUnit}};
        } else if (c.who == "clinician_collaboration") {
            actor.roles = {{kBupUnit, 2, Role::kClinician, UnitKind::kBup}};
        } else if (c.who == "emergency") {
            actor.roles = {{kOtherSocialUnit, 5, Role::kSocialWorker, UnitKind::kSocialServices}};
            target.now = FromUnixMillis(1'795'000'000'000);
            const auto granted = target.now - std::chrono::minutes(10);
            target.emergency_grants.push_back(
                {1, 1, 100, kOtherSocialUnit, "Akut", granted, granted + std::chrono::minutes(60)});
        } else if (c.who == "guardian") {
            actor.family = {{1, kMother, "Barnet"}};
        } else {
            actor.family = {{1, std::nullopt, "Barnet"}};
        }
        const AccessDecision decision = Decide(actor, AccessAction::kReportOnAction, target);
        EXPECT_EQ(Code(decision.outcome), c.outcome);
        EXPECT_EQ(Code(decision.basis), c.basis);
    }
}

}  // namespace
}  // namespace kronobarn::domain
