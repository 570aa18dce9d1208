#include "app/directory_import.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "app/unit_admin.hpp"
#include "common/text.hpp"
#include "domain/administrative_change.hpp"
#include "domain/user_account.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

constexpr std::string_view kUnitColumns[] = {"external_id", "name",  "kind",        "area",
                                             "phone",       "email", "active_from", "active_to"};
constexpr std::string_view kUnitRequired[] = {"external_id", "name", "kind"};
constexpr std::string_view kStaffColumns[] = {"external_id", "username", "display_name", "email",
                                              "phone",       "roles",    "active"};
constexpr std::string_view kStaffRequired[] = {"external_id", "username", "display_name", "email", "roles"};
constexpr std::size_t kMaxNameLength = 200;

// The file's columns by name, after checking the header against the format's.
class Columns {
  public:
    Columns(const CsvTable& table, std::span<const std::string_view> known, std::span<const std::string_view> required,
            std::vector<ImportProblem>& problems) {
        for (std::size_t i = 0; i < table.header.size(); ++i) {
            const std::string& name = table.header[i];
            if (std::find(known.begin(), known.end(), name) == known.end()) {
                problems.push_back({1, name, "import.column_unknown", name});
            } else if (!index_.emplace(name, i).second) {
                problems.push_back({1, name, "import.column_twice", name});
            }
        }
        for (const auto name : required) {
            if (!index_.contains(std::string(name))) {
                problems.push_back({1, std::string(name), "import.column_missing", std::string(name)});
            }
        }
    }
    // The row's value in the column, trimmed; empty when the file has no such column or the row is short.
    std::string Get(const CsvRow& row, const std::string& name) const {
        const auto it = index_.find(name);
        if (it == index_.end() || it->second >= row.fields.size()) return {};
        return Trimmed(row.fields[it->second]);
    }

  private:
    std::map<std::string, std::size_t> index_;
};

// `source` says which register spoke: "import" (a file) or "scim" (identity management).
domain::AuditEvent ImportEvent(std::string_view source, domain::OrganisationId organisation, std::string object_type,
                               std::string object_id, std::string action, std::vector<domain::AuditChange> changes,
                               const RequestContext& context, Timestamp now) {
    domain::AuditEvent event;
    event.at = now;
    event.organisation_id = organisation;
    event.role = std::string(source);
    event.object_type = std::move(object_type);
    event.object_id = std::move(object_id);
    event.action = std::move(action);
    event.changes = std::move(changes);
    event.legal_basis = "administration";
    event.request_id = context.request_id;
    return event;
}

std::string Joined(const std::vector<std::string>& parts) {
    std::string joined;
    for (const auto& part : parts) joined += (joined.empty() ? "" : ", ") + part;
    return joined;
}

// One import: checks every row first (reads only), then writes, all in one unit of work.
class ImportRun {
  public:
    // `by`: the administrator who uploaded the file on the import page (a CLI import has no one).
    ImportRun(store::UnitOfWork& uow, domain::Organisation organisation, const RequestContext& context, Timestamp now,
              ImportReport& report, std::optional<domain::UserId> by = std::nullopt)
        : uow_(uow), organisation_(std::move(organisation)), context_(context), now_(now), report_(report), by_(by) {}

    Status Units(const CsvTable& table, bool dry_run);
    Status Staff(const CsvTable& table, bool dry_run);

  private:
    void Problem(int row, std::string column, std::string key, std::string value = {}) {
        report_.problems.push_back({row, std::move(column), std::move(key), std::move(value)});
    }
    void Change(std::string action, std::string external_id, std::string what) {
        report_.changes.push_back({std::move(action), std::move(external_id), std::move(what)});
    }
    Status Audit(std::string object_type, std::string object_id, std::string action,
                 std::vector<domain::AuditChange> changes = {}) {
        auto event = ImportEvent("import", organisation_.id, std::move(object_type), std::move(object_id),
                                 std::move(action), std::move(changes), context_, now_);
        event.user_id = by_;
        return uow_.Audit().Append(event);
    }
    Result<std::vector<domain::Unit>> OwnUnits() {
        KB_ASSIGN_OR_RETURN(auto units, uow_.Organisations().ListUnits());
        std::erase_if(units, [&](const auto& unit) { return unit.organisation_id != organisation_.id; });
        return units;
    }

