#include "domain/administrative_change.hpp"

#include <string>

namespace kronobarn::domain {
namespace {

std::string YesNo(bool value) { return value ? "yes" : "no"; }

std::string DayText(const std::optional<Date>& day) { return day ? FormatDate(*day) : std::string(); }

// A unit's audited fields: the row each belongs to and how it reads as text.
struct UnitField {
    std::string_view field;
    std::string_view row;
    std::string (*value)(const Unit&);
};

constexpr std::string_view kLastDayRow = "last_day";  // "close" or "reopen", by direction

const UnitField kUnitFields[] = {
    {"name", "rename", [](const Unit& unit) { return unit.name; }},
    {"area", "move", [](const Unit& unit) { return unit.area; }},
    {"external_id", "update", [](const Unit& unit) { return unit.external_id; }},
    {"phone", "update", [](const Unit& unit) { return unit.phone; }},
    {"email", "update", [](const Unit& unit) { return unit.email; }},
    {"active_from", "update", [](const Unit& unit) { return DayText(unit.active_from); }},
    {"active_to", kLastDayRow, [](const Unit& unit) { return DayText(unit.active_to); }},
};

constexpr std::string_view kUnitRows[] = {"rename", "move", "update", kLastDayRow};

// An account's audited fields.
struct AccountField {
    std::string_view field;
    std::string (*value)(const UserAccount&);
};

const AccountField kAccountFields[] = {
    {"username", [](const UserAccount& account) { return account.username; }},
    {"display_name", [](const UserAccount& account) { return account.display_name; }},
    {"email", [](const UserAccount& account) { return account.email; }},
    {"phone", [](const UserAccount& account) { return account.phone; }},
};

}  // namespace

std::vector<ChangeRow> UnitChangeRows(const Unit& before, const Unit& after) {
    std::vector<ChangeRow> rows;
    for (const auto row : kUnitRows) {
        ChangeRow changed{row, {}};
        for (const auto& field : kUnitFields) {
            if (field.row == row) {
                NoteChange(changed.changes, std::string(field.field), field.value(before), field.value(after));
            }
        }
        if (changed.changes.empty()) continue;
        if (row == kLastDayRow) changed.action = after.IsOpen() ? "reopen" : "close";
        rows.push_back(std::move(changed));
    }
    return rows;
}

std::vector<AuditChange> UnitCreated(const Unit& unit) {
    std::vector<AuditChange> changes;
    NoteChange(changes, "kind", "", std::string(Code(unit.kind)));
    for (const auto& field : kUnitFields) NoteChange(changes, std::string(field.field), "", field.value(unit));
    return changes;
}

std::vector<AuditChange> AccountCreated(const UserAccount& account) { return AccountChanges(UserAccount{}, account); }

std::vector<AuditChange> AccountChanges(const UserAccount& before, const UserAccount& after) {
    std::vector<AuditChange> changes;
    for (const auto& field : kAccountFields) {
        NoteChange(changes, std::string(field.field), field.value(before), field.value(after));
    }
    return changes;
}

std::vector<AuditChange> AccountClosing(const UserAccount& before, bool disabled) {
    std::vector<AuditChange> changes;
    NoteChange(changes, "disabled", YesNo(before.disabled), YesNo(disabled));
    return changes;
}

std::vector<AuditChange> OrganisationChanges(const Organisation& before, const Organisation& after) {
    std::vector<AuditChange> changes;
    NoteChange(changes, "name", before.name, after.name);
    NoteChange(changes, "code", before.code, after.code);
    NoteChange(changes, "active", YesNo(before.active), YesNo(after.active));
    return changes;
}

std::vector<AuditChange> OrganisationCreated(const Organisation& organisation) {
    std::vector<AuditChange> changes;
    NoteChange(changes, "kind", "", std::string(Code(organisation.kind)));
    NoteChange(changes, "name", "", organisation.name);
    NoteChange(changes, "code", "", organisation.code);
    return changes;
}

std::string RoleObjectId(UserId user, UnitId unit, std::string_view role_code) {
    return std::to_string(user) + "/" + std::to_string(unit) + "/" + std::string(role_code);
}

std::vector<AuditChange> RolePeriod(const RoleAssignment& assignment) {
    std::vector<AuditChange> changes;
    NoteChange(changes, "valid_from", "", DayText(assignment.from));
    NoteChange(changes, "valid_to", "", DayText(assignment.to));
    return changes;
}

}  // namespace kronobarn::domain
