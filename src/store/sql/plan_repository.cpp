// Barnets plan: a header row carrying the version (the optimistic lock), child rows for goals,
// actions, participants and meetings, and a field-level history. A removed goal, action or
// participant keeps its row, marked removed, so evaluations and the history still point at it.
#include <algorithm>

#include "common/find.hpp"
#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {
namespace {

std::optional<std::string> OptionalDate(const std::optional<Date>& date) {
    return date ? std::optional<std::string>(FormatDate(*date)) : std::nullopt;
}

std::optional<Date> ReadOptionalDate(const Statement& row, std::string_view column) {
    const std::string text = row.Text(column);
    if (text.empty()) return std::nullopt;
    return row.Decode(column, ParseDate(text));
}

std::string JoinCodes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& code : codes) out += (out.empty() ? "" : ",") + code;
    return out;
}

std::vector<std::string> SplitCodes(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        out.emplace_back(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return out;
}

// Zero changed rows on an update the domain allowed: the row changed under us.
Status RequireChanged(Connection& db) {
    if (db.ChangedRows() == 0) return Error::Conflict("plan.stale");
    return Ok();
}

}  // namespace

Result<domain::PlanId> SqlPlanRepository::Insert(const domain::Plan& plan) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_insert"));
        stmt.Bind(1, plan.child_id).Bind(2, plan.concern_id).Bind(3, domain::Code(plan.state));
        stmt.Bind(4, std::int64_t{plan.version}).Bind(5, plan.basics.reason).Bind(6, JoinCodes(plan.support_areas));
        stmt.Bind(7, plan.created_by).Bind(8, ToUnixMillis(plan.created_at));
        auto inserted = stmt.Run();
        if (!inserted && inserted.error().code == ErrorCode::kConflict) return Error::Conflict("plan.already_open");
        if (!inserted) return inserted.error();
    }
    const domain::PlanId id = db_.LastInsertId();
    for (const auto& participant : plan.participants) KB_RETURN_IF_ERROR(InsertParticipant(id, participant));
    KB_RETURN_IF_ERROR(InsertChange(id, plan.version, {{"plan.state", "", std::string(domain::Code(plan.state))}},
                                    plan.created_by, plan.created_at));
    return id;
}

Result<std::optional<domain::Plan>> SqlPlanRepository::Find(domain::PlanId id) { return FindWith(id, Parts::kWhole); }

Result<std::optional<domain::Plan>> SqlPlanRepository::FindOutline(domain::PlanId id) {
    return FindWith(id, Parts::kOutline);
}

Result<std::optional<domain::Plan>> SqlPlanRepository::FindWith(domain::PlanId id, Parts parts) {
    domain::Plan plan;
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_find"));
        stmt.Bind(1, id);
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return std::optional<domain::Plan>{};
        plan.id = stmt.Int("id");
        plan.child_id = stmt.Int("child_id");
        plan.concern_id = stmt.OptionalInt("concern_id");
        plan.state = stmt.Decode("state", domain::ParsePlanState(stmt.Text("state")));
        plan.version = static_cast<int>(stmt.Int("version"));
        plan.basics.reason = stmt.Text("reason");
        plan.basics.child_view = stmt.Text("child_view");
        plan.basics.guardian_views = stmt.Text("guardian_views");
        plan.basics.disagreements = stmt.Text("disagreements");
        plan.basics.follow_up_how = stmt.Text("follow_up_how");
        plan.basics.next_meeting = ReadOptionalDate(stmt, "next_meeting");
        plan.basics.collaboration_unit_id = stmt.OptionalInt("collaboration_unit_id");
        plan.support_areas = SplitCodes(stmt.Text("support_areas"));
        if (const std::string reason = stmt.Text("close_reason"); !reason.empty()) {
            plan.close_reason = stmt.Decode("close_reason", domain::ParseCloseReason(reason));
        }
        plan.created_by = stmt.Int("created_by");
        plan.created_at = FromUnixMillis(stmt.Int("created_at"));
        plan.basics.trusted_adult = stmt.Text("trusted_adult");
        plan.kept_by_unit_id = stmt.OptionalInt("kept_by_unit_id");
        KB_RETURN_IF_ERROR(stmt.Decoded());
    }
    KB_RETURN_IF_ERROR(LoadParts(plan, parts));
    return std::optional<domain::Plan>{std::move(plan)};
}

