// What the store reads and writes about accounts, sessions and the audit chain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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
