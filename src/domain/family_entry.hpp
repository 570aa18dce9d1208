// What the family writes into Barnets plan itself (domain.md §5, stories 11–13): a guardian's own
// view, and the child's own words about what is good and what is hard. Entries are never edited:
// each save is a new entry marked as written by the family, so the plan keeps every version and
// the professionals can see what the family said when.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/child.hpp"
#include "domain/plan.hpp"

namespace kronobarn::domain {

enum class FamilyEntryKind {
    kGuardianView,  // the guardian's own view of the situation and the plan
    kChildGood,     // the child's words: what is good
    kChildHard,     // the child's words: what is hard
};

std::string_view Code(FamilyEntryKind kind);
std::optional<FamilyEntryKind> ParseFamilyEntryKind(std::string_view code);

struct FamilyEntry {
    std::int64_t id = 0;
    PlanId plan_id = 0;
    ChildId child_id = 0;
    FamilyEntryKind kind = FamilyEntryKind::kGuardianView;
    std::string text;
    UserId written_by = 0;
    std::optional<GuardianId> guardian_id;  // empty when the child wrote it with its own login
    std::string author_name;                // as shown: the guardian's name or the child's given name
    Timestamp written_at{};
};

inline constexpr std::size_t kMaxFamilyEntryText = 4000;

// Errors (kInvalidArgument): "family.entry_empty", "family.entry_too_long".
// Only a guardian writes a guardian view: "family.entry_kind_not_yours".
Status ValidateFamilyEntry(const FamilyEntry& entry);

}  // namespace kronobarn::domain