Status SqlPlanRepository::LoadParts(domain::Plan& plan, Parts parts) {
    if (parts == Parts::kWhole) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_goals_of"));
        stmt.Bind(1, plan.id);
        KB_RETURN_IF_ERROR(stmt.ForEachRow([&] {
            plan.goals.push_back({stmt.Int("id"), stmt.Text("area_code"), stmt.Text("outcome"),
                                  stmt.Text("how_we_know"), stmt.Decode("by_when", ParseDate(stmt.Text("by_when")))});
        }));
    }
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_actions_of"));
        stmt.Bind(1, plan.id);
        KB_RETURN_IF_ERROR(stmt.ForEachRow([&] {
            domain::PlanAction action{stmt.Int("id"),
                                      stmt.Text("what"),
                                      stmt.OptionalInt("unit_id"),
                                      stmt.Text("responsible"),
                                      stmt.Decode("start_on", ParseDate(stmt.Text("start_on"))),
                                      stmt.Text("frequency"),
                                      stmt.Decode("due_on", ParseDate(stmt.Text("due_on"))),
                                      stmt.Decode("status", domain::ParseActionStatus(stmt.Text("status")))};
            action.progress_note = stmt.Text("progress_note");
            action.proposed_due = ReadOptionalDate(stmt, "proposed_due");
            action.reported_by = stmt.Text("reported_by");
            if (const auto at = stmt.OptionalInt("reported_at")) action.reported_at = FromUnixMillis(*at);
            plan.actions.push_back(std::move(action));
        }));
    }
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_participants_of"));
        stmt.Bind(1, plan.id);
        KB_RETURN_IF_ERROR(stmt.ForEachRow([&] {
            plan.participants.push_back({stmt.Int("unit_id"), stmt.Text("contact_name"), stmt.Text("contact_phone")});
        }));
    }
    KB_RETURN_IF_ERROR(LoadPlannedMeeting(plan));
    if (parts == Parts::kOutline) return Ok();
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_guardian_parts_of"));
        stmt.Bind(1, plan.id);
        for (;;) {
            KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
            if (!has_row) break;
            domain::GuardianPart part;
            part.guardian_id = stmt.Int("guardian_id");
            part.name = stmt.Text("name");
            part.kind = stmt.Decode("kind", domain::ParseGuardianPartKind(stmt.Text("kind")));
            part.reason = stmt.Text("reason");
            part.recorded_on = stmt.Decode("recorded_on", ParseDate(stmt.Text("recorded_on")));
            KB_RETURN_IF_ERROR(stmt.Decoded());
            plan.guardian_parts.push_back(std::move(part));
        }
    }
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_meetings_of"));
        stmt.Bind(1, plan.id);
        KB_RETURN_IF_ERROR(stmt.ForEachRow([&] {
            domain::Meeting meeting;
            meeting.id = stmt.Int("id");
            meeting.kind = stmt.Decode("kind", domain::ParseMeetingKind(stmt.Text("kind")));
            meeting.held_on = stmt.Decode("held_on", ParseDate(stmt.Text("held_on")));
            meeting.place = stmt.Text("place");
            meeting.guardians_present = stmt.Bool("guardians_present");
            meeting.child_present = stmt.Bool("child_present");
            meeting.child_absent_reason = stmt.Text("child_absent_reason");
            meeting.notes = stmt.Text("notes");
            meeting.collaborate = stmt.Bool("collaborate");
            meeting.next_meeting = ReadOptionalDate(stmt, "next_meeting");
            meeting.recorded_by = stmt.Int("recorded_by");
            meeting.recorded_at = FromUnixMillis(stmt.Int("recorded_at"));
            plan.meetings.push_back(std::move(meeting));
        }));
    }
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_removed_participants_of"));
        stmt.Bind(1, plan.id);
        KB_RETURN_IF_ERROR(stmt.ForEachRow([&] {
            plan.removed_participants.push_back(
                {stmt.Int("unit_id"), stmt.Text("contact_name"), stmt.Text("removed_reason")});
        }));
    }
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_guardian_views_of"));
        stmt.Bind(1, plan.id);
        KB_RETURN_IF_ERROR(stmt.ForEachRow([&] {
            plan.basics.each_guardian.push_back({stmt.Int("guardian_id"), stmt.Text("name"), stmt.Text("view")});
        }));
    }
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_evaluations_of"));
    stmt.Bind(1, plan.id);
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) break;
        for (auto& meeting : plan.meetings) {
            if (meeting.id != stmt.Int("meeting_id")) continue;
            meeting.evaluations.push_back({stmt.Int("action_id"),
                                           stmt.Decode("result", domain::ParseActionStatus(stmt.Text("result"))),
                                           stmt.Text("note")});
        }
    }
    return Ok();
}

