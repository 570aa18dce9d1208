// The log-review rules: which audit rows are flagged for a closer look (out of hours in Swedish
// time, emergency access, no standing relation, protected identity, many children in a short time,
// denied attempts), reproducible samples, who may review which organisation's log, and what a
// recorded review must say.
#include <gtest/gtest.h>

#include <set>

#include "domain/log_review.hpp"

namespace kronobarn::domain {
namespace {

using namespace std::chrono;

Timestamp Utc(year_month_day day, hours hour, minutes minute = minutes(0)) {
    return time_point_cast<milliseconds>(sys_days{day} + hour + minute);
}

// Monday 23 November 2026, 10:00 in Växjö (CET, UTC+1).
const Timestamp kMondayMorning = Utc(2026y / 11 / 23, hours(9));

ReviewedAccess Read(ChildId child, Timestamp at = kMondayMorning, UserId user = 7,
                    std::string basis = "coordination_holder") {
    return {at, user, child, std::move(basis), AuditOutcome::kAllowed, false};
}

TEST(OutOfHours, FollowsTheSwedishWallClockAcrossSummerTime) {
    const ReviewRules rules;
    EXPECT_FALSE(IsOutOfHours(kMondayMorning, rules));
    // 05:30 UTC is 06:30 in winter (out) and 07:30 in summer (in).
    EXPECT_TRUE(IsOutOfHours(Utc(2026y / 11 / 25, hours(5), minutes(30)), rules));
    EXPECT_FALSE(IsOutOfHours(Utc(2026y / 7 / 1, hours(5), minutes(30)), rules));
    // 16:30 UTC is 17:30 in winter (in) and 18:30 in summer (out).
    EXPECT_FALSE(IsOutOfHours(Utc(2026y / 11 / 25, hours(16), minutes(30)), rules));
    EXPECT_TRUE(IsOutOfHours(Utc(2026y / 7 / 1, hours(16), minutes(30)), rules));
    // Saturday noon.
    EXPECT_TRUE(IsOutOfHours(Utc(2026y / 11 / 28, hours(11)), rules));
    // Sunday 23:30 UTC is already Monday 00:30 in Växjö: still out of hours, but as Monday night.
    EXPECT_TRUE(IsOutOfHours(Utc(2026y / 11 / 22, hours(23), minutes(30)), rules));
}

TEST(SwedishDay, StartsAtLocalMidnightInWinterSummerAndOnTheSwitchDays) {
    EXPECT_EQ(FormatIso8601(StartOfSwedishDay(2026y / 11 / 23)), "2026-11-22T23:00:00.000Z");
    EXPECT_EQ(FormatIso8601(StartOfSwedishDay(2026y / 7 / 1)), "2026-06-30T22:00:00.000Z");
    EXPECT_EQ(FormatIso8601(StartOfSwedishDay(2026y / 3 / 29)), "2026-03-28T23:00:00.000Z");
    EXPECT_EQ(FormatIso8601(StartOfSwedishDay(2026y / 3 / 30)), "2026-03-29T22:00:00.000Z");
    EXPECT_EQ(FormatIso8601(StartOfSwedishDay(2026y / 10 / 26)), "2026-10-25T23:00:00.000Z");
}

TEST(ReviewFlags, MarkDeniedEmergencyProtectedAndBasesWithoutARelation) {
    std::vector<ReviewedAccess> accesses{
        Read(1),                                                                             // ordinary
        {kMondayMorning, 7, 2, "none", AuditOutcome::kDenied, false},                        // denied
        Read(3, kMondayMorning, 7, "emergency_access"),                                      // emergency
        {kMondayMorning, 7, 4, "participant_with_consent", AuditOutcome::kAllowed, true},    // protected child
        Read(5, kMondayMorning, 7, "something_new"),                                         // unknown basis
        {kMondayMorning, 7, std::nullopt, "authentication", AuditOutcome::kAllowed, false},  // a login
    };
    const auto flags = FlagAccesses(accesses, {});
    ASSERT_EQ(flags.size(), accesses.size());
    EXPECT_FALSE(flags[0].Any());
    EXPECT_EQ(flags[1].List(), std::vector<ReviewFlag>{ReviewFlag::kDenied});
    EXPECT_EQ(flags[2].List(), (std::vector<ReviewFlag>{ReviewFlag::kNoActiveRelation, ReviewFlag::kEmergencyAccess}));
    EXPECT_EQ(flags[3].List(), std::vector<ReviewFlag>{ReviewFlag::kProtectedIdentity});
    EXPECT_EQ(flags[4].List(), std::vector<ReviewFlag>{ReviewFlag::kNoActiveRelation});
    EXPECT_FALSE(flags[5].Any()) << "rows about no child are not judged by the child rules";
}

TEST(ReviewFlags, ManyDifferentChildrenWithinTheWindowAreFlaggedButNotTheSameChildOverAndOver) {
    ReviewRules rules;
    rules.many_children = 3;
    rules.many_children_window = minutes(60);
    std::vector<ReviewedAccess> accesses;
    // User 7 reads children 1, 2 within 10 minutes, then child 3 after 30: three in one hour.
    accesses.push_back(Read(1, kMondayMorning, 7));
    accesses.push_back(Read(2, kMondayMorning + minutes(10), 7));
    accesses.push_back(Read(3, kMondayMorning + minutes(40), 7));
    // Much later, one more child alone: outside every busy window.
    accesses.push_back(Read(4, kMondayMorning + hours(3), 7));
    // User 8 reads the same child ten times: never "many children".
    for (int i = 0; i < 10; ++i) accesses.push_back(Read(9, kMondayMorning + minutes(i), 8));
    // User 9 reads three children, but spread over three hours.
    for (int i = 0; i < 3; ++i) accesses.push_back(Read(20 + i, kMondayMorning + hours(i), 9));

    const auto flags = FlagAccesses(accesses, rules);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_TRUE(flags[i].Has(ReviewFlag::kManyChildren)) << i;
    EXPECT_FALSE(flags[3].Has(ReviewFlag::kManyChildren));
    for (std::size_t i = 4; i < flags.size(); ++i) EXPECT_FALSE(flags[i].Has(ReviewFlag::kManyChildren)) << i;

    // The rows may come newest first (as the workbench reads them): the same answer.
    std::vector<ReviewedAccess> reversed(accesses.rbegin(), accesses.rend());
    const auto reversed_flags = FlagAccesses(reversed, rules);
    for (std::size_t i = 0; i < accesses.size(); ++i) {
        EXPECT_EQ(reversed_flags[accesses.size() - 1 - i].Has(ReviewFlag::kManyChildren),
                  flags[i].Has(ReviewFlag::kManyChildren))
            << i;
    }
}

TEST(ReviewSample, IsDistinctInRangeAndTheSameForTheSameSeed) {
    const auto sample = DrawSample(1000, 20, 424242);
    ASSERT_EQ(sample.size(), 20U);
    EXPECT_EQ(std::set<std::size_t>(sample.begin(), sample.end()).size(), 20U);
    EXPECT_TRUE(std::is_sorted(sample.begin(), sample.end()));
    EXPECT_LT(sample.back(), 1000U);
    EXPECT_EQ(DrawSample(1000, 20, 424242), sample);
    EXPECT_NE(DrawSample(1000, 20, 424243), sample);
    EXPECT_EQ(DrawSample(5, 20, 1), (std::vector<std::size_t>{0, 1, 2, 3, 4})) << "never more than there is";
    EXPECT_TRUE(DrawSample(0, 20, 1).empty());
}

TEST(LogReviewAccess, OnlyALogReviewerOfThatOrganisation) {
    const std::vector<RoleAssignment> reviewer{{11, 3, Role::kLogReviewer, UnitKind::kAdministration}};
    const auto allowed = DecideLogReview(reviewer, 3);
    EXPECT_TRUE(allowed.Allowed());
    EXPECT_EQ(Code(allowed.basis), "log_reviewer");
    EXPECT_EQ(DecideLogReview(reviewer, 4).outcome, AccessOutcome::kDenyAsNotFound) << "another organisation";
    for (const Role role : {Role::kSystemAdmin, Role::kPrincipal, Role::kSteeringGroup, Role::kSocialWorker}) {
        const std::vector<RoleAssignment> other{{11, 3, role, UnitKind::kAdministration}};
        EXPECT_EQ(DecideLogReview(other, 3).outcome, AccessOutcome::kDenyAsNotFound) << Code(role);
    }
    EXPECT_EQ(ReviewableOrganisations(reviewer), std::vector<OrganisationId>{3});
}

TEST(RecordedReview, SaysWhatWasCheckedAndWithRemarksWhatWasFoundAndDone) {
    auto ok = RecordLogReview(3, 7, "organisation=3", "  Stickprov 20 rader ", "no_remarks", "", "", kMondayMorning);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->checked, "Stickprov 20 rader");
    EXPECT_EQ(ok->finding, ReviewFinding::kNoRemarks);

    auto key = [](const Result<LogReview>& result) { return result ? "" : result.error().message_key; };
    EXPECT_EQ(key(RecordLogReview(3, 7, "", "  ", "no_remarks", "", "", kMondayMorning)), "log_review.checked_missing");
    EXPECT_EQ(key(RecordLogReview(3, 7, "", "x", "maybe", "", "", kMondayMorning)), "log_review.finding_unknown");
    EXPECT_EQ(key(RecordLogReview(3, 7, "", "x", "remarks", "", "Samtal", kMondayMorning)),
              "log_review.finding_text_missing");
    EXPECT_EQ(key(RecordLogReview(3, 7, "", "x", "remarks", "Läste utan grund", " ", kMondayMorning)),
              "log_review.action_missing");
    EXPECT_EQ(key(RecordLogReview(3, 7, "", std::string(4001, 'a'), "no_remarks", "", "", kMondayMorning)),
              "log_review.too_long");
    EXPECT_TRUE(RecordLogReview(3, 7, "", "x", "remarks", "Läste utan grund", "Samtal med chef", kMondayMorning));
}

}  // namespace
}  // namespace kronobarn::domain
