// "Mina planer": the plans the actor's units work on, and the meetings they are invited to.
#include "web/views/plan_page_parts.hpp"

namespace kronobarn::web::views {

namespace {

// The meetings the actor's units are invited to (or keep), soonest first.
void ComingMeetings(Html& html, const Translator& t, const app::PlanList& list) {
    std::vector<const app::PlanListItem*> items;
    for (const auto& item : list.plans) {
        if (item.planned_meeting) items.push_back(&item);
    }
    if (items.empty()) return;
    std::sort(items.begin(), items.end(), [](const auto* a, const auto* b) {
        return std::pair(std::chrono::sys_days{a->planned_meeting->on}, a->planned_meeting->starts_at) <
               std::pair(std::chrono::sys_days{b->planned_meeting->on}, b->planned_meeting->starts_at);
    });
    html << Raw("<h3 class=\"ds-heading\" data-size=\"2xs\" id=\"coming-meetings\">") << t("start.meetings.heading")
         << Raw("</h3>\n<ul class=\"ds-list\" aria-labelledby=\"coming-meetings\">\n");
    for (const auto* item : items) {
        const auto& meeting = *item->planned_meeting;
        html << Raw("<li><a class=\"ds-link\" href=\"/planer/") << std::to_string(item->id) << Raw("\">")
             << t.Format("start.meetings.item",
                         {{"kind", t("start.meetings.kind." + std::string(domain::Code(meeting.kind)))},
                          {"name", item->child_name},
                          {"when", t.MeetingTime(meeting.on, meeting.starts_at)}})
             << Raw("</a> — <span class=\"kb-break\">") << meeting.place << Raw("</span></li>\n");
    }
    html << Raw("</ul>\n");
}

}  // namespace

Html MyPlansList(const Translator& t, const app::PlanList& list) {
    Html html;
    ComingMeetings(html, t, list);
    html << Raw("<h3 class=\"ds-heading\" data-size=\"2xs\">")
         << t.Format("start.plans.heading", {{"count", std::to_string(list.plans.size())}}) << Raw("</h3>\n");
    if (list.no_longer_shared > 0) {
        html << Raw("<div class=\"ds-alert\" data-color=\"info\"><p class=\"ds-paragraph\">")
             << t.Format("start.plans.no_longer_shared", {{"count", std::to_string(list.no_longer_shared)}})
             << Raw("</p></div>\n");
    }
    if (list.plans.empty()) {
        html << Raw("<p class=\"ds-paragraph\">") << t("start.plans.empty") << Raw("</p>\n");
        return html;
    }
    html << Raw("<ul class=\"ds-list\">\n");
    for (const auto& item : list.plans) {
        html << Raw("<li><a class=\"ds-link\" href=\"/planer/") << std::to_string(item.id) << Raw("\">")
             << t.Format(
                    "start.plans.item",
                    {{"name", item.child_name},
                     {"state", std::string(t(std::string("plan.state.") + std::string(domain::Code(item.state))))}})
             << Raw("</a>");
        if (item.next_meeting) {
            html << Raw(" — ") << t.Format("start.plans.next_meeting", {{"date", t.LongDate(*item.next_meeting)}});
        }
        std::vector<std::string> due;
        if (item.meeting_due) due.push_back(std::string(t("start.plans.meeting_due")));
        if (item.actions_due_soon > 0) {
            due.push_back(t.Format("start.plans.due_soon", {{"count", std::to_string(item.actions_due_soon)}}));
        }
        if (item.consent_expires_in_days) {
            due.push_back(
                t.Format("start.plans.consent_expires", {{"days", std::to_string(*item.consent_expires_in_days)}}));
        }
        for (const auto& text : due) html << Raw(" — <strong>") << text << Raw("</strong>");
        // After a withdrawal: who no longer sees the plan, and what to do about it.
        for (const auto& unit : item.participants_without_consent) {
            html << Raw("<br><span class=\"kb-warning\">") << t.Format("start.plans.participant_lost", {{"unit", unit}})
                 << Raw("</span>");
        }
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
    return html;
}

}  // namespace kronobarn::web::views