Status SqlPlanRepository::LoadPlannedMeeting(domain::Plan& plan) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("planned_meeting_of"));
        stmt.Bind(1, plan.id);
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return Ok();
        domain::PlannedMeeting meeting;
        meeting.id = stmt.Int("id");
        meeting.kind = stmt.Decode("kind", domain::ParseMeetingKind(stmt.Text("kind")));
        meeting.on = stmt.Decode("meets_on", ParseDate(stmt.Text("meets_on")));
        meeting.starts_at = stmt.Decode("starts_at", ParseTimeOfDay(stmt.Text("starts_at")));
        meeting.place = stmt.Text("place");
        meeting.family_invited = stmt.Bool("family_invited");
        meeting.sequence = static_cast<int>(stmt.Int("sequence"));
        KB_RETURN_IF_ERROR(stmt.Decoded());
        plan.planned_meeting = std::move(meeting);
    }
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("planned_meeting_invitees_of"));
    stmt.Bind(1, plan.planned_meeting->id);
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return Ok();
        plan.planned_meeting->invited_units.push_back(stmt.Int("unit_id"));
    }
}

Result<std::optional<domain::PlanId>> SqlPlanRepository::OpenPlanOf(domain::ChildId child) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_open_of_child"));
    stmt.Bind(1, child);
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<domain::PlanId>{};
    return std::optional<domain::PlanId>{stmt.Int("id")};
}

Result<std::optional<domain::PlanFacts>> SqlPlanRepository::OpenPlanFactsOf(domain::ChildId child) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_open_access_facts_of_child"));
    stmt.Bind(1, child);
    std::optional<domain::PlanFacts> facts;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return facts;
        if (!facts) {
            facts.emplace();
            facts->collaboration_unit_id = stmt.OptionalInt("collaboration_unit_id");
            facts->kept_by_unit_id = stmt.OptionalInt("kept_by_unit_id");
        }
        if (const auto unit = stmt.OptionalInt("unit_id")) facts->participant_unit_ids.push_back(*unit);
    }
}

Result<std::vector<domain::PlanId>> SqlPlanRepository::OpenPlansOfUnit(domain::UnitId unit, int limit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plans_of_unit"));
    stmt.Bind(1, unit).Bind(2, std::int64_t{limit});
    std::vector<domain::PlanId> out;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return out;
        out.push_back(stmt.Int("id"));
    }
}

Status SqlPlanRepository::Save(const domain::Plan& before, const domain::Plan& after, domain::UserId by, Timestamp at) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_update"));
        stmt.Bind(1, after.id).Bind(2, std::int64_t{before.version}).Bind(3, domain::Code(after.state));
        stmt.Bind(4, std::int64_t{after.version}).Bind(5, after.basics.reason).Bind(6, after.basics.child_view);
        stmt.Bind(7, after.basics.guardian_views).Bind(8, after.basics.disagreements);
        stmt.Bind(9, after.basics.follow_up_how);
        stmt.BindTextOrNull(10, OptionalDate(after.basics.next_meeting));
        stmt.Bind(11, after.basics.collaboration_unit_id);
        stmt.BindTextOrNull(
            12, after.close_reason ? std::optional<std::string>(domain::Code(*after.close_reason)) : std::nullopt);
        stmt.Bind(13, after.basics.trusted_adult).Bind(14, after.kept_by_unit_id);
        KB_RETURN_IF_ERROR(stmt.Run());
        if (db_.ChangedRows() == 0) return Error::Conflict("plan.stale");
    }
    if (before.basics.each_guardian != after.basics.each_guardian) {
        for (const auto& guardian : after.basics.each_guardian) {
            KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_guardian_view_upsert"));
            KB_RETURN_IF_ERROR(stmt.Bind(1, after.id).Bind(2, guardian.guardian_id).Bind(3, guardian.view).Run());
        }
    }
    KB_RETURN_IF_ERROR(SaveGuardianParts(before, after));
    KB_RETURN_IF_ERROR(SaveGoals(before, after, at));
    KB_RETURN_IF_ERROR(SaveActions(before, after, by, at));
    KB_RETURN_IF_ERROR(SaveParticipants(before, after, at));
    KB_RETURN_IF_ERROR(SaveMeetings(before, after));
    KB_RETURN_IF_ERROR(SavePlannedMeeting(before, after, at));
    return InsertChange(after.id, after.version, domain::Diff(before, after), by, at);
}

