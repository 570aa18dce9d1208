#include "web/views/plan_pages.hpp"

namespace kronobarn::web::views {
namespace {

std::string PartyList(const domain::Consent& consent) {
    std::string out;
    for (const auto& party : consent.parties) out += (out.empty() ? "" : ", ") + party.name;
    return out;
}

void ConsentRow(Html& html, const Translator& t, const app::ConsentItem& item, const FormPageState& state) {
    const domain::Consent& consent = item.consent;
    const std::string id = std::to_string(consent.id);
    html << Raw("<article class=\"ds-card kb-section\" aria-labelledby=\"consent-") << id << Raw("\">\n")
         << Raw("<h3 class=\"ds-heading\" data-size=\"xs\" id=\"consent-") << id << Raw("\">") << consent.purpose
         << Raw("</h3>\n<p class=\"ds-paragraph\"><strong>")
         << t(std::string("consent.state.") + std::string(domain::Code(item.state))) << Raw("</strong>");
    if (item.state == domain::ConsentState::kInForce && item.days_to_expiry <= 30) {
        html << Raw(" — ") << t.Format("consent.expires_in", {{"days", std::to_string(item.days_to_expiry)}});
    }
    html << Raw("</p>\n<table class=\"ds-table kb-facts\">\n<tbody>\n");
    auto row = [&](std::string_view key, std::string_view value) {
        html << Raw("<tr><th scope=\"row\">") << t(key) << Raw("</th><td>") << value << Raw("</td></tr>\n");
    };
    std::string units;
    for (const auto& name : item.unit_names) units += (units.empty() ? "" : ", ") + name;
    row("consent.units", units);
    std::string categories;
    for (auto category : consent.categories) {
        categories += (categories.empty() ? "" : ", ") +
                      std::string(t(std::string("consent.category.") + std::string(domain::Code(category))));
    }
    row("consent.categories", categories);
    row("consent.period", t.LongDate(consent.valid_from) + " – " + t.LongDate(consent.valid_to));
    row(consent.refused ? "consent.refused_by" : "consent.parties", PartyList(consent));
    row("consent.form", std::string(t(std::string("consent.form.") + std::string(domain::Code(consent.form)))) +
                            (consent.documented_by.empty() ? "" : " (" + consent.documented_by + ")"));
    if (consent.withdrawn_at) {
        row("consent.withdrawn", t.LocalDateTime(*consent.withdrawn_at) + " — " + consent.withdrawn_on_word_of);
    }
    html << Raw("</tbody>\n</table>\n");
    if (!consent.withdrawn_at && !consent.refused) {
        const std::string field = "on_word_of_" + id;
        if (state.error_form == "withdraw_" + id) Alert(html, t, "danger", state.error_key);
        FormWriter f(html, t);
        f.Start("/samtycken/" + id + "/aterkalla", state.csrf_token);
        f.TextInput(field, "consent.withdraw.on_word_of", "");
        f.Submit("consent.withdraw.submit", false);
    }
    html << Raw("</article>\n");
}

}  // namespace

Html ConsentPageContent(const Translator& t, const app::ConsentPage& page, const FormPageState& state) {
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">")
         << t.Format("consent.heading", {{"name", page.child_name}}) << Raw("</h1>\n<p class=\"ds-paragraph\">")
         << t("consent.intro") << Raw("</p>\n");
    if (!state.notice_key.empty()) Alert(html, t, "success", state.notice_key);
    if (page.open_plan) {
        html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/planer/") << std::to_string(*page.open_plan)
             << Raw("\">") << t("plan.back") << Raw("</a></p>\n");
    }
    html << Raw("<section class=\"kb-section\" aria-labelledby=\"consents-heading\">\n<h2 class=\"ds-heading\" ")
         << Raw("data-size=\"sm\" id=\"consents-heading\">") << t("consent.list_heading") << Raw("</h2>\n");
    if (page.consents.empty()) {
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("consent.empty") << Raw("</p>\n");
    }
    for (const auto& item : page.consents) ConsentRow(html, t, item, state);
    html << Raw("</section>\n");

