// The wheel catalogue, coordination holders and signals (oro) on either engine.
#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {

Result<std::vector<WheelArea>> SqlWheelRepository::CurrentAreas() {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("wheel_current_areas"));
    std::vector<WheelArea> areas;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return areas;
        areas.push_back({static_cast<int>(stmt.Int(0)), stmt.Text(1), stmt.Text(2), stmt.Text(3), stmt.Text(4),
                         stmt.Text(5), stmt.Text(6), stmt.Text(7)});
    }
}

Result<int> SqlWheelRepository::InsertCatalogueVersion(const std::string& note, const std::vector<WheelArea>& areas) {
    int version = 0;
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("wheel_version_next"));
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        version = has_row ? static_cast<int>(stmt.Int(0)) : 1;
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
        if (out.empty() || out.back().id != stmt.Int(0)) {
            domain::WheelAssessment assessment;
            assessment.id = stmt.Int(0);
            assessment.child_id = child;
            assessment.catalogue_version = static_cast<int>(stmt.Int(1));
            assessment.assessed_on = stmt.Decode(2, ParseDate(stmt.Text(2)));
            assessment.sources = stmt.Text(3);
            assessment.recorded_by = stmt.Int(4);
            assessment.unit_id = stmt.Int(5);
            assessment.recorded_at = FromUnixMillis(stmt.Int(6));
            out.push_back(std::move(assessment));
        }
        out.back().areas.push_back({stmt.Text(7), stmt.Decode(8, domain::ParseAreaStatus(stmt.Text(8))), stmt.Text(9),
                                    stmt.Text(10), stmt.Text(11), stmt.Text(12), stmt.Bool(13)});
    }
}

Result<std::optional<domain::UnitId>> SqlCoordinationRepository::FindHolder(domain::ChildId child) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("holder_find"));
    stmt.Bind(1, child);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<domain::UnitId>{};
    return std::optional<domain::UnitId>{stmt.Int(0)};
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
        concern.id = stmt.Int(0);
        concern.child_id = stmt.Int(1);
        concern.noticed_on = stmt.Decode(2, ParseDate(stmt.Text(2)));
        concern.description = stmt.Text(3);
        concern.guardians_informed = stmt.Bool(4);
        concern.noticing_user_id = stmt.Int(5);
        concern.noticing_unit_id = stmt.Int(6);
        concern.holder_unit_id = stmt.Int(7);
        concern.status = stmt.Text(8) == "handled" ? domain::ConcernStatus::kHandled : domain::ConcernStatus::kReceived;
        concern.registered_at = FromUnixMillis(stmt.Int(9));
        if (const auto report_unit = stmt.OptionalInt(11)) {
            concern.report = domain::ReportOfConcern{stmt.Decode(10, ParseDate(stmt.Text(10))), *report_unit};
        }
        concern.child_name_given = stmt.Text(12);
        KB_RETURN_IF_ERROR(stmt.Decoded());
    }
    // A received signal has no decision in force: one it had was undone by a declined handover.
    if (concern.status == domain::ConcernStatus::kHandled) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("concern_decision_find"));
        stmt.Bind(1, id);
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (has_row) {
            const std::string outcome = stmt.Text(0);
            concern.decision = domain::ConcernDecision{outcome == "C"   ? domain::DecisionOutcome::kCollaboration
                                                       : outcome == "B" ? domain::DecisionOutcome::kOtherOrganisation
                                                                        : domain::DecisionOutcome::kOwnOrganisation,
                                                       stmt.Text(1),
                                                       stmt.Text(2),
                                                       stmt.Int(3),
                                                       stmt.Int(4),
                                                       FromUnixMillis(stmt.Int(5))};
        }
    }
    KB_ASSIGN_OR_RETURN(auto areas, db_.Prepare("concern_areas_of"));
    areas.Bind(1, id);
    KB_RETURN_IF_ERROR(areas.ForEachRow([&] { concern.wheel_areas.push_back(areas.Text(0)); }));
    return std::optional<domain::Concern>{std::move(concern)};
}

Result<std::vector<InboxEntry>> SqlConcernRepository::Inbox(domain::UnitId unit, int limit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("concern_inbox"));
    stmt.Bind(1, unit).Bind(2, std::int64_t{limit});
    std::vector<InboxEntry> entries;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return entries;
        entries.push_back({stmt.Int(0), stmt.Int(1), FromUnixMillis(stmt.Int(2)), stmt.Text(3), stmt.Text(4),
                           stmt.Text(5), stmt.Text(6)});
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
            {stmt.Int(0), stmt.Int(1), FromUnixMillis(stmt.Int(2)),
             stmt.Text(3) == "handled" ? domain::ConcernStatus::kHandled : domain::ConcernStatus::kReceived,
             stmt.Text(4), stmt.Text(5)});
    }
}

}  // namespace kronobarn::store::sql
