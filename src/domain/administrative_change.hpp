// What an administrative change altered, field by field, for its audit rows (issue 23: "who, what,
// before/after"). One table per record says which fields a row carries and under which action, so
// the page, the import and SCIM write the same rows for the same change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/organisation.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::domain {

// One audit row of a change: its action and the fields it altered.
struct ChangeRow {
    std::string_view action;
    std::vector<AuditChange> changes;
};

// A unit's change as the rows the log shows, in this order and only those with a change: "rename"
// (name), "move" (area), "update" (external id, phone, e-mail, first day), "close" or "reopen"
// (last day).
std::vector<ChangeRow> UnitChangeRows(const Unit& before, const Unit& after);

// A new unit's or account's fields, each from "" to its value (the empty ones left out).
std::vector<AuditChange> UnitCreated(const Unit& unit);
std::vector<AuditChange> AccountCreated(const UserAccount& account);

// An account's username, name, e-mail and phone.
std::vector<AuditChange> AccountChanges(const UserAccount& before, const UserAccount& after);

// An account closed (`disabled`) or opened again: "disabled" from what it was.
std::vector<AuditChange> AccountClosing(const UserAccount& before, bool disabled);

// A new organisation's kind, name and code.
std::vector<AuditChange> OrganisationCreated(const Organisation& organisation);
// An organisation's name, code and whether it is active.
std::vector<AuditChange> OrganisationChanges(const Organisation& before, const Organisation& after);

// The object id of a role's audit row, "person/unit/role": one format for the page, the import, SCIM
// and a merge (log review reads it back).
std::string RoleObjectId(UserId user, UnitId unit, std::string_view role_code);

// A role assignment's period, as given when it is added ("" = open).
std::vector<AuditChange> RolePeriod(const RoleAssignment& assignment);

}  // namespace kronobarn::domain
