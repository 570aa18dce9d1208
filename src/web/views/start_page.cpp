#include "app/start_page.hpp"

#include "web/views/pages.hpp"

namespace kronobarn::web::views {
namespace {

std::string_view SectionKey(app::StartSection section) {
    switch (section) {
        case app::StartSection::kNewSignal:
            return "start.section.new_signal";
        case app::StartSection::kHandovers:
            return "start.section.handovers";
        case app::StartSection::kSignalInbox:
            return "start.section.signal_inbox";
        case app::StartSection::kMyTasks:
            return "start.section.my_tasks";
        case app::StartSection::kEmergency:
            return "start.section.emergency";
        case app::StartSection::kLogReview:
            return "start.section.log_review";
        case app::StartSection::kUserAdmin:
            return "start.section.user_admin";
        case app::StartSection::kStatistics:
            return "start.section.statistics";
        case app::StartSection::kResearch:
            return "start.section.research";
    }
    return "start.section.my_tasks";
}

}  // namespace

Html LinkSection(const Translator& t, std::string_view text_key, std::string_view href, std::string_view link_key) {
    Html html;
    html << Raw("<p class=\"ds-paragraph\">") << t(text_key) << Raw("</p>\n")
         << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"") << href << Raw("\">") << t(link_key)
         << Raw("</a></p>\n");
    return html;
}

Html StartContent(const Translator& t, const app::StartPageModel& model,
                  const std::map<app::StartSection, Html>& filled) {
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">")
         << t.Format("start.heading", {{"name", model.display_name}})
         << Raw("</h1>\n<section aria-labelledby=\"roles-heading\" class=\"kb-section\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"roles-heading\">") << t("start.roles_heading")
         << Raw("</h2>\n<ul class=\"ds-list\">\n");
    for (const auto& role : model.roles) {
        html << Raw("<li>") << t("role." + role.role) << Raw(" – ") << role.unit_name << Raw("</li>\n");
    }
    html << Raw("</ul>\n</section>\n");
    for (const auto section : model.sections) {
        const std::string key(SectionKey(section));
        const std::string id = "section-" + std::to_string(static_cast<int>(section));
        html << Raw("<section class=\"ds-card kb-section\" aria-labelledby=\"") << id << Raw("\">\n")
             << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"") << id << Raw("\">") << t(key + ".heading")
             << Raw("</h2>\n");
        if (const auto content = filled.find(section); content != filled.end()) {
            html.Append(content->second);
        } else {
            html << Raw("<p class=\"ds-paragraph\">") << t(key + ".empty") << Raw("</p>\n");
        }
        html << Raw("</section>\n");
    }
    return html;
}

}  // namespace kronobarn::web::views
