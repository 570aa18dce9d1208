#include "domain/audit_event.hpp"

#include "domain/administrative_change.hpp"
#include "domain/audit_retention.hpp"

#include <gtest/gtest.h>

#include "store/audit_chain.hpp"

namespace kronobarn::domain {
namespace {

AuditEvent Sample() {
    AuditEvent event;
    event.at = FromUnixMillis(1'800'000'000'000);
    event.user_id = 7;
    event.role = "bvc_nurse";
    event.child_id = 42;
    event.object_type = "plan";
    event.object_id = "9";
    event.action = "read";
    event.legal_basis = "coordination_holder";
    event.request_id = "abc-1";
    return event;
}

TEST(AuditEvent, CanonicalFormCoversEveryField) {
    const std::string base = CanonicalForm(Sample());
    auto changed = [&](auto mutate) {
        AuditEvent event = Sample();
        mutate(event);
        return CanonicalForm(event) != base;
    };
    EXPECT_TRUE(changed([](AuditEvent& e) { e.at += std::chrono::milliseconds(1); }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.user_id = 8; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.user_id.reset(); }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.role = "principal"; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.unit_id = 1; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.organisation_id = 1; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.child_id = 43; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.object_type = "child"; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.object_id = "10"; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.action = "update"; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.legal_basis = "emergency"; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.outcome = AuditOutcome::kDenied; }));
    EXPECT_TRUE(changed([](AuditEvent& e) { e.request_id = "abc-2"; }));
}

TEST(AuditEvent, FieldBoundariesCannotBeShifted) {
    AuditEvent a = Sample(), b = Sample();
    a.object_type = "pla";
    a.object_id = "n9";
    EXPECT_NE(CanonicalForm(a), CanonicalForm(b));
}

TEST(AuditEvent, RowsWithoutChangesHashAsBeforeChangesExisted) {
    // The form rows were hashed with before migration 0039: twelve fields, the request id last.
    // Changing it would break the chain of every log already written.
    EXPECT_EQ(
        CanonicalForm(Sample()),
        "13:1800000000000;1:7;9:bvc_nurse;1:-;1:-;2:42;4:plan;1:9;4:read;19:coordination_holder;7:allowed;5:abc-1;");
    AuditEvent changed = Sample();
    changed.changes = {{"name", "Gamla", "Nya"}};
    EXPECT_NE(CanonicalForm(changed), CanonicalForm(Sample()));
    AuditEvent other = changed;
    other.changes = {{"name", "Gamla", "Nyare"}};
    EXPECT_NE(CanonicalForm(other), CanonicalForm(changed)) << "the values are hashed, not only the field";
}

TEST(AuditEvent, ChangesSurviveTheirStoredTextWhateverTheyHold) {
    const std::vector<AuditChange> changes{
        {"name", "A;b:c", "Ängby förskola"}, {"email", "", "x@y.se"}, {"valid_to", "2027-01-01", ""}};
    EXPECT_EQ(DecodeChanges(EncodeChanges(changes)), changes);
    EXPECT_EQ(EncodeChanges({}), "");
    EXPECT_EQ(DecodeChanges(""), std::vector<AuditChange>{});
    for (const std::string_view broken :
         {"4:name;", "4:name;1:a;", "x:name;1:a;1:b;", "9:name;1:a;1:b;", "4:name;1:a;1:b;junk", "4:name1:a;1:b;"}) {
        EXPECT_FALSE(DecodeChanges(broken).has_value()) << broken;
    }
}