    store::UnitOfWork& uow_;
    domain::Organisation organisation_;
    const RequestContext& context_;
    Timestamp now_;
    ImportReport& report_;
    std::optional<domain::UserId> by_;
};

// What a unit row asks for, checked against the units the organisation has.
struct PlannedUnit {
    domain::Unit after;
    std::optional<domain::Unit> before;
};

Status ImportRun::Units(const CsvTable& table, bool dry_run) {
    const Columns columns(table, kUnitColumns, kUnitRequired, report_.problems);
    KB_ASSIGN_OR_RETURN(const auto existing, OwnUnits());
    std::map<std::string, const domain::Unit*> by_external_id;
    std::map<std::string, std::string> name_owner;  // name → external id of the unit that has it ("" none)
    for (const auto& unit : existing) {
        if (!unit.external_id.empty()) by_external_id.emplace(unit.external_id, &unit);
        name_owner.emplace(unit.name, unit.external_id);
    }
    std::vector<PlannedUnit> planned;
    std::set<std::string> listed;
    for (const auto& row : table.rows) {
        UnitInput input{columns.Get(row, "name"),       std::nullopt,
                        columns.Get(row, "area"),       columns.Get(row, "external_id"),
                        columns.Get(row, "phone"),      columns.Get(row, "email"),
                        columns.Get(row, "active_from")};
        const auto found = by_external_id.find(input.external_id);
        const domain::Unit* before = found == by_external_id.end() ? nullptr : found->second;
        domain::Unit after = before != nullptr ? *before : domain::Unit{};
        after.organisation_id = organisation_.id;
        std::vector<FieldError> errors;
        ApplyUnitInput(input, after, errors);
        if (after.external_id.empty()) errors.push_back({"external_id", "import.external_id_missing"});
        const auto kind = domain::ParseUnitKind(columns.Get(row, "kind"));
        if (!kind) {
            errors.push_back({"kind", "unit.kind_unknown"});
        } else if (!domain::UnitKindFits(*kind, organisation_.kind)) {
            errors.push_back({"kind", "unit.kind_not_for_organisation"});
        } else if (before != nullptr && before->kind != *kind) {
            errors.push_back({"kind", "import.kind_changed"});  // a kind decides secrecy: a new unit instead
        } else {
            after.kind = *kind;
        }
        const std::string to = columns.Get(row, "active_to");
        after.active_to = to.empty() ? std::nullopt : ParseDate(to);
        if (!to.empty() && !after.active_to) errors.push_back({"active_to", "unit.date_invalid"});
        if (!after.external_id.empty() && !listed.insert(after.external_id).second) {
            errors.push_back({"external_id", "import.external_id_twice"});
        }
        const auto owner = name_owner.find(after.name);
        if (owner != name_owner.end() && owner->second != after.external_id) {
            errors.push_back({"name", "unit.name_taken"});
        }
        name_owner[after.name] = after.external_id;
        if (before != nullptr && before->IsOpen() && !after.IsOpen()) {
            KB_ASSIGN_OR_RETURN(const auto obligations, uow_.Organisations().ObligationsOf(before->id));
            if (!obligations.None()) errors.push_back({"active_to", "import.unit_has_obligations"});
        }
        for (const auto& error : errors) {
            Problem(row.number, error.field, error.message_key,
                    error.field == "kind" || error.field == "external_id" ? columns.Get(row, error.field) : "");
        }
        if (errors.empty()) planned.push_back({after, before ? std::optional(*before) : std::nullopt});
    }
    // Keyed units the file no longer lists close, as long as nothing depends on them.
    for (const auto& unit : existing) {
        if (unit.external_id.empty() || listed.contains(unit.external_id) || !unit.IsOpen()) continue;
        KB_ASSIGN_OR_RETURN(const auto obligations, uow_.Organisations().ObligationsOf(unit.id));
        if (!obligations.None()) {
            Problem(0, "external_id", "import.missing_unit_has_obligations", unit.external_id);
            continue;
        }
        domain::Unit closed = unit;
        closed.active_to = SwedishDate(now_);
        planned.push_back({closed, unit});
    }
    if (!report_.problems.empty()) return Ok();

    for (const auto& [after, before] : planned) {
        if (!before) {
            KB_ASSIGN_OR_RETURN(const auto id, uow_.Organisations().InsertUnit(after));
            KB_RETURN_IF_ERROR(Audit("unit", std::to_string(id), "create", domain::UnitCreated(after)));
            Change("create", after.external_id, after.name);
            continue;
        }
        std::vector<std::string> changed;
        if (after.name != before->name) changed.emplace_back("name");
        if (after.area != before->area) changed.emplace_back("area");
        if (after.phone != before->phone) changed.emplace_back("phone");
        if (after.email != before->email) changed.emplace_back("email");
        if (after.active_from != before->active_from) changed.emplace_back("active_from");
        const bool closes = before->IsOpen() && !after.IsOpen();
        const bool reopens = !before->IsOpen() && after.IsOpen();
        if (changed.empty() && !closes && !reopens && after.active_to == before->active_to) continue;
        KB_RETURN_IF_ERROR(uow_.Organisations().UpdateUnit(after));
        // The same audit rows the page writes: one per kind of change, with its fields before and after.
        for (auto& row : domain::UnitChangeRows(*before, after)) {
            KB_RETURN_IF_ERROR(
                Audit("unit", std::to_string(after.id), std::string(row.action), std::move(row.changes)));
        }
        if (!changed.empty()) Change("update", after.external_id, Joined(changed));
        if (closes || reopens) Change(closes ? "close" : "reopen", after.external_id, after.name);
    }
    report_.written = !dry_run;
    return Ok();
}

