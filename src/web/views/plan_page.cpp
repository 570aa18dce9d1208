#include <algorithm>
#include <boost/pfr/core.hpp>
#include <map>

#include "common/ids.hpp"
#include "domain/plan_fields.hpp"
#include "web/plan_forms.hpp"
#include "web/views/plan_page_parts.hpp"

namespace kronobarn::web::views {

std::string UnitName(const app::PlanView& view, std::optional<domain::UnitId> unit) {
    if (!unit) return {};
    const auto it = view.unit_names.find(*unit);
    return it == view.unit_names.end() ? std::string() : it->second;
}

std::string AreaLabel(const app::PlanView& view, const std::string& code) {
    const auto it = view.area_labels.find(code);
    return it == view.area_labels.end() ? code : it->second;
}

void Heading(Html& html, const Translator& t, std::string_view id, std::string_view key) {
    html << Raw("<section class=\"kb-section\" aria-labelledby=\"") << id << Raw("\">\n<h2 class=\"ds-heading\" ")
         << Raw("data-size=\"sm\" id=\"") << id << Raw("\">") << t(key) << Raw("</h2>\n");
}

const PlanNotice* FindPlanNotice(std::string_view code) {
    static constexpr PlanNotice kNotices[] = {
        {"created", "plan.created", ""},
        {"basics", "plan.notice.basics", "why-heading"},
        {"agreed", "plan.notice.agreed", ""},
        {"closed", "plan.notice.closed", ""},
        {"goal_added", "plan.notice.goal_added", "goals-heading"},
        {"goal_changed", "plan.notice.goal_changed", "goals-heading"},
        {"goal_removed", "plan.notice.goal_removed", "goals-heading"},
        {"action_added", "plan.notice.action_added", "actions-heading"},
        {"action_changed", "plan.notice.action_changed", "actions-heading"},
        {"action_removed", "plan.notice.action_removed", "actions-heading"},
        {"action_reported", "plan.notice.action_reported", "actions-heading"},
        {"participant_added", "plan.notice.participant_added", "contacts-heading"},
        {"participant_changed", "plan.notice.participant_changed", "contacts-heading"},
        {"participant_removed", "plan.notice.participant_removed", "contacts-heading"},
        {"meeting_recorded", "plan.notice.meeting_recorded", "meetings-heading"},
        {"meeting_corrected", "plan.notice.meeting_corrected", "meetings-heading"},
        {"meeting_planned", "plan.notice.meeting_planned", "meetings-heading"},
        {"meeting_cancelled", "plan.notice.meeting_cancelled", "meetings-heading"},
        {"collaboration_requested", "plan.collaboration.requested", ""},
    };
    for (const auto& notice : kNotices) {
        if (notice.code == code) return &notice;
    }
    return nullptr;
}

void SectionNotice(Html& html, const Translator& t, const FormPageState& state, std::string_view section) {
    const PlanNotice* notice = FindPlanNotice(state.notice_key);
    if (notice != nullptr && notice->section == section) Alert(html, t, "success", notice->message_key);
}

FoldedForm::FoldedForm(Html& html, const Translator& t, const FormPageState& state, const std::string& name,
                       std::string_view summary)
    : writer(html, t, name), values(state.error_form == name ? state.typed : TypedValues{}), html_(html) {
    const bool failed = state.error_form == name;
    if (failed) state.failed_form_shown = true;
    html << Raw("<details class=\"kb-fold\" id=\"form-") << name << Raw("\"") << Raw(failed ? " open" : "")
         << Raw(">\n<summary>") << summary << Raw("</summary>\n");
    if (failed && !state.error_key.empty()) {
        ErrorSummary(html, t, state.error_key, state.error_field.empty() ? "" : writer.IdOf(state.error_field));
        if (!state.error_field.empty()) writer.MarkError(state.error_field, state.error_key);
    }
}

FoldedForm::~FoldedForm() { html_ << Raw("</details>\n"); }

std::vector<Option> AreaOptions(const app::PlanView& view) {
    std::vector<Option> options;
    for (const auto& code : view.plan.support_areas) options.push_back({code, AreaLabel(view, code)});
    for (const auto& [code, label] : view.area_labels) {
        if (std::find(view.plan.support_areas.begin(), view.plan.support_areas.end(), code) ==
            view.plan.support_areas.end()) {
            options.push_back({code, label});
        }
    }
    return options;
}

namespace {

void Paragraph(Html& html, const Translator& t, std::string_view text) {
    if (text.empty()) {
        html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("plan.not_recorded") << Raw("</p>\n");
    } else {
        html << Raw("<p class=\"ds-paragraph kb-prewrap\">") << text << Raw("</p>\n");
    }
}

void TextBlock(Html& html, const Translator& t, std::string_view id, std::string_view key, std::string_view text) {
    html << Raw("<h3 class=\"ds-heading\" data-size=\"2xs\" id=\"") << id << Raw("\">") << t(key) << Raw("</h3>\n");
    Paragraph(html, t, text);
}

// "Vad Eva Berg tycker", "Status: Samtal med familjen": the field's label, and whose or which.
std::string HistoryLabel(const Translator& t, const std::string& field) {
    const std::string_view key = domain::LabelKeyOf(field);
    const auto colon = field.find(':');
    const std::string detail = colon == std::string::npos ? std::string() : field.substr(colon + 1);
    if (key.empty()) return field;
    std::string label(t(key));
    return detail.empty() ? label : label + ": " + detail;
}

// Codes in words (a state, a reason, a status) and a unit's number as its name.
std::string HistoryValue(const Translator& t, const app::PlanView& view, const std::string& field,
                         const std::string& value) {
    if (value.empty()) return value;
    const std::string_view key = domain::LabelKeyOf(field);
    if (key == "plan.state") return std::string(t("plan.state." + value));
    if (key == "plan.close_reason") return std::string(t("plan.close_reason." + value));
    if (key == "plan.history.action_status") return std::string(t("plan.action.status." + value));
    if (key == "plan.history.guardian_part") return std::string(t("plan.guardian_part." + value));
    // "follow_up 2026-12-06" and "trygg: …": the kind of meeting and the wheel area in words.
    if (key == "plan.history.meeting_recorded") {
        const auto space = value.find(' ');
        return std::string(t("plan.history.meeting." + value.substr(0, space))) +
               (space == std::string::npos ? std::string() : value.substr(space));
    }
    if (key == "plan.history.goal_added") {
        const auto colon = value.find(':');
        const auto area = view.area_labels.find(value.substr(0, colon));
        if (colon != std::string::npos && area != view.area_labels.end()) return area->second + value.substr(colon);
    }
    if (key == "plan.collaboration_unit" || key == "plan.history.kept_by_unit") {
        const auto id = ParsePositiveId(value);
        const auto name = id ? view.unit_names.find(*id) : view.unit_names.end();
        if (name != view.unit_names.end()) return name->second;
    }
    return value;
}

}  // namespace

Html PlanContent(const Translator& t, const app::PlanView& view, const FormPageState& state) {
    const domain::Plan& plan = view.plan;
    const auto& reading = view.reading;
    const bool keeper = reading.reader == domain::PlanReader::kCoordinating;
    Html top;
    top << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">") << t.Format("plan.heading", {{"name", view.child_name}})
        << Raw("</h1>\n");
    if (const PlanNotice* notice = FindPlanNotice(state.notice_key); notice != nullptr && notice->section.empty()) {
        Alert(top, t, "success", notice->message_key);
    }
    state.failed_form_shown = false;
    Html html;

