// AuditEvent: what every access to child data — and every login — must leave behind (domain.md §7):
// who (user, role, unit, organisation), what (action, object), about whom (child), on what legal
// basis, with what outcome, when, and in which request. Rows are chained: each row's hash covers
// its canonical form and the previous row's hash, so an edited, deleted or reordered row breaks
// the chain from that row on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::domain {

enum class AuditOutcome { kAllowed, kDenied };

std::string_view Code(AuditOutcome outcome);

struct AuditEvent {
    Timestamp at{};
    std::optional<UserId> user_id;  // nullopt for a failed login of an unknown account
    std::string role;               // role code the actor acted in, empty when none
    std::optional<UnitId> unit_id;
    std::optional<OrganisationId> organisation_id;
    std::optional<ChildId> child_id;  // nullopt for events not about a child (login)
    std::string object_type;          // "session", "child", "plan", …
    std::string object_id;
    std::string action;       // "login", "logout", "read", "create", "update", "export", …
    std::string legal_basis;  // e.g. "authentication", "coordination_holder"
    AuditOutcome outcome = AuditOutcome::kAllowed;
    std::string request_id;
};

// The exact bytes that go into the hash: every field, in a fixed order, length-prefixed so that no
// two different events can produce the same text.
std::string CanonicalForm(const AuditEvent& event);

// The hash chain's seed before the first row.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace kronobarn::domain
