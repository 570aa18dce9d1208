// The plan's field table against what each reader is really sent (issue 19 §7): every text field of
// a plan gets a marker of its own, and for every declared field × every kind of reader the marker is
// in the reader's page, the JSON and the PDF exactly when the table says so — in the JSON whenever
// the reader sees the field, on a page or in the PDF when it sees it and that output renders it.
#include <gtest/gtest.h>

#include <fstream>

#include "domain/plan_fields.hpp"
#include "integration/plan_fixture.hpp"

namespace kronobarn::testing {
namespace {

using domain::PlanReader;

// A text nobody else writes, one per field: "Fbasics_child_viewQ".
std::string Marker(std::string_view code) {
    std::string marker = "F" + std::string(code) + "Q";
    std::replace(marker.begin(), marker.end(), '.', '_');
    return marker;
}
std::string M(std::string_view code) { return UrlEncode(Marker(code)); }

// Text fields whose value the test cannot choose: the names come from the child's record.
const std::set<std::string_view> kNotMarkable{"guardian_view.name", "child.name"};

class PlanFieldsTest : public PlanFixture {
  protected:
    // A plan about a 14-year-old where every text field holds its marker: the school holds it,
    // social services and a sports club take part with a consent covering them, one collaboration
    // meeting and one follow-up with an evaluation; a guardian and the child signed in.
    void SetUp() override {
        StartPlan(FourteenYearOld());
        const std::string page = server_.Get(consents_, Session("anna")).body;
        std::string consent = Csrf("anna") +
                              "&purpose=Samverkan&valid_from=2026-11-18&valid_to=2027-06-30&form=written"
                              "&category=school&category=social&category=other&answer=given&unit_id=" +
                              Unit("Växjö Centralskola") + "&unit_id=" + Unit("Socialtjänsten Växjö") +
                              "&unit_id=" + Unit("IFK Växjö ungdom");
        std::size_t at = 0;
        for (int i = 0; i < 2; ++i) {
            at = page.find("name=\"guardian_id\"", at + 1);
            consent += "&guardian_id=" + AttributeAfter(page, at, "value");
        }
        ASSERT_EQ(server_.PostForm(consents_, consent, Session("anna")).status, 303);
        for (const auto* unit : {"Socialtjänsten Växjö", "IFK Växjö ungdom"}) {
            ASSERT_EQ(
                PostPlan("deltagare", "&unit_id=" + Unit(unit) + "&contact_name=" + M("participant.contact_name") +
                                          "&contact_phone=" + M("participant.contact_phone"))
                    .status,
                303);
        }
        // Each guardian's own view is a field named after the guardian's id.
        const std::string plan_page = server_.Get(plan_, Session("anna")).body;
        std::string basics =
            "&reason=" + M("basics.reason") + "&child_view=" + M("basics.child_view") +
            "&trusted_adult=" + M("basics.trusted_adult") + "&guardian_views=" + M("basics.guardian_views") +
            "&disagreements=" + M("basics.disagreements") + "&follow_up_how=" + M("basics.follow_up_how");
        for (std::size_t from = plan_page.find("name=\"guardian_view_"); from != std::string::npos;
             from = plan_page.find("name=\"guardian_view_", from + 1)) {
            basics += "&" + AttributeAfter(plan_page, from, "name") + "=" + M("guardian_view.view");
        }
        ASSERT_EQ(PostPlan("grunduppgifter", basics).status, 303);
        ASSERT_EQ(PostPlan("mal", "&area_code=trygg&outcome=" + M("goal.outcome") +
                                      "&how_we_know=" + M("goal.how_we_know") + "&by_when=2027-06-01")
                      .status,
                  303);
        for (const auto* unit : {"Växjö Centralskola", "Socialtjänsten Växjö", "IFK Växjö ungdom"}) {
            ASSERT_EQ(PostPlan("insatser", "&what=" + M("action.what") + "&unit_id=" + Unit(unit) + "&responsible=" +
                                               M("action.responsible") + "&frequency=" + M("action.frequency") +
                                               "&start=2026-11-20&due=2027-01-15")
                          .status,
                      303);
        }
        // Each unit's action carries a report; a unit that took part and left carries its reason.
        const std::string with_actions = server_.Get(plan_, Session("anna")).body;
        std::set<std::string> action_ids;
        for (std::size_t from = with_actions.find("name=\"action_id\""); from != std::string::npos;
             from = with_actions.find("name=\"action_id\"", from + 1)) {
            action_ids.insert(AttributeAfter(with_actions, from, "value"));
        }
        ASSERT_EQ(action_ids.size(), 3u);
        for (const auto& action : action_ids) {
            ASSERT_EQ(PostPlan("insatser/rapport",
                               "&action_id=" + action + "&status=ongoing&note=" + M("action.progress_note"))
                          .status,
                      303);
        }
        ASSERT_EQ(PostPlan("deltagare", "&unit_id=" + Unit("BVC Växjö") + "&contact_name=" +
                                            M("removed_participant.contact_name") + "&contact_phone=")
                      .status,
                  303);
        ASSERT_EQ(PostPlan("deltagare/ta-bort",
                           "&unit_id=" + Unit("BVC Växjö") + "&reason=" + M("removed_participant.reason"))
                      .status,
                  303);
        const std::string meeting = "&held_on=2026-11-18&place=" + M("meeting.place") + "&guardians_present=ja" +
                                    "&child_absent_reason=" + M("meeting.child_absent_reason") +
                                    "&notes=" + M("meeting.notes");
        ASSERT_EQ(PostPlan("moten", "&kind=collaboration&collaborate=ja" + meeting).status, 303);
        ASSERT_EQ(PostPlan("uppratta", GuardianPartFields(server_.Get(plan_, Session("anna")).body, "not_taking_part",
                                                          Marker("guardian_part.reason")))
                      .status,
                  303);
        // The follow-up evaluates the school's own action (the first one).
        const std::string agreed = server_.Get(plan_, Session("anna")).body;
        const std::string eval = AttributeAfter(agreed, agreed.find("name=\"eval_"), "name");
        ASSERT_FALSE(eval.empty());
        ASSERT_EQ(PostPlan("moten", "&kind=follow_up" + meeting + "&" + eval + "=ongoing&" + eval +
                                        "_note=" + M("evaluation.note"))
                      .status,
                  303);
        // The next meeting, with the family and both participants that read the plan invited.
        ASSERT_EQ(PostPlan("moten/planera", "&kind=follow_up&meets_on=2027-01-12&starts_at=13%3A30&place=" +
                                                M("planned_meeting.place") + "&invited=familjen&invited=" +
                                                Unit("Socialtjänsten Växjö") + "&invited=" + Unit("IFK Växjö ungdom"))
                      .status,
                  303);
        Guardian("1", "eva.f");
        ASSERT_EQ(Activate(Invite("barnet"), "barnet.f").status, 303);
        child_ = ChildId();
    }

