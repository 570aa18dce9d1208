#include "web/views/child_pages.hpp"

namespace kronobarn::web::views {
namespace {

// One person's latest answer in words: "Ja (i familjevyn, 18 november 2026)", "Har inte svarat".
std::string AnswerText(const Translator& t, const app::PlanFollowQuestion::Person& person) {
    if (!person.answer) return std::string(t("plan_follow.answer.none"));
    std::string text(t("plan_follow.answer." + std::string(domain::Code(*person.answer))));
    const std::string via(t("plan_follow.via." + std::string(domain::Code(*person.via))));
    return text + " (" + via + ", " + t.LongDate(person.answered_on) + ")";
}

// May the plan follow to the unit taking over? Each guardian (and the child from the consent age)
// answers; the holder records what they say, or they answer in the family view themselves.
void PlanFollowSection(Html& html, const Translator& t, const app::PlanFollowQuestion& question,
                       const FormPageState& state) {
    html << Raw("<h3 class=\"ds-heading\" data-size=\"xs\" id=\"plan-follow-heading\">")
         << t.Format("plan_follow.heading", {{"unit", question.to_unit_name}}) << Raw("</h3>\n");
    html << Raw("<p class=\"ds-paragraph\">") << t.Format("plan_follow.help", {{"unit", question.to_unit_name}})
         << Raw("</p>\n");
    html << Raw("<p class=\"ds-paragraph\"><strong>")
         << t.Format(question.plan_follows ? "plan_follow.follows" : "plan_follow.stays",
                     {{"unit", question.to_unit_name}})
         << Raw("</strong></p>\n");
    if (state.error_form == "plan_follow") Alert(html, t, "danger", state.error_key);
    html << Raw("<ul class=\"kb-cards\">\n");
    const std::string action = "/overlamningar/" + std::to_string(question.handover_id) + "/planen-foljer-med";
    for (const auto& person : question.people) {
        const std::string who = person.guardian_id ? "guardian_" + std::to_string(*person.guardian_id) : "child";
        html << Raw("<li class=\"ds-card\">\n<p class=\"ds-paragraph\"><strong>") << person.name << Raw("</strong>")
             << Raw(person.guardian_id ? "" : " (") << (person.guardian_id ? "" : t("plan_follow.the_child"))
             << Raw(person.guardian_id ? "" : ")") << Raw("</p>\n<p class=\"ds-paragraph\">") << AnswerText(t, person)
             << Raw("</p>\n");
        FormWriter f(html, t, "plan-follow-" + who);
        f.Start(action, state.csrf_token);
        f.Hidden("person", who);
        f.Select("answer", "plan_follow.record",
                 {{"yes", std::string(t("plan_follow.answer.yes"))}, {"no", std::string(t("plan_follow.answer.no"))}},
                 "");
        f.Submit("plan_follow.record_submit", false);
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
}

}  // namespace

Html ChildOverviewContent(const Translator& t, const app::ChildOverview& child, const FormPageState& state) {
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">") << child.name << Raw("</h1>\n");
    if (!state.notice_key.empty()) Alert(html, t, "success", state.notice_key);
    if (child.protected_identity) {
        html << Raw("<div class=\"ds-alert\" data-color=\"warning\"><p class=\"ds-paragraph\">")
             << t("child.protected_identity") << Raw("</p></div>\n");
    }
    html << Raw("<table class=\"ds-table kb-facts\">\n<tbody>\n");
    auto row = [&](std::string_view key, std::string_view value) {
        html << Raw("<tr><th scope=\"row\">") << t(key) << Raw("</th><td>") << value << Raw("</td></tr>\n");
    };
    row("plan.personal_number", child.personal_number);
    row("child.age", t.Format("child.age_value", {{"years", std::to_string(child.age)}}));
    row("plan.holder", child.holder_unit_name);
    std::string guardians;
    for (const auto& guardian : child.guardians) {
        guardians += (guardians.empty() ? "" : "; ") + guardian.given_name + " " + guardian.family_name +
                     (guardian.phone.empty() ? "" : ", " + guardian.phone);
    }
    row("child.guardians", guardians.empty() ? std::string(t("child.no_guardians")) : guardians);
    if (child.contact_details_hidden) row("child.contact_details", t("child.contact_details_hidden"));
    html << Raw("</tbody>\n</table>\n<nav class=\"kb-section\" aria-label=\"") << t("plan.links")
         << Raw("\">\n<ul class=\"ds-list\">\n");
    const std::string base = "/barn/" + std::to_string(child.id);
    if (child.open_plan) {
        html << Raw("<li><a class=\"ds-link\" href=\"/planer/") << std::to_string(*child.open_plan) << Raw("\">")
             << t("plan.open_link") << Raw("</a></li>\n");
    } else {
        html << Raw("<li>") << t("child.no_plan") << Raw("</li>\n");
    }
    html << Raw("<li><a class=\"ds-link\" href=\"") << base << Raw("/hjulet\">") << t("wheel.link_from_signal")
         << Raw("</a></li>\n<li><a class=\"ds-link\" href=\"") << base << Raw("/samtycken\">") << t("consent.link")
         << Raw("</a></li>\n");
    // The family's own logins are the holder's to hand out.
    if (child.viewer_is_holder) {
        html << Raw("<li><a class=\"ds-link\" href=\"") << base << Raw("/familj\">") << t("plan.family_access_link")
             << Raw("</a></li>\n");
    }
    html << Raw("</ul>\n</nav>\n");

