// The steering group's statistics: measures on hand-built facts with known answers, small-cell
// suppression, and an attacker who subtracts shown numbers from shown totals across every filter.
#include <gtest/gtest.h>

#include <map>
#include <optional>

#include "domain/statistics.hpp"

namespace kronobarn::domain {
namespace {

using std::chrono::April;
using std::chrono::December;
using std::chrono::February;
using std::chrono::January;
using std::chrono::June;
using std::chrono::March;
using std::chrono::May;
using std::chrono::year;

const std::vector<std::string> kMunicipalities{"Alvesta", "Ljungby", "Växjö"};
const std::vector<std::string> kAreas{"trygg", "ma_bra", "utvecklas"};

StatisticsFact Signal(Date on, std::string municipality, UnitKind kind = UnitKind::kSchoolUnit,
                      std::vector<std::string> areas = {"trygg"}, Date birth = year{2016} / March / 1) {
    StatisticsFact fact;
    fact.on = on;
    fact.birth_date = birth;
    fact.municipality = std::move(municipality);
    fact.unit_kind = kind;
    fact.wheel_areas = std::move(areas);
    return fact;
}

void AddSignals(std::vector<StatisticsFact>& facts, int count, Date on, const std::string& municipality,
                UnitKind kind = UnitKind::kSchoolUnit) {
    for (int i = 0; i < count; ++i) facts.push_back(Signal(on, municipality, kind));
}

StatisticsFilter Filter(StatisticsMeasure measure = StatisticsMeasure::kSignals) {
    StatisticsFilter filter;
    filter.measure = measure;
    filter.from = {2026, 1};
    filter.to = {2026, 12};
    return filter;
}

std::string Shown(const ShownCount& count) { return count.hidden ? "<5" : std::to_string(count.value); }

TEST(StatisticsTable, CountsSignalsPerMonthWithTheYearTotal) {
    std::vector<StatisticsFact> facts;
    AddSignals(facts, 7, year{2026} / January / 10, "Växjö");
    AddSignals(facts, 6, year{2026} / February / 3, "Växjö");
    AddSignals(facts, 8, year{2026} / March / 31, "Växjö");
    AddSignals(facts, 9, year{2025} / December / 31, "Växjö");  // another year: not in 2026's rows

    const auto table = BuildStatisticsTable(Filter(), facts, kMunicipalities, kAreas, 5);
    ASSERT_EQ(table.rows.size(), 13U);  // twelve months and the year
    EXPECT_EQ(Shown(table.rows[0].counts.back()), "7");
    EXPECT_EQ(Shown(table.rows[1].counts.back()), "6");
    EXPECT_EQ(Shown(table.rows[2].counts.back()), "8");
    EXPECT_EQ(Shown(table.rows[12].counts.back()), "21");
    EXPECT_TRUE(table.rows[12].IsYear());
    EXPECT_FALSE(table.nothing_shown);
}

TEST(StatisticsTable, QuartersWidenThePeriodToWholeQuarters) {
    std::vector<StatisticsFact> facts;
    AddSignals(facts, 7, year{2026} / January / 10, "Växjö");
    AddSignals(facts, 6, year{2026} / April / 3, "Växjö");
    auto filter = Filter();
    filter.from = {2026, 2};
    filter.to = {2026, 5};
    filter.by_quarter = true;
    const auto table = BuildStatisticsTable(filter, facts, kMunicipalities, kAreas, 5);
    ASSERT_EQ(table.rows.size(), 2U);
    EXPECT_EQ(table.rows[0].quarter, 1U);
    EXPECT_EQ(Shown(table.rows[0].counts.back()), "7");  // January counts although the filter began in February
    EXPECT_EQ(Shown(table.rows[1].counts.back()), "6");
}

TEST(StatisticsTable, DecisionOutcomesWithMedianAndNinetiethPercentileDays) {
    std::vector<StatisticsFact> facts;
    for (int days = 1; days <= 12; ++days) {
        auto fact = Signal(year{2026} / March / 5, "Ljungby");
        fact.category = days <= 7 ? 0 : (days <= 10 ? 1 : 2);  // 7 A, 3 B, 2 C
        fact.days = days;
        facts.push_back(fact);
    }
    auto filter = Filter(StatisticsMeasure::kDecisions);
    filter.from = filter.to = {2026, 3};
    const auto table = BuildStatisticsTable(filter, facts, kMunicipalities, kAreas, 5);
    ASSERT_EQ(table.rows.size(), 1U);
    const auto& march = table.rows[0];
    ASSERT_EQ(march.counts.size(), 4U);  // A, B, C, total
    EXPECT_EQ(Shown(march.counts[0]), "7");
    EXPECT_TRUE(march.counts[1].hidden);  // 3
    EXPECT_TRUE(march.counts[2].hidden);  // 2
    EXPECT_EQ(Shown(march.counts[3]), "12");
    EXPECT_EQ(march.median_days, 6);
    EXPECT_EQ(march.p90_days, 11);
}

TEST(StatisticsTable, AShownCountThatWouldNarrowTwoHiddenOnesIsHiddenToo) {
    // 6 A, 3 B, 1 C of 10: showing the 6 would leave 4 for B and C together, so B and C could
    // only be 1–3 each (and 2 + 2 or 3 + 1): the 6 is hidden as well, the total stays.
    std::vector<StatisticsFact> facts;
    for (int i = 0; i < 10; ++i) {
        auto fact = Signal(year{2026} / March / 5, "Ljungby");
        fact.category = i < 6 ? 0 : (i < 9 ? 1 : 2);
        fact.days = 1;
        facts.push_back(fact);
    }
    auto filter = Filter(StatisticsMeasure::kDecisions);
    filter.from = filter.to = {2026, 3};
    const auto table = BuildStatisticsTable(filter, facts, kMunicipalities, kAreas, 5);
    ASSERT_EQ(table.rows.size(), 1U);
    const auto& march = table.rows[0];
    EXPECT_TRUE(march.counts[0].hidden);
    EXPECT_TRUE(march.counts[1].hidden);
    EXPECT_TRUE(march.counts[2].hidden);
    EXPECT_EQ(Shown(march.counts[3]), "10");
}

TEST(StatisticsTable, NoMedianForAGroupUnderTheThreshold) {
    std::vector<StatisticsFact> facts;
    for (int days = 1; days <= 4; ++days) {
        auto fact = Signal(year{2026} / March / 5, "Ljungby");
        fact.days = days;
        facts.push_back(fact);
    }
    auto filter = Filter(StatisticsMeasure::kDecisions);
    filter.from = filter.to = {2026, 3};
    const auto table = BuildStatisticsTable(filter, facts, kMunicipalities, kAreas, 5);
    EXPECT_TRUE(table.rows[0].counts.back().hidden);
    EXPECT_FALSE(table.rows[0].median_days.has_value());
    EXPECT_FALSE(table.rows[0].p90_days.has_value());
    EXPECT_TRUE(table.nothing_shown);
}

TEST(StatisticsTable, FiltersByMunicipalitySectorAgeAndArea) {
    std::vector<StatisticsFact> facts;
    AddSignals(facts, 6, year{2026} / January / 10, "Växjö", UnitKind::kBvc);
    AddSignals(facts, 9, year{2026} / January / 10, "Växjö", UnitKind::kSchoolUnit);
    AddSignals(facts, 8, year{2026} / January / 10, "Alvesta", UnitKind::kSchoolUnit);
    for (int i = 0; i < 5; ++i)
        facts.push_back(Signal(year{2026} / January / 10, "Växjö", UnitKind::kSchoolUnit, {"ma_bra", "utvecklas"},
                               year{2012} / January / 1));
    auto filter = Filter();
    filter.to = {2026, 1};
    filter.municipality = "Växjö";
    EXPECT_EQ(Shown(BuildStatisticsTable(filter, facts, kMunicipalities, kAreas, 5).rows[0].counts.back()), "20");
    filter.sector = Sector::kHealth;
    EXPECT_EQ(Shown(BuildStatisticsTable(filter, facts, kMunicipalities, kAreas, 5).rows[0].counts.back()), "6");
    filter.sector = Sector::kSchool;
    filter.age_band = AgeBand::k13To15;  // born 2012: 14 in January 2026
    EXPECT_EQ(Shown(BuildStatisticsTable(filter, facts, kMunicipalities, kAreas, 5).rows[0].counts.back()), "5");
    filter = Filter();
    filter.to = {2026, 1};
    filter.wheel_area = "utvecklas";
    EXPECT_EQ(Shown(BuildStatisticsTable(filter, facts, kMunicipalities, kAreas, 5).rows[0].counts.back()), "5");
}

TEST(StatisticsTable, AStockShowsAQuarterAsItsLastMonthNotASum) {
    // Open plans at each month's end: 6 in January, 8 in February, 7 in March.
    std::vector<StatisticsFact> facts;
    const std::vector<std::pair<Date, int>> ends{
        {year{2026} / January / 31, 6}, {year{2026} / February / 28, 8}, {year{2026} / March / 31, 7}};
    for (const auto& [end, count] : ends) AddSignals(facts, count, end, "Växjö");
    auto filter = Filter(StatisticsMeasure::kActivePlans);
    filter.to = {2026, 3};
    filter.by_quarter = true;
    const auto table = BuildStatisticsTable(filter, facts, kMunicipalities, kAreas, 5);
    ASSERT_EQ(table.rows.size(), 1U);
    EXPECT_EQ(Shown(table.rows[0].counts.back()), "7");
}

TEST(AgeBand, TurnsOnTheBirthday) {
    EXPECT_EQ(AgeBandAt(year{2020} / March / 2, year{2026} / March / 1), AgeBand::kUpTo5);
    EXPECT_EQ(AgeBandAt(year{2020} / March / 2, year{2026} / March / 2), AgeBand::k6To12);
    EXPECT_EQ(AgeBandAt(year{2008} / January / 1, year{2026} / January / 1), AgeBand::k16AndOver);
}

TEST(StatisticsFilterCheck, RefusesWhatCannotBeShown) {
    auto filter = Filter();
    filter.from = {2026, 5};
    filter.to = {2026, 4};
    EXPECT_EQ(CheckStatisticsFilter(filter, kMunicipalities, kAreas).error().message_key, "statistics.period_order");
    filter.from = {2020, 1};
    filter.to = {2026, 1};
    EXPECT_EQ(CheckStatisticsFilter(filter, kMunicipalities, kAreas).error().message_key, "statistics.period_too_long");
    filter = Filter();
    filter.municipality = "Gotham";
    EXPECT_EQ(CheckStatisticsFilter(filter, kMunicipalities, kAreas).error().message_key,
              "statistics.municipality_unknown");
    filter = Filter(StatisticsMeasure::kConsents);
    filter.sector = Sector::kSchool;
    EXPECT_EQ(CheckStatisticsFilter(filter, kMunicipalities, kAreas).error().message_key, "statistics.not_by_sector");
    filter = Filter(StatisticsMeasure::kConsents);
    filter.wheel_area = "trygg";
    EXPECT_EQ(CheckStatisticsFilter(filter, kMunicipalities, kAreas).error().message_key, "statistics.not_by_area");
    filter = Filter();
    filter.wheel_area = "lycklig";
    EXPECT_EQ(CheckStatisticsFilter(filter, kMunicipalities, kAreas).error().message_key, "statistics.area_unknown");
    EXPECT_TRUE(CheckStatisticsFilter(Filter(), kMunicipalities, kAreas).has_value());
}

TEST(YearMonthText, ParsesOnlyRealMonths) {
    EXPECT_EQ(ParseYearMonth("2026-03"), (YearMonth{2026, 3}));
    EXPECT_FALSE(ParseYearMonth("2026-13"));
    EXPECT_FALSE(ParseYearMonth("2026-3"));
    EXPECT_FALSE(ParseYearMonth("26-03-01"));
    EXPECT_FALSE(ParseYearMonth("2026-0x"));
    EXPECT_EQ(FormatYearMonth({2026, 3}), "2026-03");
}

// --- suppression ---

TEST(Suppression, HidesEverySmallCellButShowsZero) {
    CountCube cube({{4, {{3, {0, 1, 2}}}}});
    for (int i = 0; i < 4; ++i) cube.Count({{0, 3}});
    for (int i = 0; i < 1; ++i) cube.Count({{2, 3}});
    const auto hidden = SuppressedCells(cube, 5);
    EXPECT_TRUE(hidden[0]);   // 4
    EXPECT_FALSE(hidden[1]);  // 0 names no child
    EXPECT_TRUE(hidden[2]);   // 1
    EXPECT_FALSE(hidden[3]);  // the total 5: its hidden parts hold 5 together
}

TEST(Suppression, ThresholdIsConfigurable) {
    CountCube cube({{3, {{2, {0, 1}}}}});
    for (int i = 0; i < 3; ++i) cube.Count({{0, 2}});
    for (int i = 0; i < 4; ++i) cube.Count({{1, 2}});
    const auto hidden = SuppressedCells(cube, 3);
    EXPECT_FALSE(hidden[0]);
    EXPECT_FALSE(hidden[1]);
    EXPECT_FALSE(hidden[2]);
}

TEST(Suppression, ALoneHiddenCellTakesTheSmallestNeighbourWithIt) {
    // Municipalities 30, 3, 20, 12 and the county 65: 65 - 30 - 20 - 12 would give the 3 away.
    CountCube cube({{5, {{4, {0, 1, 2, 3}}}}});
    const std::vector<int> counts{30, 3, 20, 12};
    for (std::size_t m = 0; m < counts.size(); ++m) {
        for (int i = 0; i < counts[m]; ++i) cube.Count({{m, 4}});
    }
    const auto hidden = SuppressedCells(cube, 5);
    EXPECT_TRUE(hidden[1]);
    EXPECT_TRUE(hidden[3]);  // 12: the smallest shown
    EXPECT_FALSE(hidden[0]);
    EXPECT_FALSE(hidden[2]);
    EXPECT_FALSE(hidden[4]);
}

// The attacker sees every cell the dashboard can show (every filter is a cell of the year's cube)
// and knows which totals sum which parts. Whenever a sum has exactly one unknown, they compute it
// and go on with what they learnt, until nothing more gives.
std::map<std::size_t, std::int64_t> Recover(const CountCube& cube, const std::vector<bool>& hidden) {
    std::vector<std::optional<std::int64_t>> known(cube.CellCount());
    for (std::size_t i = 0; i < known.size(); ++i) {
        if (!hidden[i]) known[i] = cube.AtIndex(i);
    }
    std::map<std::size_t, std::int64_t> recovered;
    const auto& dimensions = cube.Dimensions();
    for (bool learnt = true; learnt;) {
        learnt = false;
        for (std::size_t d = 0; d < dimensions.size(); ++d) {
            const std::size_t stride = cube.Stride(d);
            for (std::size_t base = 0; base < known.size(); ++base) {
                if ((base / stride) % dimensions[d].size != 0) continue;
                for (const auto& sum : dimensions[d].totals) {
                    std::vector<std::size_t> line{base + sum.total * stride};
                    for (const auto part : sum.parts) line.push_back(base + part * stride);
                    std::size_t unknowns = 0;
                    std::size_t unknown = 0;
                    for (const auto index : line) {
                        if (!known[index]) {
                            ++unknowns;
                            unknown = index;
                        }
                    }
                    if (unknowns != 1) continue;
                    std::int64_t parts = 0;
                    for (std::size_t k = 1; k < line.size(); ++k) parts += line[k] == unknown ? 0 : *known[line[k]];
                    const std::int64_t value = unknown == line[0] ? parts : *known[line[0]] - parts;
                    known[unknown] = value;
                    recovered[unknown] = value;
                    learnt = true;
                }
            }
        }
    }
    return recovered;
}

// Where a sum shows its total, the hidden parts it leaves must hold at least the threshold
// together: otherwise subtraction bounds each of them below what "<5" already says.
std::size_t NarrowedSums(const CountCube& cube, const std::vector<bool>& hidden, int threshold) {
    std::size_t narrowed = 0;
    const auto& dimensions = cube.Dimensions();
    for (std::size_t d = 0; d < dimensions.size(); ++d) {
        const std::size_t stride = cube.Stride(d);
        for (std::size_t base = 0; base < hidden.size(); ++base) {
            if ((base / stride) % dimensions[d].size != 0) continue;
            for (const auto& sum : dimensions[d].totals) {
                if (hidden[base + sum.total * stride]) continue;
                std::int64_t left = cube.AtIndex(base + sum.total * stride);
                bool any_hidden = false;
                for (const auto part : sum.parts) {
                    if (hidden[base + part * stride]) {
                        any_hidden = true;
                    } else {
                        left -= cube.AtIndex(base + part * stride);
                    }
                }
                if (any_hidden && left < threshold) ++narrowed;
            }
        }
    }
    return narrowed;
}

TEST(Suppression, AnEmptyNeighbourIsNoProtection) {
    // Alvesta 2, the county-wide units 0, Växjö 7, all 9: the shown 0 protects nothing, so
    // Växjö's 7 is hidden with Alvesta's 2.
    CountCube cube({{4, {{3, {0, 1, 2}}}}});
    for (int i = 0; i < 2; ++i) cube.Count({{0, 3}});
    for (int i = 0; i < 7; ++i) cube.Count({{2, 3}});
    const auto hidden = SuppressedCells(cube, 5);
    EXPECT_TRUE(hidden[0]);
    EXPECT_FALSE(hidden[1]);
    EXPECT_TRUE(hidden[2]);
    EXPECT_FALSE(hidden[3]);
    EXPECT_EQ(NarrowedSums(cube, hidden, 5), 0U);
}

TEST(DifferencingAttack, RecoversNoHiddenCellOfASmallMunicipality) {
    // Three signals in Alvesta in March, many elsewhere and in other months, across types and ages.
    std::vector<StatisticsFact> facts;
    AddSignals(facts, 3, year{2026} / March / 3, "Alvesta", UnitKind::kPreschool);
    for (unsigned month = 1; month <= 12; ++month) {
        const Date day = year{2026} / std::chrono::month{month} / 15;
        AddSignals(facts, 11 + static_cast<int>(month), day, "Växjö", UnitKind::kSchoolUnit);
        AddSignals(facts, 6, day, "Ljungby", UnitKind::kBvc);
        AddSignals(facts, 7, day, "Växjö", UnitKind::kPreschool);
        if (month % 2 == 0) AddSignals(facts, 9, day, "Alvesta", UnitKind::kSchoolUnit);
    }
    facts.push_back(
        Signal(year{2026} / June / 1, "Ljungby", UnitKind::kPoliceArea, {"trygg", "ma_bra"}, year{2009} / May / 5));

    const auto& definition = DefinitionOf(StatisticsMeasure::kSignals);
    const CountCube cube = BuildYearCube(definition, 2026, facts, kMunicipalities, kAreas);
    const auto hidden = SuppressedCells(cube, 5);
    // Without suppression beyond the small cells the attacker gets them back, so the attack is real.
    std::vector<bool> primary_only(cube.CellCount());
    for (std::size_t i = 0; i < primary_only.size(); ++i) primary_only[i] = cube.AtIndex(i) > 0 && cube.AtIndex(i) < 5;
    EXPECT_FALSE(Recover(cube, primary_only).empty());

    const auto recovered = Recover(cube, hidden);
    EXPECT_TRUE(recovered.empty()) << recovered.size() << " hidden cells recovered";
    EXPECT_EQ(NarrowedSums(cube, hidden, 5), 0U);
}

TEST(DifferencingAttack, ShownTablesAgreeWithTheProtectedCube) {
    // The county total minus the other municipalities, read from the tables users get.
    std::vector<StatisticsFact> facts;
    AddSignals(facts, 3, year{2026} / March / 3, "Alvesta");
    AddSignals(facts, 30, year{2026} / March / 3, "Växjö");
    AddSignals(facts, 20, year{2026} / March / 3, "Ljungby");
    auto filter = Filter();
    filter.from = filter.to = {2026, 3};
    const auto county = BuildStatisticsTable(filter, facts, kMunicipalities, kAreas, 5).rows[0].counts.back();
    std::int64_t others = 0;
    int unknown = 0;
    for (const std::string municipality : {"Alvesta", "Ljungby", "Växjö", ""}) {
        filter.municipality = municipality;
        const auto shown = BuildStatisticsTable(filter, facts, kMunicipalities, kAreas, 5).rows[0].counts.back();
        if (shown.hidden) {
            ++unknown;
        } else {
            others += shown.value;
        }
    }
    // Either the county is hidden or at least two municipalities are: never one unknown.
    EXPECT_TRUE(county.hidden || unknown >= 2) << "county " << county.value << " minus " << others;
}

}  // namespace
}  // namespace kronobarn::domain
