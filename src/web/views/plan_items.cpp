// The plan's lists as cards a person can work in: goals, actions with each party's latest report,
// contacts, meetings — each with its correction and removal for the plan's keepers, and the report
// form for the party that carries an action out. Cards stack on a phone where tables would scroll.
#include <algorithm>

#include "common/ids.hpp"
#include "web/plan_forms.hpp"
#include "web/views/plan_page_parts.hpp"

namespace kronobarn::web::views {
namespace {

std::string Id(std::int64_t id) { return std::to_string(id); }

void Fact(Html& html, const Translator& t, std::string_view label_key, std::string_view value) {
    html << Raw("<div><dt>") << t(label_key) << Raw("</dt><dd class=\"kb-prewrap\">") << value << Raw("</dd></div>\n");
}

std::string StatusText(const Translator& t, domain::ActionStatus status) {
    return std::string(t(std::string("plan.action.status.") + std::string(domain::Code(status))));
}

std::vector<Option> StatusOptions(const Translator& t) {
    std::vector<Option> options;
    for (const auto status :
         {domain::ActionStatus::kPlanned, domain::ActionStatus::kOngoing, domain::ActionStatus::kDone,
          domain::ActionStatus::kChanged, domain::ActionStatus::kStopped}) {
        options.push_back({std::string(domain::Code(status)), StatusText(t, status)});
    }
    return options;
}

// A removal: one button behind a fold, so it is never pressed by mistake, with what it means.
void RemovalForm(Html& html, const Translator& t, const FormPageState& state, const std::string& name,
                 std::string_view summary_key, std::string_view action, std::string_view id_field, std::string_view id,
                 std::string_view help_key, std::string_view version) {
    FoldedForm form(html, t, state, name, t(summary_key));
    form.writer.Start(action, state.csrf_token, version);
    form.writer.Hidden(id_field, id);
    html << Raw("<p class=\"ds-paragraph\">") << t(help_key) << Raw("</p>\n");
    form.writer.Submit(summary_key, false);
}

// A place that is only a web address is a link (a video meeting); anything else stays text.
void PlaceText(Html& html, const std::string& place) {
    const bool link = place.starts_with("https://") && place.find_first_of(" \t\r\n") == std::string::npos;
    if (link) {
        html << Raw("<a class=\"ds-link kb-break\" href=\"") << place << Raw("\">") << place << Raw("</a>");
    } else {
        html << place;
    }
}

std::vector<std::string> Split(const std::string& joined) {
    std::vector<std::string> parts;
    std::string_view rest = joined;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        parts.emplace_back(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    return parts;
}

void PlannedMeetingForms(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state) {
    const domain::Plan& plan = view.plan;
    const std::string base = "/planer/" + Id(plan.id);
    const std::string version = std::to_string(plan.version);
    const auto& planned = plan.planned_meeting;
    {
        FoldedForm form(html, t, state, "plan-meeting", t(planned ? "plan.planned.change" : "plan.planned.plan"));
        FormWriter& f = form.writer;
        const TypedValues& v = form.values;
        f.Start(base + "/moten/planera", state.csrf_token, version);
        const bool follow_up =
            planned ? planned->kind == domain::MeetingKind::kFollowUp : plan.state != domain::PlanState::kDraft;
        f.Select("kind", "plan.planned.kind",
                 {{"collaboration", std::string(t("start.meetings.kind.collaboration"))},
                  {"follow_up", std::string(t("start.meetings.kind.follow_up"))}},
                 ValueOf(v, "kind", follow_up ? "follow_up" : "collaboration"));
        std::string day = planned ? FormatDate(planned->on) : "";
        if (!planned && plan.basics.next_meeting) day = FormatDate(*plan.basics.next_meeting);
        f.TextInput("meets_on", "plan.planned.meets_on", ValueOf(v, "meets_on", day), "date");
        f.TextInput("starts_at", "plan.planned.starts_at",
                    ValueOf(v, "starts_at", planned ? FormatTimeOfDay(planned->starts_at) : ""), "time");
        f.TextInput("place", "plan.planned.place", ValueOf(v, "place", planned ? planned->place : ""));
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("plan.planned.place_hint") << Raw("</p>\n");
        std::vector<Option> who{{std::string(kFamilyChoice), std::string(t("plan.planned.family_invited"))}};
        for (const auto& participant : plan.participants) {
            who.push_back({Id(participant.unit_id), UnitName(view, participant.unit_id)});
        }
        // A fresh form invites the family and every unit of the plan, the planned meeting its own.
        std::vector<std::string> ticked;
        if (!v.empty()) {
            ticked = Split(ValueOf(v, "invited"));
        } else if (planned) {
            if (planned->family_invited) ticked.emplace_back(kFamilyChoice);
            for (const auto unit : planned->invited_units) ticked.push_back(Id(unit));
        } else {
            for (const auto& option : who) ticked.push_back(option.value);
        }
        f.CheckboxGroup("invited", "plan.planned.who", who, ticked);
        f.Submit("plan.planned.save");
    }
    if (planned) {
        FoldedForm form(html, t, state, "cancel-meeting", t("plan.planned.cancel"));
        form.writer.Start(base + "/moten/stall-in", state.csrf_token, version);
        html << Raw("<p class=\"ds-paragraph\">") << t("plan.planned.cancel_hint") << Raw("</p>\n");
        form.writer.Submit("plan.planned.cancel", false);
    }
}

}  // namespace

void PlannedMeetingCard(Html& html, const Translator& t, const app::PlanView& view) {
    const auto& planned = view.plan.planned_meeting;
    if (!planned) {
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("plan.planned.none") << Raw("</p>\n");
        return;
    }
    const bool follow_up = planned->kind == domain::MeetingKind::kFollowUp;
    html << Raw("<div class=\"kb-card kb-planned\" id=\"card-planned-meeting\">\n<h3 class=\"ds-heading\" "
                "data-size=\"2xs\">")
         << t.Format(follow_up ? "plan.planned.follow_up" : "plan.planned.collaboration",
                     {{"when", t.MeetingTime(planned->on, planned->starts_at)}})
         << Raw("</h3>\n<dl class=\"kb-card-facts\">\n<div><dt>") << t("plan.planned.place")
         << Raw("</dt><dd class=\"kb-prewrap\">");
    PlaceText(html, planned->place);
    html << Raw("</dd></div>\n");
    std::string invited;
    if (planned->family_invited) invited = t("plan.planned.family");
    for (const auto unit : planned->invited_units) invited += (invited.empty() ? "" : ", ") + UnitName(view, unit);
    Fact(html, t, "plan.planned.invited", invited);
    html << Raw("</dl>\n</div>\n");
}

void GoalsSection(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state) {
    const domain::Plan& plan = view.plan;
    const std::string base = "/planer/" + Id(plan.id);
    const std::string version = std::to_string(plan.version);
    Heading(html, t, "goals-heading", "plan.goals");
    SectionNotice(html, t, state, "goals-heading");
    if (!plan.support_areas.empty()) {
        html << Raw("<p class=\"ds-paragraph\">") << t("plan.support_areas") << Raw(" ");
        for (std::size_t i = 0; i < plan.support_areas.size(); ++i) {
            html << (i == 0 ? "" : ", ") << AreaLabel(view, plan.support_areas[i]);
        }
        html << Raw("</p>\n");
    }
    if (plan.goals.empty()) {
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("plan.goals.empty") << Raw("</p>\n");
    }
    html << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& goal : plan.goals) {
        const std::string name = "goal-" + Id(goal.id);
        html << Raw("<li class=\"kb-card\" id=\"card-") << name
             << Raw("\">\n<h3 class=\"ds-heading\" data-size=\"2xs\">") << AreaLabel(view, goal.area_code)
             << Raw("</h3>\n<dl class=\"kb-card-facts\">\n");
        Fact(html, t, "plan.goal.outcome", goal.outcome);
        Fact(html, t, "plan.goal.how_we_know", goal.how_we_know);
        Fact(html, t, "plan.goal.by_when", t.LongDate(goal.by_when));
        html << Raw("</dl>\n");
        if (view.may_edit) {
            {
                FoldedForm form(html, t, state, name, t("plan.goal.edit"));
                FormWriter& f = form.writer;
                const TypedValues& v = form.values;
                f.Start(base + "/mal/andra", state.csrf_token, version);
                f.Hidden("goal_id", Id(goal.id));
                f.Select("area_code", "plan.goal.area", AreaOptions(view), ValueOf(v, "area_code", goal.area_code));
                f.TextArea("outcome", "plan.goal.outcome", ValueOf(v, "outcome", goal.outcome), 2);
                f.TextArea("how_we_know", "plan.goal.how_we_know", ValueOf(v, "how_we_know", goal.how_we_know), 2);
                f.TextInput("by_when", "plan.goal.by_when", ValueOf(v, "by_when", FormatDate(goal.by_when)), "date");
                f.Submit("plan.save_change");
            }
            RemovalForm(html, t, state, "remove-" + name, "plan.goal.remove", base + "/mal/ta-bort", "goal_id",
                        Id(goal.id), "plan.goal.remove_help", version);
        }
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n</section>\n");
}

void ActionsSection(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state) {
    const domain::Plan& plan = view.plan;
    const bool keeper = view.reading.reader == domain::PlanReader::kCoordinating;
    const std::string base = "/planer/" + Id(plan.id);
    const std::string version = std::to_string(plan.version);
    Heading(html, t, "actions-heading", keeper ? "plan.actions" : "plan.actions.own");
    SectionNotice(html, t, state, "actions-heading");
    if (plan.actions.empty()) {
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("plan.actions.empty") << Raw("</p>\n");
    }
    html << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& action : plan.actions) {
        const std::string name = "action-" + Id(action.id);
        html << Raw("<li class=\"kb-card\" id=\"card-") << name
             << Raw("\">\n<h3 class=\"ds-heading\" data-size=\"2xs\">") << action.what
             << Raw("</h3>\n<dl class=\"kb-card-facts\">\n");
        Fact(html, t, "plan.action.unit",
             action.unit_id ? UnitName(view, action.unit_id) : std::string(t("plan.action.family")));
        Fact(html, t, "plan.action.responsible", action.responsible);
        Fact(html, t, "plan.action.start", t.LongDate(action.start));
        if (!action.frequency.empty()) Fact(html, t, "plan.action.frequency", action.frequency);
        Fact(html, t, "plan.action.due", t.LongDate(action.due));
        Fact(html, t, "plan.action.status", StatusText(t, action.status));
        if (action.reported_at) {
            Fact(html, t, "plan.action.latest_report",
                 t.Format("plan.action.reported_by",
                          {{"name", action.reported_by}, {"when", t.LocalDateTime(*action.reported_at)}}));
        }
        if (!action.progress_note.empty()) Fact(html, t, "plan.action.progress_note", action.progress_note);
        if (action.proposed_due) Fact(html, t, "plan.action.proposed_due", t.LongDate(*action.proposed_due));
        html << Raw("</dl>\n");
        if (view.may_report) {
            FoldedForm form(html, t, state, "report-" + Id(action.id), t("plan.action.report"));
            FormWriter& f = form.writer;
            const TypedValues& v = form.values;
            f.Start(base + "/insatser/rapport", state.csrf_token);
            f.Hidden("action_id", Id(action.id));
            f.Select("status", "plan.action.status", StatusOptions(t),
                     ValueOf(v, "status", std::string(domain::Code(action.status))));
            f.TextArea("note", "plan.action.progress_note", ValueOf(v, "note", action.progress_note), 2);
            f.TextInput("proposed_due", "plan.action.proposed_due",
                        ValueOf(v, "proposed_due", action.proposed_due ? FormatDate(*action.proposed_due) : ""),
                        "date");
            f.Submit("plan.action.report_submit");
        }
        if (view.may_edit) {
            {
                FoldedForm form(html, t, state, name, t("plan.action.edit"));
                FormWriter& f = form.writer;
                const TypedValues& v = form.values;
                f.Start(base + "/insatser/andra", state.csrf_token, version);
                f.Hidden("action_id", Id(action.id));
                f.TextArea("what", "plan.action.what", ValueOf(v, "what", action.what), 2);
                std::vector<Option> units{{std::string(kFamilyChoice), std::string(t("plan.action.family"))}};
                for (const auto& p : plan.participants) units.push_back({Id(p.unit_id), UnitName(view, p.unit_id)});
                f.Select("unit_id", "plan.action.unit", units,
                         ValueOf(v, "unit_id", action.unit_id ? Id(*action.unit_id) : std::string(kFamilyChoice)));
                f.TextInput("responsible", "plan.action.responsible", ValueOf(v, "responsible", action.responsible));
                f.TextInput("start", "plan.action.start", ValueOf(v, "start", FormatDate(action.start)), "date");
                f.TextInput("frequency", "plan.action.frequency", ValueOf(v, "frequency", action.frequency));
                f.TextInput("due", "plan.action.due",
                            ValueOf(v, "due", FormatDate(action.proposed_due ? *action.proposed_due : action.due)),
                            "date");
                f.Submit("plan.save_change");
            }
            RemovalForm(html, t, state, "remove-" + name, "plan.action.remove", base + "/insatser/ta-bort", "action_id",
                        Id(action.id), "plan.action.remove_help", version);
        }
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n</section>\n");
}

void ContactsSection(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state) {
    const domain::Plan& plan = view.plan;
    const std::string base = "/planer/" + Id(plan.id);
    const std::string version = std::to_string(plan.version);
    Heading(html, t, "contacts-heading", "plan.contacts");
    SectionNotice(html, t, state, "contacts-heading");
    if (!view.uncovered_participants.empty()) {
        html << Raw("<div class=\"ds-alert\" data-color=\"warning\" role=\"status\"><p class=\"ds-paragraph\">")
             << t("plan.participants.uncovered_help") << Raw(" <a class=\"ds-link\" href=\"/barn/") << Id(plan.child_id)
             << Raw("/samtycken\">") << t("consent.link") << Raw("</a></p></div>\n");
    }
    if (plan.participants.empty()) {
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("plan.contacts.empty") << Raw("</p>\n");
    }
    html << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& participant : plan.participants) {
        const std::string name = "participant-" + Id(participant.unit_id);
        const bool uncovered = std::find(view.uncovered_participants.begin(), view.uncovered_participants.end(),
                                         participant.unit_id) != view.uncovered_participants.end();
        html << Raw("<li class=\"kb-card\" id=\"card-") << name
             << Raw("\">\n<h3 class=\"ds-heading\" data-size=\"2xs\">") << UnitName(view, participant.unit_id)
             << Raw("</h3>\n");
        if (uncovered) {
            html << Raw("<p class=\"ds-paragraph\"><strong class=\"kb-warning\">") << t("plan.participant.no_consent")
                 << Raw("</strong></p>\n");
        }
        html << Raw("<dl class=\"kb-card-facts\">\n");
        Fact(html, t, "plan.participant.contact", participant.contact_name);
        if (!participant.contact_phone.empty()) Fact(html, t, "plan.participant.phone", participant.contact_phone);
        html << Raw("</dl>\n");
        if (view.may_edit) {
            {
                FoldedForm form(html, t, state, name, t("plan.participant.edit"));
                FormWriter& f = form.writer;
                const TypedValues& v = form.values;
                f.Start(base + "/deltagare/andra", state.csrf_token, version);
                f.Hidden("unit_id", Id(participant.unit_id));
                f.TextInput("contact_name", "plan.participant.contact",
                            ValueOf(v, "contact_name", participant.contact_name));
                f.TextInput("contact_phone", "plan.participant.phone",
                            ValueOf(v, "contact_phone", participant.contact_phone), "tel");
                f.Submit("plan.save_change");
            }
            FoldedForm form(html, t, state, "remove-" + name, t("plan.participant.remove"));
            FormWriter& f = form.writer;
            f.Start(base + "/deltagare/ta-bort", state.csrf_token, version);
            f.Hidden("unit_id", Id(participant.unit_id));
            html << Raw("<p class=\"ds-paragraph\">") << t("plan.participant.remove_help") << Raw("</p>\n");
            f.TextArea("reason", "plan.participant.remove_reason", ValueOf(form.values, "reason"), 2);
            f.Submit("plan.participant.remove", false);
        }
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
    if (!plan.removed_participants.empty()) {
        html << Raw("<h3 class=\"ds-heading\" data-size=\"2xs\">") << t("plan.participants.removed")
             << Raw("</h3>\n<ul class=\"ds-list\">\n");
        for (const auto& removed : plan.removed_participants) {
            html << Raw("<li>")
                 << t.Format("plan.participants.removed_item", {{"unit", UnitName(view, removed.unit_id)},
                                                                {"contact", removed.contact_name},
                                                                {"reason", removed.reason}})
                 << Raw("</li>\n");
        }
        html << Raw("</ul>\n");
    }
    html << Raw("</section>\n");
}

void MeetingsSection(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state) {
    const domain::Plan& plan = view.plan;
    const std::string base = "/planer/" + Id(plan.id);
    const std::string version = std::to_string(plan.version);
    Heading(html, t, "meetings-heading", "plan.meetings");
    SectionNotice(html, t, state, "meetings-heading");
    html << Raw("<h3 class=\"ds-heading kb-subheading\" data-size=\"xs\">") << t("plan.planned.heading")
         << Raw("</h3>\n");
    PlannedMeetingCard(html, t, view);
    if (view.may_edit) PlannedMeetingForms(html, t, view, state);
    html << Raw("<h3 class=\"ds-heading kb-subheading\" data-size=\"xs\">") << t("plan.meetings.held")
         << Raw("</h3>\n");
    if (plan.meetings.empty()) {
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("plan.meetings.empty") << Raw("</p>\n");
    }
    html << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& meeting : plan.meetings) {
        const std::string name = "meeting-" + Id(meeting.id);
        html << Raw("<li class=\"kb-card\" id=\"card-") << name
             << Raw("\">\n<h3 class=\"ds-heading\" data-size=\"2xs\">")
             << t.Format(std::string(meeting.kind == domain::MeetingKind::kFollowUp ? "plan.meeting.follow_up_on"
                                                                                    : "plan.meeting.collaboration_on") +
                             (meeting.place.empty() ? "_date" : ""),
                         {{"date", t.LongDate(meeting.held_on)}, {"place", meeting.place}})
             << Raw("</h3>\n<p class=\"ds-paragraph\">")
             << t(meeting.child_present ? "plan.meeting.child_was_present" : "plan.meeting.child_was_absent")
             << (meeting.child_present ? std::string() : " " + meeting.child_absent_reason) << Raw(" ")
             << t(meeting.guardians_present ? "plan.meeting.guardians_were_present"
                                            : "plan.meeting.guardians_were_absent")
             << Raw("</p>\n");
        if (meeting.notes.empty()) {
            html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("plan.not_recorded") << Raw("</p>\n");
        } else {
            html << Raw("<p class=\"ds-paragraph kb-prewrap\">") << meeting.notes << Raw("</p>\n");
        }
        if (!meeting.evaluations.empty()) {
            html << Raw("<ul class=\"ds-list\">\n");
            for (const auto& evaluation : meeting.evaluations) {
                const auto action = std::find_if(plan.actions.begin(), plan.actions.end(),
                                                 [&](const auto& a) { return a.id == evaluation.action_id; });
                // An action removed since is named as such, not left blank.
                html << Raw("<li>")
                     << (action != plan.actions.end() ? action->what : std::string(t("plan.action.removed_since")))
                     << ": " << StatusText(t, evaluation.result)
                     << (evaluation.note.empty() ? std::string() : " — " + evaluation.note) << Raw("</li>\n");
            }
            html << Raw("</ul>\n");
        }
        if (view.may_edit) {
            FoldedForm form(html, t, state, name, t("plan.meeting.correct"));
            FormWriter& f = form.writer;
            const TypedValues& v = form.values;
            f.Start(base + "/moten/andra", state.csrf_token, version);
            f.Hidden("meeting_id", Id(meeting.id));
            f.TextInput("held_on", "plan.meeting.held_on", ValueOf(v, "held_on", FormatDate(meeting.held_on)), "date");
            f.TextInput("place", "plan.meeting.place", ValueOf(v, "place", meeting.place));
            f.TextArea("notes", "plan.meeting.notes", ValueOf(v, "notes", meeting.notes));
            f.Submit("plan.save_change");
        }
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n</section>\n");
}

}  // namespace kronobarn::web::views
