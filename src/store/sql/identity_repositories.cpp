// Organisations, units, users, sessions and login throttling on either engine.
#include <algorithm>

#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {
namespace {

domain::Unit ReadUnit(const Statement& row) {
    domain::Unit unit;
    unit.id = row.Int("id");
    unit.organisation_id = row.Int("organisation_id");
    unit.name = row.Text("name");
    unit.kind = row.Decode("kind", domain::ParseUnitKind(row.Text("kind")));
    unit.area = row.Text("area");
    if (!row.IsNull("external_id")) unit.external_id = row.Text("external_id");
    unit.phone = row.Text("phone");
    unit.email = row.Text("email");
    if (!row.IsNull("active_from")) unit.active_from = row.Decode("active_from", ParseDate(row.Text("active_from")));
    if (!row.IsNull("active_to")) unit.active_to = row.Decode("active_to", ParseDate(row.Text("active_to")));
    return unit;
}

Result<std::vector<domain::Unit>> ReadUnits(Statement& stmt) {
    std::vector<domain::Unit> out;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return out;
        out.push_back(ReadUnit(stmt));
    }
}

std::optional<std::string> DateText(const std::optional<Date>& date) {
    return date ? std::optional<std::string>(FormatDate(*date)) : std::nullopt;
}

std::optional<std::string> TextOrNull(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// A unit's two unique keys within its organisation, told apart by the constraint the engine names
// ("units.external_id" on SQLite, "units_by_external_id" on PostgreSQL), as the field they are about.
Status UnitConflictNamed(Status written) {
    if (written || written.error().code != ErrorCode::kConflict) return written;
    const std::string& detail = written.error().detail;
    if (detail.find("external_id") != std::string::npos) {
        return Error::ConflictOn("external_id", "unit.external_id_taken", detail);
    }
    return Error::ConflictOn("name", "unit.name_taken", detail);
}

// Columns: id, username, display_name, disabled, preferred_language, email, phone.
domain::UserAccount ReadAccount(const Statement& row) {
    domain::UserAccount account;
    account.id = row.Int("id");
    account.username = row.Text("username");
    account.display_name = row.Text("display_name");
    account.disabled = row.Bool("disabled");
    account.preferred_language = row.Text("preferred_language");
    account.email = row.Text("email");
    account.phone = row.Text("phone");
    return account;
}

// The account's columns and password_hash.
UserCredentials ReadUser(const Statement& row) { return {ReadAccount(row), row.Text("password_hash")}; }

// Adds the role a row holds (columns unit_id, organisation_id, role, kind, valid_from, valid_to). A row without a role
// (an account that has none) adds nothing; a role the code does not know is corrupt data
// (Statement::Decode), never silently dropped.
void AddRoleOfRow(domain::UserAccount& user, const Statement& row) {
    if (row.IsNull("role")) return;
    const auto role = row.Decode("role", domain::ParseRole(row.Text("role")));
    const auto kind = row.Decode("kind", domain::ParseUnitKind(row.Text("kind")));
    domain::RoleAssignment assignment{row.Int("unit_id"), row.Int("organisation_id"), role, kind};
    if (!row.IsNull("valid_from")) assignment.from = row.Decode("valid_from", ParseDate(row.Text("valid_from")));
    if (!row.IsNull("valid_to")) assignment.to = row.Decode("valid_to", ParseDate(row.Text("valid_to")));
    user.roles.push_back(assignment);
}

// An account holds roles or family links, never both: staff pay no second query.
Status LoadFamilyLinksUnlessStaff(Connection& db, domain::UserAccount& user) {
    if (!user.roles.empty()) return Ok();
    SqlFamilyRepository family(db);
    KB_ASSIGN_OR_RETURN(user.family, family.LinksOf(user.id));
    return Ok();
}

// Columns: id, name, kind, code, active.
domain::Organisation OrganisationOf(const Statement& stmt) {
    return {stmt.Int("id"), stmt.Text("name"), stmt.Decode("kind", domain::ParseOrganisationKind(stmt.Text("kind"))),
            stmt.Text("code"), stmt.Bool("active")};
}

}  // namespace

