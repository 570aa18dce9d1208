// UserAccount: anyone who signs in — a professional (roles per unit) or a family member (a guardian
// or the child itself, linked to the child records they may see). Real deployments add Swedish e-ID
// through an identity provider; the password path stays for demo and fallback. An account holds
// either roles or family links, never both, so a family login can never act as staff.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/child.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::domain {

// A family member's link to one child: as one of the child's guardians, or as the child itself
// (guardian_id empty). A parent of two children has two links, one per guardian record.
struct FamilyLink {
    ChildId child_id = 0;
    std::optional<GuardianId> guardian_id;
    std::string child_name;  // for the family's own pages

    bool IsChildSelf() const { return !guardian_id.has_value(); }
};

struct UserAccount {
    UserId id = 0;
    std::string username;
    std::string display_name;
    bool disabled = false;
    std::string preferred_language = "sv";
    // How to reach a member of staff (given by the administrator); empty for family accounts.
    std::string email;
    std::string phone;
    std::vector<RoleAssignment> roles;
    std::vector<FamilyLink> family;  // set for family accounts only

    bool IsFamily() const { return !family.empty(); }

    // The first assignment of `role`, or null.
    const RoleAssignment* AssignmentOf(Role role) const {
        for (const auto& assignment : roles) {
            if (assignment.role == role) return &assignment;
        }
        return nullptr;
    }
    bool HasRole(Role role) const {
        for (const auto& assignment : roles) {
            if (assignment.role == role) return true;
        }
        return false;
    }
    // Only the roles held on `day` stay: an actor acts in those alone (a request's session query
    // leaves the others out itself).
    void KeepRolesHeldOn(Date day) {
        std::erase_if(roles, [day](const RoleAssignment& assignment) { return !assignment.HeldOn(day); });
    }
};

// Usernames are compared without case: "Fatima" signs in as "fatima". Trims spaces around and
// lowers A–Z; letters beyond ASCII are kept as written.
std::string NormalizeUsername(std::string_view username);
// Usernames (normalized): 3–64 bytes of a–z, 0–9, '.', '-', '_' and letters of any alphabet.
// Errors: "user.username_invalid".
bool IsValidUsername(std::string_view username);
// Passwords: at least 12 characters (NIST SP 800-63B length over composition rules), at most 256.
bool IsAcceptablePassword(std::string_view password);
// A staff e-mail address as typed (trimmed by the caller): one "@" with a name before it and a
// domain with a dot after it, no spaces or control characters, at most 254 bytes. Whether mail
// arrives is the mail server's to tell; this catches what is plainly not an address.
bool IsPlausibleEmail(std::string_view email);
// A phone number as typed: 6–30 characters of digits, spaces, "+", "-" and parentheses, with at
// least 6 digits ("0470-123 45", "+46 470 12 34 56").
bool IsPlausiblePhone(std::string_view phone);

}  // namespace kronobarn::domain
