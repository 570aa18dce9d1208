#include <algorithm>
#include <chrono>

#include "common/text.hpp"
#include "common/time.hpp"
#include "web/views/statistics_pages.hpp"

namespace kronobarn::web::views {
namespace {

constexpr int kChartWidth = 720;
constexpr int kChartHeight = 240;
constexpr int kChartTop = 16;
constexpr int kChartBottom = 48;  // room for the period labels
constexpr int kChartLeft = 8;

std::string PeriodLabel(const Translator& t, const domain::StatisticsRow& row) {
    const std::string year = std::to_string(row.year);
    if (row.quarter != 0)
        return t.Format("statistics.period.quarter", {{"year", year}, {"quarter", std::to_string(row.quarter)}});
    if (row.month != 0) return domain::FormatYearMonth({row.year, row.month});
    return t.Format("statistics.period.year", {{"year", year}});
}

std::string HiddenText(int threshold) { return "<" + std::to_string(threshold); }

std::string CellText(const domain::ShownCount& count, int threshold) {
    return count.hidden ? HiddenText(threshold) : std::to_string(count.value);
}

std::string AreaLabel(const Translator& t, const store::WheelArea& area) {
    return t.Lang() == "sv" ? area.label_sv : area.label_en;
}

std::string MeasureLabel(const Translator& t, domain::StatisticsMeasure measure) {
    return std::string(t("statistics.measure." + std::string(domain::DefinitionOf(measure).code)));
}

std::string CategoryLabel(const Translator& t, const domain::MeasureDefinition& definition, std::size_t category) {
    if (category >= definition.categories.size()) return std::string(t("statistics.total"));
    return std::string(
        t("statistics.category." + std::string(definition.code) + "." + std::string(definition.categories[category])));
}

void FilterForm(Html& html, const Translator& t, const app::StatisticsPage& page, const StatisticsState& state) {
    const TypedValues& typed = state.filter;
    const auto& filter = page.filter;
    html << Raw("<form method=\"get\" action=\"/statistik\" class=\"kb-form\" aria-labelledby=\"filter-heading\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"filter-heading\">") << t("statistics.filter.heading")
         << Raw("</h2>\n");
    FormWriter form(html, t);
    std::vector<Option> measures;
    for (const auto& definition : domain::AllMeasures()) {
        measures.push_back({std::string(definition.code), MeasureLabel(t, definition.measure)});
    }
    form.Select("measure", "statistics.filter.measure", measures,
                ValueOf(typed, "measure", std::string(domain::DefinitionOf(filter.measure).code)));
    form.TextInput("from", "statistics.filter.from",
                   ValueOf(typed, "from", filter.from.year != 0 ? domain::FormatYearMonth(filter.from) : ""), "month");
    form.TextInput("to", "statistics.filter.to",
                   ValueOf(typed, "to", filter.to.year != 0 ? domain::FormatYearMonth(filter.to) : ""), "month");
    form.Select(
        "by", "statistics.filter.by",
        {{"month", std::string(t("statistics.by.month"))}, {"quarter", std::string(t("statistics.by.quarter"))}},
        ValueOf(typed, "by", "month"));
    std::vector<Option> municipalities{{"", std::string(t("statistics.filter.all_county"))}};
    for (const auto& municipality : page.municipalities) municipalities.push_back({municipality, municipality});
    municipalities.push_back({"-", std::string(t("statistics.filter.county_wide_units"))});
    form.Select("municipality", "statistics.filter.municipality", municipalities, ValueOf(typed, "municipality"));
    std::vector<Option> sectors{{"", std::string(t("statistics.filter.all"))}};
    for (std::size_t i = 0; i < domain::kSectorCount; ++i) {
        const std::string code(domain::Code(static_cast<domain::Sector>(i)));
        sectors.push_back({code, std::string(t("statistics.sector." + code))});
    }
    form.Select("sector", "statistics.filter.sector", sectors, ValueOf(typed, "sector"));
    std::vector<Option> ages{{"", std::string(t("statistics.filter.all"))}};
    for (std::size_t i = 0; i < domain::kAgeBandCount; ++i) {
        const std::string code(domain::Code(static_cast<domain::AgeBand>(i)));
        ages.push_back({code, std::string(t("statistics.age." + code))});
    }
    form.Select("age_band", "statistics.filter.age_band", ages, ValueOf(typed, "age_band"));
    std::vector<Option> areas{{"", std::string(t("statistics.filter.all"))}};
    for (const auto& area : page.wheel_areas) areas.push_back({area.code, AreaLabel(t, area)});
    form.Select("area", "statistics.filter.area", areas, ValueOf(typed, "area"));
    html << Raw("<p class=\"ds-paragraph\" data-size=\"sm\">") << t("statistics.filter.hint") << Raw("</p>\n");
    form.Submit("statistics.filter.submit");
    html << Raw("</form>\n");
}

// Bars of each period's total; a hidden total draws no bar, only its "<5".
void Chart(Html& html, const Translator& t, const app::StatisticsPage& page, const std::string& title) {
    std::vector<const domain::StatisticsRow*> rows;
    for (const auto& row : page.table.rows) {
        if (!row.IsYear()) rows.push_back(&row);
    }
    if (rows.empty()) return;
    std::int64_t largest = 1;
    for (const auto* row : rows) largest = std::max(largest, row->counts.back().value);
    const int plot_height = kChartHeight - kChartTop - kChartBottom;
    const int slot = (kChartWidth - 2 * kChartLeft) / static_cast<int>(rows.size());
    const int bar = std::max(4, slot * 2 / 3);
    html << Raw("<figure class=\"kb-chart\">\n<svg viewBox=\"0 0 ") << std::to_string(kChartWidth) << Raw(" ")
         << std::to_string(kChartHeight)
         << Raw("\" role=\"img\" aria-labelledby=\"chart-title\" aria-describedby=\"chart-desc\" "
                "xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"chart-title\">")
         << title << Raw("</title>\n<desc id=\"chart-desc\">") << t("statistics.chart.description") << Raw("</desc>\n");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& total = rows[i]->counts.back();
        const int x = kChartLeft + static_cast<int>(i) * slot + (slot - bar) / 2;
        const int height = total.hidden ? 0 : static_cast<int>(total.value * plot_height / largest);
        const int top = kChartTop + plot_height - height;
        if (height > 0) {
            html << Raw("<rect class=\"kb-chart-bar\" x=\"") << std::to_string(x) << Raw("\" y=\"")
                 << std::to_string(top) << Raw("\" width=\"") << std::to_string(bar) << Raw("\" height=\"")
                 << std::to_string(height) << Raw("\"></rect>\n");
        }
        const std::string centre = std::to_string(x + bar / 2);
        html << Raw("<text class=\"kb-chart-value\" x=\"") << centre << Raw("\" y=\"") << std::to_string(top - 3)
             << Raw("\" text-anchor=\"middle\">") << CellText(total, page.table.threshold) << Raw("</text>\n")
             << Raw("<text class=\"kb-chart-label\" x=\"") << centre << Raw("\" y=\"")
             << std::to_string(kChartHeight - kChartBottom + 16) << Raw("\" text-anchor=\"middle\">")
             << PeriodLabel(t, *rows[i]) << Raw("</text>\n");
    }
    html << Raw("</svg>\n<figcaption class=\"ds-paragraph\" data-size=\"sm\">") << t("statistics.chart.caption")
         << Raw("</figcaption>\n</figure>\n");
}

void Table(Html& html, const Translator& t, const app::StatisticsPage& page, const std::string& title) {
    const auto& definition = domain::DefinitionOf(page.filter.measure);
    html << Raw("<div class=\"kb-table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"table-caption\">\n")
         << Raw("<table class=\"ds-table\">\n<caption id=\"table-caption\">") << title
         << Raw("</caption>\n<thead><tr><th scope=\"col\">") << t("statistics.column.period") << Raw("</th>");
    for (std::size_t category = 0; category <= definition.categories.size(); ++category) {
        html << Raw("<th scope=\"col\">") << CategoryLabel(t, definition, category) << Raw("</th>");
    }
    if (definition.has_days) {
        html << Raw("<th scope=\"col\">") << t("statistics.column.median_days") << Raw("</th><th scope=\"col\">")
             << t("statistics.column.p90_days") << Raw("</th>");
    }
    html << Raw("</tr></thead>\n<tbody>\n");
    for (const auto& row : page.table.rows) {
        html << Raw(row.IsYear() ? "<tr class=\"kb-total-row\">" : "<tr>") << Raw("<th scope=\"row\">")
             << PeriodLabel(t, row) << Raw("</th>");
        for (const auto& count : row.counts) {
            html << Raw("<td>") << CellText(count, page.table.threshold) << Raw("</td>");
        }
        if (definition.has_days) {
            html << Raw("<td>") << (row.median_days ? std::to_string(*row.median_days) : "–") << Raw("</td><td>")
                 << (row.p90_days ? std::to_string(*row.p90_days) : "–") << Raw("</td>");
        }
        html << Raw("</tr>\n");
    }
    html << Raw("</tbody>\n</table>\n</div>\n");
}

std::string TitleOf(const Translator& t, const app::StatisticsPage& page) {
    return t.Format("statistics.result.title", {{"measure", MeasureLabel(t, page.filter.measure)},
                                                {"from", domain::FormatYearMonth(page.filter.from)},
                                                {"to", domain::FormatYearMonth(page.filter.to)}});
}

}  // namespace

