#include "web/views/pages.hpp"

namespace kronobarn::web::views {

Html LoginContent(const Translator& t, const LoginForm& form) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n<h1 class=\"ds-heading\" data-size=\"lg\">") << t("login.heading")
         << Raw("</h1>\n<p class=\"ds-paragraph\">") << t("login.intro") << Raw("</p>\n");
    if (!form.notice_key.empty()) {
        html << Raw("<div class=\"ds-alert\" data-color=\"info\" role=\"status\"><p class=\"ds-paragraph\">")
             << t(form.notice_key) << Raw("</p></div>\n");
    }
    if (!form.error_key.empty()) {
        html << Raw("<div class=\"ds-alert\" data-color=\"danger\" role=\"alert\" id=\"login-error\">")
             << Raw("<p class=\"ds-paragraph\">") << t(form.error_key) << Raw("</p></div>\n");
    }
    // A refusal by single sign-on is not about what was typed here: the fields stay unmarked.
    const bool invalid = !form.error_key.empty() && !form.error_key.starts_with("sso.");
    html << Raw("<form method=\"post\" action=\"/logga-in\" class=\"kb-form\" novalidate>\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << form.csrf_token << Raw("\">\n")
         << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"username\">") << t("login.username")
         << Raw("</label>\n<input class=\"ds-input\" id=\"username\" name=\"username\" type=\"text\" ")
         << Raw("autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" required value=\"")
         << form.username << Raw("\"");
    if (invalid) html << Raw(" aria-invalid=\"true\" aria-describedby=\"login-error\"");
    html << Raw(">\n</div>\n<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"password\">")
         << t("login.password")
         << Raw("</label>\n<input class=\"ds-input\" id=\"password\" name=\"password\" type=\"password\" ")
         << Raw("autocomplete=\"current-password\" required");
    if (invalid) html << Raw(" aria-invalid=\"true\" aria-describedby=\"login-error\"");
    html << Raw(">\n</div>\n<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">") << t("login.submit")
         << Raw("</button>\n</form>\n");
    if (!form.providers.empty()) {
        // Links, not forms: starting a sign-in at a provider changes nothing here until it answers.
        html << Raw("<section class=\"kb-section\" aria-labelledby=\"sso-heading\">\n<h2 class=\"ds-heading\" ")
             << Raw("data-size=\"xs\" id=\"sso-heading\">") << t("sso.heading")
             << Raw("</h2>\n<ul class=\"kb-sso\">\n");
        for (const auto& [name, label] : form.providers) {
            html << Raw("<li><a class=\"ds-button\" data-variant=\"secondary\" href=\"/logga-in/sso/") << name
                 << Raw("\">") << t.Format("sso.button", {{"provider", label}}) << Raw("</a></li>\n");
        }
        html << Raw("</ul>\n</section>\n");
    }
    if (!form.family_providers.empty()) {
        html << Raw("<section class=\"kb-section\" aria-labelledby=\"eid-heading\">\n<h2 class=\"ds-heading\" ")
             << Raw("data-size=\"xs\" id=\"eid-heading\">") << t("sso.family_heading") << Raw("</h2>\n")
             << Raw("<p class=\"ds-paragraph\">") << t("sso.family_intro") << Raw("</p>\n<ul class=\"kb-sso\">\n");
        for (const auto& [name, label] : form.family_providers) {
            html << Raw("<li><a class=\"ds-button\" data-variant=\"primary\" href=\"/logga-in/sso/") << name
                 << Raw("\">") << t.Format("sso.family_button", {{"provider", label}}) << Raw("</a></li>\n");
        }
        html << Raw("</ul>\n</section>\n");
    }
    html << Raw("</div>\n");
    return html;
}

Html OnwardContent(const Translator& t, std::string_view heading_key, std::string_view href,
                   std::string_view link_key) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n<h1 class=\"ds-heading\" data-size=\"lg\">") << t(heading_key)
         << Raw("</h1>\n<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"") << href << Raw("\">") << t(link_key)
         << Raw("</a></p>\n</div>\n");
    return html;
}

}  // namespace kronobarn::web::views