    html << Raw("<section class=\"kb-section\" aria-labelledby=\"handover-heading\">\n<h2 class=\"ds-heading\" ")
         << Raw("data-size=\"sm\" id=\"handover-heading\">") << t("child.handover_heading") << Raw("</h2>\n");
    if (child.transition) {
        html << Raw("<p class=\"ds-paragraph\"><strong>")
             << t.Format(std::string("transition.") + std::string(domain::Code(child.transition->kind)),
                         {{"date", t.LongDate(child.transition->on)}})
             << Raw("</strong></p>\n");
    }
    if (child.pending_handover_to) {
        html << Raw("<p class=\"ds-paragraph\">")
             << t.Format("child.handover_pending", {{"unit", *child.pending_handover_to}}) << Raw("</p>\n");
        if (child.plan_follow) PlanFollowSection(html, t, *child.plan_follow, state);
    } else if (child.viewer_is_holder) {
        if (state.error_form == "handover") Alert(html, t, "danger", state.error_key);
        const TypedValues v = state.error_form == "handover" ? state.typed : TypedValues{};
        UnitAreaChooser(html, t, child.receiver_scope, base, "handover-heading", "handover");
        FormWriter f(html, t, "handover");
        f.Start(base + "/overlamning", state.csrf_token);
        std::vector<Option> units;
        for (const auto& unit : child.receivers) units.push_back({std::to_string(unit.id), unit.name});
        f.Select("to_unit_id", "handover.to_unit", units, ValueOf(v, "to_unit_id"));
        f.TextArea("note", "handover.note", ValueOf(v, "note"));
        f.Submit("handover.submit", false);
    }
    html << Raw("</section>\n<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/start\">")
         << t("error.back_to_start") << Raw("</a></p>\n");
    return html;
}

Html TransitionList(const Translator& t, const std::vector<app::TransitionTask>& tasks) {
    Html html;
    if (tasks.empty()) return html;
    html << Raw("<h3 class=\"ds-heading\" data-size=\"2xs\">")
         << t.Format("transition.heading", {{"count", std::to_string(tasks.size())}})
         << Raw("</h3>\n<ul class=\"ds-list\">\n");
    for (const auto& task : tasks) {
        html << Raw("<li><a class=\"ds-link\" href=\"/barn/") << std::to_string(task.child_id) << Raw("\">")
             << task.child_name << Raw("</a> — ")
             << t.Format(std::string("transition.") + std::string(domain::Code(task.transition.kind)),
                         {{"date", t.LongDate(task.transition.on)}})
             << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
    return html;
}

}  // namespace kronobarn::web::views
