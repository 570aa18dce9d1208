#include "app/directory_import.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "app/unit_admin.hpp"
#include "common/text.hpp"
#include "domain/user_account.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

constexpr std::string_view kUnitColumns[] = {"external_id", "name",  "kind",        "area",
                                             "phone",       "email", "active_from", "active_to"};
constexpr std::string_view kUnitRequired[] = {"external_id", "name", "kind"};
constexpr std::string_view kStaffColumns[] = {"external_id", "username", "display_name", "email", "phone", "roles"};
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

domain::AuditEvent ImportEvent(domain::OrganisationId organisation, std::string object_type, std::string object_id,
                               std::string action, const RequestContext& context, Timestamp now) {
    domain::AuditEvent event;
    event.at = now;
    event.organisation_id = organisation;
    event.role = "import";
    event.object_type = std::move(object_type);
    event.object_id = std::move(object_id);
    event.action = std::move(action);
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
    ImportRun(store::UnitOfWork& uow, domain::Organisation organisation, const RequestContext& context, Timestamp now,
              ImportReport& report)
        : uow_(uow), organisation_(std::move(organisation)), context_(context), now_(now), report_(report) {}

    Status Units(const CsvTable& table, bool dry_run);
    Status Staff(const CsvTable& table, bool dry_run);

  private:
    void Problem(int row, std::string column, std::string key, std::string value = {}) {
        report_.problems.push_back({row, std::move(column), std::move(key), std::move(value)});
    }
    void Change(std::string action, std::string external_id, std::string what) {
        report_.changes.push_back({std::move(action), std::move(external_id), std::move(what)});
    }
    Status Audit(std::string object_type, std::string object_id, std::string action) {
        return uow_.Audit().Append(ImportEvent(organisation_.id, std::move(object_type), std::move(object_id),
                                               std::move(action), context_, now_));
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
            KB_RETURN_IF_ERROR(Audit("unit", std::to_string(id), "create"));
            Change("create", after.external_id, after.name);
            continue;
        }
        std::vector<std::string> changed;
        if (after.name != before->name) changed.emplace_back("name");
        if (after.area != before->area) changed.emplace_back("area");
        const bool details =
            after.phone != before->phone || after.email != before->email || after.active_from != before->active_from;
        if (after.phone != before->phone) changed.emplace_back("phone");
        if (after.email != before->email) changed.emplace_back("email");
        if (after.active_from != before->active_from) changed.emplace_back("active_from");
        const bool closes = before->IsOpen() && !after.IsOpen();
        const bool reopens = !before->IsOpen() && after.IsOpen();
        if (changed.empty() && !closes && !reopens && after.active_to == before->active_to) continue;
        KB_RETURN_IF_ERROR(uow_.Organisations().UpdateUnit(after));
        // The same audit rows the page writes: one per kind of change.
        const std::string id = std::to_string(after.id);
        if (after.name != before->name) KB_RETURN_IF_ERROR(Audit("unit", id, "rename"));
        if (after.area != before->area) KB_RETURN_IF_ERROR(Audit("unit", id, "move"));
        if (details) KB_RETURN_IF_ERROR(Audit("unit", id, "update"));
        if (closes || reopens) KB_RETURN_IF_ERROR(Audit("unit", id, closes ? "close" : "reopen"));
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
    domain::UserAccount account;  // username, display name, email, phone; id when it exists
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

Status ImportRun::Staff(const CsvTable& table, bool dry_run) {
    const Columns columns(table, kStaffColumns, kStaffRequired, report_.problems);
    KB_ASSIGN_OR_RETURN(const auto units, OwnUnits());
    std::map<std::string, domain::UnitId> open_units;
    std::set<domain::UnitId> keyed_units;
    for (const auto& unit : units) {
        if (!unit.external_id.empty()) keyed_units.insert(unit.id);
        if (!unit.external_id.empty() && unit.IsOpen()) open_units.emplace(unit.external_id, unit.id);
    }
    KB_ASSIGN_OR_RETURN(const auto keyed_list, uow_.Users().StaffExternalIds(organisation_.id));
    const std::map<std::string, domain::UserId> keyed(keyed_list.begin(), keyed_list.end());
    std::set<domain::UserId> keyed_users;
    for (const auto& [external_id, user] : keyed) keyed_users.insert(user);
    KB_ASSIGN_OR_RETURN(auto staff_list, uow_.Users().ListStaffOf(organisation_.id));
    std::map<domain::UserId, domain::UserAccount> staff;
    for (auto& account : staff_list) staff.emplace(account.id, std::move(account));
    auto account_of = [&](domain::UserId id) -> Result<std::optional<domain::UserAccount>> {
        if (const auto it = staff.find(id); it != staff.end()) return std::optional(it->second);
        return uow_.Users().Find(id);
    };

    std::vector<PlannedStaff> planned;
    std::set<std::string> listed, usernames;
    for (const auto& row : table.rows) {
        PlannedStaff person;
        person.external_id = columns.Get(row, "external_id");
        person.account.username = domain::NormalizeUsername(columns.Get(row, "username"));
        person.account.display_name = columns.Get(row, "display_name");
        person.account.email = columns.Get(row, "email");
        person.account.phone = columns.Get(row, "phone");
        const int n = row.number;
        const std::size_t problems_before = report_.problems.size();
        if (person.external_id.empty())
            Problem(n, "external_id", "import.external_id_missing");
        else if (!domain::IsValidExternalId(person.external_id)) {
            Problem(n, "external_id", "unit.external_id_invalid", person.external_id);
        } else if (!listed.insert(person.external_id).second) {
            Problem(n, "external_id", "import.external_id_twice", person.external_id);
        }
        if (!domain::IsValidUsername(person.account.username))
            Problem(n, "username", "user.username_invalid");
        else if (!usernames.insert(person.account.username).second) {
            Problem(n, "username", "import.username_twice", person.account.username);
        }
        if (person.account.display_name.empty()) Problem(n, "display_name", "staff.name_missing");
        if (person.account.display_name.size() > kMaxNameLength) Problem(n, "display_name", "staff.name_too_long");
        if (!domain::IsPlausibleEmail(person.account.email)) Problem(n, "email", "staff.email_invalid");
        if (!person.account.phone.empty() && !domain::IsPlausiblePhone(person.account.phone)) {
            Problem(n, "phone", "staff.phone_invalid");
        }
        std::istringstream entries(columns.Get(row, "roles"));
        for (std::string entry; entries >> entry;) {
            const auto equals = entry.find('=');
            const std::string unit = entry.substr(0, equals);
            const auto role = equals == std::string::npos ? std::nullopt : domain::ParseRole(entry.substr(equals + 1));
            const auto found = open_units.find(unit);
            if (found == open_units.end()) Problem(n, "roles", "import.role_unit_unknown", unit);
            if (!role || !domain::TraitsOf(*role).given_by_organisation_admin) {
                Problem(n, "roles", "staff.role_unknown", entry);
            }
            if (found != open_units.end() && role) person.roles.insert({found->second, *role});
        }
        if (columns.Get(row, "roles").empty()) Problem(n, "roles", "import.roles_missing");
        if (report_.problems.size() != problems_before) continue;

        // Who the row is: the person the external id already keys, or an account of the organisation
        // with the username that no id keys yet (created on the page), or someone new.
        if (const auto it = keyed.find(person.external_id); it != keyed.end()) {
            KB_ASSIGN_OR_RETURN(person.before, account_of(it->second));
            person.keyed = true;
        }
        KB_ASSIGN_OR_RETURN(const auto by_username, uow_.Users().FindByUsername(person.account.username));
        if (by_username && (!person.before || by_username->user.id != person.before->id)) {
            const bool adoptable =
                !person.before && staff.contains(by_username->user.id) && !keyed_users.contains(by_username->user.id);
            if (!adoptable) {
                Problem(n, "username", "user.username_taken", person.account.username);
                continue;
            }
            person.before = by_username->user;
        }
        planned.push_back(std::move(person));
    }
    if (!report_.problems.empty()) return Ok();

    for (auto& person : planned) {
        if (!person.before) {
            for (const auto& role : person.roles) {
                const auto unit =
                    std::find_if(units.begin(), units.end(), [&](const auto& u) { return u.id == role.unit; });
                person.account.roles.push_back({role.unit, organisation_.id, role.role, unit->kind});
            }
            // No password: the person signs in through an activation link or their organisation's login.
            KB_ASSIGN_OR_RETURN(const auto id, uow_.Users().Insert(person.account, ""));
            KB_RETURN_IF_ERROR(uow_.Users().AddStaffExternalId(organisation_.id, person.external_id, id));
            KB_RETURN_IF_ERROR(Audit("user", std::to_string(id), "user_create"));
            for (const auto& role : person.roles) {
                KB_RETURN_IF_ERROR(Audit(
                    "user_role",
                    std::to_string(id) + "/" + std::to_string(role.unit) + "/" + std::string(domain::Code(role.role)),
                    "role_add"));
            }
            Change("create", person.external_id, person.account.display_name);
            continue;
        }
        const auto& before = *person.before;
        const std::string id = std::to_string(before.id);
        std::vector<std::string> changed;
        if (!person.keyed)
            KB_RETURN_IF_ERROR(uow_.Users().AddStaffExternalId(organisation_.id, person.external_id, before.id));
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
        if (!changed.empty()) KB_RETURN_IF_ERROR(Audit("user", id, "user_update"));
        // The file names units by external id: roles in units without one (given on the page) stay.
        auto held = RolesIn(before, organisation_.id);
        std::erase_if(held, [&](const PlannedRole& role) { return !keyed_units.contains(role.unit); });
        for (const auto& role : person.roles) {
            if (held.contains(role)) continue;
            KB_RETURN_IF_ERROR(uow_.Users().AddRole(before.id, role.unit, role.role));
            KB_RETURN_IF_ERROR(Audit("user_role",
                                     id + "/" + std::to_string(role.unit) + "/" + std::string(domain::Code(role.role)),
                                     "role_add"));
            changed.emplace_back("roles");
        }
        for (const auto& role : held) {
            if (person.roles.contains(role)) continue;
            KB_RETURN_IF_ERROR(uow_.Users().RemoveRole(before.id, role.unit, role.role));
            KB_RETURN_IF_ERROR(Audit("user_role",
                                     id + "/" + std::to_string(role.unit) + "/" + std::string(domain::Code(role.role)),
                                     "role_remove"));
            changed.emplace_back("roles");
        }
        if (before.disabled) {
            KB_RETURN_IF_ERROR(uow_.Users().SetDisabled(before.id, false));
            KB_RETURN_IF_ERROR(Audit("user", id, "user_enable"));
            Change("reopen", person.external_id, person.account.display_name);
        }
        changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
        if (!changed.empty())
            Change("update", person.external_id, Joined(changed));
        else if (!person.keyed && !before.disabled)
            Change("update", person.external_id, "external_id");
    }
    // Keyed people the file no longer lists leave the organisation: their account closes (every
    // session ends) when it has no role elsewhere, otherwise only their roles here end.
    for (const auto& [external_id, user] : keyed) {
        if (listed.contains(external_id)) continue;
        KB_ASSIGN_OR_RETURN(const auto account, account_of(user));
        if (!account || account->disabled) continue;
        const auto here = RolesIn(*account, organisation_.id);
        if (here.size() == account->roles.size()) {
            KB_RETURN_IF_ERROR(uow_.Users().SetDisabled(user, true));
            KB_RETURN_IF_ERROR(uow_.Sessions().DeleteAllOf(user));
            KB_RETURN_IF_ERROR(Audit("user", std::to_string(user), "user_disable"));
        } else {
            for (const auto& role : here) {
                KB_RETURN_IF_ERROR(uow_.Users().RemoveRole(user, role.unit, role.role));
                KB_RETURN_IF_ERROR(Audit(
                    "user_role",
                    std::to_string(user) + "/" + std::to_string(role.unit) + "/" + std::string(domain::Code(role.role)),
                    "role_remove"));
            }
        }
        Change("close", external_id, account->display_name);
    }
    report_.written = !dry_run;
    return Ok();
}

std::string Line(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) line += (i > 0 ? "," : "") + CsvField(fields[i]);
    return line + "\n";
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
    ImportReport report;
    ImportRun run(*uow, std::move(*organisation), context, clock_.Now(), report);
    KB_RETURN_IF_ERROR(kind == ImportKind::kUnits ? run.Units(table, dry_run) : run.Staff(table, dry_run));
    // A dry run, or a file with problems, ends here: the unit of work rolls back whatever it did.
    if (report.written) KB_RETURN_IF_ERROR(uow->Commit());
    return report;
}

