// The family's accounts, activation links, entries and access log on either engine.
#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {

Status SqlFamilyRepository::InsertLink(domain::UserId user, const domain::FamilyLink& link) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("family_link_insert"));
    auto inserted = stmt.Bind(1, user).Bind(2, link.child_id).Bind(3, link.guardian_id).Run();
    if (!inserted && inserted.error().code == ErrorCode::kConflict) return Error::Conflict("family.account_exists");
    return inserted;
}

Result<std::vector<domain::FamilyLink>> SqlFamilyRepository::LinksOf(domain::UserId user) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("family_links_of_user"));
    stmt.Bind(1, user);
    std::vector<domain::FamilyLink> out;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return out;
        out.push_back({stmt.Int("child_id"), stmt.OptionalInt("guardian_id"), stmt.Text("child_name")});
    }
}

Result<std::vector<FamilyAccount>> SqlFamilyRepository::AccountsOfChild(domain::ChildId child) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("family_accounts_of_child"));
    stmt.Bind(1, child);
    std::vector<FamilyAccount> out;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return out;
        FamilyAccount account{stmt.Int("user_id"), stmt.OptionalInt("guardian_id"), stmt.Text("username"),
                              stmt.Bool("activated"), std::nullopt};
        if (const auto expires = stmt.OptionalInt("open_invitation_expires_at"))
            account.open_invitation_expires_at = FromUnixMillis(*expires);
        out.push_back(std::move(account));
    }
}

Status SqlFamilyRepository::InsertActivation(const Activation& activation) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("activation_insert"));
    return stmt.Bind(1, activation.token_hash)
        .Bind(2, activation.user_id)
        .Bind(3, activation.created_by)
        .Bind(4, ToUnixMillis(activation.created_at))
        .Bind(5, ToUnixMillis(activation.expires_at))
        .Run();
}

Result<std::optional<Activation>> SqlFamilyRepository::FindActivation(std::string_view token_hash) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("activation_find"));
    stmt.Bind(1, token_hash);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<Activation>{};
    Activation found{stmt.Text("token_hash"),
                     stmt.Int("user_id"),
                     stmt.Int("created_by"),
                     FromUnixMillis(stmt.Int("created_at")),
                     FromUnixMillis(stmt.Int("expires_at")),
                     std::nullopt};
    if (const auto used = stmt.OptionalInt("used_at")) found.used_at = FromUnixMillis(*used);
    return std::optional<Activation>{std::move(found)};
}

Status SqlFamilyRepository::UseActivation(std::string_view token_hash, Timestamp at) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("activation_use"));
    KB_RETURN_IF_ERROR(stmt.Bind(1, token_hash).Bind(2, ToUnixMillis(at)).Run());
    if (db_.ChangedRows() == 0) return Error::Conflict("activation.used");
    return Ok();
}

Status SqlFamilyRepository::RevokeActivationsOf(domain::UserId user, Timestamp at) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("activation_revoke_all_of_user"));
    return stmt.Bind(1, user).Bind(2, ToUnixMillis(at)).Run();
}

Status SqlFamilyRepository::SetGuardianRestriction(domain::GuardianId guardian, bool restricted,
                                                   const std::string& reason) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("guardian_set_restriction"));
    KB_RETURN_IF_ERROR(stmt.Bind(1, guardian).BindBool(2, restricted).Bind(3, reason).Run());
    if (db_.ChangedRows() == 0) return Error::NotFound("guardian");
    return Ok();
}

Status SqlFamilyRepository::SetGuardianPersonalNumber(domain::GuardianId guardian,
                                                      const std::optional<domain::PersonalNumber>& number) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("guardian_set_personal_number"));
    stmt.Bind(1, guardian);
    stmt.BindTextOrNull(2, number ? std::optional<std::string>(number->Normalised()) : std::nullopt);
    auto updated = stmt.Run();
    if (!updated && updated.error().code == ErrorCode::kConflict) {
        return Error::Conflict("family.staff.eid_taken");
    }
    KB_RETURN_IF_ERROR(updated);
    if (db_.ChangedRows() == 0) return Error::NotFound("guardian");
    return Ok();
}

Result<std::vector<domain::GuardianOfChild>> SqlFamilyRepository::GuardianRecordsOf(
    const domain::PersonalNumber& number) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("guardian_records_by_personal_number"));
    stmt.Bind(1, number.Normalised());
    std::vector<domain::GuardianOfChild> records;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) break;
        records.push_back({stmt.Int("guardian_id"), stmt.Int("child_id"), stmt.Bool("access_restricted"),
                           stmt.Decode("birth_date", ParseDate(stmt.Text("birth_date")))});
    }
    KB_RETURN_IF_ERROR(stmt.Decoded());
    return records;
}

Result<std::int64_t> SqlFamilyRepository::InsertEntry(const domain::FamilyEntry& entry) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("family_entry_insert"));
    stmt.Bind(1, entry.plan_id).Bind(2, entry.child_id).Bind(3, domain::Code(entry.kind)).Bind(4, entry.text);
    stmt.Bind(5, entry.written_by).Bind(6, entry.guardian_id).Bind(7, entry.author_name);
    KB_RETURN_IF_ERROR(stmt.Bind(8, ToUnixMillis(entry.written_at)).Run());
    return db_.LastInsertId();
}

Result<std::vector<domain::FamilyEntry>> SqlFamilyRepository::EntriesOf(domain::PlanId plan) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("family_entries_of_plan"));
    stmt.Bind(1, plan);
    std::vector<domain::FamilyEntry> out;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return out;
        domain::FamilyEntry entry;
        entry.id = stmt.Int("id");
        entry.plan_id = stmt.Int("plan_id");
        entry.child_id = stmt.Int("child_id");
        entry.kind = stmt.Decode("kind", domain::ParseFamilyEntryKind(stmt.Text("kind")));
        entry.text = stmt.Text("text");
        entry.written_by = stmt.Int("written_by");
        entry.guardian_id = stmt.OptionalInt("guardian_id");
        entry.author_name = stmt.Text("author_name");
        entry.written_at = FromUnixMillis(stmt.Int("written_at"));
        out.push_back(std::move(entry));
    }
}

Result<std::vector<AccessLogEntry>> SqlFamilyRepository::AccessLogOf(domain::ChildId child,
                                                                     std::int64_t before_sequence, int limit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("audit_access_log_of_child"));
    stmt.Bind(1, child).Bind(2, static_cast<std::int64_t>(limit)).Bind(3, before_sequence);
    std::vector<AccessLogEntry> out;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return out;
        out.push_back({stmt.Int("sequence"), FromUnixMillis(stmt.Int("at")), stmt.Text("role"), stmt.Text("unit_name"),
                       stmt.Text("organisation_name"), stmt.Text("user_name"), stmt.Text("object_type"),
                       stmt.Text("action"), stmt.Text("legal_basis")});
    }
}

}  // namespace kronobarn::store::sql
