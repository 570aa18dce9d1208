#include <algorithm>

#include "web/views/concern_pages.hpp"

namespace kronobarn::web::views {
namespace {

// The message of a field in error, under its label, and the attribute that marks it.
const FieldError* ErrorOf(const std::vector<FieldError>& errors, std::string_view id) {
    const auto it = std::find_if(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == id; });
    return it == errors.end() ? nullptr : &*it;
}

void FieldMessage(Html& html, const Translator& t, const FieldError* error, std::string_view id) {
    if (error == nullptr) return;
    html << Raw("<p class=\"ds-validation-message kb-field-error\" data-color=\"danger\" id=\"") << id
         << Raw("-error\">") << t(error->message_key) << Raw("</p>\n");
}

std::string Invalid(const FieldError* error, std::string_view id) {
    return error == nullptr ? std::string()
                            : " aria-invalid=\"true\" aria-errormessage=\"" + std::string(id) + "-error\"";
}

void TextField(Html& html, const Translator& t, const std::vector<FieldError>& errors, std::string_view id,
               std::string_view label_key, std::string_view value, std::string_view extra = {}) {
    const FieldError* error = ErrorOf(errors, id);
    html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << id << Raw("\">") << t(label_key)
         << Raw("</label>\n");
    FieldMessage(html, t, error, id);
    html << Raw("<input class=\"ds-input\" id=\"") << id << Raw("\" name=\"") << id << Raw("\" value=\"") << value
         << Raw("\" ") << Raw(extra) << Raw(Invalid(error, id)) << Raw(">\n</div>\n");
}

void UnitSelect(Html& html, const Translator& t, const std::vector<FieldError>& errors, std::string_view id,
                std::string_view label_key, const std::vector<app::UnitChoice>& units, std::string_view selected,
                bool allow_empty) {
    const FieldError* error = ErrorOf(errors, id);
    html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << id << Raw("\">") << t(label_key)
         << Raw("</label>\n");
    FieldMessage(html, t, error, id);
    html << Raw("<select class=\"ds-input\" id=\"") << id << Raw("\" name=\"") << id << Raw("\"")
         << Raw(Invalid(error, id)) << Raw(">\n");
    if (allow_empty) html << Raw("<option value=\"\">") << t("concern.form.unit_unknown") << Raw("</option>\n");
    for (const auto& unit : units) {
        const std::string value = std::to_string(unit.id);
        html << Raw("<option value=\"") << value << Raw("\"");
        if (value == selected) html << Raw(" selected");
        html << Raw(">") << unit.name << Raw("</option>\n");
    }
    html << Raw("</select>\n</div>\n");
}

}  // namespace

