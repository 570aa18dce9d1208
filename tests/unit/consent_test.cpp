// Consent rules: in force only with every required party, within the period, not withdrawn.
#include <gtest/gtest.h>

#include "domain/consent.hpp"

namespace kronobarn::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

constexpr GuardianId kMother = 1, kFather = 2;
constexpr UnitId kSchool = 10, kSocial = 11, kClub = 12;
const Date kFrom = year{2026} / 11 / 1, kTo = year{2027} / 6 / 30, kToday = year{2026} / 11 / 23;

Consent JointConsent() {
    Consent consent;
    consent.child_id = 5;
    consent.purpose = "Samverkan";
    consent.unit_ids = {kSchool, kSocial};
    consent.categories = {DataCategory::kSchool, DataCategory::kSocial};
    consent.valid_from = kFrom;
    consent.valid_to = kTo;
    consent.parties = {{kMother, "Eva"}, {kFather, "Per"}};
    return consent;
}

const std::vector<GuardianId> kJoint{kMother, kFather};

TEST(Consent, InForceWhenBothGuardiansConsentedWithinThePeriod) {
    EXPECT_EQ(StateOf(JointConsent(), kJoint, kToday, std::nullopt), ConsentState::kInForce);
    EXPECT_TRUE(Covers(JointConsent(), kJoint, kSocial, DataCategory::kSocial, kToday, std::nullopt));
}

// From the 18th birthday the young person decides alone: the guardians' consent stops counting
// that day; a consent the young person gave themselves goes on until it ends.
TEST(Consent, TheGuardiansConsentEndsOnTheEighteenthBirthdayTheYoungPersonsOwnDoesNot) {
    const Date eighteen = year{2026} / 11 / 24;
    EXPECT_EQ(StateOf(JointConsent(), kJoint, kToday, eighteen), ConsentState::kInForce) << "the day before";
    EXPECT_EQ(StateOf(JointConsent(), kJoint, eighteen, eighteen), ConsentState::kEndedAtAdulthood);
    EXPECT_FALSE(Covers(JointConsent(), kJoint, kSocial, DataCategory::kSocial, eighteen, eighteen));
    Consent own = JointConsent();
    own.child_assessed_mature = true;
    own.parties.push_back({std::nullopt, "Maja"});
    EXPECT_EQ(StateOf(own, kJoint, eighteen, eighteen), ConsentState::kInForce);
    EXPECT_EQ(Code(ConsentState::kEndedAtAdulthood), "ended_at_adulthood");
}

TEST(Consent, OneOfTwoGuardiansIsOnlyPartialAndGrantsNothing) {
    Consent consent = JointConsent();
    consent.parties.pop_back();
    EXPECT_EQ(StateOf(consent, kJoint, kToday, std::nullopt), ConsentState::kPartial);
    EXPECT_FALSE(Covers(consent, kJoint, kSocial, DataCategory::kSocial, kToday, std::nullopt));
    // With sole custody the one guardian is enough.
    EXPECT_EQ(StateOf(consent, {kMother}, kToday, std::nullopt), ConsentState::kInForce);
}

TEST(Consent, ChildWithoutGuardiansOnRecordCannotHaveAConsentInForce) {
    EXPECT_EQ(StateOf(JointConsent(), {}, kToday, std::nullopt), ConsentState::kPartial);
}

TEST(Consent, MatureChildMustConsentToo) {
    Consent consent = JointConsent();
    consent.child_assessed_mature = true;
    EXPECT_EQ(StateOf(consent, kJoint, kToday, std::nullopt), ConsentState::kPartial);
    consent.parties.push_back({std::nullopt, "barnet"});
    EXPECT_EQ(StateOf(consent, kJoint, kToday, std::nullopt), ConsentState::kInForce);
}

TEST(Consent, PeriodBoundariesAreInclusive) {
    EXPECT_EQ(StateOf(JointConsent(), kJoint, kFrom, std::nullopt), ConsentState::kInForce);
    EXPECT_EQ(StateOf(JointConsent(), kJoint, kTo, std::nullopt), ConsentState::kInForce);
    EXPECT_EQ(StateOf(JointConsent(), kJoint, year{2027} / 7 / 1, std::nullopt), ConsentState::kExpired);
    EXPECT_EQ(StateOf(JointConsent(), kJoint, year{2026} / 10 / 31, std::nullopt), ConsentState::kNotYetValid);
    EXPECT_EQ(DaysUntilExpiry(JointConsent(), year{2027} / 6 / 20), 10);
}