    html << Raw("<table class=\"ds-table kb-facts\">\n<tbody>\n");
    auto row = [&](std::string_view key, std::string_view value) {
        html << Raw("<tr><th scope=\"row\">") << t(key) << Raw("</th><td>") << value << Raw("</td></tr>\n");
    };
    if (reading.Sees("child.personal_number")) row("plan.personal_number", view.child_personal_number);
    row("plan.state", t(std::string("plan.state.") + std::string(domain::Code(plan.state))));
    if (plan.close_reason) {
        row("plan.close_reason", t(std::string("plan.close_reason.") + std::string(domain::Code(*plan.close_reason))));
    }
    row("plan.holder", view.holder_unit_name);
    if (reading.Sees("basics.collaboration_unit")) {
        row("plan.collaboration_unit", plan.basics.collaboration_unit_id
                                           ? UnitName(view, plan.basics.collaboration_unit_id)
                                           : std::string(t("plan.no_collaboration_unit")));
    }
    if (reading.Sees("basics.next_meeting")) {
        row("plan.next_meeting",
            plan.basics.next_meeting ? t.LongDate(*plan.basics.next_meeting) : std::string(t("plan.not_recorded")));
    }
    if (!plan.guardian_parts.empty()) {
        html << Raw("<tr><th scope=\"row\">") << t("plan.guardian_parts") << Raw("</th><td><ul class=\"ds-list\">");
        for (const auto& part : plan.guardian_parts) {
            html << Raw("<li>") << part.name << Raw(": ")
                 << t("plan.guardian_part." + std::string(domain::Code(part.kind))) << Raw(" (")
                 << t.LongDate(part.recorded_on) << Raw(")");
            if (!part.reason.empty()) html << Raw(" – ") << part.reason;
            html << Raw("</li>");
        }
        html << Raw("</ul></td></tr>\n");
    }
    html << Raw("</tbody>\n</table>\n");
    if (!keeper) {
        html << Raw("<div class=\"ds-alert\" data-color=\"info\"><p class=\"ds-paragraph\">")
             << t("plan.participant_notice") << Raw("</p></div>\n");
    }

