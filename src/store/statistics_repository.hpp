// Reads of the records statistics and research extracts are computed from (statistics_records.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"
#include "store/records/statistics_records.hpp"

namespace kronobarn::store {

// Records of events within [from, to): by when the signal was registered, the consent recorded,
// the meeting held, the handover requested, the plan created.
class StatisticsRepository {
  public:
    virtual ~StatisticsRepository() = default;
    virtual Result<std::vector<SignalRecord>> Signals(Timestamp from, Timestamp to) = 0;
    virtual Result<std::vector<ConsentRecord>> Consents(Timestamp from, Timestamp to) = 0;
    // Ordered by plan, then day held: a plan's follow-ups can be matched in one pass.
    virtual Result<std::vector<MeetingRecord>> Meetings(Date from, Date to) = 0;
    virtual Result<std::vector<HandoverRecord>> Handovers(Timestamp from, Timestamp to) = 0;
    virtual Result<std::vector<PlanRecord>> Plans(Timestamp from, Timestamp to) = 0;
    virtual Result<std::vector<PlanActionRecord>> PlanActions(Timestamp from, Timestamp to) = 0;
    virtual Result<std::vector<WheelStatusRecord>> WheelStatuses(Date from, Date to) = 0;  // both inclusive
    // Every municipality a unit serves, sorted: the statistics' fixed list, seen in data or not.
    virtual Result<std::vector<std::string>> Municipalities() = 0;
};

}  // namespace kronobarn::store
