// What the store reads and writes about accounts, sessions and the audit chain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/time.hpp"
#include "domain/audit_event.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::store {

struct UserCredentials {
    domain::UserAccount user;
    std::string password_hash;
};

struct SessionRecord {
    std::string token_hash;  // the raw token never reaches the database
    domain::UserId user_id = 0;
    Timestamp created_at{};
    Timestamp last_seen_at{};
    std::string method = "password";  // how the person was proven: "password+totp", "oidc:region", …
};

// A sign-in sent to an identity provider, waiting for its answer (hashes only of state and browser).
struct SsoRequestRecord {
    std::string state_hash;
    std::string provider;
    std::string nonce;
    std::string code_verifier;
    std::string browser_hash;
    Timestamp created_at{};
};

struct LoginStepRecord {
    std::string token_hash;
    domain::UserId user_id = 0;
    Timestamp created_at{};
    std::string first_method = "password";  // what proved the person before this step
};

struct SecondFactorRecord {
    std::string secret;                     // base32
    std::optional<Timestamp> confirmed_at;  // empty while being set up
    std::int64_t last_step = 0;             // newest accepted 30-second step
    int recovery_codes_left = 0;
};

// A request's session with its account, roles or family links loaded; `user` is empty when the
// account no longer exists.
struct SessionWithUser {
    SessionRecord session;
    std::optional<domain::UserAccount> user;
};

struct AuditRow {
    std::int64_t sequence = 0;
    domain::AuditEvent event;
    std::string previous_hash;
    std::string hash;
};

// What ties a unit to children and staff now, counted: each must be handed over (or the roles
// moved) before the unit can close. Counts, not names: an administrator sees no child's data.
struct UnitObligations {
    std::int64_t children_held = 0;      // children whose Barnens bästa-ansvar the unit holds
    std::int64_t pending_handovers = 0;  // handovers to or from it that wait for an answer
    std::int64_t open_plans = 0;         // plans not closed that it is collaboration-responsible for or keeps
    std::int64_t open_signals = 0;       // signals in its inbox that nobody has taken a position on
    std::int64_t staff_roles = 0;        // roles staff hold in it

    bool None() const {
        return children_held == 0 && pending_handovers == 0 && open_plans == 0 && open_signals == 0 && staff_roles == 0;
    }
};

// What a merge moved from one unit to the unit that takes over, for the audit row of each.
struct UnitMerge {
    std::vector<domain::ChildId> children;                            // whose Barnens bästa-ansvar moved
    std::vector<std::pair<std::int64_t, domain::ChildId>> plans;      // open plans (id, child) now naming the new unit
    std::vector<std::pair<std::int64_t, domain::ChildId>> signals;    // waiting signals (id, child) now in its inbox
    std::vector<std::pair<domain::UserId, std::string>> roles_moved;  // (person, role code) now in the new unit
    std::vector<std::pair<domain::UserId, std::string>> roles_ended;  // already held there: the old one ended
};

// One deletion of old audit rows by retention (audit_retention.hpp).
struct AuditRetentionRun {
    std::int64_t id = 0;
    Timestamp run_at{};
    Timestamp cutoff{};
    std::int64_t through_sequence = 0;  // the last row deleted
    std::string anchor_hash;            // its hash, named by the first kept row
    std::int64_t deleted_rows = 0;
};

}  // namespace kronobarn::store
