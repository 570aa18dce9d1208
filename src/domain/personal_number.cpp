#include "domain/personal_number.hpp"

#include <algorithm>
#include <cctype>

namespace kronobarn::domain {
namespace {

bool AllDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ToInt(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

}  // namespace

int LuhnCheckDigit(std::string_view nine_digits) {
    int sum = 0;
    for (std::size_t i = 0; i < nine_digits.size(); ++i) {
        int digit = nine_digits[i] - '0';
        if (i % 2 == 0) {
            digit *= 2;
            if (digit > 9) digit -= 9;
        }
        sum += digit;
    }
    return (10 - sum % 10) % 10;
}

Result<PersonalNumber> PersonalNumber::Parse(std::string_view text, Date today) {
    // Trim surrounding whitespace; inner whitespace is a format error.
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);

    bool centenarian = false;
    std::string digits;
    if (text.size() == 11 || text.size() == 13) {
        const char separator = text[text.size() - 5];
        if (separator != '-' && separator != '+') return Error::InvalidArgument("personal_number.format");
        centenarian = separator == '+';
        digits.append(text.substr(0, text.size() - 5)).append(text.substr(text.size() - 4));
    } else if (text.size() == 10 || text.size() == 12) {
        digits.assign(text);
    } else {
        return Error::InvalidArgument("personal_number.format");
    }
    if (!AllDigits(digits)) return Error::InvalidArgument("personal_number.format");
    if (digits.size() == 12 && centenarian) return Error::InvalidArgument("personal_number.format");

    // Resolve the century of a two-digit year.
    if (digits.size() == 10) {
        const int two_digit_year = ToInt(digits.substr(0, 2));
        const int current_year = static_cast<int>(today.year());
        int year = current_year - (current_year % 100) + two_digit_year;
        const int month = ToInt(digits.substr(2, 2));
        const int day = ToInt(digits.substr(4, 2)) % 60;  // coordination numbers add 60 to the day
        const Date candidate{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                             std::chrono::day{static_cast<unsigned>(day == 0 ? 1 : day)}};
        if (year > current_year ||
            (candidate.ok() && std::chrono::sys_days{candidate} > std::chrono::sys_days{today})) {
            year -= 100;
        }
        if (centenarian) year -= 100;
        digits = std::to_string(year).substr(0, 2) + digits;
        if (year < 1000) return Error::InvalidArgument("personal_number.date");
    }

    const int year = ToInt(digits.substr(0, 4));
    const int month = ToInt(digits.substr(4, 2));
    int day = ToInt(digits.substr(6, 2));
    const bool coordination = day > 60;
    if (coordination) day -= 60;
    const Date birth{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                     std::chrono::day{static_cast<unsigned>(day)}};
    if (!birth.ok()) return Error::InvalidArgument("personal_number.date");
    if (std::chrono::sys_days{birth} > std::chrono::sys_days{today})
        return Error::InvalidArgument("personal_number.date");

    if (LuhnCheckDigit(std::string_view(digits).substr(2, 9)) != digits[11] - '0') {
        return Error::InvalidArgument("personal_number.checksum");
    }
    return PersonalNumber(std::move(digits), birth, coordination);
}

Result<PersonalNumber> PersonalNumber::FromStored(std::string_view normalised) {
    if (normalised.size() != 12) return Error::Internal("stored personal number is not 12 digits");
    return Parse(normalised, Date{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}});
}

std::string PersonalNumber::Display() const { return digits_.substr(0, 8) + "-" + digits_.substr(8); }

}  // namespace kronobarn::domain
