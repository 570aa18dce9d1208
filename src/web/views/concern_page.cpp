#include "web/views/concern_pages.hpp"

namespace kronobarn::web::views {
namespace {

std::string_view StatusKey(domain::ConcernStatus status) {
    return status == domain::ConcernStatus::kHandled ? "concern.status.handled" : "concern.status.received";
}

void Row(Html& html, const Translator& t, std::string_view key, std::string_view value) {
    html << Raw("<tr><th scope=\"row\">") << t(key) << Raw("</th><td>") << value << Raw("</td></tr>\n");
}

void DecisionForm(Html& html, const Translator& t, const app::ConcernView& view, const DecisionFormState& form) {
    const std::string action = "/oro/" + std::to_string(view.concern.id) + "/beslut";
    html << Raw("<section class=\"ds-card kb-section\" aria-labelledby=\"decision-heading\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"decision-heading\">") << t("decision.form_heading")
         << Raw("</h2>\n<ul class=\"ds-list\">\n");
    for (const auto* key :
         {"decision.girfec.1", "decision.girfec.2", "decision.girfec.3", "decision.girfec.4", "decision.girfec.5"}) {
        html << Raw("<li>") << t(key) << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
    html << Raw("<form method=\"post\" action=\"") << action << Raw("\" class=\"kb-form\" novalidate>\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << form.csrf_token << Raw("\">\n")
         << Raw("<p class=\"ds-paragraph\">") << t("decision.outcome_a") << Raw("</p>\n")
         << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"rationale\">") << t("decision.rationale")
         << Raw("</label>\n<textarea class=\"ds-input\" id=\"rationale\" name=\"rationale\" rows=\"4\" ")
         << Raw("maxlength=\"4000\" required>") << form.rationale << Raw("</textarea>\n</div>\n")
         << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"actions_taken\">")
         << t("decision.actions_taken") << Raw("</label>\n<textarea class=\"ds-input\" id=\"actions_taken\" ")
         << Raw("name=\"actions_taken\" rows=\"4\" maxlength=\"4000\" required>") << form.actions_taken
         << Raw("</textarea>\n</div>\n<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">")
         << t("decision.submit") << Raw("</button>\n</form>\n");

    // Decision B: hand coordination responsibility to another unit.
    const std::string handover_action = "/oro/" + std::to_string(view.concern.id) + "/overlamning";
    html << Raw("<p class=\"ds-paragraph kb-decision-b\" id=\"decision-b\">") << t("decision.outcome_b")
         << Raw("</p>\n");
    UnitAreaChooser(html, t, view.receiver_scope, "/oro/" + std::to_string(view.concern.id), "decision-b",
                    "decision-b");
    html << Raw("<form method=\"post\" action=\"") << handover_action << Raw("\" class=\"kb-form\" novalidate>\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << form.csrf_token << Raw("\">\n")
         << Raw("<div class=\"ds-field\">\n") << Raw("<label class=\"ds-label\" for=\"to_unit_id\">")
         << t("handover.to_unit")
         << Raw("</label>\n<select class=\"ds-input\" id=\"to_unit_id\" name=\"to_unit_id\">\n");
    for (const auto& unit : form.receivers) {
        const std::string value = std::to_string(unit.id);
        html << Raw("<option value=\"") << value << Raw("\"") << Raw(value == form.handover_unit_id ? " selected" : "")
             << Raw(">") << unit.name << Raw("</option>\n");
    }
    html << Raw("</select>\n</div>\n<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"handover_note\">")
         << t("handover.note") << Raw("</label>\n<textarea class=\"ds-input\" id=\"handover_note\" name=\"note\" ")
         << Raw("rows=\"3\" maxlength=\"4000\" required>") << form.handover_note << Raw("</textarea>\n</div>\n")
         << Raw("<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">") << t("handover.submit")
         << Raw("</button>\n</form>\n");

    // Decision C: collaboration — consent, a collaboration meeting and Barnets plan.
    // A child with a plan already: the signal joins it, and the holder can open it first.
    if (view.open_plan_id) {
        html << Raw("<div class=\"ds-alert\" data-color=\"info\" id=\"existing-plan\"><p class=\"ds-paragraph\">")
             << t("decision.existing_plan") << Raw(" <a class=\"ds-link\" href=\"/planer/")
             << std::to_string(*view.open_plan_id) << Raw("\">") << t("plan.open_link") << Raw("</a></p></div>\n");
    }
    const std::string collaboration_action = "/oro/" + std::to_string(view.concern.id) + "/samverkan";
    html << Raw("<form method=\"post\" action=\"") << collaboration_action
         << Raw("\" class=\"kb-form\" novalidate>\n<input type=\"hidden\" name=\"csrf_token\" value=\"")
         << form.csrf_token << Raw("\">\n<p class=\"ds-paragraph\">") << t("decision.outcome_c")
         << Raw("</p>\n<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"collaboration_rationale\">")
         << t("decision.rationale") << Raw("</label>\n<textarea class=\"ds-input\" id=\"collaboration_rationale\" ")
         << Raw("name=\"rationale\" rows=\"3\" maxlength=\"4000\" required>") << form.collaboration_rationale
         << Raw("</textarea>\n</div>\n<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">")
         << t("decision.collaborate_submit") << Raw("</button>\n</form>\n</section>\n");
}

}  // namespace

Html ConcernContent(const Translator& t, const app::ConcernView& view, const DecisionFormState& form) {
    const domain::Concern& concern = view.concern;
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">") << t("concern.view.heading") << Raw("</h1>\n");
    if (!form.error_key.empty()) {
        html << Raw("<div class=\"ds-alert\" data-color=\"danger\" role=\"alert\"><p class=\"ds-paragraph\">")
             << t(form.error_key) << Raw("</p></div>\n");
    }
    if (!view.viewer_is_holder) {
        html << Raw("<div class=\"ds-alert\" data-color=\"info\"><p class=\"ds-paragraph\">")
             << t("concern.view.own_signal_notice") << Raw("</p></div>\n");
    }
    html << Raw("<table class=\"ds-table kb-facts\">\n<tbody>\n");
    Row(html, t, "concern.view.child", view.child_name + " (" + view.child_personal_number + ")");
    if (!view.name_in_signal.empty()) {
        Row(html, t, "concern.view.name_in_signal",
            t.Format("concern.view.name_in_signal_value", {{"name", view.name_in_signal}}));
    }
    if (!view.noticed_by.empty()) {
        Row(html, t, "concern.view.noticed_by",
            t.Format("concern.view.noticed_by_value", {{"name", view.noticed_by}, {"unit", view.noticed_at_unit}}));
    }
    Row(html, t, "concern.view.status", t(StatusKey(concern.status)));
    Row(html, t, "concern.view.noticed_on", t.LongDate(concern.noticed_on));
    std::string areas;
    for (const auto& label : view.wheel_area_labels) areas += (areas.empty() ? "" : ", ") + label;
    Row(html, t, "concern.view.areas", areas.empty() ? std::string(t("concern.view.no_areas")) : areas);
    Row(html, t, "concern.view.guardians_informed", t(concern.guardians_informed ? "common.yes" : "common.no"));
    if (view.show_report) {
        Row(html, t, "concern.view.report",
            t.Format("concern.view.report_value",
                     {{"date", t.LongDate(concern.report->reported_on)}, {"unit", view.report_unit_name}}));
    }
    html << Raw("</tbody>\n</table>\n<h2 class=\"ds-heading\" data-size=\"sm\">") << t("concern.view.description")
         << Raw("</h2>\n<p class=\"ds-paragraph kb-prewrap\">") << concern.description << Raw("</p>\n");
    if (view.viewer_is_holder) {
        html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/barn/") << std::to_string(concern.child_id)
             << Raw("/hjulet/ny?signal=") << std::to_string(concern.id) << Raw("\">") << t("wheel.link_from_signal")
             << Raw("</a></p>\n") << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/barn/")
             << std::to_string(concern.child_id) << Raw("\">") << t("child.link") << Raw("</a></p>\n");
    }
    if (view.viewer_is_holder && concern.decision) {
        html << Raw("<h2 class=\"ds-heading\" data-size=\"sm\">") << t("decision.heading") << Raw("</h2>\n")
             << Raw("<p class=\"ds-paragraph\">")
             << t(concern.decision->outcome == domain::DecisionOutcome::kCollaboration       ? "decision.outcome_c"
                  : concern.decision->outcome == domain::DecisionOutcome::kOtherOrganisation ? "decision.outcome_b"
                                                                                             : "decision.outcome_a")
             << Raw("</p>\n<h3 class=\"ds-heading\" ") << Raw("data-size=\"2xs\">") << t("decision.rationale")
             << Raw("</h3>\n<p class=\"ds-paragraph kb-prewrap\">") << concern.decision->rationale
             << Raw("</p>\n<h3 class=\"ds-heading\" data-size=\"2xs\">") << t("decision.actions_taken")
             << Raw("</h3>\n<p class=\"ds-paragraph kb-prewrap\">") << concern.decision->actions_taken << Raw("</p>\n");
        if (view.open_plan_id) {
            html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/planer/")
                 << std::to_string(*view.open_plan_id) << Raw("\">") << t("plan.open_link") << Raw("</a></p>\n");
        }
    } else if (view.viewer_is_holder) {
        DecisionForm(html, t, view, form);
    }
    html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/start\">") << t("error.back_to_start")
         << Raw("</a></p>\n");
    return html;
}

Html InboxPageContent(const Translator& t, const app::InboxPage& page) {
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">") << t("start.section.signal_inbox.heading")
         << Raw("</h1>\n");
    html.Append(InboxList(t, page, false));
    return html;
}

