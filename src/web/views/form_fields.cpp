#include "web/views/form_fields.hpp"

namespace kronobarn::web::views {

std::string ValueOf(const TypedValues& values, const std::string& name, std::string fallback) {
    const auto it = values.find(name);
    return it == values.end() ? std::move(fallback) : it->second;
}

void FormStart(Html& html, std::string_view action, std::string_view csrf_token, std::string_view version) {
    html << Raw("<form method=\"post\" action=\"") << action << Raw("\" class=\"kb-form\" novalidate>\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << csrf_token << Raw("\">\n");
    if (!version.empty()) html << Raw("<input type=\"hidden\" name=\"version\" value=\"") << version << Raw("\">\n");
}

void TextInput(Html& html, const Translator& t, std::string_view name, std::string_view label_key,
               std::string_view value, std::string_view type) {
    html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << name << Raw("\">") << t(label_key)
         << Raw("</label>\n<input class=\"ds-input\" type=\"") << type << Raw("\" id=\"") << name << Raw("\" name=\"")
         << name << Raw("\" value=\"") << value << Raw("\">\n</div>\n");
}

void TextArea(Html& html, const Translator& t, std::string_view name, std::string_view label_key,
              std::string_view value, int rows) {
    html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << name << Raw("\">") << t(label_key)
         << Raw("</label>\n<textarea class=\"ds-input\" id=\"") << name << Raw("\" name=\"") << name
         << Raw("\" rows=\"") << rows << Raw("\" maxlength=\"4000\">") << value << Raw("</textarea>\n</div>\n");
}

void Select(Html& html, const Translator& t, std::string_view name, std::string_view label_key,
            const std::vector<Option>& options, std::string_view selected) {
    html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << name << Raw("\">") << t(label_key)
         << Raw("</label>\n<select class=\"ds-input\" id=\"") << name << Raw("\" name=\"") << name << Raw("\">\n");
    for (const auto& option : options) {
        html << Raw("<option value=\"") << option.value << Raw("\"") << Raw(option.value == selected ? " selected" : "")
             << Raw(">") << option.label << Raw("</option>\n");
    }
    html << Raw("</select>\n</div>\n");
}

void Checkbox(Html& html, const Translator& t, std::string_view name, std::string_view value,
              std::string_view label_key, bool checked, std::string_view id) {
    const std::string element_id = id.empty() ? std::string(name) : std::string(id);
    html << Raw("<div class=\"ds-field kb-check\"><input class=\"ds-input\" type=\"checkbox\" name=\"") << name
         << Raw("\" id=\"") << element_id << Raw("\" value=\"") << value << Raw("\"") << Raw(checked ? " checked" : "")
         << Raw("><label class=\"ds-label\" for=\"") << element_id << Raw("\">") << t(label_key)
         << Raw("</label></div>\n");
}

void SubmitButton(Html& html, const Translator& t, std::string_view label_key, bool primary) {
    html << Raw("<button class=\"ds-button\" data-variant=\"") << Raw(primary ? "primary" : "secondary")
         << Raw("\" type=\"submit\">") << t(label_key) << Raw("</button>\n</form>\n");
}

void Alert(Html& html, const Translator& t, std::string_view color, std::string_view message_key) {
    const bool danger = color == "danger";
    html << Raw("<div class=\"ds-alert\" data-color=\"") << color << Raw("\" role=\"")
         << Raw(danger ? "alert" : "status") << Raw("\"><p class=\"ds-paragraph\">") << t(message_key)
         << Raw("</p></div>\n");
}

}  // namespace kronobarn::web::views
