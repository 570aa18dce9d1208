#include "domain/statistics.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace kronobarn::domain {
namespace {

constexpr std::array<std::string_view, kSectorCount> kSectorCodes{
    "preschool", "school", "health", "social_services", "police", "association", "other"};
constexpr std::array<std::string_view, kAgeBandCount> kAgeBandCodes{"0-5", "6-12", "13-15", "16-"};

// Period entries of a year's cube: the months, then the quarters, then the year.
constexpr std::size_t kQuarterEntry = 12;
constexpr std::size_t kYearEntry = 16;
constexpr std::size_t kPeriodEntries = 17;

enum Axis : std::size_t { kPeriodAxis, kMunicipalityAxis, kSectorAxis, kAgeAxis, kAreaAxis, kCategoryAxis };

CubeDimension Flat(std::size_t members) {
    CubeDimension dimension{members + 1, {}};
    CubeTotal all{members, {}};
    for (std::size_t i = 0; i < members; ++i) all.parts.push_back(i);
    dimension.totals.push_back(std::move(all));
    return dimension;
}

CubeDimension Periods(bool stock) {
    CubeDimension dimension{kPeriodEntries, {}};
    if (stock) return dimension;  // a quarter's value is its last month's, not a sum
    CubeTotal year_of_quarters{kYearEntry, {}};
    CubeTotal year_of_months{kYearEntry, {}};
    for (std::size_t quarter = 0; quarter < 4; ++quarter) {
        dimension.totals.push_back({kQuarterEntry + quarter, {3 * quarter, 3 * quarter + 1, 3 * quarter + 2}});
        year_of_quarters.parts.push_back(kQuarterEntry + quarter);
    }
    for (std::size_t month = 0; month < 12; ++month) year_of_months.parts.push_back(month);
    dimension.totals.push_back(std::move(year_of_quarters));
    dimension.totals.push_back(std::move(year_of_months));
    return dimension;
}

// "" (units serving the whole county) is always one of the municipalities.
std::vector<std::string> MunicipalityEntries(const std::vector<std::string>& municipalities) {
    std::vector<std::string> entries = municipalities;
    if (std::find(entries.begin(), entries.end(), "") == entries.end()) entries.emplace_back();
    return entries;
}

std::size_t IndexIn(const std::vector<std::string>& list, const std::string& value) {
    return static_cast<std::size_t>(std::find(list.begin(), list.end(), value) - list.begin());
}

struct Layout {
    std::vector<std::string> municipalities;
    std::size_t sectors = 0;  // members; 0 when the measure has no organisation type
    std::size_t areas = 0;
    std::size_t categories = 0;
};

Layout LayoutOf(const MeasureDefinition& definition, const std::vector<std::string>& municipalities,
                const std::vector<std::string>& wheel_areas) {
    return {MunicipalityEntries(municipalities), definition.has_sector ? kSectorCount : 0,
            definition.has_wheel_areas ? wheel_areas.size() : 0, definition.categories.size()};
}

CountCube EmptyCube(const Layout& layout, bool stock) {
    CubeDimension areas{layout.areas + 1, {}};  // a signal may name several: no entry is a sum
    return CountCube({Periods(stock), Flat(layout.municipalities.size()), Flat(layout.sectors), Flat(kAgeBandCount),
                      areas, Flat(layout.categories)});
}

bool Matches(const StatisticsFilter& filter, const StatisticsFact& fact) {
    if (filter.municipality && *filter.municipality != fact.municipality) return false;
    if (filter.sector && (!fact.unit_kind || SectorOf(*fact.unit_kind) != *filter.sector)) return false;
    if (filter.age_band && AgeBandAt(fact.birth_date, fact.on) != *filter.age_band) return false;
    if (filter.wheel_area &&
        std::find(fact.wheel_areas.begin(), fact.wheel_areas.end(), *filter.wheel_area) == fact.wheel_areas.end()) {
        return false;
    }
    return true;
}

int MonthsBetween(YearMonth from, YearMonth to) {
    return (to.year - from.year) * 12 + static_cast<int>(to.month) - static_cast<int>(from.month) + 1;
}

// Nearest-rank percentile of sorted values.
int Percentile(const std::vector<int>& sorted, int percent) {
    const std::size_t rank = (sorted.size() * static_cast<std::size_t>(percent) + 99) / 100;
    return sorted[std::max<std::size_t>(rank, 1) - 1];
}

}  // namespace

