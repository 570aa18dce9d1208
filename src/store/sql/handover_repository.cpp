// Handover requests and stage-transition lookups on either engine (part of the coordination repository).
#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {
namespace {

// Columns: id, child_id, from_unit_id, to_unit_id, state, note, decline_reason, requested_by,
// requested_at, answered_by, answered_at, kind, concern_id.
domain::Handover ReadHandover(const Statement& row) {
    domain::Handover handover;
    handover.id = row.Int(0);
    handover.child_id = row.Int(1);
    handover.from_unit_id = row.Int(2);
    handover.to_unit_id = row.Int(3);
    handover.state = row.Decode(4, domain::ParseHandoverState(row.Text(4)));
    handover.note = row.Text(5);
    handover.decline_reason = row.Text(6);
    handover.requested_by = row.Int(7);
    handover.requested_at = FromUnixMillis(row.Int(8));
    handover.answered_by = row.OptionalInt(9);
    if (const auto at = row.OptionalInt(10)) handover.answered_at = FromUnixMillis(*at);
    handover.kind = row.Decode(11, domain::ParseHandoverKind(row.Text(11)));
    handover.concern_id = row.OptionalInt(12);
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
        out.push_back({stmt.Int(0), stmt.Text(1), stmt.Text(2), stmt.Decode(3, ParseDate(stmt.Text(3)))});
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
        answer.handover_id = stmt.Int(0);
        answer.guardian_id = stmt.OptionalInt(1);
        answer.answer = stmt.Decode(2, domain::ParsePlanFollowAnswerKind(stmt.Text(2)));
        answer.via = stmt.Decode(3, domain::ParsePlanFollowVia(stmt.Text(3)));
        answer.recorded_by = stmt.Int(4);
        answer.recorded_at = FromUnixMillis(stmt.Int(5));
        KB_RETURN_IF_ERROR(stmt.Decoded());
        out.push_back(answer);
    }
}

}  // namespace kronobarn::store::sql
