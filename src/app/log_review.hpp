// Log review (loggkontroll) use cases: a log reviewer filters their organisation's audit log by
// period, user, child, unit, action and rule flag, draws a reproducible random sample, and records
// what a review checked, found and did. Every look at the log and every recorded review is itself
// audited (object "audit_log" / "log_review", basis "log_reviewer"); anyone else is answered "not
// found" and the attempt is recorded.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/log_review.hpp"
#include "domain/organisation.hpp"
#include "store/records/forward.hpp"
#include "store/records/log_review_records.hpp"

namespace kronobarn::app {

// The workbench's filter as typed; empty fields mean "any" (the period: the last 30 days).
struct LogReviewQuery {
    std::string organisation;  // organisation id; empty = the reviewer's first
    std::string from;          // YYYY-MM-DD, Swedish days, both inclusive
    std::string to;
    std::string username;
    std::string personal_number;
    std::string unit;     // unit id
    std::string action;   // audit action code, e.g. "read"
    std::string flag;     // a review flag code, or "any" for every flagged row
    std::string sample;   // sample size; empty = no sample
    std::string seed;     // the sample's seed; empty = a new one
    std::string through;  // the last log row (sequence) considered; empty = up to the newest
    std::string method;   // sign-in method, e.g. "password+totp" or "oidc:region"; empty = any row
};

struct ReviewedRow {
    store::AuditListing listing;
    domain::ReviewFlags flags;
};

struct LogReviewOrganisation {
    domain::OrganisationId id = 0;
    std::string name;
};

struct LogReviewPage {
    std::vector<LogReviewOrganisation> organisations;  // those the actor reviews
    domain::OrganisationId organisation_id = 0;
    std::vector<domain::Unit> units;  // of that organisation, for the filter
    Date from{};
    Date to{};
    std::vector<ReviewedRow> rows;    // matching rows (or the sample), newest first, at most kShownRows
    std::size_t matching = 0;         // rows matching the filter among those read
    bool read_limit_reached = false;  // the period holds more rows than the workbench reads at once
    std::array<std::size_t, domain::kReviewFlagCount> flag_counts{};  // among the matching rows
    std::optional<std::uint64_t> seed;                                // set when `rows` is a sample
    std::int64_t through = 0;  // the newest row considered: with the seed, it draws the same sample again
    std::string scope;         // the filter and sample in one line: saved with a review, written in the audit row
    std::vector<store::LogReviewListing> reviews;  // the organisation's latest recorded reviews
};

struct RecordedReview {
    std::string organisation;  // organisation id as posted
    std::string scope;
    std::string checked;
    std::string finding;  // "no_remarks" / "remarks"
    std::string finding_text;
    std::string action_taken;
};

class LogReviews {
  public:
    static constexpr int kReadLimit = 5000;  // rows of one period judged at once
    static constexpr std::size_t kShownRows = 500;
    static constexpr std::size_t kMaxSample = 200;

    LogReviews(store::Store& store, const Clock& clock, domain::ReviewRules rules = {})
        : store_(store), clock_(clock), rules_(rules) {}

    // Errors: kNotFound for anyone who is not a log reviewer of the organisation (recorded as a
    // denied attempt); kInvalidArgument, shown beside the filter: "log_review.date_invalid",
    // "log_review.period_order", "log_review.user_unknown", "log_review.child_unknown",
    // "log_review.unit_unknown", "log_review.flag_unknown", "log_review.sample_invalid",
    // "log_review.through_invalid" and the personal-number keys.
    Result<LogReviewPage> Search(const Actor& actor, const LogReviewQuery& query, const RequestContext& context);

    // Saves a review and its audit row together. Errors: kNotFound as above; the keys of
    // domain::RecordLogReview.
    Result<domain::LogReviewId> Record(const Actor& actor, const RecordedReview& review, const RequestContext& context);

    // The organisations the actor reviews (empty for anyone else).
    Result<std::vector<LogReviewOrganisation>> Organisations(const Actor& actor);

  private:
    store::Store& store_;
    const Clock& clock_;
    domain::ReviewRules rules_;
};

}  // namespace kronobarn::app
