#include "web/views/wheel_pages.hpp"

#include <algorithm>
#include <vector>

namespace kronobarn::web::views {
namespace {

void TextArea(Html& html, const Translator& t, const std::string& id, std::string_view label_key,
              const std::string& value) {
    html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << id << Raw("\">") << t(label_key)
         << Raw("</label>\n<textarea class=\"ds-input\" id=\"") << id << Raw("\" name=\"") << id
         << Raw("\" rows=\"2\" maxlength=\"4000\">") << value << Raw("</textarea>\n</div>\n");
}

}  // namespace

Html WheelFormContent(const Translator& t, const app::WheelOverview& overview, const AssessmentFormState& state) {
    Html html;
    const std::string action = "/barn/" + std::to_string(overview.child_id) + "/hjulet";
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">")
         << t.Format("wheel.form_heading", {{"name", overview.child_name}}) << Raw("</h1>\n<ul class=\"ds-list\">\n");
    for (const auto* key :
         {"decision.girfec.1", "decision.girfec.2", "decision.girfec.3", "decision.girfec.4", "decision.girfec.5"}) {
        html << Raw("<li>") << t(key) << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
    if (!state.error_key.empty()) {
        html << Raw("<div class=\"ds-alert\" data-color=\"danger\" role=\"alert\"><p class=\"ds-paragraph\">")
             << t(state.error_key) << Raw("</p></div>\n");
    }
    html << Raw("<form method=\"post\" action=\"") << action << Raw("\" class=\"kb-form\" novalidate>\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << state.csrf_token << Raw("\">\n")
         << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"assessed_on\">") << t("wheel.assessed_on")
         << Raw("</label>\n<input class=\"ds-input\" type=\"date\" id=\"assessed_on\" name=\"assessed_on\" value=\"")
         << (state.values.assessed_on.empty() ? state.today : state.values.assessed_on)
         << Raw("\" required>\n</div>\n");
    TextArea(html, t, "sources", "wheel.sources", state.values.sources);
    if (overview.signal_id) {
        html << Raw("<input type=\"hidden\" name=\"signal\" value=\"") << std::to_string(*overview.signal_id)
             << Raw("\">\n");
    }
    // Opened from a signal: the areas it names first and open, the rest folded; otherwise all open.
    std::vector<const store::WheelArea*> areas;
    const auto named = [&](const store::WheelArea& area) {
        return std::find(overview.signal_areas.begin(), overview.signal_areas.end(), area.code) !=
               overview.signal_areas.end();
    };
    for (const auto& area : overview.catalogue) {
        if (named(area)) areas.push_back(&area);
    }
    for (const auto& area : overview.catalogue) {
        if (!named(area)) areas.push_back(&area);
    }
    if (!overview.signal_areas.empty()) {
        html << Raw("<p class=\"ds-paragraph\">") << t("wheel.signal_areas_first") << Raw("</p>\n");
    }
    for (const auto* each : areas) {
        const auto& area = *each;
        const auto found = state.values.areas.find(area.code);
        const app::AreaForm typed = found == state.values.areas.end() ? app::AreaForm{} : found->second;
        const bool touched = !typed.description.empty() || !typed.child_words.empty() || !typed.guardian_view.empty() ||
                             !typed.professional_note.empty() || typed.support_needed ||
                             (!typed.status.empty() && typed.status != "not_known");
        const bool open = overview.signal_areas.empty() || named(area) || touched;
        const std::string prefix = "area_" + area.code + "_";
        html << Raw("<details class=\"kb-fold\" id=\"") << prefix << Raw("fold\"") << Raw(open ? " open" : "")
             << Raw(">\n<summary>") << (t.Lang() == "en" ? area.label_en : area.label_sv);
        if (named(area)) html << Raw(" <span class=\"kb-tag\">") << t("wheel.named_in_signal") << Raw("</span>");
        html << Raw("</summary>\n<fieldset class=\"ds-fieldset\">\n<legend class=\"kb-visually-hidden\">")
             << (t.Lang() == "en" ? area.label_en : area.label_sv)
             << Raw("</legend>\n<p class=\"ds-paragraph kb-muted\">") << area.description_sv
             << Raw("</p>\n<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-label\">") << t("wheel.status")
             << Raw("</legend>\n");
        for (const auto* status : {"works_well", "challenging", "not_known"}) {
            const bool checked =
                typed.status == status || (typed.status.empty() && std::string_view(status) == "not_known");
            const std::string id = prefix + "status_" + status;
            html << Raw("<div class=\"ds-field kb-check\"><input class=\"ds-input\" type=\"radio\" name=\"") << prefix
                 << Raw("status\" id=\"") << id << Raw("\" value=\"") << status << Raw("\"")
                 << Raw(checked ? " checked" : "") << Raw("><label class=\"ds-label\" for=\"") << id << Raw("\">")
                 << t(std::string("wheel.status.") + status) << Raw("</label></div>\n");
        }
        html << Raw("</fieldset>\n");
        TextArea(html, t, prefix + "description", "wheel.description", typed.description);
        TextArea(html, t, prefix + "child_words", "wheel.child_words", typed.child_words);
        TextArea(html, t, prefix + "guardian_view", "wheel.guardian_view", typed.guardian_view);
        TextArea(html, t, prefix + "professional_note", "wheel.professional_note", typed.professional_note);
        html << Raw("<div class=\"ds-field kb-check\"><input class=\"ds-input\" type=\"checkbox\" name=\"") << prefix
             << Raw("support\" id=\"") << prefix << Raw("support\" value=\"ja\"")
             << Raw(typed.support_needed ? " checked" : "") << Raw("><label class=\"ds-label\" for=\"") << prefix
             << Raw("support\">") << t("wheel.support_needed") << Raw("</label></div>\n</fieldset>\n</details>\n");
    }
    html << Raw("<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">") << t("wheel.save")
         << Raw("</button>\n</form>\n");
    return html;
}

}  // namespace kronobarn::web::views