Result<std::string> DirectoryImport::Export(ImportKind kind, std::string_view organisation_code) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto organisation, uow->Organisations().FindByCode(organisation_code));
    if (!organisation) return UnknownOrganisation(organisation_code);
    KB_ASSIGN_OR_RETURN(auto all_units, uow->Organisations().ListUnits());
    std::map<domain::UnitId, const domain::Unit*> units;
    for (const auto& unit : all_units) {
        if (unit.organisation_id == organisation->id && !unit.external_id.empty()) units.emplace(unit.id, &unit);
    }
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
    out = Line({"external_id", "username", "display_name", "email", "phone", "roles"});
    KB_ASSIGN_OR_RETURN(const auto keyed, uow->Users().StaffExternalIds(organisation->id));
    KB_ASSIGN_OR_RETURN(const auto staff, uow->Users().ListStaffOf(organisation->id));
    for (const auto& [external_id, user] : keyed) {
        const auto account = std::find_if(staff.begin(), staff.end(), [&](const auto& a) { return a.id == user; });
        if (account == staff.end() || account->disabled) continue;
        std::string roles;
        for (const auto& assignment : account->roles) {
            const auto unit = units.find(assignment.unit_id);
            if (unit == units.end()) continue;  // a unit without an external id cannot be named in the file
            roles += (roles.empty() ? "" : " ") + unit->second->external_id + "=" +
                     std::string(domain::Code(assignment.role));
        }
        out += Line({external_id, account->username, account->display_name, account->email, account->phone, roles});
    }
    return out;
}

}  // namespace kronobarn::app