TEST(AdministrativeChange, AUnitChangeIsOneRowPerKindWithItsFieldsBeforeAndAfter) {
    Unit before{.id = 3, .organisation_id = 1, .name = "Norrskolan", .area = "Växjö"};
    before.email = "norr@vaxjo.se";
    EXPECT_TRUE(UnitChangeRows(before, before).empty()) << "nothing changed: no row";

    Unit after = before;
    after.name = "Nya Norrskolan";
    after.area = "Alvesta";
    after.email = "";
    after.active_from = Date{std::chrono::year{2027} / 1 / 7};
    const auto rows = UnitChangeRows(before, after);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].action, "rename");
    EXPECT_EQ(rows[0].changes, (std::vector<AuditChange>{{"name", "Norrskolan", "Nya Norrskolan"}}));
    EXPECT_EQ(rows[1].action, "move");
    EXPECT_EQ(rows[1].changes, (std::vector<AuditChange>{{"area", "Växjö", "Alvesta"}}));
    EXPECT_EQ(rows[2].action, "update");
    EXPECT_EQ(rows[2].changes,
              (std::vector<AuditChange>{{"email", "norr@vaxjo.se", ""}, {"active_from", "", "2027-01-07"}}));

    Unit closed = before;
    closed.active_to = Date{std::chrono::year{2026} / 11 / 18};
    const auto closing = UnitChangeRows(before, closed);
    ASSERT_EQ(closing.size(), 1u);
    EXPECT_EQ(closing[0].action, "close");
    EXPECT_EQ(closing[0].changes, (std::vector<AuditChange>{{"active_to", "", "2026-11-18"}}));
    const auto reopening = UnitChangeRows(closed, before);
    ASSERT_EQ(reopening.size(), 1u);
    EXPECT_EQ(reopening[0].action, "reopen");
}

TEST(AdministrativeChange, AccountsAndOrganisationsSayWhatTheyWere) {
    UserAccount before;
    before.username = "anna";
    before.display_name = "Anna Rektor";
    before.email = "anna@vaxjo.se";
    UserAccount after = before;
    after.email = "anna.r@vaxjo.se";
    after.phone = "0470-41000";
    EXPECT_EQ(AccountChanges(before, after),
              (std::vector<AuditChange>{{"email", "anna@vaxjo.se", "anna.r@vaxjo.se"}, {"phone", "", "0470-41000"}}));
    EXPECT_EQ(AccountCreated(before).size(), 3u) << "username, name, e-mail; no empty phone";
    EXPECT_EQ(AccountClosing(before, true), (std::vector<AuditChange>{{"disabled", "no", "yes"}}));

    const Organisation kommun{.id = 1, .name = "Växjö kommun", .code = "0780"};
    Organisation renamed = kommun;
    renamed.name = "Växjö";
    renamed.active = false;
    EXPECT_EQ(OrganisationChanges(kommun, renamed),
              (std::vector<AuditChange>{{"name", "Växjö kommun", "Växjö"}, {"active", "yes", "no"}}));
}

TEST(AuditChain, HashDependsOnPreviousHash) {
    const AuditEvent event = Sample();
    EXPECT_NE(store::ChainedAuditHash(kAuditGenesisHash, event), store::ChainedAuditHash(std::string(64, '1'), event));
}

}  // namespace
}  // namespace kronobarn::domain

namespace kronobarn::domain {
namespace {

TEST(AuditRetention, KeepsAtLeastFiveCalendarYears) {
    using namespace std::chrono;
    const Timestamp now = time_point_cast<milliseconds>(sys_days{2028y / 2 / 29} + hours(10));
    EXPECT_EQ(FormatIso8601(*AuditRetentionCutoff(now, 5)), "2023-02-28T10:00:00.000Z") << "29 February moves back";
    EXPECT_EQ(FormatIso8601(*AuditRetentionCutoff(now, 8)), "2020-02-29T10:00:00.000Z");
    EXPECT_EQ(AuditRetentionCutoff(now, 4).error().message_key, "retention.too_short");
    EXPECT_TRUE(RespectsMinimumRetention(now, *AuditRetentionCutoff(now, 5)));
    EXPECT_FALSE(RespectsMinimumRetention(now, *AuditRetentionCutoff(now, 5) + hours(1)));
}

}  // namespace
}  // namespace kronobarn::domain