Html InboxList(const Translator& t, const app::InboxPage& page, bool link_to_all) {
    Html html;
    const auto& items = page.items;
    if (items.empty()) {
        html << Raw("<p class=\"ds-paragraph\">") << t("start.section.signal_inbox.empty") << Raw("</p>\n");
        return html;
    }
    html << Raw("<table class=\"ds-table\">\n<thead><tr><th scope=\"col\">") << t("inbox.child")
         << Raw("</th><th scope=\"col\">") << t("inbox.born") << Raw("</th><th scope=\"col\">") << t("inbox.age_days")
         << Raw("</th></tr></thead>\n<tbody>\n");
    for (const auto& item : items) {
        html << Raw("<tr><td><a class=\"ds-link\" href=\"/oro/") << std::to_string(item.concern_id) << Raw("\">")
             << item.child_name << Raw("</a>");
        // A name that does not match the personal number: the number may be wrong.
        if (!item.name_in_signal.empty()) {
            html << Raw("<br><span class=\"kb-warning\">")
                 << t.Format("inbox.name_in_signal", {{"name", item.name_in_signal}}) << Raw("</span>");
        }
        html << Raw("</td><td>") << item.birth_date << Raw("</td><td>")
             << t.Format("inbox.days", {{"n", std::to_string(item.age_in_days)}}) << Raw("</td></tr>\n");
    }
    html << Raw("</tbody>\n</table>\n");
    if (items.size() < page.total) {
        html << Raw("<p class=\"ds-paragraph\">")
             << t.Format("inbox.shown_of",
                         {{"shown", std::to_string(items.size())}, {"total", std::to_string(page.total)}});
        if (link_to_all) {
            html << Raw(" <a class=\"ds-link\" href=\"/inkorg\">") << t("inbox.show_all") << Raw("</a>");
        }
        html << Raw("</p>\n");
    }
    return html;
}

