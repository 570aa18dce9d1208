#include "domain/plan_fields.hpp"

#include <algorithm>
#include <array>
#include <boost/pfr/core.hpp>
#include <type_traits>

namespace kronobarn::domain {
namespace {

constexpr PlanReaders C = ReaderBit(PlanReader::kCoordinating);
constexpr PlanReaders G = ReaderBit(PlanReader::kGuardian);
constexpr PlanReaders K = ReaderBit(PlanReader::kChild);
constexpr PlanReaders P = ReaderBit(PlanReader::kParticipant);
constexpr PlanReaders O = ReaderBit(PlanReader::kOtherSectorParticipant);
constexpr PlanReaders kEveryone = C | G | K | P | O;

constexpr std::uint8_t kStaff = kStaffPage, kFamily = kFamilyPage, kDoc = kDocument, kChildOwn = kChildPage;
constexpr std::uint8_t kNone = kNoOutput;
constexpr std::size_t kText = kMaxPlanText;
constexpr std::size_t kOneLine = kMaxOneLineText;
constexpr std::size_t kShortText = kMaxShortText;

using S = PlanSection;
using T = PlanFieldType;
using Part = PlanPart;

// One row per member, in declaration order within each part. Readers: C coordinating (holder,
// collaboration-responsible unit, emergency access), G guardian, K the child, P a participant of
// school, health or social services, O a participant of another sector (club, police).
constexpr PlanFieldSpec kFields[] = {
    // Plan
    {"plan.id", Part::kPlan, 0, S::kIdentity, T::kId, 0, kEveryone, kNone},
    {"plan.child_id", Part::kPlan, 1, S::kIdentity, T::kId, 0, kEveryone, kNone},
    {"plan.concern_id", Part::kPlan, 2, S::kInternal, T::kId, 0, C, kNone},
    {"plan.state", Part::kPlan, 3, S::kIdentity, T::kCode, 0, kEveryone, kStaff | kFamily | kDoc},
    {"plan.version", Part::kPlan, 4, S::kInternal, T::kNumber, 0, C, kNone},
    {"plan.basics", Part::kPlan, 5, S::kWhy, T::kParts, 0, kEveryone, kNone},
    {"plan.support_areas", Part::kPlan, 6, S::kGoals, T::kCodes, 0, C | G | K | P, kStaff | kFamily | kDoc | kChildOwn},
    {"plan.close_reason", Part::kPlan, 7, S::kIdentity, T::kCode, 0, kEveryone, kStaff},
    {"plan.kept_by_unit", Part::kPlan, 8, S::kInternal, T::kUnit, 0, C, kNone},
    {"plan.created_by", Part::kPlan, 9, S::kInternal, T::kId, 0, C, kNone},
    {"plan.created_at", Part::kPlan, 10, S::kInternal, T::kTimestamp, 0, C, kNone},
    {"plan.goals", Part::kPlan, 11, S::kGoals, T::kParts, 0, C | G | P, kNone},
    {"plan.actions", Part::kPlan, 12, S::kActions, T::kParts, 0, kEveryone, kNone},
    {"plan.participants", Part::kPlan, 13, S::kContacts, T::kParts, 0, C | G | P | O, kNone},
    {"plan.meetings", Part::kPlan, 14, S::kFollowUp, T::kParts, 0, C | G, kNone},
    {"plan.removed_participants", Part::kPlan, 15, S::kContacts, T::kParts, 0, C, kNone},
    // Everyone sees the meeting planned, a participant only when its unit is invited (RedactPlan).
    {"plan.planned_meeting", Part::kPlan, 16, S::kFollowUp, T::kParts, 0, kEveryone, kNone},
    // How each guardian took part in agreeing the plan: the keepers and the family.
    {"plan.guardian_parts", Part::kPlan, 17, S::kIdentity, T::kParts, 0, C | G, kNone},
    // PlanBasics
    {"basics.reason", Part::kBasics, 0, S::kWhy, T::kText, kText, C, kStaff | kDoc},
    {"basics.child_view", Part::kBasics, 1, S::kWhy, T::kText, kText, C | G | K, kStaff | kFamily | kDoc | kChildOwn},
    {"basics.trusted_adult", Part::kBasics, 2, S::kWhy, T::kText, kOneLine, C | K, kStaff | kChildOwn},
    {"basics.guardian_views", Part::kBasics, 3, S::kWhy, T::kText, kText, C, kStaff | kDoc},
    {"basics.each_guardian", Part::kBasics, 4, S::kWhy, T::kParts, 0, C, kNone},
    {"basics.disagreements", Part::kBasics, 5, S::kWhy, T::kText, kText, C, kStaff | kDoc},
    {"basics.follow_up_how", Part::kBasics, 6, S::kFollowUp, T::kText, kText, C, kStaff | kDoc},
    {"basics.next_meeting", Part::kBasics, 7, S::kFollowUp, T::kDate, 0, kEveryone,
     kStaff | kFamily | kDoc | kChildOwn},
    {"basics.collaboration_unit", Part::kBasics, 8, S::kInternal, T::kUnit, 0, C, kStaff},
    // GuardianView: each guardian's own view, as the holder recorded it
    {"guardian_view.guardian_id", Part::kGuardianView, 0, S::kWhy, T::kId, 0, C, kNone},
    {"guardian_view.name", Part::kGuardianView, 1, S::kWhy, T::kText, kText, C, kStaff},
    {"guardian_view.view", Part::kGuardianView, 2, S::kWhy, T::kText, kText, C, kStaff | kDoc},
    // PlanGoal
    {"goal.id", Part::kGoal, 0, S::kGoals, T::kId, 0, C | G | P, kNone},
    {"goal.area", Part::kGoal, 1, S::kGoals, T::kCode, 0, C | G | P, kStaff | kFamily | kDoc},
    {"goal.outcome", Part::kGoal, 2, S::kGoals, T::kText, kText, C | G | P, kStaff | kFamily | kDoc},
    {"goal.how_we_know", Part::kGoal, 3, S::kGoals, T::kText, kText, C | G | P, kStaff | kFamily | kDoc},
    {"goal.by_when", Part::kGoal, 4, S::kGoals, T::kDate, 0, C | G | P, kStaff | kFamily | kDoc},
    // PlanAction
    {"action.id", Part::kAction, 0, S::kActions, T::kId, 0, kEveryone, kNone},
    {"action.what", Part::kAction, 1, S::kActions, T::kText, kText, kEveryone, kStaff | kFamily | kDoc | kChildOwn},
    {"action.unit", Part::kAction, 2, S::kActions, T::kUnit, 0, kEveryone, kStaff | kFamily | kDoc},
    {"action.responsible", Part::kAction, 3, S::kActions, T::kText, kText, kEveryone,
     kStaff | kFamily | kDoc | kChildOwn},
    {"action.start", Part::kAction, 4, S::kActions, T::kDate, 0, C | G | P | O, kStaff | kFamily | kDoc},
    {"action.frequency", Part::kAction, 5, S::kActions, T::kText, kText, C | G | P | O, kStaff | kFamily | kDoc},
    {"action.due", Part::kAction, 6, S::kActions, T::kDate, 0, C | G | P | O, kStaff | kFamily | kDoc},
    {"action.status", Part::kAction, 7, S::kActions, T::kCode, 0, C | G | P | O, kStaff | kFamily | kDoc},
    // A party's latest report: the keepers and the reporting unit (a participant sees only its own
    // actions), not the family, which sees the status.
    {"action.progress_note", Part::kAction, 8, S::kActions, T::kText, kShortText, C | P | O, kStaff | kDoc},
    {"action.proposed_due", Part::kAction, 9, S::kActions, T::kDate, 0, C | P | O, kStaff | kDoc},
    {"action.reported_by", Part::kAction, 10, S::kActions, T::kName, 0, C | P | O, kStaff},
    {"action.reported_at", Part::kAction, 11, S::kActions, T::kTimestamp, 0, C | P | O, kStaff},
    // Participant: one contact person per unit
    {"participant.unit", Part::kParticipant, 0, S::kContacts, T::kUnit, 0, C | G | P | O, kStaff | kFamily | kDoc},
    {"participant.contact_name", Part::kParticipant, 1, S::kContacts, T::kText, kText, C | G | P | O,
     kStaff | kFamily | kDoc},
    {"participant.contact_phone", Part::kParticipant, 2, S::kContacts, T::kText, kText, C | G | P | O,
     kStaff | kFamily | kDoc},
    // RemovedParticipant: who left the plan and why, for the plan's keepers
    {"removed_participant.unit", Part::kRemovedParticipant, 0, S::kContacts, T::kUnit, 0, C, kStaff},
    {"removed_participant.contact_name", Part::kRemovedParticipant, 1, S::kContacts, T::kText, kText, C, kStaff | kDoc},
    {"removed_participant.reason", Part::kRemovedParticipant, 2, S::kContacts, T::kText, kText, C, kStaff | kDoc},
    // Meeting
    {"meeting.id", Part::kMeeting, 0, S::kFollowUp, T::kId, 0, C | G, kNone},
    {"meeting.kind", Part::kMeeting, 1, S::kFollowUp, T::kCode, 0, C | G, kStaff},
    {"meeting.held_on", Part::kMeeting, 2, S::kFollowUp, T::kDate, 0, C | G, kStaff | kFamily},
    {"meeting.place", Part::kMeeting, 3, S::kFollowUp, T::kText, kText, C, kStaff | kDoc},
    {"meeting.guardians_present", Part::kMeeting, 4, S::kFollowUp, T::kFlag, 0, C, kStaff},
    {"meeting.child_present", Part::kMeeting, 5, S::kFollowUp, T::kFlag, 0, C, kStaff},
    {"meeting.child_absent_reason", Part::kMeeting, 6, S::kFollowUp, T::kText, kText, C, kStaff | kDoc},
    {"meeting.notes", Part::kMeeting, 7, S::kFollowUp, T::kText, kText, C, kStaff | kDoc},
    {"meeting.collaborate", Part::kMeeting, 8, S::kFollowUp, T::kFlag, 0, C, kNone},
    {"meeting.evaluations", Part::kMeeting, 9, S::kFollowUp, T::kParts, 0, C | G, kNone},
    {"meeting.next_meeting", Part::kMeeting, 10, S::kFollowUp, T::kDate, 0, C | G, kNone},
    {"meeting.recorded_by", Part::kMeeting, 11, S::kInternal, T::kId, 0, C, kNone},
    {"meeting.recorded_at", Part::kMeeting, 12, S::kInternal, T::kTimestamp, 0, C, kNone},
    // PlannedMeeting: the next meeting, for everyone who takes part in it
    {"planned_meeting.id", Part::kPlannedMeeting, 0, S::kFollowUp, T::kId, 0, kEveryone, kNone},
    {"planned_meeting.kind", Part::kPlannedMeeting, 1, S::kFollowUp, T::kCode, 0, kEveryone,
     kStaff | kFamily | kDoc | kChildOwn},
    {"planned_meeting.on", Part::kPlannedMeeting, 2, S::kFollowUp, T::kDate, 0, kEveryone,
     kStaff | kFamily | kDoc | kChildOwn},
    {"planned_meeting.starts_at", Part::kPlannedMeeting, 3, S::kFollowUp, T::kTime, 0, kEveryone,
     kStaff | kFamily | kDoc | kChildOwn},
    {"planned_meeting.place", Part::kPlannedMeeting, 4, S::kFollowUp, T::kText, kShortText, kEveryone,
     kStaff | kFamily | kDoc | kChildOwn},
    {"planned_meeting.invited_units", Part::kPlannedMeeting, 5, S::kFollowUp, T::kUnits, 0, C | G | P | O,
     kStaff | kFamily | kDoc},
    {"planned_meeting.family_invited", Part::kPlannedMeeting, 6, S::kFollowUp, T::kFlag, 0, kEveryone,
     kStaff | kFamily | kDoc | kChildOwn},
    {"planned_meeting.sequence", Part::kPlannedMeeting, 7, S::kInternal, T::kNumber, 0, C, kNone},
    // GuardianPart: the other guardian's reason for not taking part stays with the keepers (it may
    // be a documented restriction).
    {"guardian_part.guardian_id", Part::kGuardianPart, 0, S::kIdentity, T::kId, 0, C | G, kNone},
    {"guardian_part.name", Part::kGuardianPart, 1, S::kIdentity, T::kName, 0, C | G, kStaff | kFamily | kDoc},
    {"guardian_part.kind", Part::kGuardianPart, 2, S::kIdentity, T::kCode, 0, C | G, kStaff | kFamily | kDoc},
    {"guardian_part.reason", Part::kGuardianPart, 3, S::kIdentity, T::kText, kShortText, C, kStaff | kDoc},
    {"guardian_part.recorded_on", Part::kGuardianPart, 4, S::kIdentity, T::kDate, 0, C | G, kStaff | kFamily | kDoc},
    // ActionEvaluation
    {"evaluation.action_id", Part::kEvaluation, 0, S::kFollowUp, T::kId, 0, C | G, kNone},
    {"evaluation.result", Part::kEvaluation, 1, S::kFollowUp, T::kCode, 0, C | G, kStaff | kFamily},
    {"evaluation.note", Part::kEvaluation, 2, S::kFollowUp, T::kText, kText, C | G, kStaff | kFamily},
    // The child as a plan names it (PlanView, not Plan)
    {"child.name", Part::kChild, 0, S::kIdentity, T::kText, 0, kEveryone, kStaff | kFamily | kDoc},
    {"child.personal_number", Part::kChild, 1, S::kIdentity, T::kText, 0, C | G | P, kStaff | kDoc},
};

// One row per member of each plan struct: a member added without a row fails to compile here.
constexpr std::size_t RowsOf(PlanPart part) {
    std::size_t rows = 0;
    for (const auto& field : kFields) rows += field.part == part ? 1 : 0;
    return rows;
}
static_assert(RowsOf(Part::kPlan) == boost::pfr::tuple_size_v<Plan>, "declare every member of Plan");
static_assert(RowsOf(Part::kBasics) == boost::pfr::tuple_size_v<PlanBasics>, "declare every member of PlanBasics");
static_assert(RowsOf(Part::kGuardianView) == boost::pfr::tuple_size_v<GuardianView>);
static_assert(RowsOf(Part::kGoal) == boost::pfr::tuple_size_v<PlanGoal>, "declare every member of PlanGoal");
static_assert(RowsOf(Part::kAction) == boost::pfr::tuple_size_v<PlanAction>, "declare every member of PlanAction");
static_assert(RowsOf(Part::kParticipant) == boost::pfr::tuple_size_v<Participant>);
static_assert(RowsOf(Part::kRemovedParticipant) == boost::pfr::tuple_size_v<RemovedParticipant>);
static_assert(RowsOf(Part::kMeeting) == boost::pfr::tuple_size_v<Meeting>, "declare every member of Meeting");
static_assert(RowsOf(Part::kEvaluation) == boost::pfr::tuple_size_v<ActionEvaluation>);
static_assert(RowsOf(Part::kPlannedMeeting) == boost::pfr::tuple_size_v<PlannedMeeting>);
static_assert(RowsOf(Part::kGuardianPart) == boost::pfr::tuple_size_v<GuardianPart>);

// Copies every member of `from` the reader sees into `to` (which starts as a default value); the
// members that are parts themselves are left to the caller.
template <PlanPart kPart, typename Struct>
void CopySeen(const Struct& from, Struct& to, const PlanReading& reading) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        ((reading.Sees(kPart, I) && FindPlanField(kPart, I)->type != PlanFieldType::kParts
              ? void(boost::pfr::get<I>(to) = boost::pfr::get<I>(from))
              : void()),
         ...);
    }
    (std::make_index_sequence<boost::pfr::tuple_size_v<Struct>>{});
}

