// Parsing record ids that arrive as text (form fields, path segments). Every id in Kronobarn is a
// positive 64-bit integer; anything else is "no id", which callers answer as invalid input or 404.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kronobarn {

inline std::optional<std::int64_t> ParsePositiveId(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

}  // namespace kronobarn
