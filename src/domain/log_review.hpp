// Log review (loggkontroll, issue 4 §4): a reviewer of an organisation checks who opened which
// child's data. The rules here mark the rows worth a closer look and draw reproducible samples;
// what a review found is recorded and itself audited. Pure: the caller brings the rows and the time.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/access.hpp"
#include "domain/audit_event.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::domain {

enum class ReviewFlag : std::uint8_t {
    kNoActiveRelation,  // allowed on a basis that is no standing relation to the child (e.g. emergency)
    kEmergencyAccess,
    kOutOfHours,         // evenings, nights and weekends, Swedish local time
    kProtectedIdentity,  // the child has skyddad identitet: every view is reviewed
    kManyChildren,       // one user opened many different children within a short time
    kDenied,             // an attempt the access decision refused
};
inline constexpr std::size_t kReviewFlagCount = 6;

std::string_view Code(ReviewFlag flag);
std::optional<ReviewFlag> ParseReviewFlag(std::string_view code);
std::vector<ReviewFlag> AllReviewFlags();

// A set of flags as bits, one per ReviewFlag.
class ReviewFlags {
  public:
    void Set(ReviewFlag flag) { bits_ |= Bit(flag); }
    bool Has(ReviewFlag flag) const { return (bits_ & Bit(flag)) != 0; }
    bool Any() const { return bits_ != 0; }
    std::vector<ReviewFlag> List() const;

  private:
    static std::uint8_t Bit(ReviewFlag flag) { return static_cast<std::uint8_t>(1U << static_cast<unsigned>(flag)); }
    std::uint8_t bits_ = 0;
};

struct ReviewRules {
    int working_day_starts_hour = 7;                // local time; accesses from here …
    int working_day_ends_hour = 18;                 // … until here on weekdays are within office hours
    int many_children = 20;                         // distinct children by one user …
    std::chrono::minutes many_children_window{60};  // … within this time
};

// One audit row as the rules need it.
struct ReviewedAccess {
    Timestamp at{};
    std::optional<UserId> user_id;
    std::optional<ChildId> child_id;
    std::string legal_basis;
    AuditOutcome outcome = AuditOutcome::kAllowed;
    bool child_protected = false;
};

// Weekends, and weekdays before working_day_starts_hour or from working_day_ends_hour, in Swedish
// local time. Public holidays are not known to the rule and count as weekdays.
bool IsOutOfHours(Timestamp at, const ReviewRules& rules);

// True for the bases that rest on a standing relation to the child (holder, participant with
// consent, guardian, the professional registering their own signal, …); false for emergency
// access and anything unknown.
bool IsRelationBasis(std::string_view legal_basis);

// The flags of each access, in the order given. "Many children" looks at all accesses given, so
// the caller passes every row of the period it wants judged, not just one page of them.
std::vector<ReviewFlags> FlagAccesses(const std::vector<ReviewedAccess>& accesses, const ReviewRules& rules);

// `count` distinct positions in [0, population), in ascending order, the same for the same seed,
// so a reviewer can name the sample in a review and anyone can draw it again.
std::vector<std::size_t> DrawSample(std::size_t population, std::size_t count, std::uint64_t seed);

// May the actor review the log of `organisation`? Only as a log reviewer of that organisation
// (basis "log_reviewer"); anyone else is answered "not found", like any other denial.
AccessDecision DecideLogReview(const std::vector<RoleAssignment>& roles, OrganisationId organisation);

// The organisations whose logs the actor reviews.
std::vector<OrganisationId> ReviewableOrganisations(const std::vector<RoleAssignment>& roles);

using LogReviewId = std::int64_t;

enum class ReviewFinding { kNoRemarks, kRemarks };
std::string_view Code(ReviewFinding finding);
std::optional<ReviewFinding> ParseReviewFinding(std::string_view code);

inline constexpr std::size_t kMaxReviewTextLength = 4000;

// What a reviewer checked, what they found and what was done about it.
struct LogReview {
    LogReviewId id = 0;
    OrganisationId organisation_id = 0;
    UserId reviewer_user_id = 0;
    Timestamp reviewed_at{};
    std::string scope;  // the filter and sample the review covered, as the reviewer saw it
    std::string checked;
    ReviewFinding finding = ReviewFinding::kNoRemarks;
    std::string finding_text;
    std::string action_taken;
};

// Validates a review before it is saved. Errors (kInvalidArgument, shown on the form, nothing
// saved): "log_review.checked_missing", "log_review.finding_unknown", "log_review.finding_text_missing"
// and "log_review.action_missing" (remarks need both what was found and what was done),
// "log_review.too_long".
Result<LogReview> RecordLogReview(OrganisationId organisation, UserId reviewer, std::string scope, std::string checked,
                                  std::string_view finding, std::string finding_text, std::string action_taken,
                                  Timestamp now);

}  // namespace kronobarn::domain