template <PlanPart kPart, typename Struct>
Struct Seen(const Struct& from, const PlanReading& reading) {
    Struct to{};
    CopySeen<kPart>(from, to, reading);
    return to;
}

template <PlanPart kPart, typename Struct>
Status CheckLimits(const Struct& part) {
    Status status = Ok();
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        const auto check = [&](std::size_t member, const auto& value) {
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, std::string>) {
                const auto* field = FindPlanField(kPart, member);
                if (field != nullptr && field->max_length > 0 && value.size() > field->max_length && status) {
                    status = Error::InvalidArgument("plan.text_too_long");
                }
            }
        };
        (check(I, boost::pfr::get<I>(part)), ...);
    }
    (std::make_index_sequence<boost::pfr::tuple_size_v<Struct>>{});
    return status;
}

template <typename Value>
std::optional<std::string> TextOf(const Value& value) {
    using T = std::remove_cvref_t<Value>;
    if constexpr (std::is_same_v<T, std::string>) {
        return value;
    } else if constexpr (std::is_same_v<T, Date>) {
        return FormatDate(value);
    } else if constexpr (std::is_enum_v<T>) {
        return std::string(Code(value));
    } else if constexpr (std::is_same_v<T, std::chrono::minutes>) {
        return FormatTimeOfDay(value);
    } else if constexpr (std::is_same_v<T, std::optional<Date>>) {
        return value ? FormatDate(*value) : std::string();
    } else if constexpr (std::is_same_v<T, std::optional<UnitId>>) {
        return value ? std::to_string(*value) : std::string();
    } else if constexpr (std::is_same_v<T, std::optional<CloseReason>>) {
        return value ? std::string(Code(*value)) : std::string();
    } else {
        return std::nullopt;
    }
}