Html ConcernFormContent(const Translator& t, const app::ConcernFormOptions& options, const ConcernFormState& state) {
    const app::ConcernForm& v = state.values;
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">") << t("concern.form.heading") << Raw("</h1>\n");
    // The duty to report comes first, independent of consent and of this form.
    html << Raw("<div class=\"ds-alert\" data-color=\"warning\" id=\"duty-to-report\">\n<h2 class=\"ds-heading\" ")
         << Raw("data-size=\"xs\">") << t("concern.duty.heading") << Raw("</h2>\n<p class=\"ds-paragraph\">")
         << t("concern.duty.text") << Raw("</p>\n</div>\n");
    if (!state.errors.empty()) ErrorSummary(html, t, state.errors);
    html << Raw("<form method=\"post\" action=\"/oro\" class=\"kb-form\" novalidate>\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << state.csrf_token << Raw("\">\n");

    html << Raw("<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-heading\" data-size=\"xs\">")
         << t("concern.form.child_legend") << Raw("</legend>\n<p class=\"ds-paragraph\">")
         << t("concern.form.child_help") << Raw("</p>\n");
    TextField(html, t, state.errors, "personal_number", "concern.form.personal_number", v.personal_number,
              "autocomplete=\"off\" inputmode=\"numeric\" required aria-describedby=\"pn-hint\"");
    html << Raw("<p class=\"ds-paragraph kb-muted\" id=\"pn-hint\">") << t("concern.form.personal_number_hint")
         << Raw("</p>\n");
    TextField(html, t, state.errors, "given_name", "concern.form.given_name", v.given_name,
              "autocomplete=\"off\" required");
    TextField(html, t, state.errors, "family_name", "concern.form.family_name", v.family_name,
              "autocomplete=\"off\" required");
    UnitSelect(html, t, state.errors, "child_unit_id", "concern.form.child_unit", options.child_units, v.child_unit_id,
               true);
    TextField(html, t, state.errors, "guardian_1", "concern.form.guardian_1", v.guardian_1, "autocomplete=\"off\"");
    TextField(html, t, state.errors, "guardian_2", "concern.form.guardian_2", v.guardian_2, "autocomplete=\"off\"");
    html << Raw("</fieldset>\n");

    html << Raw("<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-heading\" data-size=\"xs\">")
         << t("concern.form.what_legend") << Raw("</legend>\n");
    UnitSelect(html, t, state.errors, "noticing_unit_id", "concern.form.noticing_unit", options.my_units,
               v.noticing_unit_id, false);
    TextField(html, t, state.errors, "noticed_on", "concern.form.noticed_on",
              v.noticed_on.empty() ? state.today : v.noticed_on, "type=\"date\" required");
    const FieldError* description_error = ErrorOf(state.errors, "description");
    html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"description\">")
         << t("concern.form.description")
         << Raw("</label>\n<p class=\"ds-paragraph kb-muted\" id=\"description-hint\">")
         << t("concern.form.description_hint") << Raw("</p>\n");
    FieldMessage(html, t, description_error, "description");
    html << Raw("<textarea class=\"ds-input\" id=\"description\" name=\"description\" rows=\"6\" maxlength=\"4000\" ")
         << Raw("required aria-describedby=\"description-hint\"") << Raw(Invalid(description_error, "description"))
         << Raw(">") << v.description << Raw("</textarea>\n</div>\n");
    html << Raw("<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-label\">") << t("concern.form.areas")
         << Raw("</legend>\n");
    for (const auto& area : options.wheel_areas) {
        const bool checked = std::find(v.wheel_areas.begin(), v.wheel_areas.end(), area.code) != v.wheel_areas.end();
        html << Raw("<div class=\"ds-field kb-check\"><input class=\"ds-input\" type=\"checkbox\" name=\"wheel_area\" "
                    "id=\"area-")
             << area.code << Raw("\" value=\"") << area.code << Raw("\"") << Raw(checked ? " checked" : "")
             << Raw("><label class=\"ds-label\" for=\"area-") << area.code << Raw("\">")
             << (t.Lang() == "en" ? area.label_en : area.label_sv) << Raw("</label></div>\n");
    }
    html << Raw("</fieldset>\n<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-label\">")
         << t("concern.form.guardians_informed") << Raw("</legend>\n");
    for (const auto& [value, key] :
         {std::pair<std::string_view, std::string_view>{"ja", "common.yes"}, {"nej", "common.no"}}) {
        const bool checked = (value == "ja") == v.guardians_informed;
        html << Raw("<div class=\"ds-field kb-check\"><input class=\"ds-input\" type=\"radio\" "
                    "name=\"guardians_informed\" id=\"gi-")
             << value << Raw("\" value=\"") << value << Raw("\"") << Raw(checked ? " checked" : "")
             << Raw("><label class=\"ds-label\" for=\"gi-") << value << Raw("\">") << t(key) << Raw("</label></div>\n");
    }
    html << Raw("</fieldset>\n</fieldset>\n");

    html << Raw("<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-heading\" data-size=\"xs\">")
         << t("concern.form.report_legend") << Raw("</legend>\n<div class=\"ds-field kb-check\">")
         << Raw("<input class=\"ds-input\" type=\"checkbox\" name=\"report_made\" id=\"report_made\" value=\"ja\"")
         << Raw(v.report_made ? " checked" : "") << Raw("><label class=\"ds-label\" for=\"report_made\">")
         << t("concern.form.report_made") << Raw("</label></div>\n");
    TextField(html, t, state.errors, "report_date", "concern.form.report_date", v.report_date, "type=\"date\"");
    UnitSelect(html, t, state.errors, "report_unit_id", "concern.form.report_unit", options.social_services,
               v.report_unit_id, true);
    html << Raw("</fieldset>\n<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">")
         << t("concern.form.submit") << Raw("</button>\n</form>\n");
    return html;
}

}  // namespace kronobarn::web::views