Status SqlPlanRepository::InsertParticipant(domain::PlanId plan, const domain::Participant& participant) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_participant_insert"));
    stmt.Bind(1, plan).Bind(2, participant.unit_id).Bind(3, participant.contact_name);
    return stmt.Bind(4, participant.contact_phone).Run();
}

Status SqlPlanRepository::SaveGoals(const domain::Plan& before, const domain::Plan& after, Timestamp at) {
    for (const auto& goal : after.goals) {
        const auto* was = FindBy(before.goals, goal.id, kIdOf);
        if (goal.id != 0 && was != nullptr) {
            if (was->area_code == goal.area_code && was->outcome == goal.outcome &&
                was->how_we_know == goal.how_we_know && was->by_when == goal.by_when) {
                continue;
            }
            KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_goal_update"));
            stmt.Bind(1, after.id).Bind(2, goal.id).Bind(3, goal.area_code).Bind(4, goal.outcome);
            KB_RETURN_IF_ERROR(stmt.Bind(5, goal.how_we_know).Bind(6, FormatDate(goal.by_when)).Run());
            KB_RETURN_IF_ERROR(RequireChanged(db_));
            continue;
        }
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_goal_insert"));
        stmt.Bind(1, after.id).Bind(2, goal.area_code).Bind(3, goal.outcome).Bind(4, goal.how_we_know);
        KB_RETURN_IF_ERROR(stmt.Bind(5, FormatDate(goal.by_when)).Run());
    }
    for (const auto& goal : before.goals) {
        if (FindBy(after.goals, goal.id, kIdOf) != nullptr) continue;
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_goal_remove"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, after.id).Bind(2, goal.id).Bind(3, ToUnixMillis(at)).Run());
        KB_RETURN_IF_ERROR(RequireChanged(db_));
    }
    return Ok();
}

Status SqlPlanRepository::SaveActions(const domain::Plan& before, const domain::Plan& after, domain::UserId by,
                                      Timestamp at) {
    for (const auto& action : after.actions) {
        const auto* was = FindBy(before.actions, action.id, kIdOf);
        if (action.id != 0 && was != nullptr) {
            const bool same = was->what == action.what && was->unit_id == action.unit_id &&
                              was->responsible == action.responsible && was->start == action.start &&
                              was->frequency == action.frequency && was->due == action.due &&
                              was->status == action.status && was->progress_note == action.progress_note &&
                              was->proposed_due == action.proposed_due && was->reported_at == action.reported_at;
            if (same) continue;
            {
                KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_action_update"));
                stmt.Bind(1, after.id).Bind(2, action.id).Bind(3, action.what).Bind(4, action.unit_id);
                stmt.Bind(5, action.responsible).Bind(6, FormatDate(action.start)).Bind(7, action.frequency);
                stmt.Bind(8, FormatDate(action.due)).Bind(9, domain::Code(action.status));
                stmt.Bind(10, action.progress_note);
                KB_RETURN_IF_ERROR(stmt.BindTextOrNull(11, OptionalDate(action.proposed_due)).Run());
                KB_RETURN_IF_ERROR(RequireChanged(db_));
            }
            // A new report names whoever saved it (the domain keeps the name, the row the account).
            if (action.reported_at && action.reported_at != was->reported_at) {
                KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_action_set_reporter"));
                stmt.Bind(1, after.id).Bind(2, action.id).Bind(3, by);
                KB_RETURN_IF_ERROR(stmt.Bind(4, ToUnixMillis(*action.reported_at)).Run());
            }
            continue;
        }
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_action_insert"));
        stmt.Bind(1, after.id).Bind(2, action.what).Bind(3, action.unit_id).Bind(4, action.responsible);
        stmt.Bind(5, FormatDate(action.start)).Bind(6, action.frequency).Bind(7, FormatDate(action.due));
        KB_RETURN_IF_ERROR(stmt.Bind(8, domain::Code(action.status)).Run());
    }
    for (const auto& action : before.actions) {
        if (FindBy(after.actions, action.id, kIdOf) != nullptr) continue;
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_action_remove"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, after.id).Bind(2, action.id).Bind(3, ToUnixMillis(at)).Run());
        KB_RETURN_IF_ERROR(RequireChanged(db_));
    }
    return Ok();
}