// A staff row's roles: "UNIT=role" entries separated by spaces.
struct PlannedRole {
    domain::UnitId unit = 0;
    domain::Role role = domain::Role::kTeacher;
    auto operator<=>(const PlannedRole&) const = default;
};

struct PlannedStaff {
    std::string external_id;
    domain::UserAccount account;  // username, display name, email, phone, disabled
    std::set<PlannedRole> roles;
    std::optional<domain::UserAccount> before;
    bool keyed = false;  // the external id is already the person's
};

std::set<PlannedRole> RolesIn(const domain::UserAccount& account, domain::OrganisationId organisation) {
    std::set<PlannedRole> roles;
    for (const auto& assignment : account.roles) {
        if (assignment.organisation_id == organisation) roles.insert({assignment.unit_id, assignment.role});
    }
    return roles;
}

// Whether the person works for the organisation as its register sees it: an open account, and not
// one whose roles are all in other organisations (closed out here, working elsewhere).
bool ActiveIn(const domain::UserAccount& account, domain::OrganisationId organisation) {
    const std::size_t here = RolesIn(account, organisation).size();
    return !account.disabled && !(here == 0 && !account.roles.empty());
}

std::string RoleObject(domain::UserId user, const PlannedRole& role) {
    return domain::RoleObjectId(user, role.unit, domain::Code(role.role));
}

// The organisation's staff brought in step with records from its own register (an import file's
// rows, or SCIM requests): each record checked against what exists, then written with the same
// audit rows the staff page writes.
class StaffSync {
  public:
    StaffSync(std::string_view source, store::UnitOfWork& uow, const domain::Organisation& organisation,
              const RequestContext& context, Timestamp now, ImportReport& report)
        : source_(source), uow_(uow), organisation_(organisation), context_(context), now_(now), report_(report) {}

    Status Load() {
        KB_ASSIGN_OR_RETURN(auto units, uow_.Organisations().ListUnits());
        for (const auto& unit : units) {
            if (unit.organisation_id != organisation_.id || unit.external_id.empty()) continue;
            keyed_units_.emplace(unit.id, unit.kind);
            if (unit.IsOpen()) open_units_.emplace(unit.external_id, unit.id);
        }
        KB_ASSIGN_OR_RETURN(const auto keyed_list, uow_.Users().StaffExternalIds(organisation_.id));
        for (const auto& [external_id, user] : keyed_list) {
            keyed_.emplace(external_id, user);
            keyed_users_.insert(user);
        }
        KB_ASSIGN_OR_RETURN(auto staff_list, uow_.Users().ListStaffOf(organisation_.id));
        for (auto& account : staff_list) staff_.emplace(account.id, std::move(account));
        return Ok();
    }

