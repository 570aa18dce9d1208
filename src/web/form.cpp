#include "web/form.hpp"

#include <boost/url/parse_query.hpp>
#include <boost/url/pct_string_view.hpp>

#include <optional>

#include "common/text.hpp"

namespace kronobarn::web {

std::string_view FormFields::Get(std::string_view name) const {
    const auto it = fields_.find(name);
    return it == fields_.end() || it->second.empty() ? std::string_view{} : std::string_view{it->second.front()};
}

std::vector<std::string> FormFields::GetAll(std::string_view name) const {
    const auto it = fields_.find(name);
    return it == fields_.end() ? std::vector<std::string>{} : it->second;
}

namespace {

// Form encoding writes a space as '+', which must become a space before percent-decoding
// (so that an encoded "%2B" stays a plus sign).
std::optional<std::string> DecodeComponent(std::string_view encoded) {
    std::string with_spaces;
    with_spaces.reserve(encoded.size());
    for (char c : encoded) {
        if (c == '+') {
            with_spaces.append("%20");
        } else {
            with_spaces.push_back(c);
        }
    }
    const auto pct = boost::urls::make_pct_string_view(with_spaces);
    if (!pct) return std::nullopt;
    return pct->decode();
}

}  // namespace

Result<FormFields> ParseForm(std::string_view body) {
    FormFields fields;
    if (body.empty()) return fields;
    const auto parsed = boost::urls::parse_query(body);
    if (!parsed) return Error::InvalidArgument("form.malformed");
    for (const auto& param : *parsed) {
        auto key = DecodeComponent(param.key);
        auto value = param.has_value ? DecodeComponent(param.value) : std::optional<std::string>(std::string());
        if (!key || !value) return Error::InvalidArgument("form.malformed");
        if (!IsValidUtf8(*key) || !IsValidUtf8(*value)) return Error::InvalidArgument("form.invalid_utf8");
        fields.Add(std::move(*key), std::move(*value));
    }
    return fields;
}

std::string QueryValue(std::string_view query, std::string_view name) {
    const auto fields = ParseForm(query);
    return fields ? std::string(fields->Get(name)) : std::string();
}

}  // namespace kronobarn::web
