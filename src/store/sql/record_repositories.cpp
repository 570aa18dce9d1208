// Children and the audit log on either engine.
#include "store/audit_chain.hpp"
#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {

Result<ChildId> SqlChildRepository::Insert(const domain::Child& child) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("child_insert"));
        stmt.Bind(1, child.personal_number.Normalised()).Bind(2, child.given_name).Bind(3, child.family_name);
        stmt.Bind(4, FormatDate(child.personal_number.BirthDate()));
        stmt.BindBool(5, child.protected_identity).BindBool(6, child.joint_custody);
        stmt.Bind(7, child.school_unit_id).Bind(8, child.health_unit_id);
        KB_RETURN_IF_ERROR(stmt.Run());
        if (db_.ChangedRows() == 0) return Error::Conflict("child.exists");
    }
    const ChildId id = db_.LastInsertId();
    for (const auto& guardian : child.guardians) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("guardian_insert"));
        stmt.Bind(1, id).Bind(2, guardian.given_name).Bind(3, guardian.family_name).Bind(4, guardian.phone);
        if (guardian.personal_number) {
            stmt.Bind(5, guardian.personal_number->Normalised());
        } else {
            stmt.BindTextOrNull(5, std::nullopt);
        }
        KB_RETURN_IF_ERROR(stmt.Run());
    }
    return id;
}

Result<std::int64_t> SqlChildRepository::Count() {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("child_count"));
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    return has_row ? stmt.Int("count") : 0;
}

Result<std::vector<domain::Guardian>> SqlChildRepository::GuardiansOf(ChildId child) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("guardians_of_child"));
    stmt.Bind(1, child);
    std::vector<domain::Guardian> guardians;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return guardians;
        domain::Guardian guardian{stmt.Int("id"),     stmt.Text("given_name"),        stmt.Text("family_name"),
                                  stmt.Text("phone"), stmt.Bool("access_restricted"), stmt.Text("restriction_reason")};
        if (!stmt.IsNull("personal_number")) {
            KB_ASSIGN_OR_RETURN(guardian.personal_number,
                                domain::PersonalNumber::FromStored(stmt.Text("personal_number")));
        }
        guardians.push_back(std::move(guardian));
    }
}

// Columns: id, personal_number, given_name, family_name, protected_identity, joint_custody,
// school_unit_id, health_unit_id.
Result<std::optional<domain::Child>> SqlChildRepository::FindOne(Statement& stmt) {
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<domain::Child>{};
    KB_ASSIGN_OR_RETURN(auto number, domain::PersonalNumber::FromStored(stmt.Text("personal_number")));
    domain::Child child{.id = stmt.Int("id"), .personal_number = std::move(number)};
    child.given_name = stmt.Text("given_name");
    child.family_name = stmt.Text("family_name");
    child.protected_identity = stmt.Bool("protected_identity");
    child.joint_custody = stmt.Bool("joint_custody");
    child.school_unit_id = stmt.OptionalInt("school_unit_id");
    child.health_unit_id = stmt.OptionalInt("health_unit_id");
    return std::optional<domain::Child>{std::move(child)};
}

Result<std::optional<domain::Child>> SqlChildRepository::Find(ChildId id) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("child_find"));
    stmt.Bind(1, id);
    return FindOne(stmt);
}

Result<std::optional<domain::Child>> SqlChildRepository::FindByPersonalNumber(std::string_view normalised) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("child_find_by_personal_number"));
    stmt.Bind(1, normalised);
    return FindOne(stmt);
}

Status SqlAuditRepository::Append(const domain::AuditEvent& event) { return AppendAll({event}); }

Status SqlAuditRepository::AppendAll(const std::vector<domain::AuditEvent>& events) {
    // The write transaction holds the single writer lock (SQLite's, or the advisory lock on
    // PostgreSQL), so reading the chain's head and inserting after it cannot interleave with
    // another appender.
    std::string previous_hash(domain::kAuditGenesisHash);
    {
        KB_ASSIGN_OR_RETURN(auto last, db_.Prepare("audit_last_hash"));
        KB_ASSIGN_OR_RETURN(const bool has_row, last.Step());
        if (has_row) previous_hash = last.Text("hash");
    }
    for (const auto& event : events) {
        std::string hash = ChainedAuditHash(previous_hash, event);
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("audit_insert"));
        stmt.Bind(1, ToUnixMillis(event.at)).Bind(2, event.user_id).Bind(3, event.role).Bind(4, event.unit_id);
        stmt.Bind(5, event.organisation_id).Bind(6, event.child_id).Bind(7, event.object_type).Bind(8, event.object_id);
        stmt.Bind(9, event.action).Bind(10, event.legal_basis).Bind(11, domain::Code(event.outcome));
        stmt.Bind(12, event.request_id).Bind(13, previous_hash).Bind(14, hash);
        KB_RETURN_IF_ERROR(stmt.Bind(15, domain::EncodeChanges(event.changes)).Run());
        previous_hash = std::move(hash);
    }
    return Ok();
}