template <PlanPart kPart, typename Struct>
void DiffValues(const Struct& before, const Struct& after, std::vector<FieldChange>& changes,
                std::string_view name = {}) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        const auto compare = [&](std::size_t member, const auto& was, const auto& is) {
            const auto* field = FindPlanField(kPart, member);
            const bool value = field->type == PlanFieldType::kText || field->type == PlanFieldType::kDate ||
                               field->type == PlanFieldType::kTime || field->type == PlanFieldType::kCode ||
                               field->type == PlanFieldType::kUnit;
            if (!value) return;
            const auto before_text = TextOf(was), after_text = TextOf(is);
            if (before_text && after_text && *before_text != *after_text) {
                std::string code(field->code);
                if (!name.empty()) code += ":" + std::string(name);
                changes.push_back({std::move(code), *before_text, *after_text});
            }
        };
        (compare(I, boost::pfr::get<I>(before), boost::pfr::get<I>(after)), ...);
    }
    (std::make_index_sequence<boost::pfr::tuple_size_v<Struct>>{});
}

// Labels of the fields the history names, and the names older versions wrote for them.
constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
    {"plan.state", "plan.state"},
    {"plan.close_reason", "plan.close_reason"},
    {"plan.kept_by_unit", "plan.history.kept_by_unit"},
    {"basics.reason", "plan.reason"},
    {"basics.child_view", "plan.child_view"},
    {"basics.trusted_adult", "plan.trusted_adult"},
    {"basics.guardian_views", "plan.guardian_views"},
    {"basics.disagreements", "plan.disagreements"},
    {"basics.follow_up_how", "plan.follow_up_how"},
    {"basics.next_meeting", "plan.next_meeting"},
    {"basics.collaboration_unit", "plan.collaboration_unit"},
    {"guardian_view.view", "plan.history.guardian_view"},
    {"plan.goals", "plan.history.goal_added"},
    {"plan.actions", "plan.history.action_added"},
    {"action.status", "plan.history.action_status"},
    {"plan.participants", "plan.history.participant_added"},
    {"plan.meetings", "plan.history.meeting_recorded"},
    {"goal.removed", "plan.history.goal_removed"},
    {"goal.area", "plan.goal.area"},
    {"goal.outcome", "plan.goal.outcome"},
    {"goal.how_we_know", "plan.goal.how_we_know"},
    {"goal.by_when", "plan.goal.by_when"},
    {"action.removed", "plan.history.action_removed"},
    {"action.what", "plan.action.what"},
    {"action.unit", "plan.action.unit"},
    {"action.responsible", "plan.action.responsible"},
    {"action.start", "plan.action.start"},
    {"action.frequency", "plan.action.frequency"},
    {"action.due", "plan.action.due"},
    {"action.progress_note", "plan.action.progress_note"},
    {"action.proposed_due", "plan.action.proposed_due"},
    {"participant.removed", "plan.history.participant_removed"},
    {"participant.contact_name", "plan.participant.contact"},
    {"participant.contact_phone", "plan.participant.phone"},
    {"meeting.held_on", "plan.meeting.held_on"},
    {"meeting.place", "plan.meeting.place"},
    {"meeting.notes", "plan.meeting.notes"},
    {"plan.planned_meeting", "plan.history.planned_meeting"},
    {"guardian_part.kind", "plan.history.guardian_part"},
};
constexpr std::pair<std::string_view, std::string_view> kOlderNames[] = {
    {"state", "plan.state"},
    {"close_reason", "plan.close_reason"},
    {"kept_by_unit", "plan.kept_by_unit"},
    {"reason", "basics.reason"},
    {"child_view", "basics.child_view"},
    {"trusted_adult", "basics.trusted_adult"},
    {"guardian_views", "basics.guardian_views"},
    {"disagreements", "basics.disagreements"},
    {"follow_up_how", "basics.follow_up_how"},
    {"next_meeting", "basics.next_meeting"},
    {"collaboration_unit", "basics.collaboration_unit"},
    {"guardian_view", "guardian_view.view"},
    {"goal", "plan.goals"},
    {"action", "plan.actions"},
    {"action_status", "action.status"},
    {"participant", "plan.participants"},
    {"meeting", "plan.meetings"},
};

}  // namespace