Html HandoverSection(const Translator& t, const app::HandoverLists& lists, const std::string& csrf_token) {
    Html html;
    if (lists.incoming.empty() && lists.outgoing.empty()) {
        html << Raw("<p class=\"ds-paragraph\">") << t("start.section.handovers.empty") << Raw("</p>\n");
        return html;
    }
    for (const auto& item : lists.incoming) {
        const std::string base = "/overlamningar/" + std::to_string(item.id);
        html << Raw("<article class=\"kb-handover\">\n<h3 class=\"ds-heading\" data-size=\"2xs\">")
             << t.Format(item.kind == domain::HandoverKind::kCollaboration ? "handover.incoming_collaboration"
                                                                           : "handover.incoming",
                         {{"child", item.child_name}, {"unit", item.other_unit_name}})
             << Raw("</h3>\n<p class=\"ds-paragraph kb-prewrap\">") << item.note << Raw("</p>\n");
        if (item.plan_follows) {
            html << Raw("<p class=\"ds-paragraph\">") << t("handover.plan_follows") << Raw("</p>\n");
        }
        html << Raw("<form method=\"post\" action=\"") << base << Raw("/godkann\">")
             << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << csrf_token << Raw("\">")
             << Raw("<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">") << t("handover.accept")
             << Raw("</button></form>\n<form method=\"post\" action=\"") << base << Raw("/avbojs\" class=\"kb-form\">")
             << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << csrf_token << Raw("\">")
             << Raw("<div class=\"ds-field\"><label class=\"ds-label\" for=\"reason-") << std::to_string(item.id)
             << Raw("\">") << t("handover.decline_reason") << Raw("</label><textarea class=\"ds-input\" rows=\"2\" ")
             << Raw("name=\"reason\" id=\"reason-") << std::to_string(item.id)
             << Raw("\" maxlength=\"4000\"></textarea></div>")
             << Raw("<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">") << t("handover.decline")
             << Raw("</button></form>\n</article>\n");
    }
    if (!lists.outgoing.empty()) {
        html << Raw("<h3 class=\"ds-heading\" data-size=\"2xs\">") << t("handover.outgoing_heading")
             << Raw("</h3>\n<ul class=\"ds-list\">\n");
        for (const auto& item : lists.outgoing) {
            html << Raw("<li>");
            if (item.state == domain::HandoverState::kDeclined) {
                html << t.Format(
                    "handover.outgoing_declined",
                    {{"child", item.child_name}, {"unit", item.other_unit_name}, {"reason", item.decline_reason}});
            } else {
                html << t.Format("handover.outgoing_pending",
                                 {{"child", item.child_name}, {"unit", item.other_unit_name}})
                     << Raw("<form method=\"post\" action=\"/overlamningar/") << std::to_string(item.id)
                     << Raw("/aterkalla\" class=\"kb-inline-form\"><input type=\"hidden\" name=\"csrf_token\" value=\"")
                     << csrf_token << Raw("\"><button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\">")
                     << t("handover.cancel") << Raw("</button></form>");
            }
            html << Raw("</li>\n");
        }
        html << Raw("</ul>\n");
    }
    return html;
}

Html MySignalsList(const Translator& t, const std::vector<store::OwnConcernEntry>& entries) {
    Html html;
    html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-button\" data-variant=\"primary\" href=\"/oro/ny\">")
         << t("concern.form.heading") << Raw("</a></p>\n");
    if (entries.empty()) {
        html << Raw("<p class=\"ds-paragraph\">") << t("start.section.new_signal.empty") << Raw("</p>\n");
        return html;
    }
    html << Raw("<h3 class=\"ds-heading\" data-size=\"2xs\">") << t("start.my_signals")
         << Raw("</h3>\n<ul class=\"ds-list\">\n");
    for (const auto& entry : entries) {
        html << Raw("<li><a class=\"ds-link\" href=\"/oro/") << std::to_string(entry.concern_id) << Raw("\">")
             << t.Format("start.my_signal_item",
                         {{"date", t.LongDate(Date{std::chrono::floor<std::chrono::days>(entry.registered_at)})},
                          {"child", entry.child_name_given},
                          {"unit", entry.holder_unit_name},
                          {"status", t(StatusKey(entry.status))}})
             << Raw("</a></li>\n");
    }
    html << Raw("</ul>\n");
    return html;
}

}  // namespace kronobarn::web::views
