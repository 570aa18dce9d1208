// The plan keeper's edit forms under the plan: one folded form per change (basics, participant,
// goal, action, meeting or follow-up, collaboration responsibility, agreeing a draft, closing).
#include <boost/pfr/core.hpp>
#include <map>

#include "domain/plan_fields.hpp"
#include "web/plan_forms.hpp"
#include "web/views/plan_page_parts.hpp"

namespace kronobarn::web::views {
namespace {

// The basics: every text of the field table in its order, each guardian's own view, the next meeting.
void BasicsForm(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state,
                const std::string& base, const std::string& version) {
    const std::string basics = "basics";
    const domain::Plan& plan = view.plan;

    FoldedForm form(html, t, state, basics, t("plan.edit.basics"));
    FormWriter& f = form.writer;
    const TypedValues& v = form.values;
    f.Start(base + "/grunduppgifter", state.csrf_token, version);
    // The fields come from the plan's field table, in its order: each text of the basics, each
    // guardian's own view where the table has them, then the next meeting.
    std::map<std::string_view, const std::string*> current;
    boost::pfr::for_each_field(plan.basics, [&](const auto& value, std::size_t member) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, std::string>) {
            current[domain::FormName(*domain::FindPlanField(domain::PlanPart::kBasics, member))] = &value;
        }
    });
    for (const auto& field : domain::PlanFields()) {
        if (field.part != domain::PlanPart::kBasics) continue;
        const std::string name(domain::FormName(field));
        if (field.type == domain::PlanFieldType::kText) {
            const std::string& value = *current.at(name);
            const std::string_view label = domain::LabelKeyOf(field.code);
            if (field.max_length <= domain::kMaxOneLineText) {
                f.TextInput(name, label, ValueOf(v, name, value));
            } else {
                f.TextArea(name, label, ValueOf(v, name, value));
            }
        } else if (field.code == "basics.each_guardian") {
            for (const auto& guardian : view.guardians) {
                const std::string each = "guardian_view_" + std::to_string(guardian.id);
                std::string was;
                for (const auto& recorded : plan.basics.each_guardian) {
                    if (recorded.guardian_id == guardian.id) was = recorded.view;
                }
                f.TextAreaLabelled(
                    each,
                    t.Format("plan.guardian_view_of", {{"name", guardian.given_name + " " + guardian.family_name}}),
                    ValueOf(v, each, was));
            }
        } else if (field.code == "basics.next_meeting") {
            f.TextInput(name, "plan.next_meeting",
                        ValueOf(v, name, plan.basics.next_meeting ? FormatDate(*plan.basics.next_meeting) : ""),
                        "date");
        }
    }
    f.Submit("plan.save");
}

// Adding a participant unit, chosen from the areas the reader may pick from.
void ParticipantForm(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state,
                     const std::string& base, const std::string& version) {
    const std::string participant = "participant";

    FoldedForm form(html, t, state, participant, t("plan.edit.participant"));
    FormWriter& f = form.writer;
    const TypedValues& v = form.values;
    UnitAreaChooser(html, t, view.participant_scope, base, "form-participant", "participant");
    f.Start(base + "/deltagare", state.csrf_token, version);
    std::vector<Option> units;
    for (const auto& unit : view.participant_choices) units.push_back({std::to_string(unit.id), unit.name});
    f.Select("unit_id", "plan.participant.unit", units, ValueOf(v, "unit_id"));
    f.TextInput("contact_name", "plan.participant.contact", ValueOf(v, "contact_name"));
    f.TextInput("contact_phone", "plan.participant.phone", ValueOf(v, "contact_phone"), "tel");
    f.Submit("plan.participant.add");
}

// A goal in one wheel area.
void GoalForm(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state,
              const std::string& base, const std::string& version) {
    const std::string goal = "goal";

    FoldedForm form(html, t, state, goal, t("plan.edit.goal"));
    FormWriter& f = form.writer;
    const TypedValues& v = form.values;
    f.Start(base + "/mal", state.csrf_token, version);
    f.Select("area_code", "plan.goal.area", AreaOptions(view), ValueOf(v, "area_code"));
    f.TextArea("outcome", "plan.goal.outcome", ValueOf(v, "outcome"), 2);
    f.TextArea("how_we_know", "plan.goal.how_we_know", ValueOf(v, "how_we_know"), 2);
    f.TextInput("by_when", "plan.goal.by_when", ValueOf(v, "by_when"), "date");
    f.Submit("plan.goal.add");
}

