#include <algorithm>

#include "web/views/form_fields.hpp"
#include "web/views/wheel_pages.hpp"

namespace kronobarn::web::views {
namespace {

std::string_view StatusKey(domain::AreaStatus status) {
    switch (status) {
        case domain::AreaStatus::kWorksWell:
            return "wheel.status.works_well";
        case domain::AreaStatus::kChallenging:
            return "wheel.status.challenging";
        case domain::AreaStatus::kNotKnown:
            return "wheel.status.not_known";
    }
    return "wheel.status.not_known";
}

const domain::AreaAssessment* AreaIn(const domain::WheelAssessment& assessment, const std::string& code) {
    for (const auto& area : assessment.areas) {
        if (area.area_code == code) return &area;
    }
    return nullptr;
}

// One symbol per status, told apart by shape: a filled circle, a triangle, a hollow ring.
void Symbol(Html& svg, domain::AreaStatus status, int x, int y, const std::string& title) {
    const std::string cx = std::to_string(x), cy = std::to_string(y);
    switch (status) {
        case domain::AreaStatus::kWorksWell:
            svg << Raw("<circle class=\"kb-works-well\" cx=\"") << cx << Raw("\" cy=\"") << cy << Raw("\" r=\"9\">");
            svg << Raw("<title>") << title << Raw("</title></circle>\n");
            break;
        case domain::AreaStatus::kChallenging:
            svg << Raw("<polygon class=\"kb-challenging\" points=\"") << std::to_string(x) << Raw(",")
                << std::to_string(y - 10) << Raw(" ") << std::to_string(x + 10) << Raw(",") << std::to_string(y + 8)
                << Raw(" ") << std::to_string(x - 10) << Raw(",") << std::to_string(y + 8) << Raw("\"><title>") << title
                << Raw("</title></polygon>\n");
            break;
        case domain::AreaStatus::kNotKnown:
            svg << Raw("<circle class=\"kb-not-known\" cx=\"") << cx << Raw("\" cy=\"") << cy << Raw("\" r=\"7\">");
            svg << Raw("<title>") << title << Raw("</title></circle>\n");
            break;
    }
}

}  // namespace

Html WheelOverviewContent(const Translator& t, const app::WheelOverview& overview, bool just_saved) {
    Html html;
    if (just_saved) {
        Alert(html, t, "success", "wheel.saved");
        if (overview.signal_id) {
            html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/oro/")
                 << std::to_string(*overview.signal_id) << Raw("#decision-heading\">") << t("wheel.back_to_signal")
                 << Raw("</a></p>\n");
        }
    }
    const std::string base = "/barn/" + std::to_string(overview.child_id) + "/hjulet";
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">")
         << t.Format("wheel.heading", {{"name", overview.child_name}}) << Raw("</h1>\n<p class=\"ds-paragraph\">")
         << t("wheel.intro") << Raw("</p>\n")
         << Raw("<p class=\"ds-paragraph\"><a class=\"ds-button\" data-variant=\"primary\" href=\"") << base
         << Raw("/ny\">") << t("wheel.new") << Raw("</a></p>\n");
    if (overview.assessments.empty()) {
        html << Raw("<p class=\"ds-paragraph\">") << t("wheel.none_yet") << Raw("</p>\n");
        return html;
    }

    // Chart: one row per area, one column per assessment.
    const int label_width = 170, column_width = 100, row_height = 36, top = 40;
    const int width = label_width + column_width * static_cast<int>(overview.assessments.size()) + 20;
    const int height = top + row_height * static_cast<int>(overview.catalogue.size()) + 10;
    html << Raw("<figure class=\"kb-wheel-chart\">\n<svg role=\"img\" aria-labelledby=\"wheel-chart-title\" ")
         << Raw("viewBox=\"0 0 ") << std::to_string(width) << Raw(" ") << std::to_string(height) << Raw("\" width=\"")
         << std::to_string(width) << Raw("\" height=\"") << std::to_string(height)
         << Raw("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"wheel-chart-title\">") << t("wheel.chart_title")
         << Raw("</title>\n");
    for (std::size_t c = 0; c < overview.assessments.size(); ++c) {
        html << Raw("<text class=\"kb-chart-label\" x=\"")
             << std::to_string(label_width + column_width * static_cast<int>(c) + column_width / 2)
             << Raw("\" y=\"24\" text-anchor=\"middle\">") << FormatDate(overview.assessments[c].assessed_on)
             << Raw("</text>\n");
    }
    for (std::size_t r = 0; r < overview.catalogue.size(); ++r) {
        const auto& area = overview.catalogue[r];
        const int y = top + row_height * static_cast<int>(r) + row_height / 2;
        const std::string label = t.Lang() == "en" ? area.label_en : area.label_sv;
        html << Raw("<text class=\"kb-chart-label\" x=\"0\" y=\"") << std::to_string(y + 5) << Raw("\">") << label
             << Raw("</text>\n");
        for (std::size_t c = 0; c < overview.assessments.size(); ++c) {
            const auto* entry = AreaIn(overview.assessments[c], area.code);
            const auto status = entry ? entry->status : domain::AreaStatus::kNotKnown;
            Symbol(html, status, label_width + column_width * static_cast<int>(c) + column_width / 2, y,
                   label + ", " + t.LongDate(overview.assessments[c].assessed_on) + ": " +
                       std::string(t(StatusKey(status))));
        }
    }
    html << Raw("</svg>\n<figcaption class=\"ds-paragraph\">") << t("wheel.legend")
         << Raw("</figcaption>\n</figure>\n");

    // The same information as a table, with the texts; a column per description, so it scrolls in its
    // own region rather than widening the page on a phone.
    html << Raw("<div class=\"kb-table-scroll\" tabindex=\"0\" role=\"region\" "
                "aria-labelledby=\"wheel-table-caption\">\n")
         << Raw("<table class=\"ds-table kb-wheel-table\">\n<caption id=\"wheel-table-caption\">")
         << t("wheel.table_caption") << Raw("</caption>\n<thead><tr><th scope=\"col\">") << t("wheel.area")
         << Raw("</th>");
    for (const auto& assessment : overview.assessments) {
        html << Raw("<th scope=\"col\">") << t.LongDate(assessment.assessed_on) << Raw("</th>");
    }
    html << Raw("</tr></thead>\n<tbody>\n");
    for (const auto& area : overview.catalogue) {
        html << Raw("<tr><th scope=\"row\">") << (t.Lang() == "en" ? area.label_en : area.label_sv) << Raw("</th>");
        for (const auto& assessment : overview.assessments) {
            const auto* entry = AreaIn(assessment, area.code);
            html << Raw("<td><strong>") << t(StatusKey(entry ? entry->status : domain::AreaStatus::kNotKnown))
                 << Raw("</strong>");
            if (entry && entry->support_needed) html << Raw("<br>") << t("wheel.support_needed");
            if (entry) {
                for (const auto& [key, text] :
                     {std::pair<std::string_view, const std::string*>{"wheel.description", &entry->description},
                      {"wheel.child_words", &entry->child_words},
                      {"wheel.guardian_view", &entry->guardian_view},
                      {"wheel.professional_note", &entry->professional_note}}) {
                    if (text->empty()) continue;
                    html << Raw("<br><span class=\"kb-muted\">") << t(key) << Raw(":</span> ") << *text;
                }
            }
            html << Raw("</td>");
        }
        html << Raw("</tr>\n");
    }
    html << Raw("</tbody>\n</table>\n</div>\n");
    return html;
}

}  // namespace kronobarn::web::views
