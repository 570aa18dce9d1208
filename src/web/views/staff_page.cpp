#include "web/views/staff_pages.hpp"

namespace kronobarn::web::views {
namespace {

std::string RoleLabel(const Translator& t, domain::Role role) {
    return std::string(t("role." + std::string(domain::Code(role))));
}

// " (from 1 January 2027)", " (to 30 June 2027)", " (1 January – 30 June 2027)", or nothing.
std::string PeriodOf(const Translator& t, const app::StaffRole& role) {
    if (role.from && role.to) {
        return " (" + t.Format("staff.period.both", {{"from", t.LongDate(*role.from)}, {"to", t.LongDate(*role.to)}}) +
               ")";
    }
    if (role.from) return " (" + t.Format("staff.period.from", {{"date", t.LongDate(*role.from)}}) + ")";
    if (role.to) return " (" + t.Format("staff.period.to", {{"date", t.LongDate(*role.to)}}) + ")";
    return "";
}

std::vector<Option> UnitOptions(const Translator& t, const app::StaffPage& page) {
    std::vector<Option> units{{"", std::string(t("staff.unit.choose"))}};
    for (const auto& unit : page.units) units.push_back({std::to_string(unit.id), unit.name});
    return units;
}

std::vector<Option> RoleOptions(const Translator& t, const app::StaffPage& page) {
    std::vector<Option> roles{{"", std::string(t("staff.role.choose"))}};
    for (const auto role : page.roles_given) roles.push_back({std::string(domain::Code(role)), RoleLabel(t, role)});
    return roles;
}

// A one-button form about one account: the action's path and what the button says.
void AccountButton(Html& html, const StaffFormState& state, std::string_view action, domain::UserId user,
                   std::string_view label,
                   std::initializer_list<std::pair<std::string_view, std::string>> fields = {}) {
    html << Raw("<form method=\"post\" action=\"") << action << Raw("\" class=\"kb-inline-form\">\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << state.csrf_token << Raw("\">\n")
         << Raw("<input type=\"hidden\" name=\"user_id\" value=\"") << std::to_string(user) << Raw("\">\n");
    for (const auto& [name, value] : fields) {
        html << Raw("<input type=\"hidden\" name=\"") << name << Raw("\" value=\"") << value << Raw("\">\n");
    }
    html << Raw("<button class=\"ds-button\" data-variant=\"secondary\" data-size=\"sm\" type=\"submit\">") << label
         << Raw("</button>\n</form>\n");
}

void NewAccountForm(Html& html, const Translator& t, const app::StaffPage& page, const StaffFormState& state) {
    html << Raw("<section class=\"kb-section\" aria-labelledby=\"new-heading\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"new-heading\">") << t("staff.new") << Raw("</h2>\n")
         << Raw("<p class=\"ds-paragraph\">") << t("staff.new.intro") << Raw("</p>\n");
    const bool failed = state.error_form == "new";
    const TypedValues values = failed ? state.typed : TypedValues{};
    FormWriter form(html, t, "new");
    if (failed) FormErrors(html, t, form, state.errors);
    form.Start("/admin/personal", state.csrf_token);
    form.TextInput("display_name", "staff.name", ValueOf(values, "display_name"));
    form.TextInput("username", "staff.username", ValueOf(values, "username"));
    form.TextInput("email", "staff.email", ValueOf(values, "email"), "email");
    form.TextInput("phone", "staff.phone", ValueOf(values, "phone"), "tel");
    form.Select("unit_id", "staff.unit", UnitOptions(t, page), ValueOf(values, "unit_id"));
    form.Select("role", "staff.role", RoleOptions(t, page), ValueOf(values, "role"));
    form.Submit("staff.create");
    html << Raw("</form>\n</section>\n");
}

void AddRoleForm(Html& html, const Translator& t, const app::StaffPage& page, const app::StaffMember& member,
                 const StaffFormState& state) {
    const std::string name = "role-" + std::to_string(member.account.id);
    const bool failed = state.error_form == name;
    const TypedValues values = failed ? state.typed : TypedValues{};
    html << Raw("<details class=\"kb-fold\" id=\"form-") << name << Raw("\"") << Raw(failed ? " open" : "")
         << Raw(">\n<summary>") << t.Format("staff.add_role", {{"name", member.account.display_name}})
         << Raw("</summary>\n");
    FormWriter form(html, t, name);
    if (failed) FormErrors(html, t, form, state.errors);
    form.Start("/admin/personal/roller", state.csrf_token);
    form.Hidden("user_id", std::to_string(member.account.id));
    form.Select("unit_id", "staff.unit", UnitOptions(t, page), ValueOf(values, "unit_id"));
    form.Select("role", "staff.role", RoleOptions(t, page), ValueOf(values, "role"));
    form.TextInput("valid_from", "staff.valid_from", ValueOf(values, "valid_from"), "date");
    form.TextInput("valid_to", "staff.valid_to", ValueOf(values, "valid_to"), "date");
    form.Submit("staff.add_role.submit", false);
    html << Raw("</form>\n</details>\n");
}

void Card(Html& html, const Translator& t, const app::StaffPage& page, const app::StaffMember& member,
          const StaffFormState& state) {
    const auto& account = member.account;
    html << Raw("<li class=\"kb-card\">\n<h3 class=\"ds-heading\" data-size=\"xs\">") << account.display_name
         << Raw("</h3>\n<dl class=\"kb-card-facts\">\n<dt>") << t("staff.username") << Raw("</dt><dd>")
         << account.username << Raw("</dd>\n<dt>") << t("staff.email") << Raw("</dt><dd>")
         << (account.email.empty() ? std::string(t("staff.not_given")) : account.email) << Raw("</dd>\n<dt>")
         << t("staff.phone_short") << Raw("</dt><dd>")
         << (account.phone.empty() ? std::string(t("staff.not_given")) : account.phone) << Raw("</dd>\n<dt>")
         << t("staff.status") << Raw("</dt><dd>") << t(account.disabled ? "staff.status.closed" : "staff.status.open")
         << Raw("</dd>\n</dl>\n") << Raw("<h4 class=\"ds-heading\" data-size=\"2xs\">") << t("staff.roles")
         << Raw("</h4>\n") << Raw("<ul class=\"kb-role-list\">\n");
    for (const auto& role : member.roles) {
        const std::string label = RoleLabel(t, role.role) + " – " + role.unit_name + PeriodOf(t, role);
        html << Raw("<li><span>") << label << Raw("</span>\n");
        if (member.roles.size() > 1) {
            AccountButton(html, state, "/admin/personal/roller/ta-bort", account.id,
                          t.Format("staff.remove_role", {{"role", label}}),
                          {{"unit_id", std::to_string(role.unit_id)}, {"role", std::string(domain::Code(role.role))}});
        }
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
    AddRoleForm(html, t, page, member, state);
    if (member.is_me) {
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("staff.is_me") << Raw("</p>\n");
    } else {
        html << Raw("<div class=\"kb-actions\">\n");
        if (!account.disabled) {
            AccountButton(html, state, "/admin/personal/aktiveringslank", account.id,
                          t.Format("staff.new_link", {{"name", account.display_name}}));
        }
        if (member.has_app) {
            AccountButton(html, state, "/admin/personal/tvastegsverifiering", account.id,
                          t.Format("staff.reset_second_factor", {{"name", account.display_name}}));
        }
        AccountButton(html, state, "/admin/personal/konto", account.id,
                      t.Format(account.disabled ? "staff.open" : "staff.close", {{"name", account.display_name}}),
                      {{"open", account.disabled ? "ja" : "nej"}});
        html << Raw("</div>\n");
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
    if (state.invitation) OneTimeLink(html, t, *state.invitation);
    NewAccountForm(html, t, page, state);
    html << Raw("<section class=\"kb-section\" aria-labelledby=\"list-heading\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"list-heading\">")
         << t.Format("staff.list", {{"count", std::to_string(page.staff.size())}}) << Raw("</h2>\n")
         << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& member : page.staff) Card(html, t, page, member, state);
    html << Raw("</ul>\n</section>\n");
    return html;
}

}  // namespace kronobarn::web::views
