// The statistics' and research extracts' reads on either engine.
#include <algorithm>

#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {
namespace {

ChildFacts ReadChild(const Statement& stmt) {
    return {stmt.Int(0), stmt.Decode(1, ParseDate(stmt.Text(1))), stmt.Text(2)};
}

std::optional<Timestamp> OptionalTime(const Statement& stmt, int column) {
    if (stmt.IsNull(column)) return std::nullopt;
    return FromUnixMillis(stmt.Int(column));
}

domain::UnitKind KindOf(const Statement& stmt, int column) {
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
                                record.concern_id = row.Int(3);
                                record.registered_at = FromUnixMillis(row.Int(4));
                                record.noticing_kind = KindOf(row, 5);
                                if (!row.IsNull(6)) {
                                    record.outcome = row.Text(6);
                                    record.decided_at = OptionalTime(row, 7);
                                    record.deciding_kind = KindOf(row, 8);
                                }
                                if (!row.IsNull(9)) record.report_date = row.Decode(9, ParseDate(row.Text(9)));
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
        const std::int64_t concern = stmt.Int(0);
        while (signal != signals.end() && signal->concern_id < concern) ++signal;
        if (signal != signals.end() && signal->concern_id == concern) signal->wheel_areas.push_back(stmt.Text(1));
    }
}

Result<std::vector<ConsentRecord>> SqlStatisticsRepository::Consents(Timestamp from, Timestamp to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_consents"));
    stmt.Bind(1, ToUnixMillis(from)).Bind(2, ToUnixMillis(to));
    return ReadAll<ConsentRecord>(stmt, [](const Statement& row) {
        ConsentRecord record{ReadChild(row), FromUnixMillis(row.Int(3)), row.Decode(4, ParseDate(row.Text(4))),
                             OptionalTime(row, 5), row.Text(6)};
        record.refused = row.Bool(7);
        return record;
    });
}

Result<std::vector<MeetingRecord>> SqlStatisticsRepository::Meetings(Date from, Date to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_meetings"));
    stmt.Bind(1, FormatDate(from)).Bind(2, FormatDate(to));
    return ReadAll<MeetingRecord>(stmt, [](const Statement& row) {
        MeetingRecord record{ReadChild(row), row.Int(3),  row.Decode(4, ParseDate(row.Text(4))),
                             row.Text(5),    row.Bool(6), std::nullopt};
        if (!row.IsNull(7)) record.next_meeting = row.Decode(7, ParseDate(row.Text(7)));
        return record;
    });
}

Result<std::vector<HandoverRecord>> SqlStatisticsRepository::Handovers(Timestamp from, Timestamp to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_handovers"));
    stmt.Bind(1, ToUnixMillis(from)).Bind(2, ToUnixMillis(to));
    return ReadAll<HandoverRecord>(stmt, [](const Statement& row) {
        HandoverRecord record{
            ReadChild(row), FromUnixMillis(row.Int(3)), OptionalTime(row, 4), row.Text(5), row.Text(6), KindOf(row, 7),
            KindOf(row, 8)};
        record.after_decision = row.Bool(9);
        record.plan_outcome = row.Text(10);
        return record;
    });
}

Result<std::vector<PlanRecord>> SqlStatisticsRepository::Plans(Timestamp from, Timestamp to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_plans"));
    stmt.Bind(1, ToUnixMillis(from)).Bind(2, ToUnixMillis(to));
    return ReadAll<PlanRecord>(stmt, [](const Statement& row) {
        PlanRecord record{ReadChild(row),
                          row.Int(3),
                          FromUnixMillis(row.Int(4)),
                          row.Text(5),
                          static_cast<int>(row.Int(6)),
                          static_cast<int>(row.Int(7)),
                          row.Bool(8),
                          {},
                          std::nullopt,
                          std::nullopt,
                          std::nullopt,
                          std::nullopt};
        const std::string areas = row.Text(9);
        for (std::size_t start = 0; start < areas.size();) {
            const std::size_t comma = std::min(areas.find(',', start), areas.size());
            if (comma > start) record.support_areas.push_back(areas.substr(start, comma - start));
            start = comma + 1;
        }
        if (!row.IsNull(10)) record.holder_kind = row.Decode(10, domain::ParseUnitKind(row.Text(10)));
        record.signal_registered_at = OptionalTime(row, 11);
        record.agreed_at = OptionalTime(row, 12);
        record.closed_at = OptionalTime(row, 13);
        if (!row.IsNull(14)) record.first_meeting_on = row.Decode(14, ParseDate(row.Text(14)));
        return record;
    });
}

Result<std::vector<PlanActionRecord>> SqlStatisticsRepository::PlanActions(Timestamp from, Timestamp to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_plan_actions"));
    stmt.Bind(1, ToUnixMillis(from)).Bind(2, ToUnixMillis(to));
    return ReadAll<PlanActionRecord>(stmt, [](const Statement& row) {
        PlanActionRecord record;
        record.plan_id = row.Int(0);
        if (!row.IsNull(1)) record.unit_kind = row.Decode(1, domain::ParseUnitKind(row.Text(1)));
        record.status = row.Text(2);
        record.start_on = row.Decode(3, ParseDate(row.Text(3)));
        record.due_on = row.Decode(4, ParseDate(row.Text(4)));
        return record;
    });
}

Result<std::vector<WheelStatusRecord>> SqlStatisticsRepository::WheelStatuses(Date from, Date to) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("statistics_wheel_statuses"));
    stmt.Bind(1, FormatDate(from)).Bind(2, FormatDate(to));
    return ReadAll<WheelStatusRecord>(stmt, [](const Statement& row) {
        return WheelStatusRecord{ReadChild(row), row.Decode(3, ParseDate(row.Text(3))), row.Text(4), row.Text(5),
                                 row.Bool(6)};
    });
}

Result<std::vector<std::string>> SqlStatisticsRepository::Municipalities() { return areas_.Areas(db_); }

}  // namespace kronobarn::store::sql