TEST(Consent, CoversOnlyTheNamedUnitsAndCategories) {
    EXPECT_FALSE(Covers(JointConsent(), kJoint, kClub, DataCategory::kOther, kToday, std::nullopt)) << "unit not named";
    EXPECT_FALSE(Covers(JointConsent(), kJoint, kSocial, DataCategory::kHealth, kToday, std::nullopt))
        << "wrong category";
}

TEST(Consent, WithdrawalEndsItAtOnceAndOnlyOnce) {
    Consent consent = JointConsent();
    const Timestamp at = FromUnixMillis(1'795'000'000'000);
    ASSERT_TRUE(Withdraw(consent, 7, "Per", at));
    EXPECT_EQ(StateOf(consent, kJoint, kToday, std::nullopt), ConsentState::kWithdrawn);
    EXPECT_FALSE(Covers(consent, kJoint, kSchool, DataCategory::kSchool, kToday, std::nullopt));
    const auto again = Withdraw(consent, 7, "Per", at);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message_key, "consent.already_withdrawn");
    Consent unnamed = JointConsent();
    EXPECT_EQ(Withdraw(unnamed, 7, " ", at).error().message_key, "consent.withdrawn_by_missing");
}

TEST(Consent, ARefusalGrantsNothingAndCanBeNeitherWithdrawnNorGiven) {
    Consent consent = JointConsent();
    consent.refused = true;
    EXPECT_EQ(StateOf(consent, kJoint, kToday, std::nullopt), ConsentState::kRefused);
    EXPECT_FALSE(Covers(consent, kJoint, kSchool, DataCategory::kSchool, kToday, std::nullopt));
    EXPECT_EQ(Withdraw(consent, 7, "Per", FromUnixMillis(1'795'000'000'000)).error().message_key, "consent.refused");
    consent.parties.pop_back();
    const Guardian father{kFather, "Per", "Persson"};
    EXPECT_EQ(GiveConsent(consent, father, kJoint, kToday).error().message_key, "consent.refused");
    EXPECT_EQ(StateOf(consent, kJoint, kToday, std::nullopt), ConsentState::kRefused);
}

TEST(ConsentValidation, RefusesWhatCannotBeAConsent) {
    auto key = [](Consent consent) {
        const auto status = ValidateConsent(consent, kJoint);
        return status ? std::string("ok") : status.error().message_key;
    };
    EXPECT_EQ(key(JointConsent()), "ok");
    Consent c = JointConsent();
    c.valid_to = year{2026} / 10 / 1;
    EXPECT_EQ(key(c), "consent.period_reversed");
    c = JointConsent();
    c.parties.clear();
    EXPECT_EQ(key(c), "consent.no_party");
    c = JointConsent();
    c.parties.push_back({99, "Granne"});
    EXPECT_EQ(key(c), "consent.party_not_guardian");
    c = JointConsent();
    c.unit_ids.clear();
    EXPECT_EQ(key(c), "consent.no_units");
    c = JointConsent();
    c.categories.clear();
    EXPECT_EQ(key(c), "consent.no_categories");
    c = JointConsent();
    c.purpose = "  ";
    EXPECT_EQ(key(c), "consent.purpose_missing");
    c = JointConsent();
    c.form = ConsentForm::kOral;
    EXPECT_EQ(key(c), "consent.oral_needs_documentation");
    c.documented_by = "Anna Rektor, telefon 23/11";
    EXPECT_EQ(key(c), "ok");
}

TEST(DataCategories, EachUnitKindBelongsToItsSector) {
    EXPECT_EQ(CategoryOf(UnitKind::kSchoolUnit), DataCategory::kSchool);
    EXPECT_EQ(CategoryOf(UnitKind::kBup), DataCategory::kHealth);
    EXPECT_EQ(CategoryOf(UnitKind::kSocialServices), DataCategory::kSocial);
    EXPECT_EQ(CategoryOf(UnitKind::kClub), DataCategory::kOther);
    EXPECT_EQ(CategoryOf(UnitKind::kPoliceArea), DataCategory::kOther);
}

}  // namespace
}  // namespace kronobarn::domain