// An action for a participant unit or the family.
void ActionForm(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state,
                const std::string& base, const std::string& version) {
    const std::string action = "action";
    const domain::Plan& plan = view.plan;

    FoldedForm form(html, t, state, action, t("plan.edit.action"));
    FormWriter& f = form.writer;
    const TypedValues& v = form.values;
    f.Start(base + "/insatser", state.csrf_token, version);
    f.TextArea("what", "plan.action.what", ValueOf(v, "what"), 2);
    std::vector<Option> units{{std::string(kFamilyChoice), std::string(t("plan.action.family"))}};
    for (const auto& p : plan.participants) units.push_back({std::to_string(p.unit_id), UnitName(view, p.unit_id)});
    f.Select("unit_id", "plan.action.unit", units, ValueOf(v, "unit_id"));
    f.TextInput("responsible", "plan.action.responsible", ValueOf(v, "responsible"));
    f.TextInput("start", "plan.action.start", ValueOf(v, "start", state.today), "date");
    f.TextInput("frequency", "plan.action.frequency", ValueOf(v, "frequency"));
    f.TextInput("due", "plan.action.due", ValueOf(v, "due"), "date");
    f.Submit("plan.action.add");
}

// The collaboration meeting of a draft, or a follow-up that evaluates each action.
void MeetingForm(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state,
                 const std::string& base, const std::string& version) {
    const std::string meeting = "meeting";
    const domain::Plan& plan = view.plan;

    const bool follow_up = plan.state != domain::PlanState::kDraft;
    FoldedForm form(html, t, state, meeting, t(follow_up ? "plan.edit.follow_up" : "plan.edit.meeting"));
    FormWriter& f = form.writer;
    const TypedValues& v = form.values;
    f.Start(base + "/moten", state.csrf_token, version);
    html << Raw("<input type=\"hidden\" name=\"kind\" value=\"") << Raw(follow_up ? "follow_up" : "collaboration")
         << Raw("\">\n");
    f.TextInput("held_on", "plan.meeting.held_on", ValueOf(v, "held_on", state.today), "date");
    f.TextInput("place", "plan.meeting.place", ValueOf(v, "place"));
    f.Checkbox("guardians_present", "ja", "plan.meeting.guardians_present", ValueOf(v, "guardians_present") == "ja");
    f.Checkbox("child_present", "ja", "plan.meeting.child_present", ValueOf(v, "child_present") == "ja");
    f.TextInput("child_absent_reason", "plan.meeting.child_absent_reason", ValueOf(v, "child_absent_reason"));
    f.TextArea("notes", "plan.meeting.notes", ValueOf(v, "notes"));
    if (follow_up) {
        for (const auto& a : plan.actions) {
            const std::string name = "eval_" + std::to_string(a.id);
            std::vector<Option> results{{"", std::string(t("plan.meeting.not_evaluated"))}};
            for (const char* code : {"done", "ongoing", "changed", "stopped"}) {
                results.push_back({code, std::string(t(std::string("plan.action.status.") + code))});
            }
            html << Raw("<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-label\">") << a.what
                 << Raw("</legend>\n");
            f.Select(name, "plan.meeting.evaluation", results, ValueOf(v, name));
            f.TextInput(name + "_note", "plan.meeting.evaluation_note", ValueOf(v, name + "_note"));
            html << Raw("</fieldset>\n");
        }
    } else {
        f.Select("collaborate", "plan.meeting.collaborate",
                 {{"ja", std::string(t("plan.meeting.collaborate_yes"))},
                  {"nej", std::string(t("plan.meeting.collaborate_no"))}},
                 ValueOf(v, "collaborate", "ja"));
    }
    f.TextInput("next_meeting", "plan.next_meeting", ValueOf(v, "next_meeting"), "date");
    f.Submit("plan.meeting.save");
}

// Handing the collaboration responsibility to another participant.
void CollaborationForm(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state,
                       const std::string& base, const std::string& /*version: a handover carries none*/) {
    const domain::Plan& plan = view.plan;

    const std::string collaboration = "collaboration";
    FoldedForm form(html, t, state, collaboration, t("plan.edit.collaboration"));
    FormWriter& f = form.writer;
    const TypedValues& v = form.values;
    f.Start(base + "/samverkansansvar", state.csrf_token);
    std::vector<Option> units;
    for (const auto& p : plan.participants) {
        if (p.unit_id != plan.basics.collaboration_unit_id) {
            units.push_back({std::to_string(p.unit_id), UnitName(view, p.unit_id)});
        }
    }
    f.Select("to_unit_id", "handover.to_unit", units, ValueOf(v, "to_unit_id"));
    f.TextArea("note", "handover.note", ValueOf(v, "note"), 2);
    f.Submit("plan.collaboration.submit", false);
}

