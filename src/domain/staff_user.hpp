// StaffUser: a professional who signs in with a local account. Real deployments add Swedish e-ID
// through an identity provider; the password path stays for demo and fallback.
#pragma once

#include <string>
#include <vector>

#include "domain/organisation.hpp"

namespace kronobarn::domain {

struct StaffUser {
    UserId id = 0;
    std::string username;
    std::string display_name;
    bool disabled = false;
    std::string preferred_language = "sv";
    std::vector<RoleAssignment> roles;

    bool HasRole(Role role) const {
        for (const auto& assignment : roles) {
            if (assignment.role == role) return true;
        }
        return false;
    }
};

// Usernames: 3–64 characters of a–z, 0–9, '.', '-', '_'. Errors: "user.username_invalid".
bool IsValidUsername(std::string_view username);
// Passwords: at least 12 characters (NIST SP 800-63B length over composition rules), at most 256.
bool IsAcceptablePassword(std::string_view password);

}  // namespace kronobarn::domain
