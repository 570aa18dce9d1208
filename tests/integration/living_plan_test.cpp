// The plan as a living document over real HTTP and both engines (issue 20): goals, actions,
// participants and meetings are corrected and removed with the history saying what and why; a
// participant reports on its own actions and the holder sees the report and who made it; a guardian
// reports on the family's own; anyone reporting on another's action gets "not found", a denied
// audit row and no change; a stale correction keeps what the user typed.
#include <gtest/gtest.h>

#include "integration/plan_fixture.hpp"

namespace kronobarn::testing {
namespace {

class LivingPlanTest : public PlanFixture {
  protected:
    // The first value of a hidden field `name` whose card shows `text` (the id of a goal or action).
    std::string IdNear(const std::string& page, const std::string& text, const std::string& name) {
        const auto at = page.find(text);
        EXPECT_NE(at, std::string::npos) << text;
        return AttributeAfter(page, page.find("name=\"" + name + "\"", at), "value");
    }

    std::string PlanPage(const std::string& user = "anna") { return server_.Get(plan_, Session(user)).body; }

    std::string History() { return server_.Get(plan_ + "/historik", Session("anna")).body; }

    void AddGoal() {
        ASSERT_EQ(PostPlan("mal", "&area_code=trygg&outcome=" + UrlEncode("Trygg på rasterna") +
                                      "&how_we_know=" + UrlEncode("Maja säger det") + "&by_when=2027-06-01")
                      .status,
                  303);
    }

    // Social services take part, with a consent covering them and an action of their own; the
    // family has an action of its own too.
    void WithSocialServicesAndFamily() {
        AddSocialServices();
        ASSERT_EQ(PostPlan("insatser", "&what=" + UrlEncode("Extra stöd i matematik") +
                                           "&unit_id=" + Unit("Växjö Centralskola") +
                                           "&responsible=Anna&start=2026-11-20&due=2027-01-15")
                      .status,
                  303);
        ASSERT_EQ(RecordConsent().status, 303);
        ASSERT_EQ(PostPlan("insatser", "&what=" + UrlEncode("Läsa tillsammans varje kväll") +
                                           "&unit_id=familjen&responsible=Eva&start=2026-11-20&due=2027-01-15")
                      .status,
                  303);
    }

    const store::AuditRow& LastRow() {
        rows_ = server_.AuditRowsSinceSetup();
        EXPECT_FALSE(rows_.empty());
        return rows_.back();
    }

