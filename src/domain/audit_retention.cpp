#include "domain/audit_retention.hpp"

namespace kronobarn::domain {
namespace {

// The same calendar day and time `years` years earlier (29 February becomes 28 February).
Timestamp YearsBefore(Timestamp now, int years) {
    using namespace std::chrono;
    const sys_days day = floor<days>(now);
    year_month_day earlier = year_month_day{day} - std::chrono::years(years);
    if (!earlier.ok()) earlier = earlier.year() / earlier.month() / last;
    return time_point_cast<milliseconds>(sys_days{earlier}) + (now - day);
}

}  // namespace

Result<Timestamp> AuditRetentionCutoff(Timestamp now, int years) {
    if (years < kMinimumAuditRetentionYears) {
        return Error::InvalidArgument(
            "retention.too_short",
            "the audit log is kept at least " + std::to_string(kMinimumAuditRetentionYears) + " years");
    }
    return YearsBefore(now, years);
}

bool RespectsMinimumRetention(Timestamp run_at, Timestamp cutoff) {
    return cutoff <= YearsBefore(run_at, kMinimumAuditRetentionYears);
}

}  // namespace kronobarn::domain