Result<OrganisationId> SqlOrganisationRepository::Insert(const domain::Organisation& organisation) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("organisation_insert"));
    KB_RETURN_IF_ERROR(stmt.Bind(1, organisation.name)
                           .Bind(2, domain::Code(organisation.kind))
                           .Bind(3, organisation.code)
                           .BindBool(4, organisation.active)
                           .Run());
    return db_.LastInsertId();
}

Status SqlOrganisationRepository::Update(const domain::Organisation& organisation) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("organisation_update"));
    return stmt.Bind(1, organisation.id)
        .Bind(2, organisation.name)
        .Bind(3, organisation.code)
        .BindBool(4, organisation.active)
        .Run();
}

Result<std::optional<domain::Organisation>> SqlOrganisationRepository::Find(OrganisationId id) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("organisation_find"));
    stmt.Bind(1, id);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<domain::Organisation>{};
    domain::Organisation found = OrganisationOf(stmt);
    KB_RETURN_IF_ERROR(stmt.Decoded());
    return std::optional<domain::Organisation>(std::move(found));
}

Result<std::optional<domain::Organisation>> SqlOrganisationRepository::FindByCode(std::string_view code) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("organisation_find_by_code"));
    stmt.Bind(1, code);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<domain::Organisation>{};
    domain::Organisation found = OrganisationOf(stmt);
    KB_RETURN_IF_ERROR(stmt.Decoded());
    return std::optional<domain::Organisation>(std::move(found));
}

Result<UnitId> SqlOrganisationRepository::InsertUnit(const domain::Unit& unit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("unit_insert"));
    stmt.Bind(1, unit.organisation_id).Bind(2, unit.name).Bind(3, domain::Code(unit.kind)).Bind(4, unit.area);
    stmt.BindTextOrNull(5, TextOrNull(unit.external_id)).Bind(6, unit.phone).Bind(7, unit.email);
    stmt.BindTextOrNull(8, DateText(unit.active_from)).BindTextOrNull(9, DateText(unit.active_to));
    KB_RETURN_IF_ERROR(UnitConflictNamed(stmt.Run()));
    generation_.reset();  // raised by the insert
    return db_.LastInsertId();
}

Status SqlOrganisationRepository::UpdateUnit(const domain::Unit& unit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("unit_update"));
    stmt.Bind(1, unit.id).Bind(2, unit.name).Bind(3, unit.area).BindTextOrNull(4, TextOrNull(unit.external_id));
    stmt.Bind(5, unit.phone).Bind(6, unit.email).BindTextOrNull(7, DateText(unit.active_from));
    stmt.BindTextOrNull(8, DateText(unit.active_to));
    KB_RETURN_IF_ERROR(UnitConflictNamed(stmt.Run()));
    generation_.reset();  // raised by the update
    return Ok();
}

Result<UnitObligations> SqlOrganisationRepository::ObligationsOf(UnitId unit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("unit_obligations"));
    stmt.Bind(1, unit);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return Error::Internal("unit_obligations gave no row");
    return UnitObligations{stmt.Int("children_held"), stmt.Int("pending_handovers"), stmt.Int("open_plans"),
                           stmt.Int("open_signals"), stmt.Int("staff_roles")};
}

Result<UnitMerge> SqlOrganisationRepository::MergeInto(UnitId from, UnitId into, Timestamp now) {
    UnitMerge merge;
    const auto moved = [&](std::string_view query, auto read) -> Status {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare(query));
        stmt.Bind(1, from);
        if (query != "unit_merge_roles_left") stmt.Bind(2, into);
        if (query == "unit_merge_holders") stmt.Bind(3, ToUnixMillis(now));
        for (;;) {
            KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
            if (!has_row) return Ok();
            read(stmt);
        }
    };
    KB_RETURN_IF_ERROR(
        moved("unit_merge_holders", [&](Statement& row) { merge.children.push_back(row.Int("child_id")); }));
    KB_RETURN_IF_ERROR(moved("unit_merge_plans",
                             [&](Statement& row) { merge.plans.emplace_back(row.Int("id"), row.Int("child_id")); }));
    KB_RETURN_IF_ERROR(moved("unit_merge_signals",
                             [&](Statement& row) { merge.signals.emplace_back(row.Int("id"), row.Int("child_id")); }));
    KB_RETURN_IF_ERROR(moved("unit_merge_roles", [&](Statement& row) {
        merge.roles_moved.emplace_back(row.Int("user_id"), row.Text("role"));
    }));
    KB_RETURN_IF_ERROR(moved("unit_merge_roles_left", [&](Statement& row) {
        merge.roles_ended.emplace_back(row.Int("user_id"), row.Text("role"));
    }));
    return merge;
}

