// Small text helpers shared by the layers that take typed input.
#pragma once

#include <string>
#include <string_view>

namespace kronobarn {

// `text` without leading and trailing spaces, tabs and line breaks.
std::string Trimmed(std::string_view text);

// Well-formed UTF-8: no overlong forms, surrogates or values beyond Unicode.
bool IsValidUtf8(std::string_view text);

// One CSV field (RFC 4180): quoted, with inner quotes doubled, when it holds a comma, a quote or a
// line break; as it is otherwise.
std::string CsvField(std::string_view value);

}  // namespace kronobarn
