#include "domain/log_review.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <set>

#include "common/text.hpp"

namespace kronobarn::domain {
namespace {

constexpr std::array<std::pair<ReviewFlag, std::string_view>, kReviewFlagCount> kFlagCodes{{
    {ReviewFlag::kNoActiveRelation, "no_active_relation"},
    {ReviewFlag::kEmergencyAccess, "emergency_access"},
    {ReviewFlag::kOutOfHours, "out_of_hours"},
    {ReviewFlag::kProtectedIdentity, "protected_identity"},
    {ReviewFlag::kManyChildren, "many_children"},
    {ReviewFlag::kDenied, "denied"},
}};

// Bases resting on a standing relation to the child. Authentication and administration rows carry
// no child and are never judged by this.
constexpr std::array<std::string_view, 9> kRelationBases{
    "coordination_holder", "collaboration_responsible", "participant_with_consent", "noticing_user",
    "register_concern",    "social_services_report",    "handover_receiver",        "guardian",
    "child_self",
};

// Marks every access of one user that falls in a window of `rules.many_children_window` holding
// at least `rules.many_children` distinct children. `indices` are that user's accesses in time order.
void FlagManyChildren(const std::vector<ReviewedAccess>& accesses, const std::vector<std::size_t>& indices,
                      const ReviewRules& rules, std::vector<ReviewFlags>& flags) {
    std::map<ChildId, int> in_window;
    std::size_t first = 0;
    std::size_t marked_until = 0;  // positions before this are already marked
    for (std::size_t last = 0; last < indices.size(); ++last) {
        const auto& newest = accesses[indices[last]];
        ++in_window[*newest.child_id];
        while (accesses[indices[first]].at <= newest.at - rules.many_children_window) {
            const ChildId leaving = *accesses[indices[first]].child_id;
            if (--in_window[leaving] == 0) in_window.erase(leaving);
            ++first;
        }
        if (static_cast<int>(in_window.size()) < rules.many_children) continue;
        for (std::size_t position = std::max(first, marked_until); position <= last; ++position) {
            flags[indices[position]].Set(ReviewFlag::kManyChildren);
        }
        marked_until = last + 1;
    }
}

}  // namespace

std::string_view Code(ReviewFlag flag) {
    for (const auto& [value, code] : kFlagCodes) {
        if (value == flag) return code;
    }
    return "denied";
}

std::optional<ReviewFlag> ParseReviewFlag(std::string_view code) {
    for (const auto& [value, known] : kFlagCodes) {
        if (known == code) return value;
    }
    return std::nullopt;
}

std::vector<ReviewFlag> AllReviewFlags() {
    std::vector<ReviewFlag> flags;
    for (const auto& [value, code] : kFlagCodes) flags.push_back(value);
    return flags;
}

std::vector<ReviewFlag> ReviewFlags::List() const {
    std::vector<ReviewFlag> flags;
    for (const auto flag : AllReviewFlags()) {
        if (Has(flag)) flags.push_back(flag);
    }
    return flags;
}

bool IsOutOfHours(Timestamp at, const ReviewRules& rules) {
    using namespace std::chrono;
    const local_seconds local = SwedishLocalTime(at);
    const local_days day = floor<days>(local);
    const weekday weekday_of{day};
    if (weekday_of == Saturday || weekday_of == Sunday) return true;
    const auto hour = duration_cast<hours>(local - day).count();
    return hour < rules.working_day_starts_hour || hour >= rules.working_day_ends_hour;
}

bool IsRelationBasis(std::string_view legal_basis) {
    return std::find(kRelationBases.begin(), kRelationBases.end(), legal_basis) != kRelationBases.end();
}

std::vector<ReviewFlags> FlagAccesses(const std::vector<ReviewedAccess>& accesses, const ReviewRules& rules) {
    std::vector<ReviewFlags> flags(accesses.size());
    std::map<UserId, std::vector<std::size_t>> child_accesses_by_user;
    for (std::size_t i = 0; i < accesses.size(); ++i) {
        const auto& access = accesses[i];
        if (access.outcome == AuditOutcome::kDenied) flags[i].Set(ReviewFlag::kDenied);
        if (IsOutOfHours(access.at, rules)) flags[i].Set(ReviewFlag::kOutOfHours);
        if (!access.child_id) continue;
        if (access.child_protected) flags[i].Set(ReviewFlag::kProtectedIdentity);
        if (access.legal_basis == Code(LegalBasis::kEmergencyAccess)) flags[i].Set(ReviewFlag::kEmergencyAccess);
        if (access.outcome == AuditOutcome::kAllowed && !IsRelationBasis(access.legal_basis)) {
            flags[i].Set(ReviewFlag::kNoActiveRelation);
        }
        if (access.user_id) child_accesses_by_user[*access.user_id].push_back(i);
    }
    for (auto& [user, indices] : child_accesses_by_user) {
        std::stable_sort(indices.begin(), indices.end(),
                         [&](std::size_t a, std::size_t b) { return accesses[a].at < accesses[b].at; });
        FlagManyChildren(accesses, indices, rules, flags);
    }
    return flags;
}

std::vector<std::size_t> DrawSample(std::size_t population, std::size_t count, std::uint64_t seed) {
    // mt19937_64 is specified bit for bit by the standard, so the same seed draws the same rows on
    // every platform; the selection is Floyd's algorithm over that stream.
    std::mt19937_64 random(seed);
    count = std::min(count, population);
    std::set<std::size_t> chosen;
    for (std::size_t j = population - count; j < population; ++j) {
        const std::size_t candidate = static_cast<std::size_t>(random() % (j + 1));
        if (!chosen.insert(candidate).second) chosen.insert(j);
    }
    return {chosen.begin(), chosen.end()};
}

AccessDecision DecideLogReview(const std::vector<RoleAssignment>& roles, OrganisationId organisation) {
    const bool reviewer = std::any_of(roles.begin(), roles.end(), [&](const RoleAssignment& assignment) {
        return assignment.role == Role::kLogReviewer && assignment.organisation_id == organisation;
    });
    if (!reviewer) return {AccessOutcome::kDenyAsNotFound, LegalBasis::kNone, "not_log_reviewer"};
    return {AccessOutcome::kAllow, LegalBasis::kLogReviewer, "log_reviewer"};
}

std::vector<OrganisationId> ReviewableOrganisations(const std::vector<RoleAssignment>& roles) {
    std::vector<OrganisationId> organisations;
    for (const auto& assignment : roles) {
        if (assignment.role != Role::kLogReviewer) continue;
        if (std::find(organisations.begin(), organisations.end(), assignment.organisation_id) == organisations.end()) {
            organisations.push_back(assignment.organisation_id);
        }
    }
    return organisations;
}

std::string_view Code(ReviewFinding finding) { return finding == ReviewFinding::kRemarks ? "remarks" : "no_remarks"; }

std::optional<ReviewFinding> ParseReviewFinding(std::string_view code) {
    if (code == "no_remarks") return ReviewFinding::kNoRemarks;
    if (code == "remarks") return ReviewFinding::kRemarks;
    return std::nullopt;
}

Result<LogReview> RecordLogReview(OrganisationId organisation, UserId reviewer, std::string scope, std::string checked,
                                  std::string_view finding, std::string finding_text, std::string action_taken,
                                  Timestamp now) {
    LogReview review;
    review.organisation_id = organisation;
    review.reviewer_user_id = reviewer;
    review.reviewed_at = now;
    review.scope = Trimmed(scope);
    review.checked = Trimmed(checked);
    review.finding_text = Trimmed(finding_text);
    review.action_taken = Trimmed(action_taken);
    if (review.checked.empty()) return Error::InvalidArgument("log_review.checked_missing");
    const auto parsed = ParseReviewFinding(finding);
    if (!parsed) return Error::InvalidArgument("log_review.finding_unknown");
    review.finding = *parsed;
    for (const auto* text : {&review.scope, &review.checked, &review.finding_text, &review.action_taken}) {
        if (text->size() > kMaxReviewTextLength) return Error::InvalidArgument("log_review.too_long");
    }
    if (review.finding == ReviewFinding::kRemarks) {
        if (review.finding_text.empty()) return Error::InvalidArgument("log_review.finding_text_missing");
        if (review.action_taken.empty()) return Error::InvalidArgument("log_review.action_missing");
    }
    return review;
}

}  // namespace kronobarn::domain