std::string_view FormName(const PlanFieldSpec& field) { return field.code.substr(field.code.find('.') + 1); }

void FillTextMembers(PlanBasics& basics, const std::function<std::string(std::string_view form_name)>& value_of) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        const auto fill = [&](std::size_t member, auto& value) {
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, std::string>) {
                const auto* field = FindPlanField(Part::kBasics, member);
                if (field->type == PlanFieldType::kText) value = value_of(FormName(*field));
            }
        };
        (fill(I, boost::pfr::get<I>(basics)), ...);
    }
    (std::make_index_sequence<boost::pfr::tuple_size_v<PlanBasics>>{});
}

void DiffDeclaredMembers(const Plan& before, const Plan& after, std::vector<FieldChange>& changes) {
    DiffValues<Part::kPlan>(before, after, changes);
    DiffValues<Part::kBasics>(before.basics, after.basics, changes);
}
void DiffDeclaredMembers(const PlanGoal& before, const PlanGoal& after, std::string_view name,
                         std::vector<FieldChange>& changes) {
    DiffValues<Part::kGoal>(before, after, changes, name);
}
void DiffDeclaredMembers(const PlanAction& before, const PlanAction& after, std::string_view name,
                         std::vector<FieldChange>& changes) {
    DiffValues<Part::kAction>(before, after, changes, name);
}
void DiffDeclaredMembers(const Participant& before, const Participant& after, std::string_view name,
                         std::vector<FieldChange>& changes) {
    DiffValues<Part::kParticipant>(before, after, changes, name);
}
void DiffDeclaredMembers(const Meeting& before, const Meeting& after, std::string_view name,
                         std::vector<FieldChange>& changes) {
    DiffValues<Part::kMeeting>(before, after, changes, name);
}

