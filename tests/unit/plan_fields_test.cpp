// The plan's field table (domain/plan_fields.hpp): one row per member of every plan struct, and the
// redaction keeps exactly the members a reader's rows allow — walked over the whole table, not a
// hand-picked list.
#include <gtest/gtest.h>

#include <boost/pfr/core.hpp>
#include <map>
#include <set>

#include "domain/plan_fields.hpp"

namespace kronobarn::domain {
namespace {

template <typename Struct>
void ExpectOneRowPerMember(PlanPart part, const char* name) {
    constexpr std::size_t members = boost::pfr::tuple_size_v<Struct>;
    EXPECT_EQ(DeclaredMembers(part), members) << name << ": a member without a row is hidden from everyone";
    for (std::size_t member = 0; member < members; ++member) {
        EXPECT_NE(FindPlanField(part, member), nullptr) << name << " member " << member << " has no row";
    }
}

TEST(PlanFieldTable, EveryMemberOfEveryPlanStructHasExactlyOneRow) {
    ExpectOneRowPerMember<Plan>(PlanPart::kPlan, "Plan");
    ExpectOneRowPerMember<PlanBasics>(PlanPart::kBasics, "PlanBasics");
    ExpectOneRowPerMember<GuardianView>(PlanPart::kGuardianView, "GuardianView");
    ExpectOneRowPerMember<PlanGoal>(PlanPart::kGoal, "PlanGoal");
    ExpectOneRowPerMember<PlanAction>(PlanPart::kAction, "PlanAction");
    ExpectOneRowPerMember<Participant>(PlanPart::kParticipant, "Participant");
    ExpectOneRowPerMember<Meeting>(PlanPart::kMeeting, "Meeting");
    ExpectOneRowPerMember<ActionEvaluation>(PlanPart::kEvaluation, "ActionEvaluation");
    ExpectOneRowPerMember<RemovedParticipant>(PlanPart::kRemovedParticipant, "RemovedParticipant");
    ExpectOneRowPerMember<PlannedMeeting>(PlanPart::kPlannedMeeting, "PlannedMeeting");
    ExpectOneRowPerMember<GuardianPart>(PlanPart::kGuardianPart, "GuardianPart");
}

TEST(PlanFieldTable, CodesAreUniqueAndEveryTypedTextHasALimit) {
    std::set<std::string_view> codes;
    for (const auto& field : PlanFields()) {
        EXPECT_TRUE(codes.insert(field.code).second) << field.code << " declared twice";
        if (field.type == PlanFieldType::kText && field.part != PlanPart::kChild) {
            EXPECT_GT(field.max_length, 0u) << field.code << ": text a user types needs a limit";
        }
    }
}

// A member inside a part is seen only by readers who see the part itself: a row cannot give a
// reader more than the list it sits in.
TEST(PlanFieldTable, NoReaderSeesAMemberOfAPartItDoesNotSee) {
    const std::map<PlanPart, std::string_view> parents{{PlanPart::kBasics, "plan.basics"},
                                                       {PlanPart::kGuardianView, "basics.each_guardian"},
                                                       {PlanPart::kGoal, "plan.goals"},
                                                       {PlanPart::kAction, "plan.actions"},
                                                       {PlanPart::kParticipant, "plan.participants"},
                                                       {PlanPart::kMeeting, "plan.meetings"},
                                                       {PlanPart::kEvaluation, "meeting.evaluations"},
                                                       {PlanPart::kRemovedParticipant, "plan.removed_participants"},
                                                       {PlanPart::kPlannedMeeting, "plan.planned_meeting"},
                                                       {PlanPart::kGuardianPart, "plan.guardian_parts"}};
    for (const auto& field : PlanFields()) {
        const auto parent = parents.find(field.part);
        if (parent == parents.end()) continue;
        const auto* container = FindPlanField(parent->second);
        ASSERT_NE(container, nullptr) << parent->second;
        EXPECT_EQ(field.readers & ~container->readers, 0)
            << field.code << " is given to a reader of no " << parent->second;
    }
}

// Every text member holds its own code as its value; the redacted plan is walked for every string
// in it, whatever the struct.
Plan PlanWithEveryTextMarked() {
    Plan plan;
    plan.basics = {"basics.reason",
                   "basics.child_view",
                   "basics.trusted_adult",
                   "basics.guardian_views",
                   {{1, "guardian_view.name", "guardian_view.view"}},
                   "basics.disagreements",
                   "basics.follow_up_how",
                   std::nullopt,
                   std::nullopt};
    plan.goals = {{1, "trygg", "goal.outcome", "goal.how_we_know", {}}};
    plan.actions = {{1,
                     "action.what",
                     10,
                     "action.responsible",
                     {},
                     "action.frequency",
                     {},
                     ActionStatus::kPlanned,
                     "action.progress_note",
                     std::nullopt,
                     "action.reported_by",
                     std::nullopt}};
    plan.participants = {{10, "participant.contact_name", "participant.contact_phone"}};
    plan.removed_participants = {{11, "removed_participant.contact_name", "removed_participant.reason"}};
    Meeting meeting;
    meeting.place = "meeting.place";
    meeting.child_absent_reason = "meeting.child_absent_reason";
    meeting.notes = "meeting.notes";
    meeting.evaluations = {{1, ActionStatus::kDone, "evaluation.note"}};
    plan.meetings = {meeting};
    PlannedMeeting planned;
    planned.place = "planned_meeting.place";
    planned.invited_units = {10};  // the participant reading it is invited
    plan.planned_meeting = planned;
    plan.guardian_parts = {{1, "guardian_part.name", GuardianPartKind::kNotTakingPart, "guardian_part.reason", {}}};
    return plan;
}

template <typename T>
void CollectStrings(const T& value, std::set<std::string>& out) {
    if constexpr (std::is_same_v<T, std::string>) {
        out.insert(value);
    } else if constexpr (std::is_same_v<T, std::optional<PlannedMeeting>>) {
        if (value) CollectStrings(*value, out);
    } else if constexpr (requires {
                             value.begin();
                             value.end();
                         }) {
        for (const auto& element : value) CollectStrings(element, out);
    } else if constexpr (std::is_aggregate_v<T> && !std::is_array_v<T>) {
        boost::pfr::for_each_field(value, [&](const auto& member) { CollectStrings(member, out); });
    }
}

TEST(PlanFieldTable, RedactionKeepsExactlyTheTextEachReaderSees) {
    const Plan full = PlanWithEveryTextMarked();
    int checked = 0;
    for (const PlanReader reader : kAllPlanReaders) {
        PlanReading reading;
        reading.reader = reader;
        reading.own_unit = 10;
        reading.known_units = {10};
        std::set<std::string> seen;
        CollectStrings(RedactPlan(full, reading), seen);
        for (const auto& field : PlanFields()) {
            const bool text = field.type == PlanFieldType::kText || field.type == PlanFieldType::kName;
            if (!text || field.part == PlanPart::kChild) continue;
            EXPECT_EQ(seen.count(std::string(field.code)) > 0, Sees(reader, field))
                << Code(reader) << " / " << field.code;
            ++checked;
        }
    }
    EXPECT_EQ(checked, 5 * 26) << "five readers times every text member of a plan struct";
}

// The next meeting reaches a participant only when its unit is invited; the invited units it
// names are only those the reader may know take part.
TEST(PlanFieldTable, APlannedMeetingReachesAParticipantOnlyWhenItsUnitIsInvited) {
    Plan plan;
    PlannedMeeting planned;
    planned.place = "Rum 3";
    planned.invited_units = {10, 12};
    plan.planned_meeting = planned;
    for (const PlanReader reader : {PlanReader::kParticipant, PlanReader::kOtherSectorParticipant}) {
        PlanReading invited{reader, 10, 20, {10, 20}};
        const Plan seen = RedactPlan(plan, invited);
        ASSERT_TRUE(seen.planned_meeting) << Code(reader);
        EXPECT_EQ(seen.planned_meeting->place, "Rum 3");
        EXPECT_EQ(seen.planned_meeting->invited_units, std::vector<UnitId>{10}) << "unit 12 is not known to it";
        PlanReading not_invited{reader, 11, 20, {11, 20}};
        EXPECT_FALSE(RedactPlan(plan, not_invited).planned_meeting) << Code(reader);
    }
    PlanReading guardian{PlanReader::kGuardian, std::nullopt, std::nullopt, {10, 12}};
    ASSERT_TRUE(RedactPlan(plan, guardian).planned_meeting);
    EXPECT_EQ(RedactPlan(plan, guardian).planned_meeting->invited_units, (std::vector<UnitId>{10, 12}));
    EXPECT_EQ(RedactPlan(plan, guardian).planned_meeting->sequence, 0);
}

template <typename T>
void ChangeText(T& value, std::string_view code) {
    if constexpr (std::is_same_v<T, std::string>) {
        if (value == code) value += " (ändrad)";
    } else if constexpr (std::is_same_v<T, std::optional<PlannedMeeting>>) {
        if (value) ChangeText(*value, code);
    } else if constexpr (requires {
                             value.begin();
                             value.end();
                         }) {
        for (auto& element : value) ChangeText(element, code);
    } else if constexpr (std::is_aggregate_v<T> && !std::is_array_v<T>) {
        boost::pfr::for_each_field(value, [&](auto& member) { ChangeText(member, code); });
    }
}

// The family is told the plan changed exactly when a text a guardian reads changed — walked over
// every text row of the table. The planned meeting is left out: its calendar messages tell of it.
TEST(PlanFieldTable, TheFamilyIsToldOfAChangeExactlyWhenAGuardianSeesIt) {
    Plan before = PlanWithEveryTextMarked();
    before.basics.each_guardian.push_back({2, "guardian_view.name", "guardian_view.view"});
    EXPECT_FALSE(GuardianSeesChange(before, before)) << "two guardians' views, nothing changed";
    int checked = 0;
    for (const auto& field : PlanFields()) {
        const bool text = field.type == PlanFieldType::kText || field.type == PlanFieldType::kName;
        if (!text || field.part == PlanPart::kChild) continue;
        Plan after = before;
        ChangeText(after, field.code);
        ASSERT_NE(before, after) << field.code << " was not changed by the test";
        const bool told = field.part != PlanPart::kPlannedMeeting && Sees(PlanReader::kGuardian, field);
        EXPECT_EQ(GuardianSeesChange(before, after), told) << field.code;
        ++checked;
    }
    EXPECT_EQ(checked, 26);
    Plan moved = before;
    moved.version += 1;
    moved.basics.next_meeting = Date{std::chrono::year{2027}, std::chrono::month{3}, std::chrono::day{1}};
    EXPECT_FALSE(GuardianSeesChange(before, moved)) << "the version and the next meeting's date alone";
}

TEST(PlanFieldTable, TextLimitsComeFromTheTable) {
    PlanGoal goal{1, "trygg", std::string(kMaxPlanText, 'x'), "ok", {}};
    EXPECT_TRUE(CheckTextLimits(goal));
    goal.how_we_know = std::string(FindPlanField("goal.how_we_know")->max_length + 1, 'x');
    const auto refused = CheckTextLimits(goal);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message_key, "plan.text_too_long");
}

}  // namespace
}  // namespace kronobarn::domain
