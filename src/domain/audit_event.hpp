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
#include <vector>

#include "common/time.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::domain {

enum class AuditOutcome { kAllowed, kDenied };

std::string_view Code(AuditOutcome outcome);

// One field an administrative change altered, with its value before and after ("" = none): an
// administrator's row says what was there, not only that something changed.
struct AuditChange {
    std::string field;  // "name", "email", "valid_to", "holder", …
    std::string before;
    std::string after;

    bool operator==(const AuditChange&) const = default;
};

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
    std::vector<AuditChange> changes;  // administrative rows: each field's before and after; empty otherwise
};

// Adds a change of `field` to `changes` when `before` and `after` differ.
void NoteChange(std::vector<AuditChange>& changes, std::string field, std::string before, std::string after);

// The changes as one stored text, length-prefixed like the canonical form ("" for none), and back;
// nothing when the text is not such an encoding.
std::string EncodeChanges(const std::vector<AuditChange>& changes);
std::optional<std::vector<AuditChange>> DecodeChanges(std::string_view encoded);

// The exact bytes that go into the hash: every field, in a fixed order, length-prefixed so that no
// two different events can produce the same text. The changes come last and only when there are
// some, so every row written before they existed hashes as it did.
std::string CanonicalForm(const AuditEvent& event);

// The hash chain's seed before the first row.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace kronobarn::domain