    // The record checked (its problems reported under `row`), and who it is.
    Result<std::optional<PlannedStaff>> Check(int row, const StaffRecord& record);
    Status Write(PlannedStaff& person);
    // Keyed people no record listed leave the organisation: their account closes (every session
    // ends) when it has no role elsewhere, otherwise only their roles here end.
    Status CloseUnlisted();

  private:
    void Problem(int row, std::string column, std::string key, std::string value = {}) {
        report_.problems.push_back({row, std::move(column), std::move(key), std::move(value)});
    }
    Status Audit(std::string object_type, std::string object_id, std::string action,
                 std::vector<domain::AuditChange> changes = {}) {
        return uow_.Audit().Append(ImportEvent(source_, organisation_.id, std::move(object_type), std::move(object_id),
                                               std::move(action), std::move(changes), context_, now_));
    }
    Result<std::optional<domain::UserAccount>> AccountOf(domain::UserId id) {
        if (const auto it = staff_.find(id); it != staff_.end()) return std::optional(it->second);
        return uow_.Users().Find(id);
    }
    Status SetRoles(const PlannedStaff& person, std::vector<std::string>& changed);
    // The person leaves the organisation: the account closes (every session ends) when it has no
    // role elsewhere; otherwise only the roles here end — another organisation's access is not
    // this one's to end.
    Status CloseOut(const domain::UserAccount& account);

    std::string_view source_;
    store::UnitOfWork& uow_;
    const domain::Organisation& organisation_;
    const RequestContext& context_;
    Timestamp now_;
    ImportReport& report_;
    std::map<domain::UnitId, domain::UnitKind> keyed_units_;  // units the records can name
    std::map<std::string, domain::UnitId> open_units_;
    std::map<std::string, domain::UserId> keyed_;
    std::set<domain::UserId> keyed_users_;
    std::map<domain::UserId, domain::UserAccount> staff_;
    std::set<std::string> listed_, usernames_;
};

Result<std::optional<PlannedStaff>> StaffSync::Check(int n, const StaffRecord& record) {
    PlannedStaff person;
    person.external_id = Trimmed(record.external_id);
    person.account.username = domain::NormalizeUsername(Trimmed(record.username));
    person.account.display_name = Trimmed(record.display_name);
    person.account.email = Trimmed(record.email);
    person.account.phone = Trimmed(record.phone);
    person.account.disabled = !record.active;
    const std::size_t problems_before = report_.problems.size();
    if (person.external_id.empty()) {
        Problem(n, "external_id", "import.external_id_missing");
    } else if (!domain::IsValidExternalId(person.external_id)) {
        Problem(n, "external_id", "unit.external_id_invalid", person.external_id);
    } else if (!listed_.insert(person.external_id).second) {
        Problem(n, "external_id", "import.external_id_twice", person.external_id);
    }
    if (!domain::IsValidUsername(person.account.username)) {
        Problem(n, "username", "user.username_invalid");
    } else if (!usernames_.insert(person.account.username).second) {
        Problem(n, "username", "import.username_twice", person.account.username);
    }
    if (person.account.display_name.empty()) Problem(n, "display_name", "staff.name_missing");
    if (person.account.display_name.size() > kMaxNameLength) Problem(n, "display_name", "staff.name_too_long");
    if (!domain::IsPlausibleEmail(person.account.email)) Problem(n, "email", "staff.email_invalid");
    if (!person.account.phone.empty() && !domain::IsPlausiblePhone(person.account.phone)) {
        Problem(n, "phone", "staff.phone_invalid");
    }
    for (const auto& [unit, role_code] : record.roles) {
        const auto role = domain::ParseRole(role_code);
        const auto found = open_units_.find(unit);
        if (found == open_units_.end()) Problem(n, "roles", "import.role_unit_unknown", unit);
        if (!role || !domain::TraitsOf(*role).given_by_organisation_admin) {
            Problem(n, "roles", "staff.role_unknown", unit + "=" + role_code);
        }
        if (found != open_units_.end() && role) person.roles.insert({found->second, *role});
    }
    if (record.roles.empty() && record.roles_required) Problem(n, "roles", "import.roles_missing");
    if (report_.problems.size() != problems_before) return std::optional<PlannedStaff>{};

    // Who the record is: the person the external id already keys, or an account of the organisation
    // with the username that no id keys yet (created on the page), or someone new.
    if (const auto it = keyed_.find(person.external_id); it != keyed_.end()) {
        KB_ASSIGN_OR_RETURN(person.before, AccountOf(it->second));
        person.keyed = true;
    }
    KB_ASSIGN_OR_RETURN(const auto by_username, uow_.Users().FindByUsername(person.account.username));
    if (by_username && (!person.before || by_username->user.id != person.before->id)) {
        const bool adoptable =
            !person.before && staff_.contains(by_username->user.id) && !keyed_users_.contains(by_username->user.id);
        if (!adoptable) {
            Problem(n, "username", "user.username_taken", person.account.username);
            return std::optional<PlannedStaff>{};
        }
        person.before = by_username->user;
    }
    return std::optional<PlannedStaff>(std::move(person));
}

