#include "web/views/notification_pages.hpp"

#include "web/views/family_parts.hpp"

namespace kronobarn::web::views {
namespace {

using family_parts::Heading;
using family_parts::Paragraph;

constexpr domain::Delivery kDeliveries[] = {domain::Delivery::kAtOnce, domain::Delivery::kDailyDigest,
                                            domain::Delivery::kOff};

// One kind of event: a fieldset of radios (a duty has no "off"), the current choice checked, or what
// was sent after an error.
void Choice(Html& html, const Translator& t, const app::NotificationChoice& choice,
            const NotificationSettingsState& state) {
    const std::string code(choice.type->code);
    const std::string name = "kind_" + code;
    std::string selected = ValueOf(state.typed, name, std::string(domain::Code(choice.delivery)));
    // A choice the form does not offer (off for a duty, a made-up one) shows the current one again.
    if (!domain::ParseDelivery(selected) || (choice.type->duty && selected == "off")) {
        selected = std::string(domain::Code(choice.delivery));
    }
    const bool invalid = state.error_field == name;
    html << Raw("<fieldset class=\"ds-fieldset kb-checks\" id=\"") << name << Raw("\"")
         << Raw(invalid ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "")
         << Raw(">\n<legend class=\"ds-label\">") << t(state.key_prefix + "notify.kind." + code) << Raw("</legend>\n");
    if (choice.type->duty) {
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t(state.key_prefix + "notify.settings.duty")
             << Raw("</p>\n");
    }
    if (invalid) {
        html << Raw("<p class=\"ds-validation-message kb-field-error\" data-color=\"danger\" id=\"") << name
             << Raw("-error\">") << t(state.key_prefix + state.error_key) << Raw("</p>\n");
    }
    for (const auto delivery : kDeliveries) {
        if (delivery == domain::Delivery::kOff && choice.type->duty) continue;
        const std::string value(domain::Code(delivery));
        const std::string id = name + "_" + value;
        html << Raw("<div class=\"ds-field kb-check\"><input class=\"ds-input\" type=\"radio\" name=\"") << name
             << Raw("\" id=\"") << id << Raw("\" value=\"") << value << Raw("\"")
             << Raw(value == selected ? " checked" : "") << Raw("><label class=\"ds-label\" for=\"") << id << Raw("\">")
             << t(state.key_prefix + "notify.delivery." + value) << Raw("</label></div>\n");
    }
    html << Raw("</fieldset>\n");
}

// The mail server's answer in the reader's words (its own text, in English, follows it): away,
// refused for good (5xx), or busy (4xx).
std::string_view ReasonKey(const std::string& error) {
    if (error.find("(5") != std::string::npos) return "notify.failed.reason.refused";
    if (error.find("(4") != std::string::npos) return "notify.failed.reason.busy";
    if (error.find("connect") != std::string::npos || error.find("imeout") != std::string::npos ||
        error.find("resolve") != std::string::npos) {
        return "notify.failed.reason.unreachable";
    }
    return "notify.failed.reason.other";
}

}  // namespace

Html NotificationSettingsContent(const Translator& t, const app::NotificationSettingsPage& page,
                                 const NotificationSettingsState& state) {
    const std::string& p = state.key_prefix;
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n");
    Heading(html, 1, t(p + "notify.settings.heading"));
    if (!state.error_key.empty())
        ErrorSummary(html, t, p + state.error_key, state.error_field, p + "notify.settings.error_summary");
    if (!state.notice_key.empty()) {
        html << Raw("<div class=\"ds-alert\" data-color=\"success\" role=\"status\"><p class=\"ds-paragraph\">")
             << t(p + state.notice_key) << Raw("</p></div>\n");
    }
    Paragraph(html, t(p + "notify.settings.intro"));
    html << Raw("<form method=\"post\" action=\"") << state.action << Raw("\" class=\"kb-form\" novalidate>\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << state.csrf_token << Raw("\">\n");
    if (page.email_editable) {
        const bool invalid = state.error_field == "email";
        html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"email\">")
             << t(p + "notify.settings.email") << Raw("</label>\n<p class=\"ds-paragraph kb-muted\" id=\"email-hint\">")
             << t(p + "notify.settings.email_hint") << Raw("</p>\n");
        if (invalid) {
            html << Raw("<p class=\"ds-validation-message kb-field-error\" data-color=\"danger\" id=\"email-error\">")
                 << t(p + state.error_key) << Raw("</p>\n");
        }
        html << Raw("<input class=\"ds-input\" id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" ")
             << Raw("spellcheck=\"false\" dir=\"ltr\" aria-describedby=\"email-hint")
             << Raw(invalid ? " email-error\" aria-invalid=\"true\"" : "\"") << Raw(" value=\"")
             << ValueOf(state.typed, "email", page.email) << Raw("\">\n</div>\n");
    } else if (page.email.empty()) {
        Paragraph(html, t(p + "notify.settings.no_email"));
    } else {
        html << Raw("<p class=\"ds-paragraph\">") << t(p + "notify.settings.sent_to") << Raw(" <span dir=\"ltr\">")
             << page.email << Raw("</span></p>\n");
    }
    for (const auto& choice : page.choices) Choice(html, t, choice, state);
    html << Raw("<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">")
         << t(p + "notify.settings.save") << Raw("</button>\n</form>\n</div>\n");
    return html;
}

Html FailedDeliveriesContent(const Translator& t, const std::vector<app::FailedDelivery>& failed) {
    Html html;
    Heading(html, 1, t("notify.failed.heading"));
    Paragraph(html, t("notify.failed.intro"));
    if (failed.empty()) {
        Paragraph(html, t("notify.failed.none"));
        return html;
    }
    // Stacked on a narrow screen (kb-stack): each cell says what it is.
    static constexpr std::string_view kColumns[] = {"recipient", "address", "kind", "written", "attempts", "error"};
    html << Raw("<div class=\"kb-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
         << t("notify.failed.heading") << Raw("\">\n<table class=\"ds-table kb-stack\">\n<thead><tr>");
    for (const auto column : kColumns) {
        html << Raw("<th scope=\"col\">") << t("notify.failed." + std::string(column)) << Raw("</th>");
    }
    html << Raw("</tr></thead>\n<tbody>\n");
    for (const auto& delivery : failed) {
        const auto& message = delivery.message;
        const bool given_up = message.attempts >= domain::kMaxDeliveryAttempts;
        const auto cell = [&](std::size_t column) {
            html << Raw("<td data-label=\"") << t("notify.failed." + std::string(kColumns[column])) << Raw("\">");
        };
        html << Raw("<tr>");
        cell(0);
        html << delivery.recipient << Raw("</td>");
        cell(1);
        html << Raw("<span dir=\"ltr\" class=\"kb-break\">") << message.notification.address << Raw("</span></td>");
        cell(2);
        html << t("notify.kind." + std::string(domain::TypeOf(message.notification.kind).code)) << Raw("</td>");
        cell(3);
        html << t.LocalDateTime(message.created_at) << Raw("</td>");
        cell(4);
        html << t.Format(given_up ? "notify.failed.given_up" : "notify.failed.trying",
                         {{"count", std::to_string(message.attempts)}})
             << Raw("</td>");
        cell(5);
        html << t(ReasonKey(message.last_error)) << Raw("<br><span class=\"kb-break kb-muted\" lang=\"en\">")
             << message.last_error << Raw("</span></td></tr>\n");
    }
    html << Raw("</tbody>\n</table>\n</div>\n");
    return html;
}

}  // namespace kronobarn::web::views
