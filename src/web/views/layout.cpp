#include "web/views/layout.hpp"

namespace kronobarn::web::views {

std::string RenderPage(const Translator& t, const PageFrame& frame, const Html& main_content) {
    Html page;
    page << Raw("<!doctype html>\n<html lang=\"") << t.Lang() << Raw("\" dir=\"") << Catalogue::Direction(t.Lang())
         << Raw("\" data-color-scheme=\"light\">\n<head>\n<meta charset=\"utf-8\">\n")
         << Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    if (frame.refresh_seconds > 0) {
        page << Raw("<meta http-equiv=\"refresh\" content=\"") << std::to_string(frame.refresh_seconds) << Raw("\">\n");
    }
    if (!frame.continue_to.empty()) {
        page << Raw("<meta http-equiv=\"refresh\" content=\"0;url=") << frame.continue_to << Raw("\">\n");
    }
    page << Raw("<title>") << frame.title
         << Raw(" – Kronobarn</title>\n<link rel=\"stylesheet\" href=\"/assets/kronobarn.css\">\n<script "
                "src=\"/assets/kronobarn.js\" defer></script>\n</head>\n<body>\n")
         << Raw("<a class=\"ds-skip-link\" href=\"#main\">") << t("layout.skip_to_content") << Raw("</a>\n")
         << Raw("<header class=\"kb-header\">\n<div class=\"kb-header__inner\">\n<a class=\"kb-brand\" href=\"/\">")
         << t("app.name") << Raw("</a>\n<nav class=\"kb-languages\" aria-label=\"") << t("layout.language_nav")
         << Raw("\">\n<ul>\n");
    for (const std::string_view lang : Catalogue::PageLanguages(IsFamilyScopePath(frame.current_path))) {
        const std::string_view label = lang == "sv" ? "Svenska" : lang == "en" ? "English" : "العربية";
        page << Raw("<li><a href=\"/sprak/") << lang << Raw("?tillbaka=") << frame.current_path << Raw("\" lang=\"")
             << lang << Raw("\" hreflang=\"") << lang << Raw("\"");
        if (lang == t.Lang()) page << Raw(" aria-current=\"true\"");
        page << Raw(">") << label << Raw("</a></li>\n");
    }
    page << Raw("</ul>\n</nav>\n");
    if (frame.signed_in) {
        page << Raw("<div class=\"kb-account\">\n<p class=\"ds-paragraph\">")
             << t.Format("layout.signed_in_as", {{"name", frame.signed_in->display_name}}) << Raw("</p>\n");
        if (!frame.signed_in->settings_path.empty()) {
            page << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"") << frame.signed_in->settings_path
                 << Raw("\">") << t("layout.notifications") << Raw("</a></p>\n");
        }
        page << Raw("<form method=\"post\" action=\"/logga-ut\">\n<input type=\"hidden\" name=\"csrf_token\" "
                    "value=\"")
             << frame.signed_in->csrf_token
             << Raw("\">\n<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">")
             << t("layout.logout") << Raw("</button>\n</form>\n</div>\n");
    }
    page << Raw("</div>\n</header>\n<main id=\"main\" tabindex=\"-1\" class=\"kb-main\">\n");
    page.Append(main_content);
    page << Raw("</main>\n<footer class=\"kb-footer\">\n<p class=\"ds-paragraph\">") << t("layout.footer")
         << Raw("</p>\n<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/tillganglighet\">")
         << t("layout.accessibility") << Raw("</a></p>\n</footer>\n</body>\n</html>\n");
    return page.Take();
}

}  // namespace kronobarn::web::views