    struct Outputs {
        std::string page, json, pdf;
        bool pdf_sent = false;
    };

    Outputs Of(PlanReader reader) {
        const std::string family = "/familj/barn/" + child_;
        const std::map<PlanReader, std::string> users{{PlanReader::kCoordinating, "anna"},
                                                      {PlanReader::kParticipant, "sara"},
                                                      {PlanReader::kOtherSectorParticipant, "kalle"},
                                                      {PlanReader::kGuardian, "eva.f"},
                                                      {PlanReader::kChild, "barnet.f"}};
        const std::string& session = Session(users.at(reader));
        const bool staff = reader != PlanReader::kGuardian && reader != PlanReader::kChild;
        Outputs out;
        const HttpResult page = server_.Get(staff                          ? plan_
                                            : reader == PlanReader::kChild ? family + "/barnets-sida"
                                                                           : family,
                                            session);
        EXPECT_EQ(page.status, 200);
        out.page = page.body;
        const HttpResult json = server_.Get(staff ? "/api/v1" + plan_ : "/api/v1" + family + "/plan", session);
        EXPECT_EQ(json.status, 200);
        EXPECT_NE(json.body.find("\"reader\":\"" + std::string(domain::Code(reader)) + "\""), std::string::npos)
            << json.body.substr(0, 200);
        out.json = json.body;
        const HttpResult pdf = server_.Get(staff ? plan_ + "/plan.pdf" : family + "/plan.pdf", session);
        out.pdf_sent = pdf.status == 200;
        if (out.pdf_sent) out.pdf = TextOfPdf(pdf.body);
        return out;
    }

    std::string child_;
};

TEST_F(PlanFieldsTest, EveryFieldReachesEveryReaderExactlyWhereTheTableSaysSo) {
    int checked = 0;
    for (const PlanReader reader : domain::kAllPlanReaders) {
        SCOPED_TRACE(std::string("reader ") + std::string(domain::Code(reader)));
        const Outputs out = Of(reader);
        const std::uint8_t page_output = reader == PlanReader::kGuardian ? domain::kFamilyPage
                                         : reader == PlanReader::kChild  ? domain::kChildPage
                                                                         : domain::kStaffPage;
        for (const auto& field : domain::PlanFields()) {
            if (field.type != domain::PlanFieldType::kText || kNotMarkable.count(field.code) > 0) continue;
            SCOPED_TRACE(std::string(field.code));
            const std::string marker = field.code == "child.personal_number"
                                           ? FourteenYearOld().substr(0, 8) + "-" + FourteenYearOld().substr(8)
                                           : Marker(field.code);
            const bool sees = domain::Sees(reader, field);
            EXPECT_EQ(out.json.find(marker) != std::string::npos, sees) << "in the JSON";
            EXPECT_EQ(out.page.find(marker) != std::string::npos, sees && (field.outputs & page_output) != 0)
                << "on the page";
            if (reader != PlanReader::kChild) {
                EXPECT_TRUE(out.pdf_sent) << "the PDF of the plan";
            }
            if (out.pdf_sent) {
                EXPECT_EQ(out.pdf.find(marker) != std::string::npos, sees && (field.outputs & domain::kDocument) != 0)
                    << "in the PDF";
            }
            ++checked;
        }
    }
    EXPECT_EQ(checked, 5 * 24) << "five readers times every markable text field";
}

}  // namespace
}  // namespace kronobarn::testing