Status SqlPlanRepository::SaveParticipants(const domain::Plan& before, const domain::Plan& after, Timestamp at) {
    for (const auto& participant : after.participants) {
        const auto* was = FindBy(before.participants, participant.unit_id, kUnitOf);
        if (was == nullptr) {
            KB_RETURN_IF_ERROR(InsertParticipant(after.id, participant));
            continue;
        }
        if (was->contact_name == participant.contact_name && was->contact_phone == participant.contact_phone) {
            continue;
        }
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_participant_update"));
        stmt.Bind(1, after.id).Bind(2, participant.unit_id).Bind(3, participant.contact_name);
        KB_RETURN_IF_ERROR(stmt.Bind(4, participant.contact_phone).Run());
        KB_RETURN_IF_ERROR(RequireChanged(db_));
    }
    for (const auto& participant : before.participants) {
        if (FindBy(after.participants, participant.unit_id, kUnitOf) != nullptr) continue;
        const auto* removed = FindBy(after.removed_participants, participant.unit_id, kUnitOf);
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_participant_remove"));
        stmt.Bind(1, after.id).Bind(2, participant.unit_id).Bind(3, ToUnixMillis(at));
        KB_RETURN_IF_ERROR(stmt.Bind(4, removed != nullptr ? removed->reason : std::string()).Run());
        KB_RETURN_IF_ERROR(RequireChanged(db_));
    }
    return Ok();
}

Status SqlPlanRepository::SaveMeetings(const domain::Plan& before, const domain::Plan& after) {
    for (const auto& meeting : after.meetings) {
        const auto* was = FindBy(before.meetings, meeting.id, kIdOf);
        if (meeting.id != 0 && was != nullptr) {
            if (was->held_on == meeting.held_on && was->place == meeting.place && was->notes == meeting.notes) {
                continue;
            }
            KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_meeting_update"));
            stmt.Bind(1, after.id).Bind(2, meeting.id).Bind(3, FormatDate(meeting.held_on)).Bind(4, meeting.place);
            KB_RETURN_IF_ERROR(stmt.Bind(5, meeting.notes).Run());
            KB_RETURN_IF_ERROR(RequireChanged(db_));
            continue;
        }
        {
            KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_meeting_insert"));
            stmt.Bind(1, after.id).Bind(2, domain::Code(meeting.kind)).Bind(3, FormatDate(meeting.held_on));
            stmt.Bind(4, meeting.place).BindBool(5, meeting.guardians_present).BindBool(6, meeting.child_present);
            stmt.Bind(7, meeting.child_absent_reason).Bind(8, meeting.notes).BindBool(9, meeting.collaborate);
            stmt.BindTextOrNull(10, OptionalDate(meeting.next_meeting));
            KB_RETURN_IF_ERROR(stmt.Bind(11, meeting.recorded_by).Bind(12, ToUnixMillis(meeting.recorded_at)).Run());
        }
        const std::int64_t meeting_id = db_.LastInsertId();
        for (const auto& evaluation : meeting.evaluations) {
            KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_evaluation_insert"));
            stmt.Bind(1, meeting_id).Bind(2, evaluation.action_id).Bind(3, domain::Code(evaluation.result));
            KB_RETURN_IF_ERROR(stmt.Bind(4, evaluation.note).Run());
        }
    }
    return Ok();
}

Status SqlPlanRepository::SaveGuardianParts(const domain::Plan& before, const domain::Plan& after) {
    if (before.guardian_parts == after.guardian_parts) return Ok();
    for (const auto& was : before.guardian_parts) {
        const bool kept =
            std::any_of(after.guardian_parts.begin(), after.guardian_parts.end(),
                        [&](const domain::GuardianPart& is) { return is.guardian_id == was.guardian_id; });
        if (kept) continue;
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_guardian_part_delete"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, after.id).Bind(2, was.guardian_id).Run());
    }
    for (const auto& part : after.guardian_parts) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_guardian_part_upsert"));
        stmt.Bind(1, after.id).Bind(2, part.guardian_id).Bind(3, domain::Code(part.kind)).Bind(4, part.reason);
        KB_RETURN_IF_ERROR(stmt.Bind(5, FormatDate(part.recorded_on)).Run());
    }
    return Ok();
}

