#include "web/views/form_fields.hpp"

#include <algorithm>

namespace kronobarn::web::views {

std::string ValueOf(const TypedValues& values, const std::string& name, std::string fallback) {
    const auto it = values.find(name);
    return it == values.end() ? std::move(fallback) : it->second;
}

std::string FormWriter::IdOf(std::string_view name) const {
    return prefix_.empty() ? std::string(name) : prefix_ + "-" + std::string(name);
}

void FormWriter::Start(std::string_view action, std::string_view csrf_token, std::string_view version) {
    html_ << Raw("<form method=\"post\" action=\"") << action << Raw("\" class=\"kb-form\" novalidate>\n")
          << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << csrf_token << Raw("\">\n");
    if (!version.empty()) html_ << Raw("<input type=\"hidden\" name=\"version\" value=\"") << version << Raw("\">\n");
}

void FormWriter::MarkError(std::string name, std::string message_key) {
    error_name_ = std::move(name);
    error_key_ = std::move(message_key);
}

std::string FormWriter::InvalidAttributes(std::string_view name) const {
    if (error_name_.empty() || name != error_name_) return {};
    return " aria-invalid=\"true\" aria-describedby=\"" + IdOf(name) + "-error\"";
}

void FormWriter::ErrorMessage(std::string_view name) {
    if (error_name_.empty() || name != error_name_) return;
    html_ << Raw("<p class=\"ds-validation-message kb-field-error\" data-color=\"danger\" id=\"") << IdOf(name)
          << Raw("-error\">") << t_(error_key_) << Raw("</p>\n");
}

void FormWriter::Hidden(std::string_view name, std::string_view value) {
    html_ << Raw("<input type=\"hidden\" name=\"") << name << Raw("\" value=\"") << value << Raw("\">\n");
}

void FormWriter::TextInput(std::string_view name, std::string_view label_key, std::string_view value,
                           std::string_view type) {
    TextInputLabelled(name, t_(label_key), value, type);
}

void FormWriter::TextInputLabelled(std::string_view name, std::string_view label, std::string_view value,
                                   std::string_view type) {
    const std::string id = IdOf(name);
    html_ << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << id << Raw("\">") << label
          << Raw("</label>\n");
    ErrorMessage(name);
    html_ << Raw("<input class=\"ds-input\" type=\"") << type << Raw("\" id=\"") << id << Raw("\" name=\"") << name
          << Raw("\" value=\"") << value << Raw("\"") << Raw(InvalidAttributes(name)) << Raw(">\n</div>\n");
}

void FormWriter::TextArea(std::string_view name, std::string_view label_key, std::string_view value, int rows) {
    TextAreaLabelled(name, t_(label_key), value, rows);
}

void FormWriter::TextAreaLabelled(std::string_view name, std::string_view label, std::string_view value, int rows) {
    const std::string id = IdOf(name);
    html_ << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << id << Raw("\">") << label
          << Raw("</label>\n");
    ErrorMessage(name);
    html_ << Raw("<textarea class=\"ds-input\" id=\"") << id << Raw("\" name=\"") << name << Raw("\" rows=\"") << rows
          << Raw("\" maxlength=\"4000\"") << Raw(InvalidAttributes(name)) << Raw(">") << value
          << Raw("</textarea>\n</div>\n");
}

void FormWriter::Select(std::string_view name, std::string_view label_key, const std::vector<Option>& options,
                        std::string_view selected) {
    const std::string id = IdOf(name);
    html_ << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << id << Raw("\">") << t_(label_key)
          << Raw("</label>\n");
    ErrorMessage(name);
    html_ << Raw("<select class=\"ds-input\" id=\"") << id << Raw("\" name=\"") << name << Raw("\"")
          << Raw(InvalidAttributes(name)) << Raw(">\n");
    for (const auto& option : options) {
        html_ << Raw("<option value=\"") << option.value << Raw("\"")
              << Raw(option.value == selected ? " selected" : "") << Raw(">") << option.label << Raw("</option>\n");
    }
    html_ << Raw("</select>\n</div>\n");
}

void FormWriter::Checkbox(std::string_view name, std::string_view value, std::string_view label_key, bool checked,
                          std::string_view id_suffix) {
    const std::string id = IdOf(name) + (id_suffix.empty() ? "" : "_" + std::string(id_suffix));
    html_ << Raw("<div class=\"ds-field kb-check\"><input class=\"ds-input\" type=\"checkbox\" name=\"") << name
          << Raw("\" id=\"") << id << Raw("\" value=\"") << value << Raw("\"") << Raw(checked ? " checked" : "")
          << Raw("><label class=\"ds-label\" for=\"") << id << Raw("\">") << t_(label_key) << Raw("</label></div>\n");
}

void FormWriter::CheckboxGroup(std::string_view name, std::string_view legend_key, const std::vector<Option>& options,
                               const std::vector<std::string>& checked) {
    html_ << Raw("<fieldset class=\"ds-fieldset kb-checks\"") << Raw(InvalidAttributes(name))
          << Raw(">\n<legend class=\"ds-label\">") << t_(legend_key) << Raw("</legend>\n");
    ErrorMessage(name);
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string id = IdOf(name) + (i == 0 ? "" : "_" + std::to_string(i));
        const bool ticked = std::find(checked.begin(), checked.end(), options[i].value) != checked.end();
        html_ << Raw("<div class=\"ds-field kb-check\"><input class=\"ds-input\" type=\"checkbox\" name=\"") << name
              << Raw("\" id=\"") << id << Raw("\" value=\"") << options[i].value << Raw("\"")
              << Raw(ticked ? " checked" : "") << Raw("><label class=\"ds-label\" for=\"") << id << Raw("\">")
              << options[i].label << Raw("</label></div>\n");
    }
    html_ << Raw("</fieldset>\n");
}