std::string_view LabelKeyOf(std::string_view history_field) {
    std::string_view code = history_field.substr(0, history_field.find(':'));
    for (const auto& [older, current] : kOlderNames) {
        if (older == code) code = current;
    }
    for (const auto& [field, label] : kLabels) {
        if (field == code) return label;
    }
    return {};
}

std::string_view Code(PlanReader reader) {
    switch (reader) {
        case PlanReader::kCoordinating:
            return "coordinating";
        case PlanReader::kGuardian:
            return "guardian";
        case PlanReader::kChild:
            return "child";
        case PlanReader::kParticipant:
            return "participant";
        case PlanReader::kOtherSectorParticipant:
            return "other_sector_participant";
    }
    return "other_sector_participant";
}

std::span<const PlanFieldSpec> PlanFields() { return kFields; }

const PlanFieldSpec* FindPlanField(PlanPart part, std::size_t member) {
    for (const auto& field : kFields) {
        if (field.part == part && field.member == member) return &field;
    }
    return nullptr;
}

const PlanFieldSpec* FindPlanField(std::string_view code) {
    for (const auto& field : kFields) {
        if (field.code == code) return &field;
    }
    return nullptr;
}

std::size_t DeclaredMembers(PlanPart part) { return RowsOf(part); }

bool Sees(PlanReader reader, const PlanFieldSpec& field) { return (field.readers & ReaderBit(reader)) != 0; }

