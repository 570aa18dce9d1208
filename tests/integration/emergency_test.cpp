// Emergency access (nödåtkomst) over real HTTP and a real database: an unrelated social worker who
// writes a reason reads the child's overview and plan for an hour and can change nothing; the grant
// is audited, shown to the holder on the start page and to the guardian with its reason; without a
// reason, in a role that may not ask, or for an unknown child nothing is granted.
#include <gtest/gtest.h>

#include "integration/plan_fixture.hpp"

namespace kronobarn::testing {
namespace {

class EmergencyTest : public PlanFixture {
  protected:
    HttpResult Ask(const std::string& user, const std::string& personal_number, const std::string& unit,
                   const std::string& reason) {
        return server_.PostForm("/nodatkomst",
                                Csrf(user) + "&personal_number=" + personal_number + "&unit_id=" + Unit(unit) +
                                    "&reason=" + UrlEncode(reason),
                                Session(user));
    }
    std::string Grants() { return server_.Database().RawQuery("SELECT count(*) FROM emergency_grants"); }
};

TEST_F(EmergencyTest, AReasonedRequestLetsAnUnrelatedSocialWorkerReadForAnHourAndEveryoneConcernedSeesIt) {
    StartPlan();
    const std::string child = "/barn/" + ChildId();
    ASSERT_EQ(server_.Get(plan_, Session("alva")).status, 404) << "no basis before the request";
    const std::string reason = "Polisen har hittat barnet ensamt ute i natt";

    const HttpResult missing = Ask("alva", ElevenYearOld(), "Socialtjänsten Alvesta", "   ");
    EXPECT_EQ(missing.status, 400);
    EXPECT_NE(AlertText(missing.body).find("Skriv varför du behöver nödåtkomst"), std::string::npos);
    EXPECT_NE(missing.body.find("value=\"" + ElevenYearOld() + "\""), std::string::npos) << "input kept";
    EXPECT_EQ(Grants(), "0");

    const HttpResult granted = Ask("alva", ElevenYearOld(), "Socialtjänsten Alvesta", reason);
    ASSERT_EQ(granted.status, 303) << AlertText(granted.body);
    EXPECT_EQ(granted.Header("location"), child + "?nodatkomst=1");
    EXPECT_EQ(server_.Get(child, Session("alva")).status, 200);
    const HttpResult plan = server_.Get(plan_, Session("alva"));
    ASSERT_EQ(plan.status, 200);
    EXPECT_NE(plan.body.find("Maja"), std::string::npos);
    EXPECT_EQ(plan.body.find("name=\"version\""), std::string::npos) << "read only: no edit forms";
    EXPECT_EQ(PostPlan("grunduppgifter", "&reason=x", "1", "alva").status, 404);

    const auto rows = server_.AuditRowsSinceSetup();
    const bool read_under_emergency = std::any_of(rows.begin(), rows.end(), [](const store::AuditRow& row) {
        return row.event.object_type == "plan" && row.event.legal_basis == "emergency_access" &&
               row.event.outcome == domain::AuditOutcome::kAllowed;
    });
    EXPECT_TRUE(read_under_emergency);
    const bool grant_audited = std::any_of(rows.begin(), rows.end(), [](const store::AuditRow& row) {
        return row.event.object_type == "emergency_grant" && row.event.action == "create";
    });
    EXPECT_TRUE(grant_audited);

    const std::string start = server_.Get("/start", Session("anna")).body;
    EXPECT_NE(start.find(reason), std::string::npos) << "the holder is told";
    EXPECT_NE(start.find("Socialtjänsten Alvesta"), std::string::npos);

    const std::string& eva = Guardian("1", "eva.berg");
    const std::string log = server_.Get("/familj/barn/" + ChildId() + "/vem-har-oppnat", eva).body;
    EXPECT_NE(log.find("Nödåtkomst"), std::string::npos);
    EXPECT_NE(log.find(reason), std::string::npos) << "the guardian sees why";

    server_.Clock().Advance(std::chrono::minutes(61));
    server_.Forget("alva");
    EXPECT_EQ(server_.Get(plan_, Session("alva")).status, 404) << "the grant has run out";
    EXPECT_EQ(server_.Get(child, Session("alva")).status, 404);
}

TEST_F(EmergencyTest, ARoleThatMayNotAskIsToldSoAndAnUnknownChildGetsNothingButIsRecorded) {
    StartPlan();
    const HttpResult form = server_.Get("/nodatkomst", Session("frida"));
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("Din roll kan inte begära nödåtkomst"), std::string::npos);
    EXPECT_EQ(form.body.find("name=\"reason\""), std::string::npos);
    const HttpResult teacher = Ask("frida", ElevenYearOld(), "Växjö förskola Solen", "Akut");
    EXPECT_EQ(teacher.status, 422);
    EXPECT_EQ(Grants(), "0");

    const HttpResult unknown = Ask("alva", FourteenYearOld(), "Socialtjänsten Alvesta", "Akut läge");
    EXPECT_EQ(unknown.status, 422);
    EXPECT_NE(AlertText(unknown.body).find("inga uppgifter om barnet"), std::string::npos);
    EXPECT_EQ(Grants(), "0");
    const auto rows = server_.AuditRowsSinceSetup();
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.back().event.object_type, "emergency_grant");
    EXPECT_EQ(rows.back().event.outcome, domain::AuditOutcome::kDenied);

    const HttpResult bad_number = Ask("alva", "20150312-0000", "Socialtjänsten Alvesta", "Akut läge");
    EXPECT_EQ(bad_number.status, 400);
    EXPECT_EQ(Grants(), "0");
}

TEST_F(EmergencyTest, AProtectedChildsGuardianContactsAreShownToTheHolderOnlyNotUnderEmergencyAccess) {
    StartPlan();
    const std::string child = "/barn/" + ChildId();
    server_.Database().RawExec("UPDATE guardians SET phone = '070-123 45 67'");
    EXPECT_NE(server_.Get(child, Session("anna")).body.find("070-123 45 67"), std::string::npos)
        << "without protected identity the reader sees the number";
    server_.Database().RawExec("UPDATE children SET protected_identity = 1");

    const HttpResult holder = server_.Get(child, Session("anna"));
    ASSERT_EQ(holder.status, 200);
    EXPECT_NE(holder.body.find("070-123 45 67"), std::string::npos) << "the holder has the explicit need";
    EXPECT_NE(holder.body.find("Skyddad identitet"), std::string::npos);

    ASSERT_EQ(Ask("alva", ElevenYearOld(), "Socialtjänsten Alvesta", "Akut läge").status, 303);
    const HttpResult emergency = server_.Get(child, Session("alva"));
    ASSERT_EQ(emergency.status, 200);
    EXPECT_NE(emergency.body.find("Eva Berg"), std::string::npos);
    EXPECT_EQ(emergency.body.find("070-123 45 67"), std::string::npos);
    EXPECT_NE(emergency.body.find("Dolda: barnet har skyddad identitet"), std::string::npos);
}

}  // namespace
}  // namespace kronobarn::testing