// Agreeing a draft: how each guardian took part.
void AgreeForm(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state,
               const std::string& base, const std::string& version) {
    const std::string agree = "agree";
    const domain::Plan& plan = view.plan;
    if (plan.state != domain::PlanState::kDraft) return;

    FormWriter f(html, t, agree);
    const TypedValues v = state.error_form == agree ? state.typed : TypedValues{};
    const auto earlier_part = [&](domain::GuardianId guardian) -> const domain::GuardianPart* {
        for (const auto& part : plan.guardian_parts) {
            if (part.guardian_id == guardian) return &part;
        }
        return nullptr;
    };
    if (state.error_form == agree && !state.error_key.empty()) {
        // The first guardian the message is about: one with no part, or no reason for not taking part.
        std::string field;
        for (const auto& guardian : view.guardians) {
            const std::string id = std::to_string(guardian.id);
            const std::string chosen = ValueOf(v, "part_" + id);
            const auto* earlier = earlier_part(guardian.id);
            const bool missing = chosen.empty() && earlier == nullptr;
            const bool no_reason = chosen == "not_taking_part" &&
                                   ValueOf(v, "part_reason_" + id).find_first_not_of(" \t\r\n") == std::string::npos;
            if (state.error_key == "plan.guardian_part_missing" && missing) field = "part_" + id;
            if (state.error_key == "plan.guardian_part_reason_missing" && no_reason) field = "part_reason_" + id;
            if (!field.empty()) break;
        }
        ErrorSummary(html, t, state.error_key, field.empty() ? "" : f.IdOf(field));
        if (!field.empty()) f.MarkError(field, state.error_key);
        state.failed_form_shown = true;
    }
    f.Start(base + "/uppratta", state.csrf_token, version);
    html << Raw("<p class=\"ds-paragraph\">") << t("plan.agree.help") << Raw("</p>\n");
    // How each guardian took part: the plan is made together with the guardians.
    for (const auto& guardian : view.guardians) {
        const std::string id = std::to_string(guardian.id);
        const std::string name = guardian.given_name + " " + guardian.family_name;
        html << Raw("<fieldset class=\"ds-fieldset\">\n<legend class=\"ds-label\">") << name << Raw("</legend>\n");
        const domain::GuardianPart* earlier = earlier_part(guardian.id);
        std::vector<Option> parts;
        if (earlier != nullptr && earlier->kind == domain::GuardianPartKind::kAgreedInFamilyView) {
            html << Raw("<p class=\"ds-paragraph\">")
                 << t.Format("plan.agree.agreed_in_family_view", {{"date", t.LongDate(earlier->recorded_on)}})
                 << Raw("</p>\n");
            parts.push_back({"", std::string(t("plan.agree.part_keep"))});
        } else {
            parts.push_back({"", std::string(t("plan.agree.part_choose"))});
        }
        for (const char* code : {"present", "not_taking_part"}) {
            parts.push_back({code, std::string(t(std::string("plan.guardian_part.") + code))});
        }
        f.Select("part_" + id, "plan.agree.part", parts, ValueOf(v, "part_" + id));
        f.TextInput("part_reason_" + id, "plan.agree.part_reason", ValueOf(v, "part_reason_" + id));
        html << Raw("</fieldset>\n");
    }
    f.Submit("plan.agree.submit");
}

// Closing the plan with a reason.
void CloseForm(Html& html, const Translator& t, const app::PlanView& /*view: any plan closes alike*/,
               const FormPageState& state, const std::string& base, const std::string& version) {
    const std::string close = "close";

    FoldedForm form(html, t, state, close, t("plan.edit.close"));
    FormWriter& f = form.writer;
    const TypedValues& v = form.values;
    f.Start(base + "/avsluta", state.csrf_token, version);
    std::vector<Option> reasons;
    for (const char* code : {"needs_met", "collaboration_ended", "consent_withdrawn", "child_adult", "moved"}) {
        reasons.push_back({code, std::string(t(std::string("plan.close_reason.") + code))});
    }
    f.Select("close_reason", "plan.close_reason", reasons, ValueOf(v, "close_reason"));
    f.Submit("plan.close.submit", false);
}

}  // namespace

void EditForms(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state) {
    const std::string base = "/planer/" + std::to_string(view.plan.id);
    const std::string version = std::to_string(view.plan.version);
    Heading(html, t, "edit-heading", "plan.edit.heading");
    BasicsForm(html, t, view, state, base, version);
    ParticipantForm(html, t, view, state, base, version);
    GoalForm(html, t, view, state, base, version);
    ActionForm(html, t, view, state, base, version);
    MeetingForm(html, t, view, state, base, version);
    CollaborationForm(html, t, view, state, base, version);
    AgreeForm(html, t, view, state, base, version);
    CloseForm(html, t, view, state, base, version);
    html << Raw("</section>\n");
}

}  // namespace kronobarn::web::views
