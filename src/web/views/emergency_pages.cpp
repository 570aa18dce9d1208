#include "web/views/emergency_pages.hpp"

namespace kronobarn::web::views {

Html EmergencyFormContent(const Translator& t, const std::vector<app::EmergencyUnitChoice>& units,
                          const EmergencyFormState& state) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n<h1 class=\"ds-heading\" data-size=\"lg\">") << t("emergency.heading")
         << Raw("</h1>\n");
    html << Raw("<p class=\"ds-paragraph\">")
         << t.Format("emergency.intro", {{"minutes", std::to_string(state.minutes)}}) << Raw("</p>\n");
    if (units.empty()) {
        Alert(html, t, "info", "emergency.role_not_allowed");
        html << Raw("</div>\n");
        return html;
    }
    if (!state.error_key.empty()) Alert(html, t, "danger", state.error_key);
    FormWriter form(html, t);
    form.Start("/nodatkomst", state.csrf_token);
    form.TextInput("personal_number", "emergency.personal_number", ValueOf(state.typed, "personal_number"));
    std::vector<Option> options;
    for (const auto& unit : units) options.push_back({std::to_string(unit.unit_id), unit.unit_name});
    form.Select("unit_id", "emergency.unit", options, ValueOf(state.typed, "unit_id"));
    form.TextArea("reason", "emergency.reason", ValueOf(state.typed, "reason"), 4);
    form.Submit("emergency.submit");
    html << Raw("</form>\n</div>\n");
    return html;
}

Html EmergencySection(const Translator& t, bool may_request, const std::vector<app::EmergencyNotice>& notices) {
    Html html;
    if (may_request) {
        html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/nodatkomst\">") << t("emergency.link")
             << Raw("</a></p>\n");
    }
    if (notices.empty()) {
        html << Raw("<p class=\"ds-paragraph\">") << t("start.section.emergency.empty") << Raw("</p>\n");
        return html;
    }
    html << Raw("<p class=\"ds-paragraph\">") << t("emergency.holder_intro") << Raw("</p>\n<ul class=\"ds-list\">\n");
    for (const auto& notice : notices) {
        html << Raw("<li class=\"kb-emergency\">")
             << t.Format("emergency.holder_item", {{"child", notice.child_name},
                                                   {"when", t.LocalDateTime(notice.grant.granted_at)},
                                                   {"unit", notice.unit_name},
                                                   {"role", std::string(t("role." + notice.role))},
                                                   {"reason", notice.grant.reason}})
             << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
    return html;
}

}  // namespace kronobarn::web::views