AuditRow ReadAuditRow(Statement& stmt) {
    AuditRow row;
    row.sequence = stmt.Int("sequence");
    row.event.at = FromUnixMillis(stmt.Int("at"));
    row.event.user_id = stmt.OptionalInt("user_id");
    row.event.role = stmt.Text("role");
    row.event.unit_id = stmt.OptionalInt("unit_id");
    row.event.organisation_id = stmt.OptionalInt("organisation_id");
    row.event.child_id = stmt.OptionalInt("child_id");
    row.event.object_type = stmt.Text("object_type");
    row.event.object_id = stmt.Text("object_id");
    row.event.action = stmt.Text("action");
    row.event.legal_basis = stmt.Text("legal_basis");
    row.event.outcome =
        stmt.Text("outcome") == "denied" ? domain::AuditOutcome::kDenied : domain::AuditOutcome::kAllowed;
    row.event.request_id = stmt.Text("request_id");
    // A stored text that is no encoding of changes is kept as one change the chain's hash will not
    // match: verification names the row instead of the reader hiding it.
    const std::string changes = stmt.Text("changes");
    auto decoded = domain::DecodeChanges(changes);
    row.event.changes = decoded ? std::move(*decoded) : std::vector<domain::AuditChange>{{"?", changes, ""}};
    return row;
}

Status SqlAuditRepository::ForEach(const std::function<bool(const AuditRow&)>& visit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("audit_all"));
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return Ok();
        AuditRow row = ReadAuditRow(stmt);
        row.previous_hash = stmt.Text("previous_hash");
        row.hash = stmt.Text("hash");
        if (!visit(row)) return Ok();
    }
}

Result<std::int64_t> SqlAuditRepository::Count() {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("audit_count"));
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    return has_row ? stmt.Int("count") : 0;
}

Result<std::optional<AuditRow>> SqlAuditRepository::RetentionBoundary(Timestamp cutoff) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("audit_retention_boundary"));
    stmt.Bind(1, ToUnixMillis(cutoff));
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<AuditRow>{};
    AuditRow row = ReadAuditRow(stmt);
    row.previous_hash = stmt.Text("previous_hash");
    row.hash = stmt.Text("hash");
    return std::optional<AuditRow>{std::move(row)};
}

Result<std::int64_t> SqlAuditRepository::DeleteByRetention(const AuditRetentionRun& run) {
    std::int64_t due = 0;
    {
        KB_ASSIGN_OR_RETURN(auto count, db_.Prepare("audit_count_through"));
        count.Bind(1, run.through_sequence);
        KB_ASSIGN_OR_RETURN(const bool has_row, count.Step());
        if (has_row) due = count.Int("count");
    }
    {
        KB_ASSIGN_OR_RETURN(auto insert, db_.Prepare("audit_retention_run_insert"));
        insert.Bind(1, ToUnixMillis(run.run_at)).Bind(2, ToUnixMillis(run.cutoff)).Bind(3, run.through_sequence);
        KB_RETURN_IF_ERROR(insert.Bind(4, run.anchor_hash).Bind(5, due).Run());
    }
    KB_ASSIGN_OR_RETURN(auto erase, db_.Prepare("audit_delete_through"));
    KB_RETURN_IF_ERROR(erase.Bind(1, run.through_sequence).Run());
    if (db_.ChangedRows() != due) {
        return Error::Internal("retention counted " + std::to_string(due) + " rows but deleted " +
                               std::to_string(db_.ChangedRows()));
    }
    return due;
}

Result<std::optional<AuditRetentionRun>> SqlAuditRepository::LatestRetentionRun() {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("audit_retention_latest"));
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<AuditRetentionRun>{};
    return std::optional<AuditRetentionRun>{
        AuditRetentionRun{stmt.Int("id"), FromUnixMillis(stmt.Int("run_at")), FromUnixMillis(stmt.Int("cutoff")),
                          stmt.Int("through_sequence"), stmt.Text("anchor_hash"), stmt.Int("deleted_rows")}};
}

}  // namespace kronobarn::store::sql