const std::vector<MeasureDefinition>& AllMeasures() {
    static const std::vector<MeasureDefinition> measures{
        {StatisticsMeasure::kSignals, "signals", {"received"}, true, true, false},
        {StatisticsMeasure::kDecisions, "decisions", {"A", "B", "C"}, true, true, true},
        {StatisticsMeasure::kReportsOfConcern, "reports", {"reported"}, true, false, false},
        {StatisticsMeasure::kConsents, "consents", {"given", "refused"}, false, false, false},
        {StatisticsMeasure::kConsentEnds, "consent_ends", {"withdrawn", "expired"}, false, false, false},
        {StatisticsMeasure::kMeetings, "meetings", {"child_present", "child_absent"}, false, false, false},
        {StatisticsMeasure::kHandovers, "handovers", {"accepted", "declined"}, true, false, true},
        {StatisticsMeasure::kPlansStarted, "plans", {"child_view", "no_child_view"}, true, true, true},
        {StatisticsMeasure::kPlanOrganisations, "plan_organisations", {"1", "2", "3", "4", "5+"}, true, false, false},
        {StatisticsMeasure::kFollowUps, "follow_ups", {"on_time", "late", "overdue"}, false, false, false},
        {StatisticsMeasure::kWheelChanges, "wheel_changes", {"improved", "unchanged", "worsened"}, false, true, false},
        {StatisticsMeasure::kPlansAgreed, "plans_agreed", {"agreed"}, true, true, true},
        {StatisticsMeasure::kActivePlans, "active_plans", {"active"}, true, true, false, true},
        {StatisticsMeasure::kFirstMeetings, "first_meetings", {"held"}, true, true, true},
        {StatisticsMeasure::kTransitions,
         "transitions",
         {"plan_followed", "plan_stayed", "no_plan"},
         true,
         false,
         false},
    };
    return measures;
}

const MeasureDefinition& DefinitionOf(StatisticsMeasure measure) {
    for (const auto& definition : AllMeasures()) {
        if (definition.measure == measure) return definition;
    }
    return AllMeasures().front();
}

std::optional<StatisticsMeasure> ParseStatisticsMeasure(std::string_view code) {
    for (const auto& definition : AllMeasures()) {
        if (definition.code == code) return definition.measure;
    }
    return std::nullopt;
}

std::string_view Code(Sector sector) { return kSectorCodes[static_cast<std::size_t>(sector)]; }

std::optional<Sector> ParseSector(std::string_view code) {
    for (std::size_t i = 0; i < kSectorCodes.size(); ++i) {
        if (kSectorCodes[i] == code) return static_cast<Sector>(i);
    }
    return std::nullopt;
}

Sector SectorOf(UnitKind kind) { return TraitsOf(kind).sector; }

std::string_view Code(AgeBand band) { return kAgeBandCodes[static_cast<std::size_t>(band)]; }

std::optional<AgeBand> ParseAgeBand(std::string_view code) {
    for (std::size_t i = 0; i < kAgeBandCodes.size(); ++i) {
        if (kAgeBandCodes[i] == code) return static_cast<AgeBand>(i);
    }
    return std::nullopt;
}

AgeBand AgeBandAt(Date birth_date, Date on) {
    int age = static_cast<int>(on.year()) - static_cast<int>(birth_date.year());
    if (std::chrono::month_day{on.month(), on.day()} < std::chrono::month_day{birth_date.month(), birth_date.day()}) {
        --age;
    }
    if (age <= 5) return AgeBand::kUpTo5;
    if (age <= 12) return AgeBand::k6To12;
    if (age <= 15) return AgeBand::k13To15;
    return AgeBand::k16AndOver;
}

std::optional<YearMonth> ParseYearMonth(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    int year = 0;
    unsigned month = 0;
    const auto year_end = std::from_chars(text.data(), text.data() + 4, year);
    const auto month_end = std::from_chars(text.data() + 5, text.data() + 7, month);
    if (year_end.ec != std::errc{} || year_end.ptr != text.data() + 4 || month_end.ec != std::errc{} ||
        month_end.ptr != text.data() + 7 || year < 1900 || month < 1 || month > 12) {
        return std::nullopt;
    }
    return YearMonth{year, month};
}

std::string FormatYearMonth(YearMonth month) {
    std::string text = std::to_string(month.year) + "-";
    if (month.month < 10) text += "0";
    return text + std::to_string(month.month);
}