    if (keeper) {
        Heading(html, t, "why-heading", "plan.why");
        SectionNotice(html, t, state, "why-heading");
        Paragraph(html, t, plan.basics.reason);
        TextBlock(html, t, "child-view", "plan.child_view", plan.basics.child_view);
        TextBlock(html, t, "trusted-adult", "plan.trusted_adult", plan.basics.trusted_adult);
        for (const auto& each : plan.basics.each_guardian) {
            html << Raw("<h3 class=\"ds-heading\" data-size=\"2xs\">")
                 << t.Format("plan.guardian_view_of", {{"name", each.name}}) << Raw("</h3>\n");
            Paragraph(html, t, each.view);
        }
        TextBlock(html, t, "guardian-views", "plan.guardian_views", plan.basics.guardian_views);
        TextBlock(html, t, "disagreements", "plan.disagreements", plan.basics.disagreements);
        TextBlock(html, t, "follow-up-how", "plan.follow_up_how", plan.basics.follow_up_how);
        html << Raw("</section>\n");
        // What the guardians and the child wrote themselves, newest first, marked as the family's.
        Heading(html, t, "family-words-heading", "plan.family_words");
        if (view.family_entries.empty()) {
            html << Raw("<p class=\"ds-paragraph kb-muted\">") << t("plan.family_words.none") << Raw("</p>\n");
        }
        html << Raw("<ul class=\"kb-entries\">\n");
        for (auto it = view.family_entries.rbegin(); it != view.family_entries.rend(); ++it) {
            html << Raw("<li><p class=\"ds-paragraph kb-muted\">")
                 << t.Format("plan.family_words.entry",
                             {{"kind", t("plan.family_words." + std::string(domain::Code(it->kind)))},
                              {"name", it->author_name},
                              {"when", t.LocalDateTime(it->written_at)}})
                 << Raw("</p><p class=\"ds-paragraph kb-prewrap\">") << it->text << Raw("</p></li>\n");
        }
        html << Raw("</ul>\n</section>\n");
        html << Raw("<p class=\"ds-paragraph kb-no-print\"><a class=\"ds-link\" href=\"/barn/")
             << std::to_string(plan.child_id) << Raw("/familj\">") << t("plan.family_access_link") << Raw("</a> · ")
             << Raw("<a class=\"ds-link\" href=\"/planer/") << std::to_string(plan.id) << Raw("/plan.pdf\">")
             << t("plan.pdf_link") << Raw("</a></p>\n");
    }

