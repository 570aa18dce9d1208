#include "common/log.hpp"

#include <atomic>
#include <cstdio>
#include <mutex>

#include "common/time.hpp"

namespace kronobarn::log {
namespace {

std::atomic<Level> g_level{Level::kInfo};
std::mutex g_write_mutex;

std::string_view LevelName(Level level) {
    switch (level) {
        case Level::kDebug:
            return "debug";
        case Level::kInfo:
            return "info";
        case Level::kWarn:
            return "warn";
        case Level::kError:
            return "error";
    }
    return "info";
}

// logfmt value: quoted when it holds a space, quote, equals sign or control character.
void AppendValue(std::string& line, std::string_view value) {
    bool needs_quotes = value.empty();
    for (char c : value) {
        if (c == ' ' || c == '"' || c == '=' || static_cast<unsigned char>(c) < 0x20) needs_quotes = true;
    }
    if (!needs_quotes) {
        line.append(value);
        return;
    }
    line.push_back('"');
    for (char c : value) {
        if (c == '"' || c == '\\') {
            line.push_back('\\');
            line.push_back(c);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            line.push_back(' ');
        } else {
            line.push_back(c);
        }
    }
    line.push_back('"');
}

}  // namespace

bool ParseLevel(std::string_view text, Level& level) {
    for (Level candidate : {Level::kDebug, Level::kInfo, Level::kWarn, Level::kError}) {
        if (LevelName(candidate) == text) {
            level = candidate;
            return true;
        }
    }
    return false;
}

void SetLevel(Level level) { g_level.store(level); }

bool Enabled(Level level) { return level >= g_level.load(std::memory_order_relaxed); }

void Write(Level level, std::string_view event, std::initializer_list<Field> fields) {
    if (!Enabled(level)) return;
    std::string line;
    line.reserve(160);
    line.append("ts=").append(FormatIso8601(SystemClock{}.Now()));
    line.append(" level=").append(LevelName(level));
    line.append(" event=");
    AppendValue(line, event);
    for (const auto& [key, value] : fields) {
        line.push_back(' ');
        line.append(key).push_back('=');
        AppendValue(line, value);
    }
    line.push_back('\n');
    std::lock_guard lock(g_write_mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace kronobarn::log