Result<std::int64_t> SqlOrganisationRepository::ConsentsNaming(UnitId unit, Date today) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("unit_consents_naming"));
    stmt.Bind(1, unit).Bind(2, FormatDate(today));
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    return has_row ? stmt.Int("count") : 0;
}

Result<std::int64_t> SqlOrganisationRepository::Generation() {
    if (!generation_) {
        KB_ASSIGN_OR_RETURN(generation_, UnitGeneration(db_));
    }
    return *generation_;
}

Result<std::vector<domain::Organisation>> SqlOrganisationRepository::List() {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("organisation_list"));
    return stmt.ReadAll<domain::Organisation>(OrganisationOf);
}

Result<std::vector<domain::Unit>> SqlOrganisationRepository::ListUnits() {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("unit_list"));
    return ReadUnits(stmt);
}

Result<std::optional<domain::Unit>> SqlOrganisationRepository::FindUnit(UnitId id) {
    KB_ASSIGN_OR_RETURN(const std::int64_t generation, Generation());
    if (auto kept = units_.Find(id, generation)) return kept;
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("unit_find"));
    stmt.Bind(1, id);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<domain::Unit>{};
    domain::Unit unit = ReadUnit(stmt);
    KB_RETURN_IF_ERROR(stmt.Decoded());  // a unit of an unknown kind is never kept
    if (keep_units_) units_.Keep(unit, generation);
    return std::optional<domain::Unit>{std::move(unit)};
}

Result<std::vector<domain::Unit>> SqlOrganisationRepository::ListUnitsOfKind(domain::UnitKind kind,
                                                                             std::optional<std::string> area) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare(area ? "unit_list_of_kind_in_area" : "unit_list_of_kind"));
    stmt.Bind(1, domain::Code(kind));
    if (area) stmt.Bind(2, *area);
    return ReadUnits(stmt);
}

Result<std::vector<domain::Unit>> SqlOrganisationRepository::ListUnitsServing(const std::string& area) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("unit_list_serving"));
    stmt.Bind(1, area);
    return ReadUnits(stmt);
}

Result<std::vector<std::string>> SqlOrganisationRepository::ListAreas() { return areas_.Areas(db_); }

Result<UserId> SqlUserRepository::Insert(const domain::UserAccount& user, std::string_view password_hash) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_insert"));
        stmt.Bind(1, user.username).Bind(2, user.display_name).Bind(3, password_hash).BindBool(4, user.disabled);
        stmt.Bind(5, user.preferred_language).Bind(6, user.email).Bind(7, user.phone);
        auto inserted = stmt.Run();
        if (!inserted) {
            if (inserted.error().code == ErrorCode::kConflict) {
                return Error::Conflict("user.username_taken", inserted.error().detail);
            }
            return inserted.error();
        }
    }
    const UserId id = db_.LastInsertId();
    for (const auto& assignment : user.roles) KB_RETURN_IF_ERROR(AddRole(id, assignment));
    return id;
}

Result<std::optional<UserCredentials>> SqlUserRepository::FindOne(Statement& stmt) {
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<UserCredentials>{};
    UserCredentials found = ReadUser(stmt);
    return std::optional<UserCredentials>{std::move(found)};
}

Status SqlUserRepository::LoadRoles(domain::UserAccount& user) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_roles_of"));
    stmt.Bind(1, user.id);
    KB_RETURN_IF_ERROR(stmt.ForEachRow([&] { AddRoleOfRow(user, stmt); }));
    return LoadFamilyLinksUnlessStaff(db_, user);
}

Result<std::optional<UserCredentials>> SqlUserRepository::FindByUsername(std::string_view username) {
    std::optional<UserCredentials> found;
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_find_by_username"));
        stmt.Bind(1, username);
        KB_ASSIGN_OR_RETURN(found, FindOne(stmt));
    }
    if (found) KB_RETURN_IF_ERROR(LoadRoles(found->user));
    return found;
}