void FormWriter::Submit(std::string_view label_key, bool primary) {
    html_ << Raw("<button class=\"ds-button\" data-variant=\"") << Raw(primary ? "primary" : "secondary")
          << Raw("\" type=\"submit\">") << t_(label_key) << Raw("</button>\n</form>\n");
}

void UnitAreaChooser(Html& html, const Translator& t, const app::UnitScope& scope, std::string_view path,
                     std::string_view anchor, std::string_view id) {
    const std::string field = "kommun-" + std::string(id);
    html << Raw("<p class=\"ds-paragraph kb-muted\">")
         << t.Format(scope.area.empty() ? "units.scope_county" : "units.scope", {{"area", scope.area}})
         << Raw("</p>\n<form method=\"get\" action=\"") << path << Raw("#") << anchor
         << Raw("\" class=\"kb-form kb-area-chooser\">\n<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"")
         << field << Raw("\">") << t("units.area") << Raw("</label>\n<select class=\"ds-input\" id=\"") << field
         << Raw("\" name=\"kommun\">\n");
    for (const auto& area : scope.areas) {
        html << Raw("<option value=\"") << area << Raw("\"") << Raw(area == scope.area ? " selected" : "") << Raw(">");
        if (area == scope.child_area) {
            html << t.Format("units.area_of_child", {{"area", area}});
        } else {
            html << area;
        }
        html << Raw("</option>\n");
    }
    html << Raw("</select>\n</div>\n<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">")
         << t("units.area_submit") << Raw("</button>\n</form>\n");
}

void ErrorSummary(Html& html, const Translator& t, std::string_view message_key, std::string_view field_id,
                  std::string_view heading_key) {
    ErrorSummary(html, t, {FieldError{std::string(field_id), std::string(message_key)}}, heading_key);
}

void ErrorSummary(Html& html, const Translator& t, const std::vector<FieldError>& errors,
                  std::string_view heading_key) {
    html << Raw("<div class=\"ds-alert kb-error-summary\" data-color=\"danger\" role=\"alert\" tabindex=\"-1\" ")
         << Raw("autofocus>\n<h2 class=\"ds-heading\" data-size=\"2xs\">") << t(heading_key)
         << Raw("</h2>\n<ul class=\"ds-list\">");
    for (const auto& error : errors) {
        html << Raw("<li>");
        if (error.field.empty()) {
            html << t(error.message_key);
        } else {
            html << Raw("<a class=\"ds-link\" href=\"#") << error.field << Raw("\">") << t(error.message_key)
                 << Raw("</a>");
        }
        html << Raw("</li>");
    }
    html << Raw("</ul>\n</div>\n");
}

void Alert(Html& html, const Translator& t, std::string_view color, std::string_view message_key) {
    const bool danger = color == "danger";
    html << Raw("<div class=\"ds-alert\" data-color=\"") << color << Raw("\" role=\"")
         << Raw(danger ? "alert" : "status") << Raw("\"><p class=\"ds-paragraph\">") << t(message_key)
         << Raw("</p></div>\n");
}

void FormErrors(Html& html, const Translator& t, FormWriter& form, const std::vector<FieldError>& errors) {
    std::vector<FieldError> linked;
    for (const auto& error : errors) {
        linked.push_back({error.field.empty() ? "" : form.IdOf(error.field), error.message_key});
    }
    ErrorSummary(html, t, linked);
    for (const auto& error : errors) {
        if (error.field.empty()) continue;
        form.MarkError(error.field, error.message_key);
        break;
    }
}

}  // namespace kronobarn::web::views