Status StaffSync::SetRoles(const PlannedStaff& person, std::vector<std::string>& changed) {
    const domain::UserId user = person.before->id;
    // Records name units by external id: roles in units without one (given on the page) stay.
    auto held = RolesIn(*person.before, organisation_.id);
    std::erase_if(held, [&](const PlannedRole& role) { return !keyed_units_.contains(role.unit); });
    for (const auto& role : person.roles) {
        if (held.contains(role)) continue;
        KB_RETURN_IF_ERROR(
            uow_.Users().AddRole(user, {role.unit, organisation_.id, role.role, keyed_units_.at(role.unit)}));
        KB_RETURN_IF_ERROR(Audit("user_role", RoleObject(user, role), "role_add"));
        changed.emplace_back("roles");
    }
    for (const auto& role : held) {
        if (person.roles.contains(role)) continue;
        KB_RETURN_IF_ERROR(uow_.Users().RemoveRole(user, role.unit, role.role));
        KB_RETURN_IF_ERROR(Audit("user_role", RoleObject(user, role), "role_remove"));
        changed.emplace_back("roles");
    }
    return Ok();
}

Status StaffSync::Write(PlannedStaff& person) {
    if (!person.before) {
        for (const auto& role : person.roles) {
            person.account.roles.push_back({role.unit, organisation_.id, role.role, keyed_units_.at(role.unit)});
        }
        // No password: the person signs in through an activation link or their organisation's login.
        KB_ASSIGN_OR_RETURN(const auto id, uow_.Users().Insert(person.account, ""));
        person.account.id = id;
        KB_RETURN_IF_ERROR(uow_.Users().AddStaffExternalId(organisation_.id, person.external_id, id));
        KB_RETURN_IF_ERROR(Audit("user", std::to_string(id), "user_create", domain::AccountCreated(person.account)));
        for (const auto& role : person.roles) KB_RETURN_IF_ERROR(Audit("user_role", RoleObject(id, role), "role_add"));
        report_.changes.push_back({"create", person.external_id, person.account.display_name});
        return Ok();
    }
    const auto& before = *person.before;
    person.account.id = before.id;
    const std::string id = std::to_string(before.id);
    std::vector<std::string> changed;
    auto changes = domain::AccountChanges(before, person.account);
    if (!person.keyed) {
        domain::NoteChange(changes, "external_id", "", person.external_id);
        KB_RETURN_IF_ERROR(uow_.Users().AddStaffExternalId(organisation_.id, person.external_id, before.id));
        changed.emplace_back("external_id");
    }
    if (person.account.username != before.username) {
        KB_RETURN_IF_ERROR(uow_.Users().SetUsername(before.id, person.account.username));
        changed.emplace_back("username");
    }
    if (person.account.display_name != before.display_name || person.account.email != before.email ||
        person.account.phone != before.phone) {
        KB_RETURN_IF_ERROR(uow_.Users().SetProfile(before.id, person.account.display_name, person.account.email,
                                                   person.account.phone));
        if (person.account.display_name != before.display_name) changed.emplace_back("display_name");
        if (person.account.email != before.email) changed.emplace_back("email");
        if (person.account.phone != before.phone) changed.emplace_back("phone");
    }
    if (!changed.empty()) KB_RETURN_IF_ERROR(Audit("user", id, "user_update", std::move(changes)));
    // Leaving wins over a role change sent with it.
    const bool leaves = person.account.disabled && ActiveIn(before, organisation_.id);
    if (!leaves) KB_RETURN_IF_ERROR(SetRoles(person, changed));
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    if (!changed.empty()) report_.changes.push_back({"update", person.external_id, Joined(changed)});
    if (leaves) {
        KB_RETURN_IF_ERROR(CloseOut(before));
        report_.changes.push_back({"close", person.external_id, person.account.display_name});
    } else if (before.disabled && !person.account.disabled) {
        KB_RETURN_IF_ERROR(uow_.Users().SetDisabled(before.id, false));
        KB_RETURN_IF_ERROR(Audit("user", id, "user_enable", domain::AccountClosing(before, false)));
        report_.changes.push_back({"reopen", person.external_id, person.account.display_name});
    }
    return Ok();
}

