#include "web/views/staff_pages.hpp"

#include "web/views/form_fields.hpp"

namespace kronobarn::web::views {
namespace {

void Card(Html& html, const Translator& t, const app::StaffMember& member, const StaffFormState& state) {
    const auto& account = member.account;
    html << Raw("<li class=\"kb-card\">\n<h3 class=\"ds-heading\" data-size=\"xs\">") << account.display_name
         << Raw("</h3>\n<dl class=\"kb-card-facts\">\n<dt>") << t("staff.username") << Raw("</dt><dd>")
         << account.username << Raw("</dd>\n<dt>") << t("staff.roles") << Raw("</dt><dd><ul class=\"ds-list\">");
    for (const auto& [role, unit] : member.roles) {
        html << Raw("<li>") << t("role." + std::string(domain::Code(role))) << " – " << unit << Raw("</li>");
    }
    html << Raw("</ul></dd>\n<dt>") << t("staff.status") << Raw("</dt><dd>")
         << t(account.disabled ? "staff.status.closed" : "staff.status.open") << Raw("</dd>\n</dl>\n");
    if (member.is_me) {
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("staff.is_me") << Raw("</p>\n");
    } else {
        html << Raw("<form method=\"post\" action=\"/admin/personal/konto\" class=\"kb-form\">\n")
             << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << state.csrf_token << Raw("\">\n")
             << Raw("<input type=\"hidden\" name=\"user_id\" value=\"") << std::to_string(account.id) << Raw("\">\n")
             << Raw("<input type=\"hidden\" name=\"open\" value=\"") << (account.disabled ? "ja" : "nej")
             << Raw("\">\n<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">")
             << t.Format(account.disabled ? "staff.open" : "staff.close", {{"name", account.display_name}})
             << Raw("</button>\n</form>\n");
    }
    html << Raw("</li>\n");
}

}  // namespace

Html StaffContent(const Translator& t, const app::StaffPage& page, const StaffFormState& state) {
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">")
         << t.Format("staff.heading", {{"organisation", page.organisation_name}}) << Raw("</h1>\n")
         << Raw("<p class=\"ds-paragraph\">") << t("staff.intro") << Raw("</p>\n");
    if (!state.notice_key.empty()) Alert(html, t, "success", state.notice_key);
    if (!state.error_key.empty()) ErrorSummary(html, t, state.error_key, "");
    html << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& member : page.staff) Card(html, t, member, state);
    html << Raw("</ul>\n");
    return html;
}

}  // namespace kronobarn::web::views
