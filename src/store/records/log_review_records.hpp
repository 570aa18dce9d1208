// The log-review workbench's search and what it lists.
#pragma once

#include <cstdint>
#include <string>

#include "common/time.hpp"
#include "domain/log_review.hpp"
#include "store/records/identity_records.hpp"

namespace kronobarn::store {

// Which rows of one organisation's log to read; zero ids and an empty action mean "any".
struct AuditSearch {
    domain::OrganisationId organisation_id = 0;
    Timestamp from{};  // inclusive
    Timestamp to{};    // exclusive
    domain::UserId user_id = 0;
    domain::ChildId child_id = 0;
    domain::UnitId unit_id = 0;
    std::string action;
    // Sign-in rows proven this way ("password", "password+totp", "oidc:region", …); empty = any row.
    std::string sign_in_method;
    bool denied_only = false;
    std::int64_t through_sequence = 0;  // rows up to this one only; 0 = up to the newest
    int limit = 0;
};

// One audit row with the names a reviewer reads it by.
struct AuditListing {
    AuditRow row;  // without the hashes
    std::string user_name;
    std::string username;
    std::string unit_name;
    std::string child_name;
    bool child_protected = false;
};

struct LogReviewListing {
    domain::LogReview review;
    std::string reviewer_name;
};

}  // namespace kronobarn::store
