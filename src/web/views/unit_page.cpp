#include "web/views/unit_pages.hpp"

namespace kronobarn::web::views {
namespace {

std::string KindLabel(const Translator& t, domain::UnitKind kind) {
    return std::string(t("unit.kind." + std::string(domain::Code(kind))));
}

std::string AreaLabel(const Translator& t, const std::string& area) {
    return area.empty() ? std::string(t("unit.area.county")) : area;
}

std::string OrNotGiven(const Translator& t, const std::string& value) {
    return value.empty() ? std::string(t("unit.not_given")) : value;
}

// The municipalities to choose from, the unit's own first when nobody else serves it.
std::vector<Option> AreaOptions(const Translator& t, const app::UnitsPage& page, const std::string& current) {
    std::vector<Option> areas{{"", std::string(t("unit.area.county"))}};
    bool listed = current.empty();
    for (const auto& area : page.areas) {
        areas.push_back({area, area});
        listed = listed || area == current;
    }
    if (!listed) areas.push_back({current, current});
    return areas;
}

// The fields both forms share; `unit` gives the values shown before anything was typed.
void CommonFields(FormWriter& form, const Translator& t, const app::UnitsPage& page, const TypedValues& values,
                  const domain::Unit& unit) {
    form.TextInput("name", "unit.name", ValueOf(values, "name", unit.name));
    form.Select("area", "unit.area", AreaOptions(t, page, unit.area), ValueOf(values, "area", unit.area));
    form.TextInput("external_id", "unit.external_id", ValueOf(values, "external_id", unit.external_id));
    form.TextInput("phone", "unit.phone", ValueOf(values, "phone", unit.phone), "tel");
    form.TextInput("email", "unit.email", ValueOf(values, "email", unit.email), "email");
    form.TextInput("active_from", "unit.active_from",
                   ValueOf(values, "active_from", unit.active_from ? FormatDate(*unit.active_from) : ""), "date");
}

void NewUnitForm(Html& html, const Translator& t, const app::UnitsPage& page, const UnitFormState& state) {
    html << Raw("<section class=\"kb-section\" aria-labelledby=\"new-heading\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"new-heading\">") << t("unit.new") << Raw("</h2>\n");
    const bool failed = state.error_form == "new";
    const TypedValues values = failed ? state.typed : TypedValues{};
    FormWriter form(html, t, "new");
    if (failed) FormErrors(html, t, form, state.errors);
    form.Start("/admin/enheter", state.csrf_token);
    std::vector<Option> kinds{{"", std::string(t("unit.kind.choose"))}};
    for (const auto kind : page.kinds) kinds.push_back({std::string(domain::Code(kind)), KindLabel(t, kind)});
    form.Select("kind", "unit.kind", kinds, ValueOf(values, "kind"));
    CommonFields(form, t, page, values, domain::Unit{});
    form.Submit("unit.create");
    html << Raw("</form>\n</section>\n");
}

void ChangeForm(Html& html, const Translator& t, const app::UnitsPage& page, const domain::Unit& unit,
                const UnitFormState& state) {
    const std::string name = "unit-" + std::to_string(unit.id);
    const bool failed = state.error_form == name;
    const TypedValues values = failed ? state.typed : TypedValues{};
    html << Raw("<details class=\"kb-fold\" id=\"form-") << name << Raw("\"") << Raw(failed ? " open" : "")
         << Raw(">\n<summary>") << t.Format("unit.change", {{"name", unit.name}}) << Raw("</summary>\n");
    FormWriter form(html, t, name);
    if (failed) FormErrors(html, t, form, state.errors);
    form.Start("/admin/enheter/andra", state.csrf_token);
    form.Hidden("unit_id", std::to_string(unit.id));
    CommonFields(form, t, page, values, unit);
    form.Submit("unit.save");
    html << Raw("</form>\n</details>\n");
}

// Merging the unit into another open unit of its kind: what moves, and what does not (consents).
void MergeForm(Html& html, const Translator& t, const app::UnitsPage& page, const domain::Unit& unit,
               const UnitFormState& state) {
    std::vector<Option> targets{{"", std::string(t("unit.merge.choose"))}};
    for (const auto& other : page.units) {
        if (other.id != unit.id && other.IsOpen() && other.kind == unit.kind) {
            targets.push_back({std::to_string(other.id), other.name});
        }
    }
    if (targets.size() == 1) return;  // nothing of its kind to merge into
    const std::string name = "merge-" + std::to_string(unit.id);
    const bool failed = state.error_form == name;
    html << Raw("<details class=\"kb-fold\" id=\"form-") << name << Raw("\"") << Raw(failed ? " open" : "")
         << Raw(">\n<summary>") << t.Format("unit.merge", {{"name", unit.name}}) << Raw("</summary>\n")
         << Raw("<p class=\"ds-paragraph\">") << t("unit.merge.what_moves") << Raw("</p>\n")
         << Raw("<p class=\"ds-paragraph\">") << t("unit.merge.consents") << Raw("</p>\n");
    FormWriter form(html, t, name);
    if (failed) FormErrors(html, t, form, state.errors);
    form.Start("/admin/enheter/sla-ihop", state.csrf_token);
    form.Hidden("unit_id", std::to_string(unit.id));
    form.Select("into_unit_id", "unit.merge.into", targets, failed ? ValueOf(state.typed, "into_unit_id") : "");
    form.Submit("unit.merge.submit");
    html << Raw("</form>\n</details>\n");
}

void OpenOrCloseButton(Html& html, const Translator& t, const domain::Unit& unit, const UnitFormState& state) {
    html << Raw("<form method=\"post\" action=\"")
         << Raw(unit.IsOpen() ? "/admin/enheter/stang" : "/admin/enheter/oppna")
         << Raw("\" class=\"kb-inline-form\">\n<input type=\"hidden\" name=\"csrf_token\" value=\"") << state.csrf_token
         << Raw("\">\n<input type=\"hidden\" name=\"unit_id\" value=\"") << std::to_string(unit.id)
         << Raw("\">\n<button class=\"ds-button\" data-variant=\"secondary\" data-size=\"sm\" type=\"submit\">")
         << t.Format(unit.IsOpen() ? "unit.close" : "unit.reopen", {{"name", unit.name}})
         << Raw("</button>\n</form>\n");
}

void Card(Html& html, const Translator& t, const app::UnitsPage& page, const domain::Unit& unit,
          const UnitFormState& state) {
    html << Raw("<li class=\"kb-card\" id=\"unit-") << std::to_string(unit.id)
         << Raw("\">\n<h3 class=\"ds-heading\" data-size=\"xs\">") << unit.name
         << Raw("</h3>\n<dl class=\"kb-card-facts\">\n<dt>") << t("unit.kind") << Raw("</dt><dd>")
         << KindLabel(t, unit.kind) << Raw("</dd>\n<dt>") << t("unit.area") << Raw("</dt><dd>")
         << AreaLabel(t, unit.area) << Raw("</dd>\n<dt>") << t("unit.external_id") << Raw("</dt><dd>")
         << OrNotGiven(t, unit.external_id) << Raw("</dd>\n<dt>") << t("unit.phone") << Raw("</dt><dd>")
         << OrNotGiven(t, unit.phone) << Raw("</dd>\n<dt>") << t("unit.email") << Raw("</dt><dd>")
         << OrNotGiven(t, unit.email) << Raw("</dd>\n<dt>") << t("unit.status") << Raw("</dt><dd>");
    if (unit.active_to) {
        html << t.Format("unit.status.closed", {{"date", t.LongDate(*unit.active_to)}});
    } else if (unit.active_from) {
        html << t.Format("unit.status.open_since", {{"date", t.LongDate(*unit.active_from)}});
    } else {
        html << t("unit.status.open");
    }
    html << Raw("</dd>\n</dl>\n");
    if (unit.IsOpen()) {
        ChangeForm(html, t, page, unit, state);
        MergeForm(html, t, page, unit, state);
    }
    html << Raw("<div class=\"kb-actions\">\n");
    OpenOrCloseButton(html, t, unit, state);
    html << Raw("</div>\n</li>\n");
}

// What must be handed over before the unit can close, each kind on its own line with what to do.
void BlockedClosing(Html& html, const Translator& t, const std::string& unit_name,
                    const store::UnitObligations& blocking) {
    html << Raw("<div class=\"ds-alert kb-error-summary\" data-color=\"danger\" role=\"alert\" tabindex=\"-1\" ")
         << Raw("autofocus>\n<h2 class=\"ds-heading\" data-size=\"2xs\">")
         << t.Format("unit.close_blocked", {{"name", unit_name}}) << Raw("</h2>\n<ul class=\"ds-list\">");
    const std::pair<std::int64_t, std::string_view> lines[] = {
        {blocking.children_held, "unit.blocking.children_held"},
        {blocking.pending_handovers, "unit.blocking.pending_handovers"},
        {blocking.open_plans, "unit.blocking.open_plans"},
        {blocking.open_signals, "unit.blocking.open_signals"},
        {blocking.staff_roles, "unit.blocking.staff_roles"},
    };
    for (const auto& [count, key] : lines) {
        if (count > 0) html << Raw("<li>") << t.Format(key, {{"count", std::to_string(count)}}) << Raw("</li>");
    }
    html << Raw("</ul>\n<p class=\"ds-paragraph\">") << t("unit.close_blocked.who") << Raw("</p>\n</div>\n");
}

// A merge done, where the eye is: what moved, and the consents the guardians are to be asked anew for.
void Merged(Html& html, const Translator& t, const app::UnitMerged& merged) {
    html << Raw("<div class=\"ds-alert\" data-color=\"success\" role=\"status\" tabindex=\"-1\" autofocus>\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"2xs\">")
         << t.Format("unit.merged", {{"from", merged.from_name}, {"into", merged.into_name}})
         << Raw("</h2>\n<ul class=\"ds-list\">");
    const std::pair<std::size_t, std::string_view> lines[] = {
        {merged.children, "unit.merged.children"},
        {merged.plans, "unit.merged.plans"},
        {merged.signals, "unit.merged.signals"},
        {merged.roles, "unit.merged.roles"},
    };
    for (const auto& [count, key] : lines) {
        html << Raw("<li>") << t.Format(key, {{"count", std::to_string(count)}}) << Raw("</li>");
    }
    html << Raw("</ul>\n");
    if (merged.consents_left > 0) {
        html << Raw("<p class=\"ds-paragraph\"><strong>")
             << t.Format("unit.merged.consents_left", {{"count", std::to_string(merged.consents_left)},
                                                       {"from", merged.from_name},
                                                       {"into", merged.into_name}})
             << Raw("</strong></p>\n");
    }
    html << Raw("</div>\n");
}

}  // namespace

Html UnitsContent(const Translator& t, const app::UnitsPage& page, const UnitFormState& state) {
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">")
         << t.Format("unit.heading", {{"organisation", page.organisation_name}}) << Raw("</h1>\n")
         << Raw("<p class=\"ds-paragraph\">") << t("unit.intro") << Raw("</p>\n");
    if (!state.notice_key.empty()) Alert(html, t, "success", state.notice_key);
    if (!state.error_key.empty()) ErrorSummary(html, t, state.error_key, "");
    if (state.merged) Merged(html, t, *state.merged);
    if (state.blocked_closing) BlockedClosing(html, t, state.blocked_closing->first, state.blocked_closing->second);
    NewUnitForm(html, t, page, state);
    html << Raw("<section class=\"kb-section\" aria-labelledby=\"list-heading\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"list-heading\">")
         << t.Format("unit.list", {{"count", std::to_string(page.units.size())}}) << Raw("</h2>\n")
         << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& unit : page.units) Card(html, t, page, unit, state);
    html << Raw("</ul>\n</section>\n");
    return html;
}

}  // namespace kronobarn::web::views
