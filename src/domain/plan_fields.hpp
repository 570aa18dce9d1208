// The plan's fields, declared once (issue 19 §7): every member of Barnets plan and of its parts has
// one row here — its code, section, type, text limit, which kinds of reader see it, and on which
// outputs it is rendered. The redaction is an allow-list over this table: a reader gets a member
// only when its row names that reader, so a member nobody declared visible stays hidden. The JSON
// of a plan, the text limits of every edit and the tests walk the same rows; a test fails when a
// member of a plan struct has no row (the row count per part must equal the struct's member count).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "domain/organisation.hpp"
#include "domain/plan.hpp"

namespace kronobarn::domain {

// Who reads a plan, by the basis the access decision gave and the reader's sector.
enum class PlanReader : std::uint8_t {
    kCoordinating,            // holder, collaboration-responsible unit, emergency access: the whole plan
    kGuardian,                // the child's guardian
    kChild,                   // the child itself: its words, who helps with what, the next meeting
    kParticipant,             // a participant of school, health or social services with a consent in force
    kOtherSectorParticipant,  // a participant outside the protected sectors (a sports club, the police)
};
inline constexpr PlanReader kAllPlanReaders[] = {PlanReader::kCoordinating, PlanReader::kGuardian, PlanReader::kChild,
                                                 PlanReader::kParticipant, PlanReader::kOtherSectorParticipant};
std::string_view Code(PlanReader reader);

// The struct a row's member belongs to. kChild: the child's identity as a plan shows it.
enum class PlanPart : std::uint8_t {
    kPlan,
    kBasics,
    kGuardianView,
    kGoal,
    kAction,
    kParticipant,
    kMeeting,
    kEvaluation,
    kRemovedParticipant,
    kPlannedMeeting,
    kGuardianPart,
    kChild,
};

enum class PlanSection : std::uint8_t {
    kIdentity,  // which child, which plan, its state
    kWhy,       // why there is a plan, the views of the child and the guardians
    kGoals,     // areas needing support and goals
    kActions,   // who does what
    kContacts,  // one contact person per participating unit
    kFollowUp,  // meetings, evaluations, next meeting
    kInternal,  // bookkeeping the plan's keepers need
};

// kName: a person the system names (who reported), never typed into the plan nor diffed.
enum class PlanFieldType : std::uint8_t {
    kId,
    kText,
    kName,
    kDate,
    kTime,  // of day, Swedish local time
    kTimestamp,
    kCode,
    kFlag,
    kNumber,
    kUnit,
    kUnits,
    kCodes,
    kParts
};

// Outputs a field is rendered on when its reader sees it (the JSON carries every field it sees).
enum PlanOutput : std::uint8_t {
    kNoOutput = 0,
    kStaffPage = 1,   // /planer/{id}
    kFamilyPage = 2,  // /familj/barn/{id} (the guardian) and the child's page
    kDocument = 4,    // the printed plan and its PDF
    kChildPage = 8,   // /familj/barn/{id}/barnets-sida, in the child's own words
};

// A text field this short is one line on a form (a name, a phone number); longer ones are areas.
inline constexpr std::size_t kMaxOneLineText = 200;
// A party's short report on its action.
inline constexpr std::size_t kMaxShortText = 1000;

using PlanReaders = std::uint8_t;
constexpr PlanReaders ReaderBit(PlanReader reader) { return static_cast<PlanReaders>(1u << static_cast<int>(reader)); }

struct PlanFieldSpec {
    std::string_view code;  // "basics.child_view": the JSON name and the history's field name
    PlanPart part;
    std::size_t member;  // position of the member in its struct, in declaration order
    PlanSection section;
    PlanFieldType type;
    std::size_t max_length;  // for text, 0 otherwise
    PlanReaders readers;
    std::uint8_t outputs;  // PlanOutput bits
};

std::span<const PlanFieldSpec> PlanFields();
// The row of a part's member; nullptr when undeclared (then nobody sees it).
const PlanFieldSpec* FindPlanField(PlanPart part, std::size_t member);
const PlanFieldSpec* FindPlanField(std::string_view code);
bool Sees(PlanReader reader, const PlanFieldSpec& field);
std::size_t DeclaredMembers(PlanPart part);

// What one reader may see of one plan: the kind of reader, and which participating units it may
// know of. Decided by PlanReadingFor (access.hpp) from the access decision.
struct PlanReading {
    PlanReader reader = PlanReader::kOtherSectorParticipant;
    std::optional<UnitId> own_unit;     // a participant's own unit: its actions and its contact
    std::optional<UnitId> holder_unit;  // whom a participant calls at the holder
    std::vector<UnitId> known_units;    // participants this reader may know take part

    bool Sees(PlanPart part, std::size_t member) const;
    bool Sees(std::string_view code) const;
    bool KnowsUnit(UnitId unit) const;
};

// The plan as the reader may see it: every member whose row does not name the reader is reset to
// its default, actions and contacts of units the reader may not know of are removed.
Plan RedactPlan(const Plan& plan, const PlanReading& reading);
// The planned meeting as the reader may see it (RedactPlan's rule alone, for lists of plans): none for
// a participant whose unit is not invited; only the invited units the reader may know of.
std::optional<PlannedMeeting> PlannedMeetingFor(const Plan& plan, const PlanReading& reading);

// Whether a guardian reading the plan would see a difference between two versions (the family is
// told the plan changed). Every unit taking part counts as known; the planned meeting and the next
// meeting date are left out — the meeting's own messages tell of them.
bool GuardianSeesChange(const Plan& before, const Plan& after);

// The history's field-level diff of every member the table declares as a single value (text, date,
// code, unit) of the plan itself and of its basics, each under its code. Lists are diffed by Diff().
void DiffDeclaredMembers(const Plan& before, const Plan& after, std::vector<FieldChange>& changes);
// The same for one goal, action, participant or meeting that is in both versions; each code gets
// ":<name>" so the history says which one changed ("goal.outcome:Sover hela natten").
void DiffDeclaredMembers(const PlanGoal& before, const PlanGoal& after, std::string_view name,
                         std::vector<FieldChange>& changes);
void DiffDeclaredMembers(const PlanAction& before, const PlanAction& after, std::string_view name,
                         std::vector<FieldChange>& changes);
void DiffDeclaredMembers(const Participant& before, const Participant& after, std::string_view name,
                         std::vector<FieldChange>& changes);
void DiffDeclaredMembers(const Meeting& before, const Meeting& after, std::string_view name,
                         std::vector<FieldChange>& changes);

// The translation key of a field's label ("plan.child_view"), for a code the history shows — also
// the names older versions wrote ("child_view", "guardian_view:…"). Empty when none is known.
std::string_view LabelKeyOf(std::string_view history_field);

// The name a form gives a member: its code without the part ("basics.child_view" → "child_view").
std::string_view FormName(const PlanFieldSpec& field);
// Fills every text member of the basics from a form, by each row's form name: the basics form and
// its use case take their fields from the table, not from a list of their own.
void FillTextMembers(PlanBasics& basics, const std::function<std::string(std::string_view form_name)>& value_of);

// Text limits from the table: kInvalidArgument "plan.text_too_long" when any text member of the
// part is longer than its row allows.
Status CheckTextLimits(const PlanBasics& basics);
Status CheckTextLimits(const PlanGoal& goal);
Status CheckTextLimits(const PlanAction& action);
Status CheckTextLimits(const Participant& participant);
Status CheckTextLimits(const RemovedParticipant& removed);
Status CheckTextLimits(const Meeting& meeting);
Status CheckTextLimits(const PlannedMeeting& meeting);

}  // namespace kronobarn::domain