Status SqlPlanRepository::SavePlannedMeeting(const domain::Plan& before, const domain::Plan& after, Timestamp at) {
    const auto& was = before.planned_meeting;
    const auto& is = after.planned_meeting;
    if (was && (!is || is->id != was->id)) {
        // Ended: held when a meeting was recorded in the same change, otherwise called off.
        const bool held = after.meetings.size() > before.meetings.size();
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("planned_meeting_end"));
        stmt.Bind(1, was->id).Bind(2, after.id).Bind(3, std::string(held ? "held" : "cancelled"));
        KB_RETURN_IF_ERROR(stmt.Bind(4, ToUnixMillis(at)).Run());
        KB_RETURN_IF_ERROR(RequireChanged(db_));
    }
    if (!is) return Ok();
    const bool same = was && was->id == is->id && was->kind == is->kind && was->on == is->on &&
                      was->starts_at == is->starts_at && was->place == is->place &&
                      was->family_invited == is->family_invited && was->invited_units == is->invited_units;
    if (same) return Ok();
    std::int64_t id = is->id;
    if (was && was->id == is->id) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("planned_meeting_update"));
        stmt.Bind(1, id).Bind(2, after.id).Bind(3, domain::Code(is->kind)).Bind(4, FormatDate(is->on));
        stmt.Bind(5, FormatTimeOfDay(is->starts_at)).Bind(6, is->place).BindBool(7, is->family_invited);
        KB_RETURN_IF_ERROR(stmt.Bind(8, std::int64_t{is->sequence}).Run());
        KB_RETURN_IF_ERROR(RequireChanged(db_));
        KB_ASSIGN_OR_RETURN(auto clear, db_.Prepare("planned_meeting_invitees_clear"));
        KB_RETURN_IF_ERROR(clear.Bind(1, id).Run());
    } else {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("planned_meeting_insert"));
        stmt.Bind(1, after.id).Bind(2, domain::Code(is->kind)).Bind(3, FormatDate(is->on));
        stmt.Bind(4, FormatTimeOfDay(is->starts_at)).Bind(5, is->place).BindBool(6, is->family_invited);
        auto inserted = stmt.Bind(7, std::int64_t{is->sequence}).Run();
        // Another planned meeting got in first (the partial unique index): the plan changed under us.
        if (!inserted && inserted.error().code == ErrorCode::kConflict) return Error::Conflict("plan.stale");
        if (!inserted) return inserted.error();
        id = db_.LastInsertId();
    }
    for (const domain::UnitId unit : is->invited_units) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("planned_meeting_invitee_insert"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, id).Bind(2, unit).Run());
    }
    return Ok();
}

Status SqlPlanRepository::InsertChange(domain::PlanId plan, int version, const std::vector<domain::FieldChange>& fields,
                                       domain::UserId by, Timestamp at) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_change_insert"));
        stmt.Bind(1, plan).Bind(2, std::int64_t{version}).Bind(3, by).Bind(4, ToUnixMillis(at));
        auto inserted = stmt.Run();
        if (!inserted && inserted.error().code == ErrorCode::kConflict) return Error::Conflict("plan.stale");
        if (!inserted) return inserted.error();
    }
    const std::int64_t change_id = db_.LastInsertId();
    std::int64_t position = 0;
    for (const auto& field : fields) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_change_field_insert"));
        stmt.Bind(1, change_id).Bind(2, position++).Bind(3, field.field).Bind(4, field.before);
        KB_RETURN_IF_ERROR(stmt.Bind(5, field.after).Run());
    }
    return Ok();
}

Result<std::vector<PlanChange>> SqlPlanRepository::History(domain::PlanId id) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_changes_of"));
    stmt.Bind(1, id);
    std::vector<PlanChange> out;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return out;
        const int version = static_cast<int>(stmt.Int("version"));
        if (out.empty() || out.back().version != version) {
            out.push_back({version,
                           stmt.Int("changed_by"),
                           stmt.Text("changed_by_name"),
                           FromUnixMillis(stmt.Int("changed_at")),
                           {}});
        }
        if (!stmt.Text("field").empty())
            out.back().fields.push_back({stmt.Text("field"), stmt.Text("before"), stmt.Text("after")});
    }
}

}  // namespace kronobarn::store::sql
