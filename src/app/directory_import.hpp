// An organisation's units and staff from its own registers, as CSV files (common/csv.hpp), and
// back. Rows are keyed by the organisation's external ids, so importing the same file again
// changes nothing; a unit or person the organisation keyed before and the file no longer lists is
// closed. The whole file is one transaction: with one bad row nothing changes and the report names
// every bad row and column. A dry run does all the same work and rolls it back. A person's roles are
// set to those the file lists in units it can name (units with an external id); roles in other
// units stay as they are.
//
// Units:  external_id, name, kind, area, phone, email, active_from, active_to
// Staff:  external_id, username, display_name, email, phone, roles, active
//         (roles: "UNIT-EXTERNAL-ID=role_code" entries separated by spaces; active: yes (default) or no)
//
// Identity management (SCIM, web/routes/scim_routes.cpp) keeps staff in step through the same
// checks and writes, one person at a time.
#pragma once

#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/csv.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

// One change the import made (or, in a dry run, would make).
struct ImportChange {
    std::string action;       // "create", "update", "close", "reopen"
    std::string external_id;  // the row's key
    std::string what;         // the changed columns, or the name of what was created or closed
};

// One thing wrong with the file: where (the row as a spreadsheet counts it, the header being row 1;
// the column by its header name, empty when about the whole row) and what, as a message key.
struct ImportProblem {
    int row = 0;  // 0: about no one row (a unit or person the file no longer lists)
    std::string column;
    std::string message_key;
    std::string value;  // the value at fault when it helps to see it (an id, a column name, a role code)
};

struct ImportReport {
    std::vector<ImportChange> changes;
    std::vector<ImportProblem> problems;  // any problem: nothing was written
    bool written = false;                 // committed (not a dry run, no problems)
};

enum class ImportKind { kUnits, kStaff };

// The largest file an import reads (the CLI and the upload page alike).
inline constexpr std::size_t kMaxImportFileBytes = 50 * 1024 * 1024;

// One person as the organisation's register gives them: an import file's row or a SCIM request.
struct StaffRecord {
    std::string external_id;
    std::string username;
    std::string display_name;
    std::string email;
    std::string phone;
    std::vector<std::pair<std::string, std::string>> roles;  // (unit external id, role code)
    bool active = true;
    bool roles_required = true;  // an import row needs one; identity management may give them later
};

struct KeyedStaff {
    domain::UserId id = 0;
    StaffRecord record;
};

class DirectoryImport {
  public:
    DirectoryImport(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // kNotFound "import.organisation_unknown" for a code no organisation has; file problems are
    // in the report.
    Result<ImportReport> Import(ImportKind kind, std::string_view organisation_code, const CsvTable& table,
                                bool dry_run, const RequestContext& context);
    // The organisation's keyed units or staff in the import format (',' delimited, UTF-8).
    Result<std::string> Export(ImportKind kind, std::string_view organisation_code);

    // The same on the import page, for the organisation the actor is system administrator of (the
    // audit rows name the administrator). kPermissionDenied for anyone else.
    Result<ImportReport> ImportAs(const Actor& actor, ImportKind kind, const CsvTable& table, bool dry_run,
                                  const RequestContext& context);
    Result<std::string> ExportAs(const Actor& actor, ImportKind kind);

    // Creates or brings up to date the person the record's external id keys. Errors:
    // kInvalidArgument with every field in error (named as the import's columns); kConflict on
    // username "user.username_taken"; kNotFound "import.organisation_unknown".
    Result<domain::UserId> Provision(std::string_view organisation_code, const StaffRecord& record,
                                     const RequestContext& context);
    // Everyone the organisation keys by an external id, by external id.
    Result<std::vector<KeyedStaff>> KeyedStaffOf(std::string_view organisation_code);
    // One person the organisation keys, by account id (SCIM's read of one user); nullopt when the
    // organisation keys no such person.
    Result<std::optional<KeyedStaff>> KeyedStaffMember(std::string_view organisation_code, domain::UserId id);

  private:
    static Result<std::string> ExportOf(store::UnitOfWork& uow, ImportKind kind,
                                        const domain::Organisation& organisation);
    Result<ImportReport> Run(store::UnitOfWork& uow, ImportKind kind, domain::Organisation organisation,
                             const CsvTable& table, bool dry_run, const RequestContext& context,
                             std::optional<domain::UserId> by);

    store::Store& store_;
    const Clock& clock_;
};

}  // namespace kronobarn::app
