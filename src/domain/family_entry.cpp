#include "domain/family_entry.hpp"

#include <algorithm>
#include <cctype>

namespace kronobarn::domain {

std::string_view Code(FamilyEntryKind kind) {
    switch (kind) {
        case FamilyEntryKind::kGuardianView:
            return "guardian_view";
        case FamilyEntryKind::kChildGood:
            return "child_good";
        case FamilyEntryKind::kChildHard:
            return "child_hard";
    }
    return "guardian_view";
}

std::optional<FamilyEntryKind> ParseFamilyEntryKind(std::string_view code) {
    for (auto kind : {FamilyEntryKind::kGuardianView, FamilyEntryKind::kChildGood, FamilyEntryKind::kChildHard}) {
        if (Code(kind) == code) return kind;
    }
    return std::nullopt;
}

Status ValidateFamilyEntry(const FamilyEntry& entry) {
    const bool blank =
        std::all_of(entry.text.begin(), entry.text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
    if (blank) return Error::InvalidArgument("family.entry_empty");
    if (entry.text.size() > kMaxFamilyEntryText) return Error::InvalidArgument("family.entry_too_long");
    if (entry.kind == FamilyEntryKind::kGuardianView && !entry.guardian_id) {
        return Error::InvalidArgument("family.entry_kind_not_yours");
    }
    return Ok();
}

}  // namespace kronobarn::domain