bool PlanReading::Sees(PlanPart part, std::size_t member) const {
    const auto* field = FindPlanField(part, member);
    return field != nullptr && domain::Sees(reader, *field);
}

bool PlanReading::Sees(std::string_view code) const {
    const auto* field = FindPlanField(code);
    return field != nullptr && domain::Sees(reader, *field);
}

bool PlanReading::KnowsUnit(UnitId unit) const {
    return std::find(known_units.begin(), known_units.end(), unit) != known_units.end();
}

Plan RedactPlan(const Plan& plan, const PlanReading& reading) {
    Plan seen = Seen<Part::kPlan>(plan, reading);
    seen.basics = Seen<Part::kBasics>(plan.basics, reading);
    if (reading.Sees("basics.each_guardian")) {
        for (const auto& view : plan.basics.each_guardian) {
            seen.basics.each_guardian.push_back(Seen<Part::kGuardianView>(view, reading));
        }
    }
    if (reading.Sees("plan.guardian_parts")) {
        for (const auto& part : plan.guardian_parts) {
            seen.guardian_parts.push_back(Seen<Part::kGuardianPart>(part, reading));
        }
    }
    if (reading.Sees("plan.goals")) {
        for (const auto& goal : plan.goals) seen.goals.push_back(Seen<Part::kGoal>(goal, reading));
    }
    // Actions: a participant sees its own unit's; the others those of the family and of units they
    // may know take part.
    const bool participant =
        reading.reader == PlanReader::kParticipant || reading.reader == PlanReader::kOtherSectorParticipant;
    std::vector<PlanActionId> shown_actions;
    if (reading.Sees("plan.actions")) {
        for (const auto& action : plan.actions) {
            const bool shown = participant ? action.unit_id && action.unit_id == reading.own_unit
                                           : !action.unit_id || reading.KnowsUnit(*action.unit_id);
            if (!shown) continue;
            shown_actions.push_back(action.id);
            seen.actions.push_back(Seen<Part::kAction>(action, reading));
        }
    }
    if (reading.Sees("plan.participants")) {
        for (const auto& each : plan.participants) {
            if (reading.KnowsUnit(each.unit_id)) seen.participants.push_back(Seen<Part::kParticipant>(each, reading));
        }
    }
    if (reading.Sees("plan.removed_participants")) {
        for (const auto& each : plan.removed_participants) {
            seen.removed_participants.push_back(Seen<Part::kRemovedParticipant>(each, reading));
        }
    }
    if (reading.Sees("plan.meetings")) {
        for (const auto& meeting : plan.meetings) {
            Meeting shown = Seen<Part::kMeeting>(meeting, reading);
            if (reading.Sees("meeting.evaluations")) {
                for (const auto& evaluation : meeting.evaluations) {
                    if (std::find(shown_actions.begin(), shown_actions.end(), evaluation.action_id) ==
                        shown_actions.end()) {
                        continue;
                    }
                    shown.evaluations.push_back(Seen<Part::kEvaluation>(evaluation, reading));
                }
            }
            seen.meetings.push_back(std::move(shown));
        }
    }
    seen.planned_meeting = PlannedMeetingFor(plan, reading);
    return seen;
}

