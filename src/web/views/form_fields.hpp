// Form controls shared by the plan and consent pages: every control has a visible label tied to
// it, keeps what the user typed after an error, and escapes every value.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

void FormStart(Html& html, std::string_view action, std::string_view csrf_token, std::string_view version = {});
void TextInput(Html& html, const Translator& t, std::string_view name, std::string_view label_key,
               std::string_view value, std::string_view type = "text");
void TextArea(Html& html, const Translator& t, std::string_view name, std::string_view label_key,
              std::string_view value, int rows = 3);
void Select(Html& html, const Translator& t, std::string_view name, std::string_view label_key,
            const std::vector<Option>& options, std::string_view selected);
void Checkbox(Html& html, const Translator& t, std::string_view name, std::string_view value,
              std::string_view label_key, bool checked, std::string_view id = {});
void SubmitButton(Html& html, const Translator& t, std::string_view label_key, bool primary = true);
void Alert(Html& html, const Translator& t, std::string_view color, std::string_view message_key);

}  // namespace kronobarn::web::views
