#include "web/views/second_step_pages.hpp"

#include "common/totp.hpp"
#include "web/views/family_parts.hpp"
#include "web/views/form_fields.hpp"
#include "web/views/qr_svg.hpp"

namespace kronobarn::web::views {
namespace {

using family_parts::Heading;
using family_parts::Paragraph;

// The code field: one-time-code lets phones offer the code from a message or an app; its error
// sits under the label, tied to it, and the summary above links here.
void CodeField(Html& html, const Translator& t, const SecondStepForm& form, std::string_view hint_key) {
    const bool invalid = !form.error_key.empty();
    html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"code\">") << t("second_factor.code")
         << Raw("</label>\n<p class=\"ds-paragraph kb-muted\" id=\"code-hint\">") << t(hint_key) << Raw("</p>\n");
    if (invalid) {
        html << Raw("<p class=\"ds-validation-message kb-field-error\" data-color=\"danger\" id=\"code-error\">")
             << t(form.error_key) << Raw("</p>\n");
    }
    html << Raw("<input class=\"ds-input kb-code-input\" id=\"code\" name=\"code\" type=\"text\" ")
         << Raw("autocomplete=\"one-time-code\" autocapitalize=\"none\" spellcheck=\"false\" required ")
         << Raw("aria-describedby=\"code-hint") << Raw(invalid ? " code-error\" aria-invalid=\"true\"" : "\"")
         << Raw(">\n</div>\n");
}

void StartForm(Html& html, std::string_view action, const SecondStepForm& form) {
    html << Raw("<form method=\"post\" action=\"") << action << Raw("\" class=\"kb-form\" novalidate>\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << form.csrf_token << Raw("\">\n");
}

void CancelLink(Html& html, const Translator& t) {
    html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/logga-in\">") << t("second_factor.start_over")
         << Raw("</a></p>\n");
}

}  // namespace

Html SecondStepCodeContent(const Translator& t, const SecondStepForm& form) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n");
    Heading(html, 1, t("second_factor.code_heading"));
    if (!form.error_key.empty()) ErrorSummary(html, t, form.error_key, "code", "second_factor.error_summary");
    Paragraph(html, t("second_factor.code_intro"));
    StartForm(html, "/logga-in/kod", form);
    CodeField(html, t, form, "second_factor.code_hint");
    html << Raw("<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">") << t("second_factor.submit")
         << Raw("</button>\n</form>\n");
    Paragraph(html, t("second_factor.lost_phone"));
    CancelLink(html, t);
    html << Raw("</div>\n");
    return html;
}

Html EnrolmentContent(const Translator& t, const EnrolmentForm& enrolment) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n");
    Heading(html, 1, t("second_factor.enrol_heading"));
    if (!enrolment.form.error_key.empty())
        ErrorSummary(html, t, enrolment.form.error_key, "code", "second_factor.error_summary");
    Paragraph(html, t("second_factor.enrol_why"));
    html << Raw("<ol class=\"ds-list kb-steps\">\n<li>") << t("second_factor.enrol_install") << Raw("</li>\n<li>")
         << t("second_factor.enrol_scan") << Raw("\n<div class=\"kb-qr-box\">");
    QrCodeSvg(html, enrolment.uri, t("second_factor.qr_label"));
    html << Raw("</div>\n<p class=\"ds-paragraph\">") << t("second_factor.enrol_type")
         << Raw("</p>\n<p class=\"ds-paragraph\"><code class=\"kb-secret\" ") << Raw("aria-label=\"")
         << t("second_factor.secret_label") << Raw("\">") << totp::GroupedForReading(enrolment.secret)
         << Raw("</code></p>\n</li>\n<li>") << t("second_factor.enrol_confirm") << Raw("</li>\n</ol>\n");
    StartForm(html, "/logga-in/aktivera-app", enrolment.form);
    CodeField(html, t, enrolment.form, "second_factor.enrol_code_hint");
    html << Raw("<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">")
         << t("second_factor.enrol_submit") << Raw("</button>\n</form>\n");
    CancelLink(html, t);
    html << Raw("</div>\n");
    return html;
}

Html RecoveryCodesContent(const Translator& t, const std::vector<std::string>& codes, std::string_view onward) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n");
    Heading(html, 1, t("second_factor.codes_heading"));
    html << Raw("<div class=\"ds-alert\" data-color=\"success\" role=\"status\"><p class=\"ds-paragraph\">")
         << t("second_factor.enrolled") << Raw("</p></div>\n");
    Paragraph(html, t("second_factor.codes_intro"));
    html << Raw("<ol class=\"ds-list kb-recovery-codes\">\n");
    for (const std::string& code : codes) html << Raw("<li><code>") << code << Raw("</code></li>\n");
    html << Raw("</ol>\n");
    Paragraph(html, t("second_factor.codes_keep"));
    html << Raw("<p class=\"ds-paragraph kb-no-print\"><a class=\"ds-button\" data-variant=\"primary\" href=\"")
         << onward << Raw("\">") << t("second_factor.continue") << Raw("</a></p>\n</div>\n");
    return html;
}

}  // namespace kronobarn::web::views
