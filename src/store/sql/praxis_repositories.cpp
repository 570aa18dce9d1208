// The wheel catalogue, coordination holders and signals (oro) on either engine.
#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {

Result<std::vector<WheelArea>> SqlWheelRepository::CurrentAreas() {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("wheel_current_areas"));
    std::vector<WheelArea> areas;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return areas;
        areas.push_back({static_cast<int>(stmt.Int("version")), stmt.Text("code"), stmt.Text("label_sv"),
                         stmt.Text("label_en"), stmt.Text("child_label_sv"), stmt.Text("description_sv"),
                         stmt.Text("shanarri"), stmt.Text("bbic")});
    }
}

Result<int> SqlWheelRepository::InsertCatalogueVersion(const std::string& note, const std::vector<WheelArea>& areas) {
    int version = 0;
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("wheel_version_next"));
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        version = has_row ? static_cast<int>(stmt.Int("version")) : 1;
    }
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("wheel_version_insert"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, std::int64_t{version}).Bind(2, note).Run());
    }
    std::int64_t position = 1;
    for (const auto& area : areas) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("wheel_area_insert"));
        stmt.Bind(1, std::int64_t{version}).Bind(2, area.code).Bind(3, position++).Bind(4, area.label_sv);
        stmt.Bind(5, area.label_en).Bind(6, area.child_label_sv).Bind(7, area.description_sv).Bind(8, area.shanarri);
        KB_RETURN_IF_ERROR(stmt.Bind(9, area.bbic).Run());
    }
    return version;
}

Result<domain::AssessmentId> SqlWheelRepository::InsertAssessment(const domain::WheelAssessment& assessment) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("assessment_insert"));
        stmt.Bind(1, assessment.child_id).Bind(2, std::int64_t{assessment.catalogue_version});
        stmt.Bind(3, FormatDate(assessment.assessed_on)).Bind(4, assessment.sources).Bind(5, assessment.recorded_by);
        stmt.Bind(6, assessment.unit_id).Bind(7, ToUnixMillis(assessment.recorded_at));
        KB_RETURN_IF_ERROR(stmt.Run());
    }
    const domain::AssessmentId id = db_.LastInsertId();
    for (const auto& area : assessment.areas) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("assessment_area_insert"));
        stmt.Bind(1, id).Bind(2, area.area_code).Bind(3, domain::Code(area.status)).Bind(4, area.description);
        stmt.Bind(5, area.child_words).Bind(6, area.guardian_view).Bind(7, area.professional_note);
        KB_RETURN_IF_ERROR(stmt.BindBool(8, area.support_needed).Run());
    }
    return id;
}

Result<std::vector<domain::WheelAssessment>> SqlWheelRepository::AssessmentsOf(domain::ChildId child) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("assessment_list_of_child"));
    stmt.Bind(1, child);
    std::vector<domain::WheelAssessment> out;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return out;
        if (out.empty() || out.back().id != stmt.Int("id")) {
            domain::WheelAssessment assessment;
            assessment.id = stmt.Int("id");
            assessment.child_id = child;
            assessment.catalogue_version = static_cast<int>(stmt.Int("catalogue_version"));
            assessment.assessed_on = stmt.Decode("assessed_on", ParseDate(stmt.Text("assessed_on")));
            assessment.sources = stmt.Text("sources");
            assessment.recorded_by = stmt.Int("recorded_by");
            assessment.unit_id = stmt.Int("unit_id");
            assessment.recorded_at = FromUnixMillis(stmt.Int("recorded_at"));
            out.push_back(std::move(assessment));
        }
        out.back().areas.push_back({stmt.Text("area_code"),
                                    stmt.Decode("status", domain::ParseAreaStatus(stmt.Text("status"))),
                                    stmt.Text("description"), stmt.Text("child_words"), stmt.Text("guardian_view"),
                                    stmt.Text("professional_note"), stmt.Bool("support_needed")});
    }
}

Result<std::optional<domain::UnitId>> SqlCoordinationRepository::FindHolder(domain::ChildId child) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("holder_find"));
    stmt.Bind(1, child);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<domain::UnitId>{};
    return std::optional<domain::UnitId>{stmt.Int("unit_id")};
}

Status SqlCoordinationRepository::SetHolder(domain::ChildId child, domain::UnitId unit, Timestamp since) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("holder_set"));
    return stmt.Bind(1, child).Bind(2, unit).Bind(3, ToUnixMillis(since)).Run();
}

Result<domain::ConcernId> SqlConcernRepository::Insert(const domain::Concern& concern) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("concern_insert"));
        stmt.Bind(1, concern.child_id).Bind(2, FormatDate(concern.noticed_on)).Bind(3, concern.description);
        stmt.BindBool(4, concern.guardians_informed).Bind(5, concern.noticing_user_id);
        stmt.Bind(6, concern.noticing_unit_id).Bind(7, concern.holder_unit_id).Bind(8, domain::Code(concern.status));
        stmt.Bind(9, ToUnixMillis(concern.registered_at));
        if (concern.report) {
            stmt.Bind(10, FormatDate(concern.report->reported_on)).Bind(11, concern.report->receiving_unit_id);
        } else {
            stmt.Bind(10, std::optional<std::int64_t>{}).Bind(11, std::optional<std::int64_t>{});
        }
        stmt.Bind(12, concern.child_name_given);
        KB_RETURN_IF_ERROR(stmt.Run());
    }
    const domain::ConcernId id = db_.LastInsertId();
    for (const auto& area : concern.wheel_areas) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("concern_area_insert"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, id).Bind(2, area).Run());
    }
    return id;
}