Html StatisticsContent(const Translator& t, const app::StatisticsPage& page, bool has_table,
                       const StatisticsState& state) {
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">") << t("statistics.heading") << Raw("</h1>\n")
         << Raw("<p class=\"ds-paragraph\">")
         << t.Format("statistics.intro", {{"threshold", std::to_string(page.table.threshold)}}) << Raw("</p>\n");
    if (!state.error_key.empty()) Alert(html, t, "danger", state.error_key);
    if (state.counting) Alert(html, t, "info", "statistics.counting");
    FilterForm(html, t, page, state);
    if (!has_table) return html;
    const std::string title = TitleOf(t, page);
    html << Raw("<section aria-labelledby=\"result-heading\" class=\"kb-section\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"result-heading\">") << title << Raw("</h2>\n");
    if (page.table.nothing_shown) {
        html << Raw("<div class=\"ds-alert\" data-color=\"info\" role=\"status\"><p class=\"ds-paragraph\">")
             << t.Format("statistics.result.nothing_shown", {{"threshold", std::to_string(page.table.threshold)}})
             << Raw("</p></div>\n");
    } else {
        Chart(html, t, page, title);
    }
    Table(html, t, page, title);
    if (page.counted_at) {
        // Kept counts are reused for a few minutes: say how fresh they are, in Swedish time.
        const std::string time = t.LocalDateTime(*page.counted_at);
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t.Format("statistics.counted_at", {{"time", time}})
             << Raw("</p>\n");
    }
    html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/statistik.csv") << state.query
         << Raw("\" download>") << t("statistics.download") << Raw("</a></p>\n</section>\n");
    return html;
}

std::string StatisticsCsv(const Translator& t, const app::StatisticsPage& page) {
    const auto& definition = domain::DefinitionOf(page.filter.measure);
    std::string csv = "\xEF\xBB\xBF";
    csv += CsvField(std::string(t("statistics.column.period")));
    for (std::size_t category = 0; category <= definition.categories.size(); ++category) {
        csv += "," + CsvField(CategoryLabel(t, definition, category));
    }
    if (definition.has_days) {
        csv += "," + CsvField(std::string(t("statistics.column.median_days"))) + "," +
               CsvField(std::string(t("statistics.column.p90_days")));
    }
    csv += "\r\n";
    for (const auto& row : page.table.rows) {
        csv += CsvField(PeriodLabel(t, row));
        for (const auto& count : row.counts) csv += "," + CellText(count, page.table.threshold);
        if (definition.has_days) {
            csv += "," + (row.median_days ? std::to_string(*row.median_days) : std::string()) + "," +
                   (row.p90_days ? std::to_string(*row.p90_days) : std::string());
        }
        csv += "\r\n";
    }
    return csv;
}

}  // namespace kronobarn::web::views