    if (reading.Sees("plan.goals")) GoalsSection(html, t, view, state);
    ActionsSection(html, t, view, state);
    if (reading.Sees("plan.participants")) ContactsSection(html, t, view, state);

    if (!keeper && plan.planned_meeting) {
        Heading(html, t, "planned-heading", "plan.planned.heading");
        PlannedMeetingCard(html, t, view);
        html << Raw("</section>\n");
    }
    if (keeper) {
        MeetingsSection(html, t, view, state);
        html << Raw("<nav class=\"kb-section\" aria-label=\"") << t("plan.links") << Raw("\">\n")
             << Raw("<ul class=\"ds-list\">\n<li><a class=\"ds-link\" href=\"/barn/") << std::to_string(plan.child_id)
             << Raw("\">") << t("child.link") << Raw("</a></li>\n<li><a class=\"ds-link\" href=\"/planer/")
             << std::to_string(plan.id) << Raw("/historik\">") << t("plan.history.link")
             << Raw("</a></li>\n<li><a class=\"ds-link\" href=\"/barn/") << std::to_string(plan.child_id)
             << Raw("/samtycken\">") << t("consent.link") << Raw("</a></li>\n")
             << Raw("<li><a class=\"ds-link\" href=\"/barn/") << std::to_string(plan.child_id) << Raw("/hjulet\">")
             << t("wheel.link_from_signal") << Raw("</a></li>\n</ul>\n</nav>\n");
    }
    if (view.may_edit) EditForms(html, t, view, state);
    html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/start\">") << t("error.back_to_start")
         << Raw("</a></p>\n");
    // A form's own error is shown in that form (opened); at the top when no form on the page is the
    // one that failed (an item removed meanwhile, a reader without forms).
    if (!state.error_key.empty() && !state.failed_form_shown) ErrorSummary(top, t, state.error_key, "");
    top.Append(html);
    return top;
}

Html PlanHistoryContent(const Translator& t, const app::PlanView& view) {
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\" id=\"history-heading\">")
         << t.Format("plan.history.heading", {{"name", view.child_name}}) << Raw("</h1>\n");
    html << Raw("<div class=\"kb-table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"history-heading\">\n");
    html << Raw("<table class=\"ds-table\">\n<thead><tr><th scope=\"col\">") << t("plan.history.version")
         << Raw("</th><th scope=\"col\">") << t("plan.history.when") << Raw("</th><th scope=\"col\">")
         << t("plan.history.who") << Raw("</th><th scope=\"col\">") << t("plan.history.field")
         << Raw("</th><th scope=\"col\">") << t("plan.history.before") << Raw("</th><th scope=\"col\">")
         << t("plan.history.after") << Raw("</th></tr></thead>\n<tbody>\n");
    for (const auto& change : view.history) {
        for (const auto& field : change.fields) {
            html << Raw("<tr><td>") << change.version << Raw("</td><td>") << t.LocalDateTime(change.changed_at)
                 << Raw("</td><td>") << change.changed_by_name << Raw("</td><td>") << HistoryLabel(t, field.field)
                 << Raw("</td><td class=\"kb-prewrap\">") << HistoryValue(t, view, field.field, field.before)
                 << Raw("</td><td class=\"kb-prewrap\">") << HistoryValue(t, view, field.field, field.after)
                 << Raw("</td></tr>\n");
        }
    }
    html << Raw("</tbody>\n</table>\n</div>\n<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/planer/")
         << std::to_string(view.plan.id) << Raw("\">") << t("plan.back") << Raw("</a></p>\n");
    return html;
}

}  // namespace kronobarn::web::views
