#include "web/views/organisation_pages.hpp"

namespace kronobarn::web::views {
namespace {

std::string KindLabel(const Translator& t, domain::OrganisationKind kind) {
    return std::string(t("organisation.kind." + std::string(domain::Code(kind))));
}

void ChangeForm(Html& html, const Translator& t, const domain::Organisation& organisation,
                const OrganisationFormState& state) {
    const std::string name = "org-" + std::to_string(organisation.id);
    const bool failed = state.error_form == name;
    const TypedValues values = failed ? state.typed : TypedValues{};
    html << Raw("<details class=\"kb-fold\" id=\"form-") << name << Raw("\"") << Raw(failed ? " open" : "")
         << Raw(">\n<summary>") << t.Format("organisation.change", {{"name", organisation.name}})
         << Raw("</summary>\n");
    FormWriter form(html, t, name);
    if (failed) FormErrors(html, t, form, state.errors);
    form.Start("/admin/organisationer/andra", state.csrf_token);
    form.Hidden("organisation_id", std::to_string(organisation.id));
    form.TextInput("name", "organisation.name", ValueOf(values, "name", organisation.name));
    form.TextInput("code",
                   organisation.kind == domain::OrganisationKind::kMunicipality ? "organisation.code.municipality"
                                                                                : "organisation.code.number",
                   ValueOf(values, "code", organisation.code));
    const bool active = failed ? ValueOf(values, "active") == "ja" : organisation.active;
    form.Checkbox("active", "ja", "organisation.active", active);
    form.Submit("organisation.save");
    html << Raw("</form>\n</details>\n");
}

// The organisation's (first) system administrator, who then sets up its units and staff.
void AdministratorForm(Html& html, const Translator& t, const domain::Organisation& organisation,
                       const OrganisationFormState& state) {
    const std::string name = "admin-" + std::to_string(organisation.id);
    const bool failed = state.error_form == name;
    const TypedValues values = failed ? state.typed : TypedValues{};
    html << Raw("<details class=\"kb-fold\" id=\"form-") << name << Raw("\"") << Raw(failed ? " open" : "")
         << Raw(">\n<summary>") << t.Format("organisation.invite_admin", {{"name", organisation.name}})
         << Raw("</summary>\n<p class=\"ds-paragraph\">") << t("organisation.invite_admin.intro") << Raw("</p>\n");
    FormWriter form(html, t, name);
    if (failed) FormErrors(html, t, form, state.errors);
    form.Start("/admin/organisationer/administrator", state.csrf_token);
    form.Hidden("organisation_id", std::to_string(organisation.id));
    form.TextInput("display_name", "staff.name", ValueOf(values, "display_name"));
    form.TextInput("username", "staff.username", ValueOf(values, "username"));
    form.TextInput("email", "staff.email", ValueOf(values, "email"), "email");
    form.TextInput("phone", "staff.phone", ValueOf(values, "phone"), "tel");
    form.Submit("organisation.invite_admin.submit", false);
    html << Raw("</form>\n</details>\n");
}

void Card(Html& html, const Translator& t, const domain::Organisation& organisation,
          const OrganisationFormState& state) {
    html << Raw("<li class=\"kb-card\">\n<h3 class=\"ds-heading\" data-size=\"xs\">") << organisation.name
         << Raw("</h3>\n<dl class=\"kb-card-facts\">\n<dt>") << t("organisation.kind") << Raw("</dt><dd>")
         << KindLabel(t, organisation.kind) << Raw("</dd>\n<dt>") << t("organisation.code") << Raw("</dt><dd>")
         << (organisation.code.empty() ? std::string(t("organisation.code.none")) : organisation.code)
         << Raw("</dd>\n<dt>") << t("organisation.status") << Raw("</dt><dd>")
         << t(organisation.active ? "organisation.status.active" : "organisation.status.inactive")
         << Raw("</dd>\n</dl>\n");
    ChangeForm(html, t, organisation, state);
    if (organisation.active) AdministratorForm(html, t, organisation, state);
    html << Raw("</li>\n");
}

}  // namespace

Html OrganisationsContent(const Translator& t, const std::vector<domain::Organisation>& organisations,
                          const OrganisationFormState& state) {
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">") << t("organisation.heading") << Raw("</h1>\n")
         << Raw("<p class=\"ds-paragraph\">") << t("organisation.intro") << Raw("</p>\n");
    if (!state.notice_key.empty()) Alert(html, t, "success", state.notice_key);
    if (state.invitation) OneTimeLink(html, t, *state.invitation);

    html << Raw("<section class=\"kb-section\" aria-labelledby=\"new-heading\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"new-heading\">") << t("organisation.new")
         << Raw("</h2>\n");
    const bool failed = state.error_form == "new";
    const TypedValues values = failed ? state.typed : TypedValues{};
    FormWriter form(html, t, "new");
    if (failed) FormErrors(html, t, form, state.errors);
    form.Start("/admin/organisationer", state.csrf_token);
    form.TextInput("name", "organisation.name", ValueOf(values, "name"));
    std::vector<Option> kinds{{"", std::string(t("organisation.kind.choose"))}};
    for (const auto kind : domain::AllOrganisationKinds())
        kinds.push_back({std::string(domain::Code(kind)), KindLabel(t, kind)});
    form.Select("kind", "organisation.kind", kinds, ValueOf(values, "kind"));
    form.TextInput("code", "organisation.code.either", ValueOf(values, "code"));
    form.Submit("organisation.create");
    html << Raw("</form>\n</section>\n");

    html << Raw("<section class=\"kb-section\" aria-labelledby=\"list-heading\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"list-heading\">")
         << t.Format("organisation.list", {{"count", std::to_string(organisations.size())}}) << Raw("</h2>\n")
         << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& organisation : organisations) Card(html, t, organisation, state);
    html << Raw("</ul>\n</section>\n");
    return html;
}

}  // namespace kronobarn::web::views