Status StaffSync::CloseOut(const domain::UserAccount& account) {
    const auto here = RolesIn(account, organisation_.id);
    if (here.size() == account.roles.size()) {
        KB_RETURN_IF_ERROR(uow_.Users().SetDisabled(account.id, true));
        KB_RETURN_IF_ERROR(uow_.Sessions().DeleteAllOf(account.id));
        return Audit("user", std::to_string(account.id), "user_disable", domain::AccountClosing(account, true));
    }
    for (const auto& role : here) {
        KB_RETURN_IF_ERROR(uow_.Users().RemoveRole(account.id, role.unit, role.role));
        KB_RETURN_IF_ERROR(Audit("user_role", RoleObject(account.id, role), "role_remove"));
    }
    return Ok();
}

Status StaffSync::CloseUnlisted() {
    for (const auto& [external_id, user] : keyed_) {
        if (listed_.contains(external_id)) continue;
        KB_ASSIGN_OR_RETURN(const auto account, AccountOf(user));
        if (!account || !ActiveIn(*account, organisation_.id)) continue;
        KB_RETURN_IF_ERROR(CloseOut(*account));
        report_.changes.push_back({"close", external_id, account->display_name});
    }
    return Ok();
}

// "A=teacher B=principal" as (unit, role code) pairs; an entry without "=" has an empty role.
std::vector<std::pair<std::string, std::string>> ParseRoles(const std::string& text) {
    std::vector<std::pair<std::string, std::string>> roles;
    std::istringstream entries(text);
    for (std::string entry; entries >> entry;) {
        const auto equals = entry.find('=');
        roles.emplace_back(entry.substr(0, equals), equals == std::string::npos ? "" : entry.substr(equals + 1));
    }
    return roles;
}

Status ImportRun::Staff(const CsvTable& table, bool dry_run) {
    const Columns columns(table, kStaffColumns, kStaffRequired, report_.problems);
    StaffSync sync("import", uow_, organisation_, context_, now_, report_);
    KB_RETURN_IF_ERROR(sync.Load());
    std::vector<PlannedStaff> planned;
    for (const auto& row : table.rows) {
        const std::string active = columns.Get(row, "active");
        if (!active.empty() && active != "yes" && active != "no") {
            Problem(row.number, "active", "import.active_invalid", active);
        }
        const StaffRecord record{columns.Get(row, "external_id"),
                                 columns.Get(row, "username"),
                                 columns.Get(row, "display_name"),
                                 columns.Get(row, "email"),
                                 columns.Get(row, "phone"),
                                 ParseRoles(columns.Get(row, "roles")),
                                 active != "no",
                                 true};
        KB_ASSIGN_OR_RETURN(auto person, sync.Check(row.number, record));
        if (person) planned.push_back(std::move(*person));
    }
    if (!report_.problems.empty()) return Ok();
    for (auto& person : planned) KB_RETURN_IF_ERROR(sync.Write(person));
    KB_RETURN_IF_ERROR(sync.CloseUnlisted());
    report_.written = !dry_run;
    return Ok();
}

std::string Line(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) line += (i > 0 ? "," : "") + CsvField(fields[i]);
    return line + "\n";
}

// The organisation's units that files and identity management can name (those with an external id).
std::map<domain::UnitId, const domain::Unit*> KeyedUnits(const std::vector<domain::Unit>& all,
                                                         domain::OrganisationId organisation) {
    std::map<domain::UnitId, const domain::Unit*> units;
    for (const auto& unit : all) {
        if (unit.organisation_id == organisation && !unit.external_id.empty()) units.emplace(unit.id, &unit);
    }
    return units;
}

