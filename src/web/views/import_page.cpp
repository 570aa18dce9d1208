#include <array>

#include "web/views/family_parts.hpp"
#include "web/views/form_fields.hpp"
#include "web/views/import_pages.hpp"

namespace kronobarn::web::views {
namespace {

using namespace family_parts;

constexpr std::array<std::string_view, 2> kKinds{"enheter", "personal"};

void ProblemsTable(Html& html, const Translator& t, const app::ImportReport& report) {
    html << Raw("<div class=\"kb-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
         << t("import.page.problems") << Raw("\">\n<table class=\"ds-table kb-stack\">\n<caption>")
         << t.Format("import.page.problems_count", {{"count", std::to_string(report.problems.size())}})
         << Raw("</caption>\n<thead><tr><th scope=\"col\">") << t("import.page.row") << Raw("</th><th scope=\"col\">")
         << t("import.page.column") << Raw("</th><th scope=\"col\">") << t("import.page.problem")
         << Raw("</th></tr></thead>\n<tbody>\n");
    for (const auto& problem : report.problems) {
        html << Raw("<tr><td data-label=\"") << t("import.page.row") << Raw("\">")
             << (problem.row > 0 ? std::to_string(problem.row) : std::string(t("import.page.whole_file")))
             << Raw("</td><td data-label=\"") << t("import.page.column") << Raw("\">") << problem.column
             << Raw("</td><td data-label=\"") << t("import.page.problem") << Raw("\">") << t(problem.message_key);
        if (!problem.value.empty()) html << Raw(" <span class=\"kb-break\">(") << problem.value << Raw(")</span>");
        html << Raw("</td></tr>\n");
    }
    html << Raw("</tbody>\n</table>\n</div>\n");
}

void ChangesTable(Html& html, const Translator& t, const app::ImportReport& report) {
    int created = 0, changed = 0, closed = 0;
    for (const auto& change : report.changes) {
        created += change.action == "create";
        changed += change.action == "update" || change.action == "reopen";
        closed += change.action == "close";
    }
    Paragraph(html, t.Format("import.page.counts", {{"created", std::to_string(created)},
                                                    {"changed", std::to_string(changed)},
                                                    {"closed", std::to_string(closed)}}));
    if (report.changes.empty()) return;
    html << Raw("<div class=\"kb-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
         << t("import.page.changes") << Raw("\">\n<table class=\"ds-table kb-stack\">\n<caption>")
         << t("import.page.changes") << Raw("</caption>\n<thead><tr><th scope=\"col\">") << t("import.page.action")
         << Raw("</th><th scope=\"col\">") << t("import.page.external_id") << Raw("</th><th scope=\"col\">")
         << t("import.page.what") << Raw("</th></tr></thead>\n<tbody>\n");
    for (const auto& change : report.changes) {
        html << Raw("<tr><td data-label=\"") << t("import.page.action") << Raw("\">")
             << t("import.page.action_" + change.action) << Raw("</td><td data-label=\"")
             << t("import.page.external_id") << Raw("\"><span class=\"kb-break\">") << change.external_id
             << Raw("</span></td><td data-label=\"") << t("import.page.what") << Raw("\">") << change.what
             << Raw("</td></tr>\n");
    }
    html << Raw("</tbody>\n</table>\n</div>\n");
}

void Report(Html& html, const Translator& t, const ImportPageState& state) {
    const auto& report = *state.report;
    html << Raw("<section aria-labelledby=\"report\">\n");
    const std::string heading = !report.problems.empty() ? "import.page.report_problems"
                                : report.written         ? "import.page.report_written"
                                                         : "import.page.report_dry_run";
    // The report is where the eye goes next: its heading takes the focus, unless the problems' alert does.
    html << Raw("<h2 class=\"ds-heading\" id=\"report\" tabindex=\"-1\"")
         << Raw(report.problems.empty() ? " autofocus>" : ">") << t(heading) << Raw("</h2>\n");
    Paragraph(html, t.Format("import.page.report_file", {{"file", state.filename}}));
    if (!report.problems.empty()) {
        // Nothing was changed: the rows to mend, focused when the page opens.
        html << Raw("<div class=\"ds-alert kb-error-summary\" data-color=\"danger\" role=\"alert\" tabindex=\"-1\" "
                    "autofocus>\n<p class=\"ds-paragraph\">")
             << t("import.page.nothing_changed") << Raw("</p>\n</div>\n");
        ProblemsTable(html, t, report);
    } else {
        if (report.written) Alert(html, t, "success", "import.page.written");
        ChangesTable(html, t, report);
        // A browser never keeps a chosen file across pages: saying so spares a puzzled second click.
        if (!report.written) Paragraph(html, t("import.page.choose_again"));
    }
    html << Raw("</section>\n");
}

}  // namespace

Html ImportContent(const Translator& t, const ImportPageState& state) {
    using namespace family_parts;
    Html html;
    Heading(html, 1, t("import.page.heading"));
    Paragraph(html, t("import.page.intro"));
    if (!state.error_key.empty()) {
        html << Raw("<div class=\"ds-alert kb-error-summary\" data-color=\"danger\" role=\"alert\" tabindex=\"-1\" "
                    "autofocus>\n<h2 class=\"ds-heading\" data-size=\"2xs\">")
             << t("import.page.unreadable")
             << Raw("</h2>\n<ul class=\"ds-list\">\n<li><a class=\"ds-link\" href=\"#file\">") << t(state.error_key);
        if (!state.error_row.empty()) html << Raw(" ") << t.Format("import.page.at_row", {{"row", state.error_row}});
        html << Raw("</a></li>\n</ul>\n</div>\n");
    }
    html << Raw("<form method=\"post\" action=\"/admin/import\" enctype=\"multipart/form-data\" class=\"kb-form\">\n"
                "<input type=\"hidden\" name=\"csrf_token\" value=\"")
         << state.csrf_token << Raw("\">\n<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-label\">")
         << t("import.page.kind") << Raw("</legend>\n");
    for (const auto kind : kKinds) {
        const std::string id = "kind-" + std::string(kind);
        html << Raw("<div class=\"ds-radio\"><input type=\"radio\" name=\"kind\" id=\"") << id << Raw("\" value=\"")
             << kind << Raw("\"") << Raw(state.kind == kind ? " checked" : "") << Raw("><label for=\"") << id
             << Raw("\">") << t("import.page.kind_" + std::string(kind)) << Raw("</label></div>\n");
    }
    html << Raw("</fieldset>\n<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"file\">")
         << t("import.page.file") << Raw("</label>\n<p class=\"ds-paragraph kb-muted\" id=\"file-hint\">")
         << t("import.page.file_hint")
         << Raw("</p>\n<input class=\"ds-input\" type=\"file\" name=\"file\" id=\"file\" "
                "accept=\".csv,text/csv\" required aria-describedby=\"file-hint\"")
         << Raw(state.error_key.empty() ? "" : " aria-invalid=\"true\"") << Raw(">\n</div>\n")
         << Raw("<div class=\"kb-actions\">\n<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\" "
                "name=\"run\" value=\"prov\">")
         << t("import.page.try")
         << Raw("</button>\n<button class=\"ds-button\" data-variant=\"secondary\" "
                "type=\"submit\" name=\"run\" value=\"import\">")
         << t("import.page.import") << Raw("</button>\n</div>\n</form>\n");
    if (state.report) Report(html, t, state);
    html << Raw("<h2 class=\"ds-heading\">") << t("import.page.export") << Raw("</h2>\n");
    Paragraph(html, t("import.page.export_intro"));
    html << Raw("<ul class=\"kb-list\">\n");
    for (const auto kind : kKinds) {
        html << Raw("<li><a class=\"ds-link\" href=\"/admin/export/") << kind << Raw("\" download>")
             << t("import.page.export_" + std::string(kind)) << Raw("</a></li>\n");
    }
    html << Raw("</ul>\n");
    return html;
}

}  // namespace kronobarn::web::views