Status CheckStatisticsFilter(const StatisticsFilter& filter, const std::vector<std::string>& municipalities,
                             const std::vector<std::string>& wheel_areas) {
    if (filter.to < filter.from) return Error::InvalidArgument("statistics.period_order");
    if (MonthsBetween(filter.from, filter.to) > kMaxStatisticsMonths) {
        return Error::InvalidArgument("statistics.period_too_long");
    }
    const auto& definition = DefinitionOf(filter.measure);
    if (filter.municipality) {
        const auto entries = MunicipalityEntries(municipalities);
        if (IndexIn(entries, *filter.municipality) == entries.size()) {
            return Error::InvalidArgument("statistics.municipality_unknown");
        }
    }
    if (filter.sector && !definition.has_sector) return Error::InvalidArgument("statistics.not_by_sector");
    if (filter.wheel_area) {
        if (!definition.has_wheel_areas) return Error::InvalidArgument("statistics.not_by_area");
        if (IndexIn(wheel_areas, *filter.wheel_area) == wheel_areas.size()) {
            return Error::InvalidArgument("statistics.area_unknown");
        }
    }
    return {};
}

namespace {

bool HoldsRole(const std::vector<RoleAssignment>& roles, Role role) {
    return std::any_of(roles.begin(), roles.end(),
                       [&](const RoleAssignment& assignment) { return assignment.role == role; });
}

}  // namespace

AccessDecision DecideStatistics(const std::vector<RoleAssignment>& roles) {
    if (!HoldsRole(roles, Role::kSteeringGroup)) {
        return {AccessOutcome::kDenyAsNotFound, LegalBasis::kNone, "not_steering_group"};
    }
    return {AccessOutcome::kAllow, LegalBasis::kSteeringGroup, "steering_group"};
}

AccessDecision DecideResearchExtract(const std::vector<RoleAssignment>& roles) {
    if (!HoldsRole(roles, Role::kResearcher))
        return {AccessOutcome::kDenyAsNotFound, LegalBasis::kNone, "not_researcher"};
    return {AccessOutcome::kAllow, LegalBasis::kResearchApproval, "research_approval"};
}

CountCube BuildYearCube(const MeasureDefinition& definition, int year, const std::vector<StatisticsFact>& facts,
                        const std::vector<std::string>& municipalities, const std::vector<std::string>& wheel_areas) {
    const Layout layout = LayoutOf(definition, municipalities, wheel_areas);
    CountCube cube = EmptyCube(layout, definition.stock);
    std::vector<std::vector<std::size_t>> entries(6);
    for (const auto& fact : facts) {
        if (static_cast<int>(fact.on.year()) != year || fact.category >= layout.categories) continue;
        const std::size_t month = static_cast<unsigned>(fact.on.month()) - 1;
        if (definition.stock) {
            entries[kPeriodAxis] = {month};
            if (month % 3 == 2) entries[kPeriodAxis].push_back(kQuarterEntry + month / 3);
            if (month == 11) entries[kPeriodAxis].push_back(kYearEntry);
        } else {
            entries[kPeriodAxis] = {month, kQuarterEntry + month / 3, kYearEntry};
        }
        const std::size_t municipality = IndexIn(layout.municipalities, fact.municipality);
        entries[kMunicipalityAxis] = {std::min(municipality, layout.municipalities.size() - 1),
                                      layout.municipalities.size()};
        entries[kSectorAxis] = {layout.sectors};
        if (layout.sectors > 0 && fact.unit_kind) {
            entries[kSectorAxis].push_back(static_cast<std::size_t>(SectorOf(*fact.unit_kind)));
        }
        entries[kAgeAxis] = {static_cast<std::size_t>(AgeBandAt(fact.birth_date, fact.on)), kAgeBandCount};
        entries[kAreaAxis] = {layout.areas};
        if (layout.areas > 0) {
            for (const auto& area : fact.wheel_areas) {
                const std::size_t index = IndexIn(wheel_areas, area);
                if (index < wheel_areas.size()) entries[kAreaAxis].push_back(index);
            }
        }
        entries[kCategoryAxis] = {fact.category, layout.categories};
        cube.Count(entries);
    }
    return cube;
}

ProtectedYear ProtectYear(StatisticsMeasure measure, int year, const std::vector<StatisticsFact>& facts,
                          const std::vector<std::string>& municipalities, const std::vector<std::string>& wheel_areas,
                          int threshold) {
    const auto& definition = DefinitionOf(measure);
    ProtectedYear protected_year{
        measure,     year,      municipalities,
        wheel_areas, threshold, BuildYearCube(definition, year, facts, municipalities, wheel_areas),
        {},          {}};
    protected_year.hidden = SuppressedCells(protected_year.cube, threshold);
    if (definition.has_days) {
        for (const auto& fact : facts) {
            if (static_cast<int>(fact.on.year()) == year && fact.days) protected_year.timed_facts.push_back(fact);
        }
    }
    return protected_year;
}