// Everyone the organisation keys, as records: roles in the units `units` can name.
// One keyed person as the import's format names them: roles only in units with an external id.
KeyedStaff KeyedRecord(std::string external_id, const domain::UserAccount& account,
                       const domain::Organisation& organisation,
                       const std::map<domain::UnitId, const domain::Unit*>& units) {
    StaffRecord record{std::move(external_id),
                       account.username,
                       account.display_name,
                       account.email,
                       account.phone,
                       {},
                       ActiveIn(account, organisation.id),
                       false};
    for (const auto& assignment : account.roles) {
        const auto unit = units.find(assignment.unit_id);
        if (unit == units.end()) continue;  // a unit without an external id cannot be named
        record.roles.emplace_back(unit->second->external_id, std::string(domain::Code(assignment.role)));
    }
    return {account.id, std::move(record)};
}

Result<std::vector<KeyedStaff>> KeyedIn(store::UnitOfWork& uow, const domain::Organisation& organisation,
                                        const std::map<domain::UnitId, const domain::Unit*>& units) {
    KB_ASSIGN_OR_RETURN(const auto keyed, uow.Users().StaffExternalIds(organisation.id));
    KB_ASSIGN_OR_RETURN(const auto staff, uow.Users().ListStaffOf(organisation.id));
    std::map<domain::UserId, const domain::UserAccount*> by_id;
    for (const auto& account : staff) by_id.emplace(account.id, &account);
    std::vector<KeyedStaff> out;
    for (const auto& [external_id, user] : keyed) {
        const auto account = by_id.find(user);
        if (account != by_id.end()) {
            out.push_back(KeyedRecord(external_id, *account->second, organisation, units));
            continue;
        }
        KB_ASSIGN_OR_RETURN(const auto found, uow.Users().Find(user));  // keyed, with no role here (yet)
        if (found) out.push_back(KeyedRecord(external_id, *found, organisation, units));
    }
    return out;
}

Error UnknownOrganisation(std::string_view code) {
    return {ErrorCode::kNotFound, "import.organisation_unknown", std::string(code), {}};
}

std::string OptionalDateText(const std::optional<Date>& date) { return date ? FormatDate(*date) : ""; }

}  // namespace

Result<ImportReport> DirectoryImport::Import(ImportKind kind, std::string_view organisation_code, const CsvTable& table,
                                             bool dry_run, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(auto organisation, uow->Organisations().FindByCode(organisation_code));
    if (!organisation) return UnknownOrganisation(organisation_code);
    return Run(*uow, kind, std::move(*organisation), table, dry_run, context, std::nullopt);
}

Result<ImportReport> DirectoryImport::ImportAs(const Actor& actor, ImportKind kind, const CsvTable& table, bool dry_run,
                                               const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const auto organisation_id, AdministeredOrganisation(actor, "imports"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(auto organisation, uow->Organisations().Find(organisation_id));
    if (!organisation) return Error::NotFound("import.organisation_unknown");
    return Run(*uow, kind, std::move(*organisation), table, dry_run, context, actor.user.id);
}

Result<std::string> DirectoryImport::ExportAs(const Actor& actor, ImportKind kind) {
    KB_ASSIGN_OR_RETURN(const auto organisation_id, AdministeredOrganisation(actor, "imports"));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto organisation, uow->Organisations().Find(organisation_id));
    if (!organisation) return Error::NotFound("import.organisation_unknown");
    return ExportOf(*uow, kind, *organisation);
}

Result<ImportReport> DirectoryImport::Run(store::UnitOfWork& uow, ImportKind kind, domain::Organisation organisation,
                                          const CsvTable& table, bool dry_run, const RequestContext& context,
                                          std::optional<domain::UserId> by) {
    ImportReport report;
    ImportRun run(uow, std::move(organisation), context, clock_.Now(), report, by);
    KB_RETURN_IF_ERROR(kind == ImportKind::kUnits ? run.Units(table, dry_run) : run.Staff(table, dry_run));
    // A dry run, or a file with problems, ends here: the unit of work rolls back whatever it did.
    if (report.written) KB_RETURN_IF_ERROR(uow.Commit());
    return report;
}

