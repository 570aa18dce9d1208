#include "common/time.hpp"

#include <charconv>
#include <cstdio>

namespace kronobarn {

std::int64_t ToUnixMillis(Timestamp t) { return t.time_since_epoch().count(); }

Timestamp FromUnixMillis(std::int64_t millis) { return Timestamp{std::chrono::milliseconds{millis}}; }

std::string FormatIso8601(Timestamp t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{t - day};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<long long>(hms.hours().count()), static_cast<long long>(hms.minutes().count()),
                  static_cast<long long>(hms.seconds().count()), static_cast<long long>(hms.subseconds().count()));
    return buffer;
}

std::string FormatDate(Date d) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buffer;
}

std::optional<Date> ParseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
        int value = 0;
        const char* first = text.data() + pos;
        auto [end, ec] = std::from_chars(first, first + len, value);
        if (ec != std::errc{} || end != first + len) return std::nullopt;
        return value;
    };
    const auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (!y || !m || !d) return std::nullopt;
    const Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                    std::chrono::day{static_cast<unsigned>(*d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string FormatTimeOfDay(std::chrono::minutes time) {
    const auto total = time.count();
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(total / 60 % 24), static_cast<int>(total % 60));
    return text;
}

std::optional<std::chrono::minutes> ParseTimeOfDay(std::string_view text) {
    if (text.size() != 5 || (text[2] != ':' && text[2] != '.')) return std::nullopt;
    int hours = 0, minutes = 0;
    const auto [hours_end, hours_error] = std::from_chars(text.data(), text.data() + 2, hours);
    const auto [minutes_end, minutes_error] = std::from_chars(text.data() + 3, text.data() + 5, minutes);
    if (hours_error != std::errc{} || hours_end != text.data() + 2) return std::nullopt;
    if (minutes_error != std::errc{} || minutes_end != text.data() + 5) return std::nullopt;
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return std::nullopt;
    return std::chrono::minutes{hours * 60 + minutes};
}

namespace {

// UTC+1, and UTC+2 from 01:00 UTC on the last Sunday of March until 01:00 UTC on the last Sunday
// of October.
std::chrono::sys_seconds LastSundayAt1Utc(std::chrono::year year, std::chrono::month month) {
    using namespace std::chrono;
    const sys_days last_sunday{year / month / Sunday[last]};
    return last_sunday + hours(1);
}

std::chrono::hours SwedishOffset(std::chrono::sys_seconds at) {
    using namespace std::chrono;
    const year y = year_month_day{floor<days>(at)}.year();
    const bool summer = at >= LastSundayAt1Utc(y, March) && at < LastSundayAt1Utc(y, October);
    return hours(summer ? 2 : 1);
}

}  // namespace

std::chrono::local_seconds SwedishLocalTime(Timestamp at) {
    const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
    return std::chrono::local_seconds{seconds.time_since_epoch() + SwedishOffset(seconds)};
}

Date SwedishDate(Timestamp at) { return Date{std::chrono::floor<std::chrono::days>(SwedishLocalTime(at))}; }

Timestamp StartOfSwedishDay(Date day) {
    // Midnight is never inside a switch (they happen at 02:00/03:00 local), so the offset just
    // before it is the offset at it.
    const std::chrono::sys_seconds as_utc{std::chrono::sys_days{day}};
    return std::chrono::time_point_cast<std::chrono::milliseconds>(as_utc -
                                                                   SwedishOffset(as_utc - std::chrono::hours(2)));
}

Timestamp SystemClock::Now() const {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace kronobarn