    std::vector<store::AuditRow> rows_;
};

TEST_F(LivingPlanTest, AGoalIsChangedAndRemovedAndTheHistorySaysSoInWords) {
    StartPlan();
    AddGoal();
    const std::string goal = IdNear(PlanPage(), "Trygg på rasterna", "goal_id");
    ASSERT_FALSE(goal.empty());
    const HttpResult changed =
        PostPlan("mal/andra", "&goal_id=" + goal + "&area_code=trygg&outcome=" + UrlEncode("Trygg hela skoldagen") +
                                  "&how_we_know=" + UrlEncode("Maja säger det") + "&by_when=2027-06-01");
    ASSERT_EQ(changed.status, 303);
    // Back to the goals, saying what happened.
    EXPECT_NE(changed.Header("location").find("klart=goal_changed#goals-heading"), std::string::npos);
    const std::string location = changed.Header("location");
    const std::string page = server_.Get(location.substr(0, location.find('#')), Session("anna")).body;
    EXPECT_NE(page.find("Målet är ändrat."), std::string::npos);
    EXPECT_NE(page.find("Trygg hela skoldagen"), std::string::npos);
    EXPECT_EQ(page.find("Trygg på rasterna"), std::string::npos);

    ASSERT_EQ(PostPlan("mal/ta-bort", "&goal_id=" + goal).status, 303);
    EXPECT_EQ(PlanPage().find("Trygg hela skoldagen"), std::string::npos);
    const std::string history = History();
    EXPECT_NE(history.find("Mål: Trygg hela skoldagen"), std::string::npos) << "the change, by the goal's label";
    EXPECT_NE(history.find("Mål borttaget"), std::string::npos);
    EXPECT_EQ(history.find("goal.removed"), std::string::npos) << "no codes";
    EXPECT_EQ(LastRow().event.action, "read_history");
    // The removal was audited as what it was.
    bool removal_audited = false;
    for (const auto& row : rows_) removal_audited |= row.event.action == "remove_goal";
    EXPECT_TRUE(removal_audited);

    // Removing it again: a clear message, nothing changed.
    const HttpResult again = PostPlan("mal/ta-bort", "&goal_id=" + goal);
    EXPECT_EQ(again.status, 400);
    EXPECT_NE(again.body.find("Målet finns inte längre i planen"), std::string::npos);
}

TEST_F(LivingPlanTest, AStaleCorrectionIsRefusedWithWhatWasTypedKeptAndTheFieldNamed) {
    StartPlan();
    AddGoal();
    const std::string goal = IdNear(PlanPage(), "Trygg på rasterna", "goal_id");
    const std::string stale = Version();
    ASSERT_EQ(PostPlan("grunduppgifter", "&reason=Skolan+ser+oro", stale).status, 303);
    const HttpResult refused = PostPlan("mal/andra",
                                        "&goal_id=" + goal + "&area_code=trygg&outcome=" + UrlEncode("Mitt utkast") +
                                            "&how_we_know=x&by_when=2027-06-01",
                                        stale);
    EXPECT_EQ(refused.status, 409);
    EXPECT_NE(refused.body.find("kb-error-summary"), std::string::npos);
    EXPECT_NE(refused.body.find(">Mitt utkast</textarea>"), std::string::npos);
    EXPECT_NE(refused.body.find("id=\"form-goal-" + goal + "\" open"), std::string::npos) << "that form, open";
    EXPECT_NE(PlanPage().find("Trygg på rasterna"), std::string::npos) << "the goal is unchanged";

    // A field in error is linked from the summary and marked.
    const HttpResult missing =
        PostPlan("mal/andra", "&goal_id=" + goal + "&area_code=trygg&outcome=&how_we_know=x&by_when=2027-06-01");
    EXPECT_EQ(missing.status, 400);
    EXPECT_NE(missing.body.find("href=\"#goal-" + goal + "-outcome\""), std::string::npos);
    EXPECT_NE(missing.body.find("id=\"goal-" + goal +
                                "-outcome\" name=\"outcome\" rows=\"2\" maxlength=\"4000\" "
                                "aria-invalid=\"true\""),
              std::string::npos);
}

TEST_F(LivingPlanTest, AParticipantReportsOnItsOwnActionAndTheHolderSeesWhoAndWhen) {
    StartPlan();
    WithSocialServicesAndFamily();
    const std::string own = IdNear(PlanPage("sara"), "Samtal med familjen", "action_id");
    ASSERT_FALSE(own.empty()) << "the participant gets a report form for its own action";
    const HttpResult reported =
        server_.PostForm(plan_ + "/insatser/rapport",
                         Csrf("sara") + "&action_id=" + own + "&status=ongoing&note=" + UrlEncode("Två samtal hållna") +
                             "&proposed_due=2027-02-01",
                         Session("sara"));
    ASSERT_EQ(reported.status, 303);
    EXPECT_EQ(LastRow().event.action, "report_on_action");
    EXPECT_EQ(LastRow().event.outcome, domain::AuditOutcome::kAllowed);

    const std::string holder = PlanPage();
    EXPECT_NE(holder.find("Två samtal hållna"), std::string::npos);
    EXPECT_NE(holder.find("Pågår"), std::string::npos);
    EXPECT_NE(holder.find("1 februari 2027"), std::string::npos) << "the proposed date, in words";
    const auto report = holder.find("Senast rapporterat");
    ASSERT_NE(report, std::string::npos);
    EXPECT_NE(holder.find("Sara", report), std::string::npos) << "by whom";
    // The family sees the status in plain words, not the note.
    Guardian("1", "eva.b");
    const std::string family = server_.Get("/familj/barn/" + ChildId(), Session("eva.b")).body;
    EXPECT_EQ(family.find("Två samtal hållna"), std::string::npos);
}

TEST_F(LivingPlanTest, NobodyReportsOnAnothersActionAndTheRefusalIsAudited) {
    StartPlan();
    WithSocialServicesAndFamily();
    const std::string page = PlanPage();
    const std::string school = IdNear(page, "Extra stöd i matematik", "action_id");
    const std::string family = IdNear(page, "Läsa tillsammans varje kväll", "action_id");
    for (const auto& action : {school, family}) {
        SCOPED_TRACE(action);
        const HttpResult refused = server_.PostForm(
            plan_ + "/insatser/rapport", Csrf("sara") + "&action_id=" + action + "&status=done", Session("sara"));
        EXPECT_EQ(refused.status, 404);
        const auto& row = LastRow();
        EXPECT_EQ(row.event.action, "report_on_action");
        EXPECT_EQ(row.event.outcome, domain::AuditOutcome::kDenied);
        EXPECT_EQ(row.event.legal_basis, "not_own_action");
    }
    // A guardian reports on the family's own action, never on a professional's.
    Guardian("1", "eva.b");
    const std::string child = ChildId();
    const HttpResult professional = server_.PostForm(
        "/familj/barn/" + child + "/insats", Csrf("eva.b") + "&action_id=" + school + "&status=done", Session("eva.b"));
    EXPECT_EQ(professional.status, 404);
    EXPECT_EQ(LastRow().event.outcome, domain::AuditOutcome::kDenied);
    EXPECT_EQ(LastRow().event.legal_basis, "not_family_action");
    const HttpResult own =
        server_.PostForm("/familj/barn/" + child + "/insats",
                         Csrf("eva.b") + "&action_id=" + family + "&status=ongoing", Session("eva.b"));
    ASSERT_EQ(own.status, 303);
    EXPECT_EQ(LastRow().event.legal_basis, "guardian");
    // Nothing of the refused reports changed anything; the family's report shows, with its name.
    const std::string after = PlanPage();
    const auto school_card = after.find("Extra stöd i matematik");
    const auto family_card = after.find("Läsa tillsammans varje kväll");
    EXPECT_NE(after.substr(school_card, family_card - school_card).find("Planerad</dd>"), std::string::npos);
    EXPECT_NE(after.substr(family_card).find("Pågår</dd>"), std::string::npos);
    EXPECT_NE(after.find("Eva Berg", family_card), std::string::npos);
}

TEST_F(LivingPlanTest, AParticipantThatLeavesLosesThePlanAndTheReasonStays) {
    StartPlan();
    WithSocialServicesAndFamily();
    const std::string unit = Unit("Socialtjänsten Växjö");
    // Its open action must be settled first.
    const HttpResult early = PostPlan("deltagare/ta-bort", "&unit_id=" + unit + "&reason=" + UrlEncode("Klart"));
    EXPECT_EQ(early.status, 422);
    EXPECT_NE(early.body.find("insatser som är planerade eller pågår"), std::string::npos);
    const std::string action = IdNear(PlanPage(), "Samtal med familjen", "action_id");
    ASSERT_EQ(PostPlan("insatser/ta-bort", "&action_id=" + action).status, 303);
    const HttpResult removed =
        PostPlan("deltagare/ta-bort", "&unit_id=" + unit + "&reason=" + UrlEncode("Familjen har egen kontakt"));
    ASSERT_EQ(removed.status, 303);
    EXPECT_EQ(server_.Get(plan_, Session("sara")).status, 404) << "no longer a party";
    const std::string page = PlanPage();
    EXPECT_NE(page.find("Enheter som inte längre deltar"), std::string::npos);
    EXPECT_NE(page.find("Familjen har egen kontakt"), std::string::npos);
    EXPECT_NE(History().find("Deltagare borttagen"), std::string::npos);
    // And it may come back.
    ASSERT_EQ(PostPlan("deltagare", "&unit_id=" + unit + "&contact_name=Sara").status, 303);
    EXPECT_EQ(server_.Get(plan_, Session("sara")).status, 200);
}

TEST_F(LivingPlanTest, AMeetingIsCorrected) {
    StartPlan();
    ASSERT_EQ(PostPlan("moten",
                       "&kind=collaboration&collaborate=ja&held_on=2026-11-18&place=Rum+1&child_present=ja"
                       "&notes=" +
                           UrlEncode("Skrivfel"))
                  .status,
              303);
    const std::string meeting = IdNear(PlanPage(), "Skrivfel", "meeting_id");
    ASSERT_EQ(PostPlan("moten/andra", "&meeting_id=" + meeting +
                                          "&held_on=2026-11-17&place=Rum+2&notes=" + UrlEncode("Rättade anteckningar"))
                  .status,
              303);
    const std::string page = PlanPage();
    EXPECT_NE(page.find("Rättade anteckningar"), std::string::npos);
    EXPECT_NE(page.find("17 november 2026"), std::string::npos);
    EXPECT_NE(History().find("Rättade anteckningar"), std::string::npos);
}

TEST_F(LivingPlanTest, TheNextMeetingIsPlannedMovedAndCalledOffAndOnlyTheInvitedSeeIt) {
    StartPlan();
    WithSocialServicesAndFamily();
    Guardian("1", "eva.b");
    const std::string social = Unit("Socialtjänsten Växjö");
    const HttpResult planned =
        PostPlan("moten/planera", "&kind=follow_up&meets_on=2027-01-12&starts_at=13%3A30&place=" +
                                      UrlEncode("Rum 3, Växjö Centralskola") + "&invited=familjen&invited=" + social);
    ASSERT_EQ(planned.status, 303);
    EXPECT_NE(planned.Header("location").find("klart=meeting_planned#meetings-heading"), std::string::npos);
    EXPECT_EQ(LastRow().event.action, "plan_meeting");
    const std::string when = "tisdag 12 januari 2027 kl. 13.30";
    const std::string holder = PlanPage();
    EXPECT_NE(holder.find("Uppföljningsmöte " + when), std::string::npos) << "in words, Swedish local time";
    // The invited unit sees it on its start page and in the plan, the family in its view.
    const std::string start = server_.Get("/start", Session("sara")).body;
    EXPECT_NE(start.find("Kommande möten"), std::string::npos);
    EXPECT_NE(start.find("Uppföljningsmöte för Maja Berg, " + when), std::string::npos);
    EXPECT_NE(PlanPage("sara").find(when), std::string::npos);
    const std::string family = server_.Get("/familj/barn/" + ChildId(), Session("eva.b")).body;
    EXPECT_NE(family.find(when), std::string::npos);
    EXPECT_NE(family.find("Ni är inbjudna"), std::string::npos);

    // Moved to another day, social services no longer invited: gone from their pages.
    ASSERT_EQ(PostPlan("moten/planera", "&kind=follow_up&meets_on=2027-01-19&starts_at=09.00&place=" +
                                            UrlEncode("https://meet.example.se/abc") + "&invited=familjen")
                  .status,
              303);
    EXPECT_EQ(server_.Get("/start", Session("sara")).body.find("Kommande möten"), std::string::npos);
    EXPECT_EQ(PlanPage("sara").find("19 januari 2027 kl."), std::string::npos) << "only the date of the next meeting";
    const std::string moved = PlanPage();
    EXPECT_NE(moved.find("tisdag 19 januari 2027 kl. 09.00"), std::string::npos);
    EXPECT_NE(moved.find("<a class=\"ds-link kb-break\" href=\"https://meet.example.se/abc\">"), std::string::npos)
        << "a video meeting's address is a link";

    // A day that has passed: the form again, the field marked, the place kept, nothing changed.
    const HttpResult past =
        PostPlan("moten/planera", "&kind=follow_up&meets_on=2026-11-01&starts_at=10%3A00&place=" + UrlEncode("Rum 9") +
                                      "&invited=familjen");
    EXPECT_EQ(past.status, 400);
    EXPECT_NE(past.body.find("kb-error-summary"), std::string::npos);
    EXPECT_NE(past.body.find("href=\"#plan-meeting-meets_on\""), std::string::npos);
    EXPECT_NE(past.body.find("value=\"Rum 9\""), std::string::npos);
    EXPECT_EQ(PlanPage().find("1 november 2026"), std::string::npos);
    const HttpResult nobody =
        PostPlan("moten/planera", "&kind=follow_up&meets_on=2027-01-19&starts_at=10%3A00&place=Rum+9");
    EXPECT_EQ(nobody.status, 400);
    EXPECT_NE(nobody.body.find("Bjud in minst en av parterna."), std::string::npos);

    // Called off: nobody sees it any more, and the history says so.
    ASSERT_EQ(PostPlan("moten/stall-in", "").status, 303);
    EXPECT_EQ(LastRow().event.action, "cancel_meeting");
    EXPECT_NE(PlanPage().find("Inget möte är planerat."), std::string::npos);
    EXPECT_EQ(server_.Get("/familj/barn/" + ChildId(), Session("eva.b")).body.find("19 januari 2027 kl."),
              std::string::npos);
    EXPECT_NE(History().find("Planerat möte"), std::string::npos);
    EXPECT_EQ(PostPlan("moten/stall-in", "").status, 400) << "nothing left to call off";
}

TEST_F(LivingPlanTest, ASecondSignalAboutAChildWithAPlanSaysSoAndLinksToIt) {
    StartPlan();
    const std::string body = Csrf("bertil") + "&personal_number=" + ElevenYearOld() +
                             "&given_name=Maja&family_name=Berg&noticing_unit_id=" + Unit("Växjö Centralskola") +
                             "&noticed_on=2026-11-17&description=" + UrlEncode("Maja grät i matsalen.");
    const HttpResult second = server_.PostForm("/oro", body, Session("bertil"));
    ASSERT_EQ(second.status, 303);
    const std::string signal = second.Header("location").substr(0, second.Header("location").find('?'));
    const std::string page = server_.Get(signal, Session("anna")).body;
    EXPECT_NE(page.find("Barnet har redan en Barnets plan"), std::string::npos);
    EXPECT_NE(page.find("href=\"" + plan_ + "\""), std::string::npos);
    const HttpResult decided = server_.PostForm(
        signal + "/samverkan", Csrf("anna") + "&rationale=" + UrlEncode("Samma plan"), Session("anna"));
    ASSERT_EQ(decided.status, 303);
    EXPECT_EQ(decided.Header("location").substr(0, plan_.size()), plan_) << "the signal joined the plan";
}

}  // namespace
}  // namespace kronobarn::testing