Result<std::optional<domain::Concern>> SqlConcernRepository::Find(domain::ConcernId id) {
    domain::Concern concern;
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("concern_find"));
        stmt.Bind(1, id);
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return std::optional<domain::Concern>{};
        concern.id = stmt.Int("id");
        concern.child_id = stmt.Int("child_id");
        concern.noticed_on = stmt.Decode("noticed_on", ParseDate(stmt.Text("noticed_on")));
        concern.description = stmt.Text("description");
        concern.guardians_informed = stmt.Bool("guardians_informed");
        concern.noticing_user_id = stmt.Int("noticing_user_id");
        concern.noticing_unit_id = stmt.Int("noticing_unit_id");
        concern.holder_unit_id = stmt.Int("holder_unit_id");
        concern.status =
            stmt.Text("status") == "handled" ? domain::ConcernStatus::kHandled : domain::ConcernStatus::kReceived;
        concern.registered_at = FromUnixMillis(stmt.Int("registered_at"));
        if (const auto report_unit = stmt.OptionalInt("report_unit_id")) {
            concern.report =
                domain::ReportOfConcern{stmt.Decode("report_date", ParseDate(stmt.Text("report_date"))), *report_unit};
        }
        concern.child_name_given = stmt.Text("child_name_given");
        KB_RETURN_IF_ERROR(stmt.Decoded());
    }
    // A received signal has no decision in force: one it had was undone by a declined handover.
    if (concern.status == domain::ConcernStatus::kHandled) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("concern_decision_find"));
        stmt.Bind(1, id);
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (has_row) {
            const std::string outcome = stmt.Text("outcome");
            concern.decision = domain::ConcernDecision{outcome == "C"   ? domain::DecisionOutcome::kCollaboration
                                                       : outcome == "B" ? domain::DecisionOutcome::kOtherOrganisation
                                                                        : domain::DecisionOutcome::kOwnOrganisation,
                                                       stmt.Text("rationale"),
                                                       stmt.Text("actions_taken"),
                                                       stmt.Int("decided_by"),
                                                       stmt.Int("decided_unit_id"),
                                                       FromUnixMillis(stmt.Int("decided_at"))};
        }
    }
    KB_ASSIGN_OR_RETURN(auto areas, db_.Prepare("concern_areas_of"));
    areas.Bind(1, id);
    KB_RETURN_IF_ERROR(areas.ForEachRow([&] { concern.wheel_areas.push_back(areas.Text("area_code")); }));
    return std::optional<domain::Concern>{std::move(concern)};
}

Result<std::vector<InboxEntry>> SqlConcernRepository::Inbox(domain::UnitId unit, int limit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("concern_inbox"));
    stmt.Bind(1, unit).Bind(2, std::int64_t{limit});
    std::vector<InboxEntry> entries;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return entries;
        entries.push_back({stmt.Int("id"), stmt.Int("child_id"), FromUnixMillis(stmt.Int("registered_at")),
                           stmt.Text("given_name"), stmt.Text("family_name"), stmt.Text("birth_date"),
                           stmt.Text("child_name_given")});
    }
}

Status SqlConcernRepository::SaveDecision(domain::ConcernId id, const domain::ConcernDecision& decision) {
    {
        // Guarded on the current status, so a decision racing another cannot overwrite it.
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("concern_set_status"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, id).Bind(2, "handled").Bind(3, "received").Run());
        if (db_.ChangedRows() == 0) return Error::Conflict("concern.already_decided");
    }
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("concern_decision_insert"));
    stmt.Bind(1, id)
        .Bind(2, domain::Code(decision.outcome))
        .Bind(3, decision.rationale)
        .Bind(4, decision.actions_taken);
    stmt.Bind(5, decision.decided_by).Bind(6, decision.decided_unit_id).Bind(7, ToUnixMillis(decision.decided_at));
    auto inserted = stmt.Run();
    if (!inserted && inserted.error().code == ErrorCode::kConflict) return Error::Conflict("concern.already_decided");
    return inserted;
}

Status SqlConcernRepository::Reopen(domain::ConcernId id) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("concern_set_status"));
    KB_RETURN_IF_ERROR(stmt.Bind(1, id).Bind(2, "received").Bind(3, "handled").Run());
    if (db_.ChangedRows() == 0) return Error::Conflict("concern.not_handed_over");
    return Ok();
}

Result<std::vector<OwnConcernEntry>> SqlConcernRepository::ByNoticingUser(domain::UserId user, int limit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("concern_list_by_noticing_user"));
    stmt.Bind(1, user).Bind(2, std::int64_t{limit});
    std::vector<OwnConcernEntry> entries;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return entries;
        entries.push_back(
            {stmt.Int("id"), stmt.Int("child_id"), FromUnixMillis(stmt.Int("registered_at")),
             stmt.Text("status") == "handled" ? domain::ConcernStatus::kHandled : domain::ConcernStatus::kReceived,
             stmt.Text("child_name_given"), stmt.Text("name")});
    }
}

}  // namespace kronobarn::store::sql
