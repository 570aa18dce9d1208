#include "web/form.hpp"

#include <boost/url/parse_query.hpp>
#include <boost/url/pct_string_view.hpp>

#include <optional>

namespace kronobarn::web {

std::string_view FormFields::Get(std::string_view name) const {
    const auto it = fields_.find(name);
    return it == fields_.end() || it->second.empty() ? std::string_view{} : std::string_view{it->second.front()};
}

std::vector<std::string> FormFields::GetAll(std::string_view name) const {
    const auto it = fields_.find(name);
    return it == fields_.end() ? std::vector<std::string>{} : it->second;
}

bool IsValidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        int extra = 0;
        unsigned int code_point = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            code_point = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            code_point = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            code_point = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= text.size()) return false;
        for (int k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code_point = (code_point << 6) | (next & 0x3F);
        }
        // Overlong encodings, surrogates and values beyond Unicode are invalid.
        if ((extra == 1 && code_point < 0x80) || (extra == 2 && code_point < 0x800) ||
            (extra == 3 && code_point < 0x10000) || code_point > 0x10FFFF ||
            (code_point >= 0xD800 && code_point <= 0xDFFF)) {
            return false;
        }
        i += extra + 1;
    }
    return true;
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
