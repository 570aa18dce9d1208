// What the steering dashboard's suppression costs (issue 8, "renders in < 1 s on the national
// dataset"): one table of a measure over twelve months, built from synthetic facts at county and at
// national scale — the whole calendar year's cube (every municipality, organisation type, age band,
// wheel area and category), its small-cell and complementary suppression, and the filter's slice.
// Prints one markdown table. A benchmark, never a test.
//   kronobarn_statistics_cube [--repeat N]
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "domain/statistics.hpp"

namespace kronobarn {
namespace {

struct Scale {
    std::string name;
    int municipalities = 0;
    int facts = 0;  // decisions in the year
};

std::vector<domain::StatisticsFact> Facts(const Scale& scale, const std::vector<std::string>& municipalities,
                                          const std::vector<std::string>& areas) {
    std::mt19937_64 random(7);
    std::vector<domain::StatisticsFact> facts;
    facts.reserve(static_cast<std::size_t>(scale.facts));
    const std::vector<domain::UnitKind> kinds{domain::UnitKind::kPreschool, domain::UnitKind::kSchoolUnit,
                                              domain::UnitKind::kBvc, domain::UnitKind::kSocialServices};
    for (int i = 0; i < scale.facts; ++i) {
        domain::StatisticsFact fact;
        fact.on = std::chrono::year{2026} / std::chrono::month{static_cast<unsigned>(random() % 12 + 1)} /
                  std::chrono::day{static_cast<unsigned>(random() % 28 + 1)};
        fact.birth_date = std::chrono::year{static_cast<int>(2008 + random() % 18)} / std::chrono::March / 1;
        // Skewed like real municipalities: a few large, many small.
        const auto m = static_cast<std::size_t>(std::min<double>(
            municipalities.size() - 1, std::exponential_distribution<double>(6.0 / municipalities.size())(random)));
        fact.municipality = municipalities[m];
        fact.unit_kind = kinds[random() % kinds.size()];
        fact.wheel_areas = {areas[random() % areas.size()]};
        if (random() % 3 == 0) fact.wheel_areas.push_back(areas[random() % areas.size()]);
        fact.category = random() % 10 < 6 ? 0 : (random() % 2 == 0 ? 1 : 2);
        fact.days = static_cast<int>(random() % 30);
        facts.push_back(std::move(fact));
    }
    return facts;
}

int Run(int repeat) {
    const std::vector<std::string> areas{"trygg", "ma_bra",      "utvecklas",      "omvardad",
                                         "aktiv", "respekterad", "ansvarstagande", "delaktig"};
    std::cout << "| scale | municipalities | decisions in the year | cube cells | hidden cells | ms per table | "
                 "ms per table from a kept year |\n"
                 "|---|---:|---:|---:|---:|---:|---:|\n";
    for (const Scale& scale : {Scale{"county", 8, 3'000}, Scale{"national", 290, 150'000}}) {
        std::vector<std::string> municipalities;
        for (int m = 0; m < scale.municipalities; ++m) municipalities.push_back("Kommun " + std::to_string(m));
        const auto facts = Facts(scale, municipalities, areas);
        domain::StatisticsFilter filter;
        filter.measure = domain::StatisticsMeasure::kDecisions;
        filter.from = {2026, 1};
        filter.to = {2026, 12};
        filter.municipality = municipalities[0];
        const auto started = std::chrono::steady_clock::now();
        std::size_t shown_rows = 0;
        for (int i = 0; i < repeat; ++i) {
            shown_rows += domain::BuildStatisticsTable(filter, facts, municipalities, areas, 5).rows.size();
        }
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count() / repeat;
        // What a dashboard view costs once the year is kept (app::Statistics keeps it for minutes):
        // slicing every municipality's table out of the protected year.
        const auto kept = domain::ProtectYear(filter.measure, 2026, facts, municipalities, areas, 5);
        const auto slicing = std::chrono::steady_clock::now();
        for (const auto& municipality : municipalities) {
            filter.municipality = municipality;
            shown_rows += domain::TableOf(filter, {&kept}).rows.size();
        }
        const double kept_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - slicing).count() /
            static_cast<double>(municipalities.size());
        std::size_t hidden_cells = 0;
        for (const bool each : kept.hidden) hidden_cells += each ? 1 : 0;
        std::cout << "| " << scale.name << " | " << scale.municipalities << " | " << scale.facts << " | "
                  << kept.cube.CellCount() << " | " << hidden_cells << " | " << static_cast<long long>(ms + 0.5)
                  << " | " << kept_ms << " |\n";
        if (shown_rows == 0) return 1;
    }
    return 0;
}

}  // namespace
}  // namespace kronobarn

int main(int argc, char** argv) {
    int repeat = 3;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
    }
    return kronobarn::Run(repeat);
}