bool GuardianSeesChange(const Plan& before, const Plan& after) {
    PlanReading reading;
    reading.reader = PlanReader::kGuardian;
    for (const Plan* plan : {&before, &after}) {
        for (const auto& participant : plan->participants) reading.known_units.push_back(participant.unit_id);
    }
    const Plan was = RedactPlan(before, reading);
    Plan is = RedactPlan(after, reading);
    is.planned_meeting = was.planned_meeting;
    is.basics.next_meeting = was.basics.next_meeting;
    return !(was == is);
}

std::optional<PlannedMeeting> PlannedMeetingFor(const Plan& plan, const PlanReading& reading) {
    if (!plan.planned_meeting || !reading.Sees("plan.planned_meeting")) return std::nullopt;
    const bool participant =
        reading.reader == PlanReader::kParticipant || reading.reader == PlanReader::kOtherSectorParticipant;
    const auto& invited = plan.planned_meeting->invited_units;
    const bool invited_participant =
        reading.own_unit && std::find(invited.begin(), invited.end(), *reading.own_unit) != invited.end();
    if (participant && !invited_participant) return std::nullopt;
    PlannedMeeting shown = Seen<Part::kPlannedMeeting>(*plan.planned_meeting, reading);
    std::erase_if(shown.invited_units, [&](UnitId unit) { return !reading.KnowsUnit(unit); });
    return shown;
}

