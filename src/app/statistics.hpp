// The steering group's dashboard (statistik): one measure at a time over months or quarters,
// filtered by municipality, organisation type, age band and wheel area, with small cells
// suppressed across every filter at once. Viewing and downloading are audited as statistics
// access (object "statistics", no child, basis "steering_group"); anyone else is answered "not
// found" and the attempt is recorded.
#pragma once

#include <chrono>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/statistics.hpp"
#include "store/records/forward.hpp"
#include "store/records/praxis_records.hpp"
#include "store/records/statistics_records.hpp"

namespace kronobarn::app {

// The filter as typed; empty fields mean "all" (the period: the last twelve months).
struct StatisticsQuery {
    std::string measure;
    std::string from;  // YYYY-MM
    std::string to;
    std::string by;  // "month" (default) or "quarter"
    std::string municipality;
    std::string sector;
    std::string age_band;
    std::string area;
};

struct StatisticsPage {
    domain::StatisticsFilter filter;
    domain::StatisticsTable table;
    std::vector<std::string> municipalities;    // all the filter offers
    std::vector<store::WheelArea> wheel_areas;  // the current catalogue
    std::string scope;                          // the filter in one line, as audited
    std::optional<Timestamp> counted_at;        // when the oldest year in the table was counted
};

enum class StatisticsUse { kView, kDownload };

// Counting a year and deciding its suppression reads every record of the year and more (0.5 s for
// a national year), and is the same for every filter and viewer: each measure's protected year is
// kept for `count_for` and the page says when its numbers were counted. A few years are kept,
// least recently used first out, because a national year's cube is tens of megabytes.
inline constexpr std::chrono::seconds kDefaultStatisticsCountFor{300};
inline constexpr std::size_t kProtectedYearsKept = 8;
// A view whose years are not counted yet waits this long, then answers "counting" (the page comes
// back by itself) while the count goes on in the background: nobody waits seconds for a blank page.
inline constexpr std::chrono::milliseconds kDefaultStatisticsAnswerWithin{500};

class Statistics {
  public:
    Statistics(store::Store& store, const Clock& clock, int threshold = domain::kDefaultSuppressionThreshold,
               std::chrono::seconds count_for = kDefaultStatisticsCountFor,
               std::chrono::milliseconds answer_within = kDefaultStatisticsAnswerWithin)
        : store_(store), clock_(clock), threshold_(threshold), count_for_(count_for), answer_within_(answer_within) {}
    // Waits for counts still running (they read the store).
    ~Statistics() = default;

    // Errors: kNotFound for anyone outside the steering group (recorded as denied); kInvalidArgument
    // "statistics.measure_unknown", "statistics.month_invalid", "statistics.sector_unknown",
    // "statistics.age_band_unknown" and the keys of domain::CheckStatisticsFilter; kUnavailable
    // "statistics.counting" when a view's years are still being counted after answer_within (a
    // download waits for them). Nothing is audited then: no number was shown.
    Result<StatisticsPage> Show(const Actor& actor, const StatisticsQuery& query, StatisticsUse use,
                                const RequestContext& context);

    // The choices the filter offers, for a form shown beside an error.
    Result<StatisticsPage> Choices();

    int Threshold() const { return threshold_; }

    std::chrono::seconds CountFor() const { return count_for_; }
    void SetAnswerWithin(std::chrono::milliseconds answer_within);

  private:
    struct KeptYear {
        std::shared_ptr<const domain::ProtectedYear> year;
        Timestamp counted_at{};
        Timestamp used_at{};
    };

    using YearKey = std::pair<domain::StatisticsMeasure, int>;
    struct Counting {
        std::shared_future<Result<KeptYear>> result;
        std::uint64_t ticket = 0;
    };

    Result<std::vector<domain::StatisticsFact>> Facts(domain::StatisticsMeasure measure, int year, Date today);
    // The measure's years, kept from at most `count_for_` ago or counted now (in the background,
    // all at once); kUnavailable "statistics.counting" if not all are ready by `answer_by`.
    Result<std::vector<KeptYear>> Years(domain::StatisticsMeasure measure, int from_year, int to_year,
                                        const std::vector<std::string>& municipalities,
                                        const std::vector<std::string>& wheel_areas, Timestamp now,
                                        std::optional<std::chrono::steady_clock::time_point> answer_by);
    void Keep(const YearKey& key, const KeptYear& year);  // with kept_mutex_ held

    store::Store& store_;
    const Clock& clock_;
    int threshold_;
    std::chrono::seconds count_for_;
    std::chrono::milliseconds answer_within_;
    std::mutex kept_mutex_;
    std::map<YearKey, KeptYear> kept_;
    std::uint64_t next_ticket_ = 0;
    // Declared last, so destroyed first: waiting for running counts while the rest is intact.
    std::map<YearKey, Counting> counting_;
};

// The facts a measure counts, from the records of a period (exposed for tests and the benchmark).
std::vector<domain::StatisticsFact> SignalFacts(const std::vector<store::SignalRecord>& signals);
std::vector<domain::StatisticsFact> DecisionFacts(const std::vector<store::SignalRecord>& signals);
std::vector<domain::StatisticsFact> ReportFacts(const std::vector<store::SignalRecord>& signals);
// Consents asked for (given or refused, on the day recorded), and consents ending (withdrawn, or
// expired the day after their last valid day; a refused one never ends).
std::vector<domain::StatisticsFact> ConsentFacts(const std::vector<store::ConsentRecord>& consents);
std::vector<domain::StatisticsFact> ConsentEndFacts(const std::vector<store::ConsentRecord>& consents, Date today);
std::vector<domain::StatisticsFact> MeetingFacts(const std::vector<store::MeetingRecord>& meetings);
std::vector<domain::StatisticsFact> HandoverFacts(const std::vector<store::HandoverRecord>& handovers);
std::vector<domain::StatisticsFact> PlanFacts(const std::vector<store::PlanRecord>& plans);
// A plan's first meeting, with days from the signal it grew out of.
std::vector<domain::StatisticsFact> FirstMeetingFacts(const std::vector<store::PlanRecord>& plans);
// Accepted coordination handovers not asked for by decision B (stage transitions, school changes,
// moves): the plan followed, stayed with the former holder, or there was none.
std::vector<domain::StatisticsFact> TransitionFacts(const std::vector<store::HandoverRecord>& handovers);
std::vector<domain::StatisticsFact> PlanOrganisationFacts(const std::vector<store::PlanRecord>& plans);
std::vector<domain::StatisticsFact> PlanAgreedFacts(const std::vector<store::PlanRecord>& plans);
// One fact per plan and month's end it was open at, from `first`; the running month as of `today`.
std::vector<domain::StatisticsFact> ActivePlanFacts(const std::vector<store::PlanRecord>& plans, Date first,
                                                    Date today);
// Each follow-up a meeting set, on its due day: held on time, held late, or overdue by `today`.
// `meetings` ordered by plan and day held.
std::vector<domain::StatisticsFact> FollowUpFacts(const std::vector<store::MeetingRecord>& meetings, Date today);
// Per child and area, the first known status against the latest, on the day of the latest.
std::vector<domain::StatisticsFact> WheelChangeFacts(const std::vector<store::WheelStatusRecord>& statuses);

}  // namespace kronobarn::app
