#include "domain/user_account.hpp"

#include <algorithm>

namespace kronobarn::domain {

bool IsValidUsername(std::string_view username) {
    if (username.size() < 3 || username.size() > 64) return false;
    return std::all_of(username.begin(), username.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    });
}

bool IsAcceptablePassword(std::string_view password) { return password.size() >= 12 && password.size() <= 256; }

}  // namespace kronobarn::domain
