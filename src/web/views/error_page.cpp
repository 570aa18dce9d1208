#include "web/views/pages.hpp"

namespace kronobarn::web::views {

Html ErrorContent(const Translator& t, int status, std::string_view message_key, std::string_view request_id) {
    Html html;
    const std::string heading_key = status == 404   ? "error.heading.not_found"
                                    : status >= 500 ? "error.heading.server"
                                                    : "error.heading.request";
    html << Raw("<div class=\"kb-narrow\">\n<h1 class=\"ds-heading\" data-size=\"lg\">") << t(heading_key)
         << Raw("</h1>\n<p class=\"ds-paragraph\">") << t(message_key) << Raw("</p>\n");
    if (!request_id.empty()) {
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t.Format("error.request_id", {{"id", request_id}})
             << Raw("</p>\n");
    }
    html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/\">") << t("error.back_to_start")
         << Raw("</a></p>\n</div>\n");
    return html;
}

}  // namespace kronobarn::web::views