Result<std::string> DirectoryImport::Export(ImportKind kind, std::string_view organisation_code) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto organisation, uow->Organisations().FindByCode(organisation_code));
    if (!organisation) return UnknownOrganisation(organisation_code);
    return ExportOf(*uow, kind, *organisation);
}

Result<std::string> DirectoryImport::ExportOf(store::UnitOfWork& uow, ImportKind kind,
                                              const domain::Organisation& organisation) {
    KB_ASSIGN_OR_RETURN(const auto all_units, uow.Organisations().ListUnits());
    const auto units = KeyedUnits(all_units, organisation.id);
    std::string out;
    if (kind == ImportKind::kUnits) {
        out = Line({kUnitColumns[0].data(), "name", "kind", "area", "phone", "email", "active_from", "active_to"});
        std::vector<const domain::Unit*> sorted;
        for (const auto& [id, unit] : units) sorted.push_back(unit);
        std::sort(sorted.begin(), sorted.end(), [](auto a, auto b) { return a->external_id < b->external_id; });
        for (const auto* unit : sorted) {
            out += Line({unit->external_id, unit->name, std::string(domain::Code(unit->kind)), unit->area, unit->phone,
                         unit->email, OptionalDateText(unit->active_from), OptionalDateText(unit->active_to)});
        }
        return out;
    }
    out = Line({"external_id", "username", "display_name", "email", "phone", "roles", "active"});
    KB_ASSIGN_OR_RETURN(const auto keyed, KeyedIn(uow, organisation, units));
    for (const auto& [id, record] : keyed) {
        std::string roles;
        for (const auto& [unit, role] : record.roles) roles += (roles.empty() ? "" : " ") + unit + "=" + role;
        out += Line({record.external_id, record.username, record.display_name, record.email, record.phone, roles,
                     record.active ? "yes" : "no"});
    }
    return out;
}

Result<domain::UserId> DirectoryImport::Provision(std::string_view organisation_code, const StaffRecord& record,
                                                  const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto organisation, uow->Organisations().FindByCode(organisation_code));
    if (!organisation) return UnknownOrganisation(organisation_code);
    ImportReport report;
    StaffSync sync("scim", *uow, *organisation, context, clock_.Now(), report);
    KB_RETURN_IF_ERROR(sync.Load());
    KB_ASSIGN_OR_RETURN(auto person, sync.Check(0, record));
    if (!person) {
        std::vector<FieldError> fields;
        for (const auto& problem : report.problems) fields.push_back({problem.column, problem.message_key});
        if (fields.size() == 1 && fields.front().message_key == "user.username_taken") {
            return Error::ConflictOn("username", "user.username_taken");
        }
        return Error::InvalidFields(std::move(fields));
    }
    KB_RETURN_IF_ERROR(sync.Write(*person));
    KB_RETURN_IF_ERROR(uow->Commit());
    return person->account.id;
}

Result<std::vector<KeyedStaff>> DirectoryImport::KeyedStaffOf(std::string_view organisation_code) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto organisation, uow->Organisations().FindByCode(organisation_code));
    if (!organisation) return UnknownOrganisation(organisation_code);
    KB_ASSIGN_OR_RETURN(const auto all_units, uow->Organisations().ListUnits());
    const auto units = KeyedUnits(all_units, organisation->id);
    return KeyedIn(*uow, *organisation, units);
}

Result<std::optional<KeyedStaff>> DirectoryImport::KeyedStaffMember(std::string_view organisation_code,
                                                                    domain::UserId id) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto organisation, uow->Organisations().FindByCode(organisation_code));
    if (!organisation) return UnknownOrganisation(organisation_code);
    KB_ASSIGN_OR_RETURN(auto external_id, uow->Users().StaffExternalIdOf(organisation->id, id));
    if (!external_id) return std::optional<KeyedStaff>{};
    KB_ASSIGN_OR_RETURN(const auto account, uow->Users().Find(id));
    if (!account) return std::optional<KeyedStaff>{};
    KB_ASSIGN_OR_RETURN(const auto all_units, uow->Organisations().ListUnits());
    return std::optional<KeyedStaff>(
        KeyedRecord(std::move(*external_id), *account, *organisation, KeyedUnits(all_units, organisation->id)));
}

}  // namespace kronobarn::app
