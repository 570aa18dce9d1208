#include "web/views/catalogue_pages.hpp"

namespace kronobarn::web::views {
namespace {

void AreaFields(FormWriter& f, const std::string& prefix, const TypedValues& v, const store::WheelArea& area) {
    f.TextInput(prefix + "label_sv", "catalogue.label_sv", ValueOf(v, prefix + "label_sv", area.label_sv));
    f.TextInput(prefix + "label_en", "catalogue.label_en", ValueOf(v, prefix + "label_en", area.label_en));
    f.TextInput(prefix + "child_label_sv", "catalogue.child_label_sv",
                ValueOf(v, prefix + "child_label_sv", area.child_label_sv));
    f.TextArea(prefix + "description_sv", "catalogue.description_sv",
               ValueOf(v, prefix + "description_sv", area.description_sv), 2);
    f.TextInput(prefix + "shanarri", "catalogue.shanarri", ValueOf(v, prefix + "shanarri", area.shanarri));
    f.TextInput(prefix + "bbic", "catalogue.bbic", ValueOf(v, prefix + "bbic", area.bbic));
}

}  // namespace

Html CatalogueContent(const Translator& t, const app::CataloguePage& page, const FormPageState& state) {
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">") << t("catalogue.heading") << Raw("</h1>\n")
         << Raw("<p class=\"ds-paragraph\">")
         << t.Format("catalogue.intro", {{"version", std::to_string(page.version)}}) << Raw("</p>\n");
    if (!state.notice_key.empty()) Alert(html, t, "success", state.notice_key);
    if (!state.error_key.empty()) Alert(html, t, "danger", state.error_key);
    const TypedValues& v = state.typed;
    FormWriter f(html, t);
    f.Start("/admin/hjulet", state.csrf_token);
    for (const auto& area : page.areas) {
        html << Raw("<fieldset class=\"ds-fieldset kb-section\">\n<legend class=\"ds-heading\" data-size=\"xs\">")
             << area.label_sv << " (" << area.code << ")" << Raw("</legend>\n");
        AreaFields(f, "area_" + area.code + "_", v, area);
        html << Raw("</fieldset>\n");
    }
    html << Raw("<fieldset class=\"ds-fieldset kb-section\">\n<legend class=\"ds-heading\" data-size=\"xs\">")
         << t("catalogue.new_area") << Raw("</legend>\n");
    f.TextInput("new_code", "catalogue.code", ValueOf(v, "new_code"));
    AreaFields(f, "new_", v, {});
    html << Raw("</fieldset>\n");
    f.TextArea("note", "catalogue.note", ValueOf(v, "note"), 2);
    f.Submit("catalogue.publish");
    return html;
}

}  // namespace kronobarn::web::views
