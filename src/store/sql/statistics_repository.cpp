// The statistics' and research extracts' reads on either engine.
#include <algorithm>

#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {
namespace {

ChildFacts ReadChild(const Statement& stmt) {
    return {stmt.Int("child_id"), stmt.Decode("birth_date", ParseDate(stmt.Text("birth_date"))),
            stmt.Text("municipality")};
}

std::optional<Timestamp> OptionalTime(const Statement& stmt, std::string_view column) {
    if (stmt.IsNull(column)) return std::nullopt;
    return FromUnixMillis(stmt.Int(column));
}

domain::UnitKind KindOf(const Statement& stmt, std::string_view column) {
    return stmt.Decode(column, domain::ParseUnitKind(stmt.Text(column)));
}

template <typename Record, typename Read>
Result<std::vector<Record>> ReadAll(Statement& stmt, Read read) {
    std::vector<Record> records;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return records;
        records.push_back(read(stmt));
    }
}

}  // namespace

Result<std::vector<SignalRecord>> SqlStatisticsRepository::Signals(Timestamp from, Timestamp to) {
    std::vector<SignalRecord> signals;
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_signals"));
        stmt.Bind(1, ToUnixMillis(from)).Bind(2, ToUnixMillis(to));
        KB_ASSIGN_OR_RETURN(signals, ReadAll<SignalRecord>(stmt, [](const Statement& row) {
                                SignalRecord record;
                                record.child = ReadChild(row);
                                record.concern_id = row.Int("id");
                                record.registered_at = FromUnixMillis(row.Int("registered_at"));
                                record.noticing_kind = KindOf(row, "noticing_kind");
                                if (!row.IsNull("outcome")) {
                                    record.outcome = row.Text("outcome");
                                    record.decided_at = OptionalTime(row, "decided_at");
                                    record.deciding_kind = KindOf(row, "deciding_kind");
                                }
                                if (!row.IsNull("report_date"))
                                    record.report_date = row.Decode("report_date", ParseDate(row.Text("report_date")));
                                return record;
                            }));
    }
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_signal_areas"));
    stmt.Bind(1, ToUnixMillis(from)).Bind(2, ToUnixMillis(to));
    // Both lists are ordered by the signal: one pass pairs them.
    auto signal = signals.begin();
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return signals;
        const std::int64_t concern = stmt.Int("concern_id");
        while (signal != signals.end() && signal->concern_id < concern) ++signal;
        if (signal != signals.end() && signal->concern_id == concern)
            signal->wheel_areas.push_back(stmt.Text("area_code"));
    }
}

Result<std::vector<ConsentRecord>> SqlStatisticsRepository::Consents(Timestamp from, Timestamp to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_consents"));
    stmt.Bind(1, ToUnixMillis(from)).Bind(2, ToUnixMillis(to));
    return ReadAll<ConsentRecord>(stmt, [](const Statement& row) {
        ConsentRecord record{ReadChild(row), FromUnixMillis(row.Int("recorded_at")),
                             row.Decode("valid_to", ParseDate(row.Text("valid_to"))), OptionalTime(row, "withdrawn_at"),
                             row.Text("categories")};
        record.refused = row.Bool("refused");
        return record;
    });
}

Result<std::vector<MeetingRecord>> SqlStatisticsRepository::Meetings(Date from, Date to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_meetings"));
    stmt.Bind(1, FormatDate(from)).Bind(2, FormatDate(to));
    return ReadAll<MeetingRecord>(stmt, [](const Statement& row) {
        MeetingRecord record{
            ReadChild(row),   row.Int("plan_id"),        row.Decode("held_on", ParseDate(row.Text("held_on"))),
            row.Text("kind"), row.Bool("child_present"), std::nullopt};
        if (!row.IsNull("next_meeting"))
            record.next_meeting = row.Decode("next_meeting", ParseDate(row.Text("next_meeting")));
        return record;
    });
}

Result<std::vector<HandoverRecord>> SqlStatisticsRepository::Handovers(Timestamp from, Timestamp to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_handovers"));
    stmt.Bind(1, ToUnixMillis(from)).Bind(2, ToUnixMillis(to));
    return ReadAll<HandoverRecord>(stmt, [](const Statement& row) {
        HandoverRecord record{ReadChild(row),
                              FromUnixMillis(row.Int("requested_at")),
                              OptionalTime(row, "answered_at"),
                              row.Text("state"),
                              row.Text("kind"),
                              KindOf(row, "from_kind"),
                              KindOf(row, "to_kind")};
        record.after_decision = row.Bool("after_decision");
        record.plan_outcome = row.Text("plan_outcome");
        return record;
    });
}

Result<std::vector<PlanRecord>> SqlStatisticsRepository::Plans(Timestamp from, Timestamp to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_plans"));
    stmt.Bind(1, ToUnixMillis(from)).Bind(2, ToUnixMillis(to));
    return ReadAll<PlanRecord>(stmt, [](const Statement& row) {
        PlanRecord record{ReadChild(row),
                          row.Int("id"),
                          FromUnixMillis(row.Int("created_at")),
                          row.Text("state"),
                          static_cast<int>(row.Int("participants")),
                          static_cast<int>(row.Int("actions")),
                          row.Bool("child_view_recorded"),
                          {},
                          std::nullopt,
                          std::nullopt,
                          std::nullopt,
                          std::nullopt};
        const std::string areas = row.Text("support_areas");
        for (std::size_t start = 0; start < areas.size();) {
            const std::size_t comma = std::min(areas.find(',', start), areas.size());
            if (comma > start) record.support_areas.push_back(areas.substr(start, comma - start));
            start = comma + 1;
        }
        if (!row.IsNull("holder_kind"))
            record.holder_kind = row.Decode("holder_kind", domain::ParseUnitKind(row.Text("holder_kind")));
        record.signal_registered_at = OptionalTime(row, "signal_registered_at");
        record.agreed_at = OptionalTime(row, "agreed_at");
        record.closed_at = OptionalTime(row, "closed_at");
        if (!row.IsNull("first_meeting_on"))
            record.first_meeting_on = row.Decode("first_meeting_on", ParseDate(row.Text("first_meeting_on")));
        return record;
    });
}

Result<std::vector<PlanActionRecord>> SqlStatisticsRepository::PlanActions(Timestamp from, Timestamp to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_plan_actions"));
    stmt.Bind(1, ToUnixMillis(from)).Bind(2, ToUnixMillis(to));
    return ReadAll<PlanActionRecord>(stmt, [](const Statement& row) {
        PlanActionRecord record;
        record.plan_id = row.Int("plan_id");
        if (!row.IsNull("kind")) record.unit_kind = row.Decode("kind", domain::ParseUnitKind(row.Text("kind")));
        record.status = row.Text("status");
        record.start_on = row.Decode("start_on", ParseDate(row.Text("start_on")));
        record.due_on = row.Decode("due_on", ParseDate(row.Text("due_on")));
        return record;
    });
}

Result<std::vector<WheelStatusRecord>> SqlStatisticsRepository::WheelStatuses(Date from, Date to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_wheel_statuses"));
    stmt.Bind(1, FormatDate(from)).Bind(2, FormatDate(to));
    return ReadAll<WheelStatusRecord>(stmt, [](const Statement& row) {
        return WheelStatusRecord{ReadChild(row), row.Decode("assessed_on", ParseDate(row.Text("assessed_on"))),
                                 row.Text("area_code"), row.Text("status"), row.Bool("support_needed")};
    });
}

Result<std::vector<std::string>> SqlStatisticsRepository::Municipalities() { return areas_.Areas(db_); }

}  // namespace kronobarn::store::sql
