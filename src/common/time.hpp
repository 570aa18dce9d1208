// Time as the system stores it: UTC instants with millisecond precision, and calendar dates for
// birth dates. The domain never reads a clock; app/ asks a Clock so tests can control "now".
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kronobarn {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;
using Date = std::chrono::year_month_day;

std::int64_t ToUnixMillis(Timestamp t);
Timestamp FromUnixMillis(std::int64_t millis);

// "2026-11-23T10:45:34.120Z"
std::string FormatIso8601(Timestamp t);
// "2026-11-23"
std::string FormatDate(Date d);
// Parses "YYYY-MM-DD"; nullopt when malformed or not a calendar date.
std::optional<Date> ParseDate(std::string_view text);

// A time of day as minutes after midnight: "13:05" (HTML's time input); parsing also takes
// "13.05", as Swedes write it. nullopt when malformed or not a time of day.
std::string FormatTimeOfDay(std::chrono::minutes time);
std::optional<std::chrono::minutes> ParseTimeOfDay(std::string_view text);

// Swedish local time (CET/CEST by the EU rule, the same every year since 1996): the wall clock a
// user in Kronoberg reads, as seconds since the local epoch.
std::chrono::local_seconds SwedishLocalTime(Timestamp at);
// The Swedish calendar day an instant falls on.
Date SwedishDate(Timestamp at);
// The instant a Swedish calendar day begins (00:00 local), for periods given as dates.
Timestamp StartOfSwedishDay(Date day);

class Clock {
  public:
    virtual ~Clock() = default;
    virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
  public:
    Timestamp Now() const override;
};

}  // namespace kronobarn
