// Handover requests and stage-transition lookups on either engine (part of the coordination repository).
#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {
namespace {

// Columns: id, child_id, from_unit_id, to_unit_id, state, note, decline_reason, requested_by,
// requested_at, answered_by, answered_at, kind, concern_id.
domain::Handover ReadHandover(const Statement& row) {
    domain::Handover handover;
    handover.id = row.Int("id");
    handover.child_id = row.Int("child_id");
    handover.from_unit_id = row.Int("from_unit_id");
    handover.to_unit_id = row.Int("to_unit_id");
    handover.state = row.Decode("state", domain::ParseHandoverState(row.Text("state")));
    handover.note = row.Text("note");
    handover.decline_reason = row.Text("decline_reason");
    handover.requested_by = row.Int("requested_by");
    handover.requested_at = FromUnixMillis(row.Int("requested_at"));
    handover.answered_by = row.OptionalInt("answered_by");
    if (const auto at = row.OptionalInt("answered_at")) handover.answered_at = FromUnixMillis(*at);
    handover.kind = row.Decode("kind", domain::ParseHandoverKind(row.Text("kind")));
    handover.concern_id = row.OptionalInt("concern_id");
    return handover;
}

Result<std::vector<domain::Handover>> ReadAll(Statement& stmt) {
    std::vector<domain::Handover> out;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return out;
        out.push_back(ReadHandover(stmt));
    }
}

}  // namespace

Result<std::vector<HeldChild>> SqlCoordinationRepository::HeldChildrenBornBetween(domain::UnitId unit,
                                                                                  const std::array<DateRange, 3>& born,
                                                                                  int limit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("children_held_born_between"));
    stmt.Bind(1, unit);
    int index = 2;
    for (const auto& range : born) {
        stmt.Bind(index++, FormatDate(range.first));
        stmt.Bind(index++, FormatDate(range.last));
    }
    stmt.Bind(index, std::int64_t{limit});
    std::vector<HeldChild> out;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return out;
        out.push_back({stmt.Int("id"), stmt.Text("given_name"), stmt.Text("family_name"),
                       stmt.Decode("birth_date", ParseDate(stmt.Text("birth_date")))});
    }
}

Result<domain::HandoverId> SqlCoordinationRepository::InsertHandover(const domain::Handover& handover) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("handover_insert"));
    stmt.Bind(1, handover.child_id).Bind(2, handover.from_unit_id).Bind(3, handover.to_unit_id).Bind(4, handover.note);
    stmt.Bind(5, handover.requested_by)
        .Bind(6, ToUnixMillis(handover.requested_at))
        .Bind(7, domain::Code(handover.kind));
    stmt.Bind(8, handover.concern_id);
    auto inserted = stmt.Run();
    if (!inserted && inserted.error().code == ErrorCode::kConflict) return Error::Conflict("handover.already_pending");
    if (!inserted) return inserted.error();
    return db_.LastInsertId();
}

Result<std::optional<domain::Handover>> SqlCoordinationRepository::FindHandover(domain::HandoverId id) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("handover_find"));
    stmt.Bind(1, id);
    KB_ASSIGN_OR_RETURN(auto all, ReadAll(stmt));
    if (all.empty()) return std::optional<domain::Handover>{};
    return std::optional<domain::Handover>{std::move(all.front())};
}

Result<std::optional<domain::Handover>> SqlCoordinationRepository::PendingHandoverOf(domain::ChildId child) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("handover_pending_of_child"));
    stmt.Bind(1, child);
    KB_ASSIGN_OR_RETURN(auto all, ReadAll(stmt));
    if (all.empty()) return std::optional<domain::Handover>{};
    return std::optional<domain::Handover>{std::move(all.front())};
}

Status SqlCoordinationRepository::SaveAnswer(const domain::Handover& handover) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("handover_answer"));
    stmt.Bind(1, handover.id).Bind(2, domain::Code(handover.state)).Bind(3, handover.decline_reason);
    stmt.Bind(4, handover.answered_by);
    stmt.Bind(5,
              handover.answered_at ? std::optional<std::int64_t>(ToUnixMillis(*handover.answered_at)) : std::nullopt);
    KB_RETURN_IF_ERROR(stmt.Run());
    if (db_.ChangedRows() == 0) return Error::Conflict("handover.not_pending");
    return Ok();
}

Result<std::vector<domain::Handover>> SqlCoordinationRepository::PendingTo(domain::UnitId unit, int limit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("handover_list_to_unit"));
    stmt.Bind(1, unit).Bind(2, std::int64_t{limit});
    return ReadAll(stmt);
}

Result<std::vector<domain::Handover>> SqlCoordinationRepository::SentFrom(domain::UnitId unit, int limit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("handover_list_from_unit"));
    stmt.Bind(1, unit).Bind(2, std::int64_t{limit});
    return ReadAll(stmt);
}

Status SqlCoordinationRepository::InsertPlanFollowAnswer(const domain::PlanFollowAnswer& answer) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_follow_answer_insert"));
    stmt.Bind(1, answer.handover_id).Bind(2, answer.guardian_id).Bind(3, domain::Code(answer.answer));
    stmt.Bind(4, domain::Code(answer.via)).Bind(5, answer.recorded_by).Bind(6, ToUnixMillis(answer.recorded_at));
    return stmt.Run();
}

Result<std::vector<domain::PlanFollowAnswer>> SqlCoordinationRepository::PlanFollowAnswersOf(
    domain::HandoverId handover) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_follow_answers_of"));
    stmt.Bind(1, handover);
    std::vector<domain::PlanFollowAnswer> out;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return out;
        domain::PlanFollowAnswer answer;
        answer.handover_id = stmt.Int("handover_id");
        answer.guardian_id = stmt.OptionalInt("guardian_id");
        answer.answer = stmt.Decode("answer", domain::ParsePlanFollowAnswerKind(stmt.Text("answer")));
        answer.via = stmt.Decode("via", domain::ParsePlanFollowVia(stmt.Text("via")));
        answer.recorded_by = stmt.Int("recorded_by");
        answer.recorded_at = FromUnixMillis(stmt.Int("recorded_at"));
        KB_RETURN_IF_ERROR(stmt.Decoded());
        out.push_back(answer);
    }
}

}  // namespace kronobarn::store::sql