StatisticsTable TableOf(const StatisticsFilter& filter, const std::vector<const ProtectedYear*>& years) {
    StatisticsTable table;
    table.nothing_shown = true;
    if (years.empty()) return table;
    const auto& definition = DefinitionOf(filter.measure);
    const auto& wheel_areas = years.front()->wheel_areas;
    const Layout layout = LayoutOf(definition, years.front()->municipalities, wheel_areas);
    table.threshold = years.front()->threshold;
    YearMonth from = filter.from;
    YearMonth to = filter.to;
    if (filter.by_quarter) {
        from.month = (from.month - 1) / 3 * 3 + 1;
        to.month = (to.month - 1) / 3 * 3 + 3;
    }
    CubeCoordinate coordinate(6);
    coordinate[kMunicipalityAxis] =
        filter.municipality ? IndexIn(layout.municipalities, *filter.municipality) : layout.municipalities.size();
    coordinate[kSectorAxis] = filter.sector ? static_cast<std::size_t>(*filter.sector) : layout.sectors;
    coordinate[kAgeAxis] = filter.age_band ? static_cast<std::size_t>(*filter.age_band) : kAgeBandCount;
    coordinate[kAreaAxis] = filter.wheel_area ? IndexIn(wheel_areas, *filter.wheel_area) : layout.areas;

    for (const ProtectedYear* protected_year : years) {
        const int year = protected_year->year;
        if (year < from.year || year > to.year) continue;
        const CountCube& cube = protected_year->cube;
        const std::vector<bool>& hidden = protected_year->hidden;
        const unsigned first = year == from.year ? from.month : 1;
        const unsigned last = year == to.year ? to.month : 12;
        auto add_row = [&](StatisticsRow row, std::size_t period_entry, unsigned first_month, unsigned last_month) {
            coordinate[kPeriodAxis] = period_entry;
            for (std::size_t category = 0; category <= layout.categories; ++category) {
                coordinate[kCategoryAxis] = category;
                const std::size_t index = cube.IndexOf(coordinate);
                const bool hide = hidden[index];
                row.counts.push_back({hide ? 0 : cube.AtIndex(index), hide});
                table.nothing_shown = table.nothing_shown && (hide || cube.AtIndex(index) == 0);
            }
            if (definition.has_days && !row.counts.back().hidden) {
                std::vector<int> days;
                for (const auto& fact : protected_year->timed_facts) {
                    const unsigned month = static_cast<unsigned>(fact.on.month());
                    if (month >= first_month && month <= last_month && Matches(filter, fact)) {
                        days.push_back(*fact.days);
                    }
                }
                std::sort(days.begin(), days.end());
                if (!days.empty()) {
                    row.median_days = Percentile(days, 50);
                    row.p90_days = Percentile(days, 90);
                }
            }
            table.rows.push_back(std::move(row));
        };
        if (filter.by_quarter) {
            for (unsigned quarter = (first - 1) / 3; quarter <= (last - 1) / 3; ++quarter) {
                StatisticsRow row;
                row.year = year;
                row.quarter = quarter + 1;
                add_row(std::move(row), kQuarterEntry + quarter, 3 * quarter + 1, 3 * quarter + 3);
            }
        } else {
            for (unsigned month = first; month <= last; ++month) {
                StatisticsRow row;
                row.year = year;
                row.month = month;
                add_row(std::move(row), month - 1, month, month);
            }
        }
        if (first == 1 && last == 12) {
            StatisticsRow row;
            row.year = year;
            add_row(std::move(row), kYearEntry, 1, 12);
        }
    }
    return table;
}

StatisticsTable BuildStatisticsTable(const StatisticsFilter& filter, const std::vector<StatisticsFact>& facts,
                                     const std::vector<std::string>& municipalities,
                                     const std::vector<std::string>& wheel_areas, int threshold) {
    const int first = filter.from.year;
    const int last = filter.to.year;
    std::vector<ProtectedYear> protected_years;
    protected_years.reserve(static_cast<std::size_t>(std::max(0, last - first + 1)));
    for (int year = first; year <= last; ++year) {
        protected_years.push_back(ProtectYear(filter.measure, year, facts, municipalities, wheel_areas, threshold));
    }
    std::vector<const ProtectedYear*> years;
    for (const auto& protected_year : protected_years) years.push_back(&protected_year);
    StatisticsTable table = TableOf(filter, years);
    table.threshold = threshold;
    return table;
}

}  // namespace kronobarn::domain