Status CheckTextLimits(const PlanBasics& basics) {
    KB_RETURN_IF_ERROR(CheckLimits<Part::kBasics>(basics));
    for (const auto& view : basics.each_guardian) KB_RETURN_IF_ERROR(CheckLimits<Part::kGuardianView>(view));
    return Ok();
}
Status CheckTextLimits(const PlanGoal& goal) { return CheckLimits<Part::kGoal>(goal); }
Status CheckTextLimits(const PlanAction& action) { return CheckLimits<Part::kAction>(action); }
Status CheckTextLimits(const Participant& participant) { return CheckLimits<Part::kParticipant>(participant); }
Status CheckTextLimits(const RemovedParticipant& removed) { return CheckLimits<Part::kRemovedParticipant>(removed); }
Status CheckTextLimits(const PlannedMeeting& meeting) { return CheckLimits<Part::kPlannedMeeting>(meeting); }
Status CheckTextLimits(const Meeting& meeting) {
    KB_RETURN_IF_ERROR(CheckLimits<Part::kMeeting>(meeting));
    for (const auto& evaluation : meeting.evaluations) {
        KB_RETURN_IF_ERROR(CheckLimits<Part::kEvaluation>(evaluation));
    }
    return Ok();
}

}  // namespace kronobarn::domain