    const TypedValues v = state.error_form == "record" ? state.typed : TypedValues{};
    html << Raw("<section class=\"kb-section\" aria-labelledby=\"record-heading\">\n<h2 class=\"ds-heading\" ")
         << Raw("data-size=\"sm\" id=\"record-heading\">") << t("consent.record_heading") << Raw("</h2>\n");
    if (state.error_form == "record") Alert(html, t, "danger", state.error_key);
    if (page.guardians.empty()) {
        html << Raw("<p class=\"ds-paragraph\">") << t("consent.no_guardians") << Raw("</p>\n");
    }
    UnitAreaChooser(html, t, page.unit_scope, "/barn/" + std::to_string(page.child_id) + "/samtycken", "record-heading",
                    "consent");
    FormWriter f(html, t);
    f.Start("/barn/" + std::to_string(page.child_id) + "/samtycken", state.csrf_token);
    f.TextArea("purpose", "consent.purpose", ValueOf(v, "purpose"), 2);
    f.Select("answer", "consent.answer",
             {{"given", std::string(t("consent.answer.given"))}, {"refused", std::string(t("consent.answer.refused"))}},
             ValueOf(v, "answer", "given"));
    html << Raw("<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-label\">") << t("consent.who_answered")
         << Raw("</legend>\n");
    for (const auto& guardian : page.guardians) {
        const std::string id = std::to_string(guardian.id);
        html
            << Raw("<div class=\"ds-field kb-check\"><input class=\"ds-input\" type=\"checkbox\" name=\"guardian_id\" ")
            << Raw("id=\"guardian_") << id << Raw("\" value=\"") << id << Raw("\"")
            << Raw(ValueOf(v, "guardian_" + id) == "ja" ? " checked" : "") << Raw("><label class=\"ds-label\" for=\"")
            << Raw("guardian_") << id << Raw("\">") << guardian.given_name << " " << guardian.family_name
            << Raw("</label></div>\n");
    }
    if (page.ask_the_child) {
        f.Checkbox("child_consented", "ja", "consent.child_consented", ValueOf(v, "child_consented") == "ja");
        f.Checkbox("child_assessed_mature", "ja", "consent.child_mature", ValueOf(v, "child_assessed_mature") == "ja");
        f.TextInput("maturity_note", "consent.maturity_note", ValueOf(v, "maturity_note"));
    }
    html << Raw("</fieldset>\n<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-label\">") << t("consent.units")
         << Raw("</legend>\n<div class=\"kb-choices\">\n");
    for (const auto& unit : page.units) {
        const std::string id = std::to_string(unit.id);
        html << Raw("<div class=\"ds-field kb-check\"><input class=\"ds-input\" type=\"checkbox\" name=\"unit_id\" ")
             << Raw("id=\"unit_") << id << Raw("\" value=\"") << id << Raw("\"")
             << Raw(ValueOf(v, "unit_" + id) == "ja" ? " checked" : "") << Raw("><label class=\"ds-label\" for=\"unit_")
             << id << Raw("\">") << unit.name << Raw("</label></div>\n");
    }
    html << Raw("</div>\n</fieldset>\n<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-label\">")
         << t("consent.categories") << Raw("</legend>\n");
    for (auto category : domain::AllDataCategories()) {
        const std::string code(domain::Code(category));
        f.Checkbox("category", code, "consent.category." + code, ValueOf(v, "category_" + code) == "ja", code);
    }
    html << Raw("</fieldset>\n");
    f.TextInput("valid_from", "consent.valid_from", ValueOf(v, "valid_from", state.today), "date");
    f.TextInput("valid_to", "consent.valid_to", ValueOf(v, "valid_to"), "date");
    f.Select("form", "consent.form",
             {{"written", std::string(t("consent.form.written"))}, {"oral", std::string(t("consent.form.oral"))}},
             ValueOf(v, "form", "written"));
    f.TextInput("documented_by", "consent.documented_by", ValueOf(v, "documented_by"));
    f.Submit("consent.record_submit");
    html << Raw("</section>\n");
    return html;
}

}  // namespace kronobarn::web::views
