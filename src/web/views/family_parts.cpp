#include "web/views/family_parts.hpp"

#include "web/views/form_fields.hpp"

namespace kronobarn::web::views::family_parts {

std::string Id(std::int64_t id) { return std::to_string(id); }

std::string ChildPath(domain::ChildId child) { return "/familj/barn/" + Id(child); }

void Heading(Html& html, int level, std::string_view text, std::string_view id) {
    html << Raw("<h") << level << Raw(" class=\"ds-heading\"");
    if (!id.empty()) html << Raw(" id=\"") << id << Raw("\"");
    html << Raw(">") << text << Raw("</h") << level << Raw(">\n");
}

void Paragraph(Html& html, std::string_view text, std::string_view css_class) {
    html << Raw("<p class=\"ds-paragraph");
    if (!css_class.empty()) html << Raw(" ") << css_class;
    html << Raw("\">") << text << Raw("</p>\n");
}

void StateMessages(Html& html, const Translator& t, const FamilyFormState& state) {
    if (!state.notice_key.empty()) Alert(html, t, "success", state.notice_key);
    std::vector<FieldError> errors = state.errors;
    if (errors.empty() && !state.error_key.empty()) errors.push_back({state.error_field, state.error_key});
    if (errors.empty()) return;
    html << Raw("<div class=\"ds-alert kb-error-summary\" data-color=\"danger\" role=\"alert\" tabindex=\"-1\" ")
         << Raw("autofocus>\n");
    Heading(html, 2, t("family.error_summary"));
    html << Raw("<ul class=\"ds-list\">");
    for (const auto& error : errors) {
        html << Raw("<li>");
        if (!error.field.empty()) {
            html << Raw("<a class=\"ds-link\" href=\"#") << error.field << Raw("\">") << t(error.message_key)
                 << Raw("</a>");
        } else {
            html << t(error.message_key);
        }
        html << Raw("</li>");
    }
    html << Raw("</ul>\n</div>\n");
}

void ChildNav(Html& html, const Translator& t, domain::ChildId child, bool child_self, std::string_view current) {
    struct Link {
        std::string_view key;
        std::string path;
        bool for_child;
    };
    const std::vector<Link> links{
        {"family.nav.plan", ChildPath(child), false},
        {"family.nav.child_page", ChildPath(child) + "/barnets-sida", true},
        {"family.nav.consents", ChildPath(child) + "/samtycken", false},
        {"family.nav.access_log", ChildPath(child) + "/vem-har-oppnat", false},
        {"family.nav.pdf", ChildPath(child) + "/plan.pdf", true},
    };
    html << Raw("<nav class=\"kb-subnav kb-no-print\" aria-label=\"") << t("family.nav.label") << Raw("\">\n<ul>\n");
    for (const auto& link : links) {
        if (child_self && !link.for_child) continue;
        html << Raw("<li><a class=\"ds-link\" href=\"") << link.path << Raw("\"");
        if (link.key == current) html << Raw(" aria-current=\"page\"");
        html << Raw(">") << t(link.key) << Raw("</a></li>\n");
    }
    html << Raw("</ul>\n</nav>\n");
}

}  // namespace kronobarn::web::views::family_parts
