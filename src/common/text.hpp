// Small text helpers shared by the layers that take typed input.
#pragma once

#include <string>
#include <string_view>

namespace kronobarn {

// `text` without leading and trailing spaces, tabs and line breaks.
std::string Trimmed(std::string_view text);

}  // namespace kronobarn