Result<std::optional<domain::UserAccount>> SqlUserRepository::Find(UserId id) {
    std::optional<UserCredentials> found;
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_find"));
        stmt.Bind(1, id);
        KB_ASSIGN_OR_RETURN(found, FindOne(stmt));
    }
    if (!found) return std::optional<domain::UserAccount>{};
    KB_RETURN_IF_ERROR(LoadRoles(found->user));
    return std::optional<domain::UserAccount>{std::move(found->user)};
}

Result<std::vector<domain::UserAccount>> SqlUserRepository::List() {
    std::vector<domain::UserAccount> users;
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_list"));
        KB_RETURN_IF_ERROR(stmt.ForEachRow([&] { users.push_back(ReadUser(stmt).user); }));
    }
    for (auto& user : users) KB_RETURN_IF_ERROR(LoadRoles(user));
    return users;
}

Result<std::vector<domain::UserAccount>> SqlUserRepository::ListStaffOf(OrganisationId organisation) {
    std::vector<domain::UserAccount> staff;
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("staff_of_organisation"));
    stmt.Bind(1, organisation);
    KB_RETURN_IF_ERROR(stmt.ForEachRow([&] {
        if (staff.empty() || staff.back().id != stmt.Int("id")) staff.push_back(ReadAccount(stmt));
        AddRoleOfRow(staff.back(), stmt);
    }));
    return staff;
}

Status SqlUserRepository::SetDisabled(UserId id, bool disabled) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_set_disabled"));
    KB_RETURN_IF_ERROR(stmt.Bind(1, id).BindBool(2, disabled).Run());
    if (db_.ChangedRows() == 0) return Error::NotFound("user");
    return Ok();
}

Status SqlUserRepository::SetUsername(UserId id, std::string_view username) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_set_username"));
    auto updated = stmt.Bind(1, id).Bind(2, username).Run();
    if (!updated) {
        if (updated.error().code == ErrorCode::kConflict) return Error::Conflict("user.username_taken");
        return updated.error();
    }
    if (db_.ChangedRows() == 0) return Error::NotFound("user");
    return Ok();
}

Status SqlUserRepository::SetProfile(UserId id, std::string_view display_name, std::string_view email,
                                     std::string_view phone) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_set_profile"));
    KB_RETURN_IF_ERROR(stmt.Bind(1, id).Bind(2, display_name).Bind(3, email).Bind(4, phone).Run());
    if (db_.ChangedRows() == 0) return Error::NotFound("user");
    return Ok();
}

Result<std::vector<std::pair<std::string, UserId>>> SqlUserRepository::StaffExternalIds(OrganisationId organisation) {
    std::vector<std::pair<std::string, UserId>> ids;
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("staff_external_ids_of"));
    stmt.Bind(1, organisation);
    KB_RETURN_IF_ERROR(stmt.ForEachRow([&] { ids.emplace_back(stmt.Text("external_id"), stmt.Int("user_id")); }));
    return ids;
}

Result<std::optional<std::string>> SqlUserRepository::StaffExternalIdOf(OrganisationId organisation, UserId id) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("staff_external_id_of_user"));
    stmt.Bind(1, organisation).Bind(2, id);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<std::string>{};
    return std::optional<std::string>(stmt.Text("external_id"));
}

Status SqlUserRepository::AddStaffExternalId(OrganisationId organisation, std::string_view external_id, UserId id) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("staff_external_id_insert"));
    return stmt.Bind(1, organisation).Bind(2, external_id).Bind(3, id).Run();
}

Status SqlUserRepository::SetPreferredLanguage(UserId id, std::string_view lang) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_set_language"));
    return stmt.Bind(1, id).Bind(2, lang).Run();
}

Status SqlUserRepository::AddRole(UserId id, const domain::RoleAssignment& assignment) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_role_insert"));
    stmt.Bind(1, id).Bind(2, assignment.unit_id).Bind(3, domain::Code(assignment.role));
    auto added = stmt.BindTextOrNull(4, DateText(assignment.from)).BindTextOrNull(5, DateText(assignment.to)).Run();
    if (!added && added.error().code == ErrorCode::kConflict) return Error::Conflict("staff.role_exists");
    return added;
}

Status SqlUserRepository::RemoveRole(UserId id, UnitId unit, domain::Role role) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_role_delete"));
    KB_RETURN_IF_ERROR(stmt.Bind(1, id).Bind(2, unit).Bind(3, domain::Code(role)).Run());
    if (db_.ChangedRows() == 0) return Error::NotFound("role");
    return Ok();
}

