#include "domain/user_account.hpp"

#include <algorithm>

namespace kronobarn::domain {

std::string NormalizeUsername(std::string_view username) {
    const auto first = username.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    username = username.substr(first, username.find_last_not_of(" \t") - first + 1);
    std::string out(username);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool IsValidUsername(std::string_view username) {
    if (username.size() < 3 || username.size() > 64) return false;
    // Letters of any alphabet (UTF-8 beyond ASCII: "åsa", "فاطمة"), digits, dot, hyphen, underscore.
    return std::all_of(username.begin(), username.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || byte >= 0x80;
    });
}

bool IsAcceptablePassword(std::string_view password) { return password.size() >= 12 && password.size() <= 256; }

bool IsPlausibleEmail(std::string_view email) {
    if (email.empty() || email.size() > 254) return false;
    const auto at = email.find('@');
    if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view domain = email.substr(at + 1);
    const auto dot = domain.find('.');
    if (dot == 0 || dot == std::string_view::npos || domain.back() == '.') return false;
    return std::none_of(email.begin(), email.end(),
                        [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

bool IsPlausiblePhone(std::string_view phone) {
    if (phone.size() < 6 || phone.size() > 30) return false;
    int digits = 0;
    for (const char c : phone) {
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') {
            return false;
        }
    }
    return digits >= 6;
}

}  // namespace kronobarn::domain
