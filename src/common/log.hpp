// A tiny structured logger: one logfmt line per event on stderr ("ts=… level=info event=request
// route=/login status=200"). Fields are named by the caller, so nothing is logged by accident;
// callers must never pass personal numbers, names or free text about a child.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace kronobarn::log {

enum class Level { kDebug, kInfo, kWarn, kError };

// Parses "debug" | "info" | "warn" | "error".
bool ParseLevel(std::string_view text, Level& level);
void SetLevel(Level level);
bool Enabled(Level level);

using Field = std::pair<std::string_view, std::string_view>;

void Write(Level level, std::string_view event, std::initializer_list<Field> fields = {});

inline void Info(std::string_view event, std::initializer_list<Field> fields = {}) {
    Write(Level::kInfo, event, fields);
}
inline void Warn(std::string_view event, std::initializer_list<Field> fields = {}) {
    Write(Level::kWarn, event, fields);
}
inline void Error(std::string_view event, std::initializer_list<Field> fields = {}) {
    Write(Level::kError, event, fields);
}

}  // namespace kronobarn::log