Status SqlUserRepository::SetPasswordHash(UserId id, std::string_view password_hash) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("user_set_password_hash"));
    KB_RETURN_IF_ERROR(stmt.Bind(1, id).Bind(2, password_hash).Run());
    if (db_.ChangedRows() == 0) return Error::NotFound("user");
    return Ok();
}

Status SqlSessionRepository::Insert(const SessionRecord& session) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("session_insert"));
    stmt.Bind(1, session.token_hash).Bind(2, session.user_id);
    stmt.Bind(3, ToUnixMillis(session.created_at)).Bind(4, ToUnixMillis(session.last_seen_at)).Bind(5, session.method);
    return stmt.Run();
}

Result<std::optional<SessionWithUser>> SqlSessionRepository::FindWithUser(std::string_view token_hash, Date today) {
    std::optional<SessionWithUser> found;
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("session_with_user_find"));
        stmt.Bind(1, token_hash).Bind(2, FormatDate(today));
        for (;;) {
            KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
            if (!has_row) break;
            if (!found) {
                found.emplace();
                found->session = {std::string(token_hash), stmt.Int("user_id"), FromUnixMillis(stmt.Int("created_at")),
                                  FromUnixMillis(stmt.Int("last_seen_at")), stmt.Text("method")};
                if (stmt.IsNull("id")) break;
                domain::UserAccount& user = found->user.emplace();
                user.id = stmt.Int("id");
                user.username = stmt.Text("username");
                user.display_name = stmt.Text("display_name");
                user.disabled = stmt.Bool("disabled");
                user.preferred_language = stmt.Text("preferred_language");
            }
            AddRoleOfRow(*found->user, stmt);
        }
    }
    if (found && found->user) KB_RETURN_IF_ERROR(LoadFamilyLinksUnlessStaff(db_, *found->user));
    return found;
}

Status SqlSessionRepository::Touch(std::string_view token_hash, Timestamp last_seen_at) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("session_touch"));
    return stmt.Bind(1, token_hash).Bind(2, ToUnixMillis(last_seen_at)).Run();
}

Status SqlSessionRepository::Delete(std::string_view token_hash) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("session_delete"));
    return stmt.Bind(1, token_hash).Run();
}

Status SqlSessionRepository::DeleteAllOf(UserId user_id) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("session_delete_all_of_user"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, user_id).Run());
    }
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("login_steps_delete_all_of_user"));
    return stmt.Bind(1, user_id).Run();
}

Status SqlSessionRepository::InsertLoginStep(const LoginStepRecord& step, Timestamp forget_before) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("login_steps_delete_older"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, ToUnixMillis(forget_before)).Run());
    }
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("login_step_insert"));
    stmt.Bind(1, step.token_hash).Bind(2, step.user_id).Bind(3, ToUnixMillis(step.created_at));
    return stmt.Bind(4, step.first_method).Run();
}

Result<std::optional<LoginStepRecord>> SqlSessionRepository::FindLoginStep(std::string_view token_hash) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("login_step_find"));
    stmt.Bind(1, token_hash);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<LoginStepRecord>{};
    return std::optional<LoginStepRecord>{LoginStepRecord{std::string(token_hash), stmt.Int("user_id"),
                                                          FromUnixMillis(stmt.Int("created_at")),
                                                          stmt.Text("first_method")}};
}

Status SqlSessionRepository::DeleteLoginStep(std::string_view token_hash) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("login_step_delete"));
    return stmt.Bind(1, token_hash).Run();
}

Status SqlSessionRepository::InsertSsoRequest(const SsoRequestRecord& request, Timestamp forget_before) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("sso_requests_delete_older"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, ToUnixMillis(forget_before)).Run());
    }
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("sso_request_insert"));
    stmt.Bind(1, request.state_hash).Bind(2, request.provider).Bind(3, request.nonce).Bind(4, request.code_verifier);
    return stmt.Bind(5, request.browser_hash).Bind(6, ToUnixMillis(request.created_at)).Run();
}

