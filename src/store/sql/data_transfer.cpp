#include "store/sql/data_transfer.hpp"

namespace kronobarn::store::sql {
namespace {

struct Table {
    const char* name;
    const char* order_by;
    const char* identity = nullptr;    // the generated key whose sequence must continue after the copy
    bool seeded_by_migration = false;  // the target already has the seed rows
};

// In foreign-key order. schema_migrations is not copied: the target has its own; nor is
// unit_generation, which the target's triggers raise as the units arrive.
constexpr Table kTables[] = {
    {"organisations", "id", "id"},
    {"units", "id", "id"},
    {"users", "id", "id"},
    {"user_roles", "user_id, unit_id, role"},
    {"staff_external_ids", "organisation_id, external_id"},
    {"sessions", "token_hash"},
    {"login_failures", "throttle_key"},
    {"second_factors", "user_id"},
    {"recovery_codes", "user_id, code_hash"},
    {"login_steps", "token_hash"},
    {"sso_requests", "state_hash"},
    {"audit_log", "sequence", "sequence"},
    {"audit_retention_runs", "id", "id"},
    {"children", "id", "id"},
    {"guardians", "id", "id"},
    {"wheel_catalogue_versions", "version", nullptr, true},
    {"wheel_areas", "version, code", nullptr, true},
    {"coordination_holders", "child_id"},
    {"concerns", "id", "id"},
    {"concern_wheel_areas", "concern_id, area_code"},
    {"concern_decisions", "id", "id"},
    {"wheel_assessments", "id", "id"},
    {"wheel_assessment_areas", "assessment_id, area_code"},
    {"handovers", "id", "id"},
    {"plan_follow_answers", "id", "id"},
    {"consents", "id", "id"},
    {"consent_units", "consent_id, unit_id"},
    {"consent_parties", "consent_id, position"},
    {"plans", "id", "id"},
    {"plan_goals", "id", "id"},
    {"plan_actions", "id", "id"},
    {"plan_participants", "plan_id, unit_id"},
    {"plan_meetings", "id", "id"},
    {"plan_action_evaluations", "meeting_id, action_id"},
    {"plan_changes", "id", "id"},
    {"plan_change_fields", "change_id, position"},
    {"plan_guardian_views", "plan_id, guardian_id"},
    {"plan_guardian_parts", "plan_id, guardian_id"},
    {"plan_planned_meetings", "id", "id"},
    {"plan_planned_meeting_invitees", "planned_meeting_id, unit_id"},
    {"family_links", "user_id, child_id"},
    {"account_activations", "token_hash"},
    {"family_entries", "id", "id"},
    {"emergency_grants", "id", "id"},
    {"log_reviews", "id", "id"},
    {"outbox", "id", "id"},
    {"notification_preferences", "user_id, kind"},
    {"daily_jobs", "job"},
};

Result<std::int64_t> CopyTable(Connection& source, Connection& target, const Table& table, bool target_postgres) {
    KB_ASSIGN_OR_RETURN(auto rows,
                        source.PrepareText(std::string("SELECT * FROM ") + table.name + " ORDER BY " + table.order_by));
    std::int64_t copied = 0;
    std::string insert_sql;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, rows.Step());
        if (!has_row) return copied;
        const int columns = rows.ColumnCount();
        if (insert_sql.empty()) {
            std::string names, values;
            for (int c = 0; c < columns; ++c) {
                names += (c > 0 ? ", " : "") + rows.ColumnName(c);
                values += (c > 0 ? ", ?" : "?") + std::to_string(c + 1);
            }
            insert_sql = std::string("INSERT INTO ") + table.name + " (" + names + ")" +
                         // Ids are kept as they were, also where PostgreSQL generates them ALWAYS (audit_log).
                         (target_postgres && table.identity != nullptr ? " OVERRIDING SYSTEM VALUE" : "") +
                         " VALUES (" + values + ")" + (table.seeded_by_migration ? " ON CONFLICT DO NOTHING" : "");
        }
        KB_ASSIGN_OR_RETURN(auto insert, target.PrepareText(insert_sql));
        // Every value travels as text (or NULL); each engine converts it to the column's type.
        for (int c = 0; c < columns; ++c) {
            if (rows.IsNullAt(c)) {
                insert.Bind(c + 1, std::optional<std::int64_t>{});
            } else {
                insert.Bind(c + 1, std::string_view(rows.TextAt(c)));
            }
        }
        KB_RETURN_IF_ERROR(insert.Run());
        ++copied;
    }
}

}  // namespace

Status TransferAllData(SqlStore& from, SqlStore& to, const TransferProgress& progress) {
    KB_ASSIGN_OR_RETURN(const int from_version, from.SchemaVersion());
    KB_ASSIGN_OR_RETURN(const int to_version, to.SchemaVersion());
    if (from_version != from.LatestSchemaVersion() || to_version != to.LatestSchemaVersion()) {
        return Error::FailedPrecondition(
            "transfer.schema_version", "migrate both databases first (kronobarn migrate): source at " +
                                           std::to_string(from_version) + ", target at " + std::to_string(to_version));
    }
    {
        KB_ASSIGN_OR_RETURN(auto uow, to.Begin(TransactionMode::kRead));
        KB_ASSIGN_OR_RETURN(const auto users, uow->Users().List());
        if (!users.empty()) return Error::FailedPrecondition("transfer.target_not_empty", "the target has users");
    }
    KB_ASSIGN_OR_RETURN(auto source, from.Acquire());
    KB_ASSIGN_OR_RETURN(auto target, to.Acquire());
    const bool target_postgres = to.EngineName() == "postgresql";
    auto run = [&]() -> Status {
        KB_RETURN_IF_ERROR(source->Begin(TransactionMode::kRead));
        KB_RETURN_IF_ERROR(target->Begin(TransactionMode::kWrite));
        for (const auto& table : kTables) {
            KB_ASSIGN_OR_RETURN(const auto rows, CopyTable(*source, *target, table, target_postgres));
            if (progress) progress(table.name, rows);
        }
        for (const auto& table : kTables) {
            if (!target_postgres || table.identity == nullptr) continue;  // SQLite continues after max(rowid)
            const std::string column = table.identity;
            const std::string sql = std::string("SELECT setval(pg_get_serial_sequence('") + table.name + "', '" +
                                    column + "'), coalesce(max(" + column + "), 0) + 1, false) FROM " + table.name;
            KB_RETURN_IF_ERROR(target->Exec(sql.c_str()));
        }
        KB_RETURN_IF_ERROR(target->Commit());
        source->Rollback();
        return Ok();
    };
    Status status = run();
    if (!status) {
        target->Rollback();
        source->Rollback();
    }
    from.Release(std::move(source));
    to.Release(std::move(target));
    return status;
}

}  // namespace kronobarn::store::sql
