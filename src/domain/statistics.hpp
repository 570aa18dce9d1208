// The steering group's measures (domain.md §8): anonymous counts over time, filterable by period,
// municipality, organisation type, age band and wheel area, with small cells suppressed. Facts
// come in without names or personal numbers; the birth date only decides an age band here and the
// municipality is the one the child's school or BVC serves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/access.hpp"
#include "domain/organisation.hpp"
#include "domain/statistics_cube.hpp"

namespace kronobarn::domain {

enum class StatisticsMeasure {
    kSignals,            // signals received, by the noticing unit's organisation type
    kDecisions,          // decision outcomes A/B/C, with days from signal to decision
    kReportsOfConcern,   // orosanmälningar recorded with a signal: the count only
    kConsents,           // consents asked for: given or refused
    kConsentEnds,        // consents ended: withdrawn, or expired at the end of their period
    kMeetings,           // collaboration and follow-up meetings: child present or not
    kHandovers,          // coordination handovers answered: accepted or declined, days to the answer
    kPlansStarted,       // plans started, with or without the child's own view; days from the signal
    kPlanOrganisations,  // plans started by how many units take part
    kFollowUps,          // follow-ups by the day they were due: held on time, held late, overdue
    kWheelChanges,       // a wheel area's status from the first assessment to the latest
    kPlansAgreed,        // plans agreed, with days from the signal to the agreement
    kActivePlans,        // plans open at the end of each month, by the holder's organisation type
    kFirstMeetings,      // a plan's first collaboration meeting, with days from the signal
    kTransitions,        // coordination handed on, not by decision B: did the plan follow the child?
};

enum class AgeBand { kUpTo5, k6To12, k13To15, k16AndOver };

inline constexpr std::size_t kSectorCount = 7;
inline constexpr std::size_t kAgeBandCount = 4;

struct MeasureDefinition {
    StatisticsMeasure measure = StatisticsMeasure::kSignals;
    std::string_view code;
    std::vector<std::string_view> categories;  // exclusive; the cube adds their total
    bool has_sector = false;                   // facts name the organisation type that acted
    bool has_wheel_areas = false;              // facts name wheel areas
    bool has_days = false;                     // facts carry a duration: median and 90th percentile shown
    // A stock counted at each month's end: a quarter shows its last month, a year December, and
    // periods do not add up.
    bool stock = false;
};

const std::vector<MeasureDefinition>& AllMeasures();
const MeasureDefinition& DefinitionOf(StatisticsMeasure measure);
std::optional<StatisticsMeasure> ParseStatisticsMeasure(std::string_view code);

std::string_view Code(Sector sector);
std::optional<Sector> ParseSector(std::string_view code);
Sector SectorOf(UnitKind kind);
std::string_view Code(AgeBand band);
std::optional<AgeBand> ParseAgeBand(std::string_view code);
AgeBand AgeBandAt(Date birth_date, Date on);

// One counted event of a measure, with nothing that names the child.
struct StatisticsFact {
    Date on{};  // decides the period (for a stock: the month's last day)
    Date birth_date{};
    std::string municipality;  // "" when the child's units serve the whole county
    std::optional<UnitKind> unit_kind;
    std::vector<std::string> wheel_areas;
    std::size_t category = 0;  // index into the measure's categories
    std::optional<int> days;
};

struct YearMonth {
    int year = 0;
    unsigned month = 0;  // 1..12
    friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
};
std::optional<YearMonth> ParseYearMonth(std::string_view text);  // "2026-03"
std::string FormatYearMonth(YearMonth month);

struct StatisticsFilter {
    StatisticsMeasure measure = StatisticsMeasure::kSignals;
    YearMonth from;
    YearMonth to;
    bool by_quarter = false;  // then `from` and `to` are widened to whole quarters
    std::optional<std::string> municipality;
    std::optional<Sector> sector;
    std::optional<AgeBand> age_band;
    std::optional<std::string> wheel_area;
};

inline constexpr int kMaxStatisticsMonths = 60;

// Checks a filter against the measure and the known municipalities and wheel areas. Errors
// (kInvalidArgument): "statistics.period_order", "statistics.period_too_long",
// "statistics.municipality_unknown", "statistics.area_unknown", "statistics.not_by_sector",
// "statistics.not_by_area".
Status CheckStatisticsFilter(const StatisticsFilter& filter, const std::vector<std::string>& municipalities,
                             const std::vector<std::string>& wheel_areas);

struct ShownCount {
    std::int64_t value = 0;  // 0 when hidden
    bool hidden = false;
};

struct StatisticsRow {
    int year = 0;
    unsigned month = 0;              // 1..12, or 0 for a quarter or a year row
    unsigned quarter = 0;            // 1..4 for a quarter row
    std::vector<ShownCount> counts;  // per category, then their total
    std::optional<int> median_days;  // shown only where the total is shown
    std::optional<int> p90_days;
    bool IsYear() const { return month == 0 && quarter == 0; }
};

struct StatisticsTable {
    std::vector<StatisticsRow> rows;  // periods in order; a year row after a whole calendar year
    int threshold = kDefaultSuppressionThreshold;
    bool nothing_shown = false;  // every count of the table is zero, or hidden
};

// One measure's calendar year with suppression decided over its whole cube (all municipalities,
// types, age bands and areas), so no choice of filters can subtract its way to a hidden cell. It is
// the same for every filter and every viewer: a dashboard may keep it for a while and cut tables
// from it.
struct ProtectedYear {
    StatisticsMeasure measure = StatisticsMeasure::kSignals;
    int year = 0;
    std::vector<std::string> municipalities;  // the cube's layout
    std::vector<std::string> wheel_areas;
    int threshold = kDefaultSuppressionThreshold;
    CountCube cube;
    std::vector<bool> hidden;
    std::vector<StatisticsFact> timed_facts;  // the year's facts with days, for medians
};

// `municipalities` and `wheel_areas` are all that exist, not only those seen.
ProtectedYear ProtectYear(StatisticsMeasure measure, int year, const std::vector<StatisticsFact>& facts,
                          const std::vector<std::string>& municipalities, const std::vector<std::string>& wheel_areas,
                          int threshold);

// The filter's slice: `years` holds the protected years of the filter's period, in order (the
// filter must have passed CheckStatisticsFilter against their municipalities and areas).
StatisticsTable TableOf(const StatisticsFilter& filter, const std::vector<const ProtectedYear*>& years);

// ProtectYear for each year of the filter's period, then TableOf.
StatisticsTable BuildStatisticsTable(const StatisticsFilter& filter, const std::vector<StatisticsFact>& facts,
                                     const std::vector<std::string>& municipalities,
                                     const std::vector<std::string>& wheel_areas, int threshold);

// The dashboard is for the steering group (any organisation: the numbers are anonymous); the
// research extract for a researcher. Anyone else is answered "not found".
AccessDecision DecideStatistics(const std::vector<RoleAssignment>& roles);
AccessDecision DecideResearchExtract(const std::vector<RoleAssignment>& roles);

// The entries of one fact in one year's cube, and that cube; exposed so tests can attack it.
CountCube BuildYearCube(const MeasureDefinition& definition, int year, const std::vector<StatisticsFact>& facts,
                        const std::vector<std::string>& municipalities, const std::vector<std::string>& wheel_areas);

}  // namespace kronobarn::domain