Result<std::optional<SsoRequestRecord>> SqlSessionRepository::TakeSsoRequest(std::string_view state_hash) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("sso_request_take"));
    stmt.Bind(1, state_hash);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<SsoRequestRecord>{};
    SsoRequestRecord request{std::string(state_hash),   stmt.Text("provider"),
                             stmt.Text("nonce"),        stmt.Text("code_verifier"),
                             stmt.Text("browser_hash"), FromUnixMillis(stmt.Int("created_at"))};
    KB_ASSIGN_OR_RETURN(const bool more, stmt.Step());  // let the statement finish its delete
    (void)more;
    return std::optional<SsoRequestRecord>{std::move(request)};
}

Result<std::optional<SecondFactorRecord>> SqlSecondFactorRepository::Find(UserId user_id) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("second_factor_find"));
    stmt.Bind(1, user_id);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<SecondFactorRecord>{};
    SecondFactorRecord record;
    record.secret = stmt.Text("secret");
    if (!stmt.IsNull("confirmed_at")) record.confirmed_at = FromUnixMillis(stmt.Int("confirmed_at"));
    record.last_step = stmt.Int("last_step");
    record.recovery_codes_left = static_cast<int>(stmt.Int("codes_left"));
    return std::optional<SecondFactorRecord>{std::move(record)};
}

Status SqlSecondFactorRepository::SaveUnconfirmed(UserId user_id, std::string_view secret) {
    KB_RETURN_IF_ERROR(ReplaceRecoveryCodes(user_id, {}));
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("second_factor_save_unconfirmed"));
    return stmt.Bind(1, user_id).Bind(2, secret).Run();
}

Status SqlSecondFactorRepository::Confirm(UserId user_id, Timestamp at, std::int64_t step) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("second_factor_confirm"));
    KB_RETURN_IF_ERROR(stmt.Bind(1, user_id).Bind(2, ToUnixMillis(at)).Bind(3, step).Run());
    if (db_.ChangedRows() == 0) return Error::FailedPrecondition("second_factor.not_pending");
    return Ok();
}

Result<bool> SqlSecondFactorRepository::UseStep(UserId user_id, std::int64_t step) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("second_factor_use_step"));
    KB_RETURN_IF_ERROR(stmt.Bind(1, user_id).Bind(2, step).Run());
    return db_.ChangedRows() == 1;
}

Status SqlSecondFactorRepository::ReplaceRecoveryCodes(UserId user_id, const std::vector<std::string>& code_hashes) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("recovery_codes_delete"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, user_id).Run());
    }
    for (const std::string& hash : code_hashes) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("recovery_code_insert"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, user_id).Bind(2, hash).Run());
    }
    return Ok();
}

Result<bool> SqlSecondFactorRepository::UseRecoveryCode(UserId user_id, std::string_view code_hash, Timestamp at) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("recovery_code_use"));
    KB_RETURN_IF_ERROR(stmt.Bind(1, user_id).Bind(2, code_hash).Bind(3, ToUnixMillis(at)).Run());
    return db_.ChangedRows() == 1;
}

Result<std::vector<UserId>> SqlSecondFactorRepository::UsersWithAppIn(OrganisationId organisation) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("second_factor_users_of_organisation"));
    stmt.Bind(1, organisation);
    std::vector<UserId> users;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) break;
        users.push_back(stmt.Int("user_id"));
    }
    return users;
}

Status SqlSecondFactorRepository::Remove(UserId user_id) {
    KB_RETURN_IF_ERROR(ReplaceRecoveryCodes(user_id, {}));
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("second_factor_delete"));
    return stmt.Bind(1, user_id).Run();
}

Result<domain::FailureRecord> SqlLoginThrottleRepository::Load(std::string_view key) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("login_failures_load"));
    stmt.Bind(1, key);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return domain::FailureRecord{};
    return domain::FailureRecord{static_cast<int>(stmt.Int("failures")), FromUnixMillis(stmt.Int("last_failure_at"))};
}

Status SqlLoginThrottleRepository::Save(std::string_view key, const domain::FailureRecord& record) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("login_failures_save"));
    return stmt.Bind(1, key).Bind(2, std::int64_t{record.failures}).Bind(3, ToUnixMillis(record.last_failure_at)).Run();
}

Status SqlLoginThrottleRepository::Clear(std::string_view key) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("login_failures_clear"));
    return stmt.Bind(1, key).Run();
}

}  // namespace kronobarn::store::sql
