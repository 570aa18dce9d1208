// Form controls shared by the plan and consent pages: every control has a visible label tied to
// it, keeps what the user typed after an error, and escapes every value. A page with several
// forms gives each its own id prefix, so element ids stay unique while field names stay plain.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/unit_scope.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"

namespace kronobarn::web::views {

// What the user typed into one form, by field name (empty for a fresh form).
using TypedValues = std::map<std::string, std::string>;

std::string ValueOf(const TypedValues& values, const std::string& name, std::string fallback = {});

struct Option {
    std::string value;
    std::string label;
};

class FormWriter {
  public:
    // `id_prefix` is prepended to element ids ("goal" → id="goal-outcome"); empty keeps the name.
    FormWriter(Html& html, const Translator& t, std::string id_prefix = {})
        : html_(html), t_(t), prefix_(std::move(id_prefix)) {}

    void Start(std::string_view action, std::string_view csrf_token, std::string_view version = {});
    void TextInput(std::string_view name, std::string_view label_key, std::string_view value,
                   std::string_view type = "text");
    // The same with a label already translated (one that names someone).
    void TextInputLabelled(std::string_view name, std::string_view label, std::string_view value,
                           std::string_view type = "text");
    void TextArea(std::string_view name, std::string_view label_key, std::string_view value, int rows = 3);
    // The same with a label already translated (one that names someone).
    void TextAreaLabelled(std::string_view name, std::string_view label, std::string_view value, int rows = 3);
    void Select(std::string_view name, std::string_view label_key, const std::vector<Option>& options,
                std::string_view selected);
    // `id_suffix` distinguishes several boxes of one name (a checkbox group).
    void Checkbox(std::string_view name, std::string_view value, std::string_view label_key, bool checked,
                  std::string_view id_suffix = {});
    // Boxes of one name in a fieldset, the options' labels as given (names of units); the first box
    // carries the group's id, so an error summary's link lands on it.
    void CheckboxGroup(std::string_view name, std::string_view legend_key, const std::vector<Option>& options,
                       const std::vector<std::string>& checked);
    void Submit(std::string_view label_key, bool primary = true);
    // A hidden field (the item a correction names).
    void Hidden(std::string_view name, std::string_view value);

    // Marks the field `name` as the one in error: aria-invalid, and its message under the label,
    // tied to it by aria-describedby (Designsystemet's validation message).
    void MarkError(std::string name, std::string message_key);
    std::string IdOf(std::string_view name) const;

  private:
    // The attributes and message of a field in error; nothing for the others.
    std::string InvalidAttributes(std::string_view name) const;
    void ErrorMessage(std::string_view name);
    Html& html_;
    const Translator& t_;
    std::string prefix_;
    std::string error_name_;
    std::string error_key_;
};

// The error summary at the top of a failed form (GOV.UK and Designsystemet "error summary"): a
// heading, the message as a link to the field in error (`field_id`, empty: no link), and focus
// moved to it when the page loads, so keyboard and screen-reader users start where the problem is.
// `heading_key` says what failed ("it could not be saved" unless a sign-in, say, failed instead).
void ErrorSummary(Html& html, const Translator& t, std::string_view message_key, std::string_view field_id,
                  std::string_view heading_key = "form.error_summary");
// The same for a form checked whole: one line per field in error (`field` is the element id).
void ErrorSummary(Html& html, const Translator& t, const std::vector<FieldError>& errors,
                  std::string_view heading_key = "form.error_summary");
// A failed form's summary with a link to each field in error (focused on load), and the first
// field in error marked on `form` itself.
void FormErrors(Html& html, const Translator& t, FormWriter& form, const std::vector<FieldError>& errors);

// Above a choice of units about a child: which municipality's units it lists (and the county-wide
// ones), with a small GET form to list another's — for a family that moves. `path` is the page
// itself; `anchor` the section to return to; `id` keeps element ids unique on the page.
void UnitAreaChooser(Html& html, const Translator& t, const app::UnitScope& scope, std::string_view path,
                     std::string_view anchor, std::string_view id);

void Alert(Html& html, const Translator& t, std::string_view color, std::string_view message_key);

}  // namespace kronobarn::web::views
