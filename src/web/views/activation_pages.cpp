// The public pages around the family's accounts: activating one from its link, and the
// accessibility statement.
#include "web/views/family_pages.hpp"
#include "web/views/family_parts.hpp"
#include "web/views/form_fields.hpp"

namespace kronobarn::web::views {

using namespace family_parts;

Html ActivationContent(const Translator& t, const ActivationForm& form) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n");
    Heading(html, 1, t("activation.heading"));
    Paragraph(html, t.Format(form.username_fixed ? "activation.intro_password_only" : "activation.intro",
                             {{"name", form.display_name}}));
    if (!form.errors.empty()) {
        FamilyFormState state;
        state.errors = form.errors;
        StateMessages(html, t, state);
    }
    const auto invalid = [&](std::string_view name) {
        return std::any_of(form.errors.begin(), form.errors.end(),
                           [&](const FieldError& e) { return e.field == name; });
    };
    html << Raw("<form method=\"post\" action=\"/aktivera/") << form.token << Raw("\" class=\"kb-form\" novalidate>\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << form.csrf_token << Raw("\">\n");
    const auto field = [&](std::string_view name, std::string_view label_key, std::string_view hint_key,
                           std::string_view type, std::string_view value, std::string_view autocomplete) {
        html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << name << Raw("\">") << t(label_key)
             << Raw("</label>\n");
        if (!hint_key.empty()) {
            html << Raw("<p class=\"ds-paragraph kb-muted\" id=\"") << name << Raw("-hint\">") << t(hint_key)
                 << Raw("</p>\n");
        }
        html << Raw("<input class=\"ds-input\" type=\"") << type << Raw("\" id=\"") << name << Raw("\" name=\"") << name
             << Raw("\" value=\"") << value << Raw("\" autocomplete=\"") << autocomplete << Raw("\"");
        if (!hint_key.empty()) html << Raw(" aria-describedby=\"") << name << Raw("-hint\"");
        if (invalid(name)) html << Raw(" aria-invalid=\"true\"");
        html << Raw(">\n</div>\n");
    };
    if (form.username_fixed) {
        // Shown, not asked: password managers still pair the new password with it.
        html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"username\">") << t("activation.username")
             << Raw("</label>\n<input class=\"ds-input\" type=\"text\" id=\"username\" name=\"username\" value=\"")
             << form.username << Raw("\" autocomplete=\"username\" readonly aria-describedby=\"username-hint\">\n")
             << Raw("<p class=\"ds-paragraph kb-muted\" id=\"username-hint\">") << t("activation.username_given")
             << Raw("</p>\n</div>\n");
    } else {
        field("username", "activation.username", "activation.username_hint", "text", form.username, "username");
    }
    field("password", "activation.password", "activation.password_hint", "password", "", "new-password");
    field("password_repeat", "activation.password_repeat", "", "password", "", "new-password");
    html << Raw("<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">") << t("activation.submit")
         << Raw("</button>\n</form>\n</div>\n");
    return html;
}

Html ActivationUnavailableContent(const Translator& t, std::string_view reason_key) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n");
    Heading(html, 1, t("activation.heading"));
    Alert(html, t, "danger", reason_key);
    Paragraph(html, t("activation.ask_again"));
    html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/logga-in\">") << t("activation.to_login")
         << Raw("</a></p>\n</div>\n");
    return html;
}

Html AccessibilityStatementContent(const Translator& t) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n");
    Heading(html, 1, t("a11y.heading"));
    Paragraph(html, t("a11y.intro"));
    Heading(html, 2, t("a11y.level_heading"));
    Paragraph(html, t("a11y.level"));
    Heading(html, 2, t("a11y.how_heading"));
    Paragraph(html, t("a11y.how"));
    Heading(html, 2, t("a11y.known_heading"));
    Paragraph(html, t("a11y.known"));
    Heading(html, 2, t("a11y.report_heading"));
    Paragraph(html, t("a11y.report"));
    Heading(html, 2, t("a11y.supervision_heading"));
    Paragraph(html, t("a11y.supervision"));
    Paragraph(html, t("a11y.updated"), "kb-muted");
    html << Raw("</div>\n");
    return html;
}

}  // namespace kronobarn::web::views
