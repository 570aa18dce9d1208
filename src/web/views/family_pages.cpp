#include "web/views/family_pages.hpp"

#include "documents/plan_words.hpp"

#include "web/views/family_parts.hpp"

#include "web/views/area_pictures.hpp"

#include <algorithm>

namespace kronobarn::web::views {

using namespace family_parts;

namespace {

// When and where the next meeting is, in words; the place as the holder wrote it.
void PlannedMeetingText(Html& html, const Translator& t, const domain::PlannedMeeting& meeting) {
    Paragraph(html, documents::PlannedMeetingWhen(t, meeting));
    html << Raw("<p class=\"ds-paragraph kb-break\">") << t.Format("family.planned.place", {{"place", meeting.place}})
         << Raw("</p>\n");
}

// Words someone wrote, in whatever language they wrote them: their own direction inside a page of
// another (Swedish words keep their full stop at the end on an Arabic page).
void WrittenText(Html& html, std::string_view text) {
    html << Raw("<p class=\"ds-paragraph kb-prewrap\" dir=\"auto\">") << text << Raw("</p>\n");
}

// The part the reading guardian has recorded in agreeing the plan, if any.
const domain::GuardianPart* MyPart(const app::PlanView& view) {
    if (!view.reader_guardian) return nullptr;
    for (const auto& part : view.plan.guardian_parts) {
        if (part.guardian_id == *view.reader_guardian) return &part;
    }
    return nullptr;
}

// A guardian is offered the agreement once the draft is ready and they have not given it.
bool MayAgree(const app::PlanView& view) {
    const auto* mine = MyPart(view);
    return view.reader_guardian && view.plan.state == domain::PlanState::kDraft && domain::ReadyToAgree(view.plan) &&
           (mine == nullptr || mine->kind != domain::GuardianPartKind::kAgreedInFamilyView);
}

// How each guardian took part in agreeing the plan, in words.
void GuardianParts(Html& html, const Translator& t, const domain::Plan& plan) {
    if (plan.guardian_parts.empty()) return;
    html << Raw("<ul class=\"ds-list\" aria-label=\"") << t("family.agree.parts") << Raw("\">\n");
    for (const auto& part : plan.guardian_parts) {
        html << Raw("<li>")
             << t.Format("family.agree.part." + std::string(domain::Code(part.kind)),
                         {{"name", part.name}, {"date", t.LongDate(part.recorded_on)}})
             << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
}

// "Jag har tagit del av planen och är med på den": the guardian's own part in agreeing the plan.
void AgreementSection(Html& html, const Translator& t, const app::PlanView& view, domain::ChildId child,
                      const FamilyFormState& state) {
    html << Raw("<section class=\"kb-section kb-no-print\" aria-labelledby=\"agreement\">\n");
    Heading(html, 2, t("family.agree.heading"), "agreement");
    const auto* mine = MyPart(view);
    if (mine != nullptr && mine->kind == domain::GuardianPartKind::kAgreedInFamilyView) {
        Paragraph(html, t.Format("family.agree.given", {{"date", t.LongDate(mine->recorded_on)}}));
    } else {
        Paragraph(html, t("family.agree.help"));
        html << Raw("<form method=\"post\" action=\"") << ChildPath(child)
             << Raw("/med-pa-planen\" class=\"kb-form\" novalidate>\n<input type=\"hidden\" name=\"csrf_token\" ")
             << Raw("value=\"") << state.csrf_token
             << Raw("\">\n<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">")
             << t("family.agree.submit") << Raw("</button>\n</form>\n");
    }
    html << Raw("</section>\n");
}

std::string UnitName(const app::PlanView& view, std::optional<domain::UnitId> unit, const Translator& t) {
    if (!unit) return std::string(t("family.the_family"));
    const auto it = view.unit_names.find(*unit);
    return it == view.unit_names.end() ? std::string() : it->second;
}

const domain::Meeting* LatestFollowUp(const domain::Plan& plan) {
    const domain::Meeting* latest = nullptr;
    for (const auto& meeting : plan.meetings) {
        if (meeting.kind == domain::MeetingKind::kFollowUp && (!latest || meeting.held_on >= latest->held_on)) {
            latest = &meeting;
        }
    }
    return latest;
}

std::string ActionStatusLabel(const Translator& t, domain::ActionStatus status) {
    return std::string(t("family.action_status." + std::string(domain::Code(status))));
}

void EntryList(Html& html, const Translator& t, const std::vector<domain::FamilyEntry>& entries,
               std::initializer_list<domain::FamilyEntryKind> kinds) {
    bool any = false;
    html << Raw("<ul class=\"kb-entries\">\n");
    // Newest first: what the family said last is what counts now; older entries stay readable.
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        if (std::find(kinds.begin(), kinds.end(), it->kind) == kinds.end()) continue;
        any = true;
        html << Raw("<li><p class=\"ds-paragraph kb-prewrap\" dir=\"auto\">") << it->text
             << Raw("</p><p class=\"ds-paragraph "
                    "kb-muted\">")
             << t.Format("family.entry_by", {{"name", it->author_name}, {"when", t.LocalDateTime(it->written_at)}})
             << Raw("</p></li>\n");
    }
    html << Raw("</ul>\n");
    if (!any) Paragraph(html, t("family.no_entries"), "kb-muted");
}

void EntryForm(Html& html, const Translator& t, domain::ChildId child, const FamilyFormState& state,
               std::string_view kind, std::string_view label_key, std::string_view path_suffix, bool large = false) {
    const std::string id = "entry-" + std::string(kind);
    const std::string typed = state.error_field == id ? ValueOf(state.typed, "text") : "";
    html << Raw("<form method=\"post\" action=\"") << ChildPath(child) << path_suffix << Raw("\" class=\"kb-form")
         << Raw(large ? " kb-large" : "") << Raw("\" novalidate>\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << state.csrf_token << Raw("\">\n")
         << Raw("<input type=\"hidden\" name=\"kind\" value=\"") << kind << Raw("\">\n")
         << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << id << Raw("\">") << t(label_key)
         << Raw("</label>\n<textarea class=\"ds-input\" id=\"") << id << Raw("\" name=\"text\" rows=\"4\"");
    if (state.error_field == id) html << Raw(" aria-invalid=\"true\"");
    html << Raw(">") << typed
         << Raw("</textarea>\n</div>\n<button class=\"ds-button\" data-variant=\"primary\" "
                "type=\"submit\">")
         << t("family.entry_save") << Raw("</button>\n</form>\n");
}

}  // namespace

Html FamilyHomeContent(const Translator& t, const std::string& name, const std::vector<app::FamilyChild>& children) {
    Html html;
    Heading(html, 1, t.Format("family.home.heading", {{"name", name}}));
    Paragraph(html, t("family.home.intro"));
    if (children.empty()) {
        Paragraph(html, t("family.home.empty"));
        return html;
    }
    html << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& child : children) {
        html << Raw("<li class=\"ds-card\">\n");
        Heading(html, 2, child.name);
        html << Raw("<ul class=\"kb-big-links\">\n");
        if (child.child_self) {
            html << Raw("<li><a class=\"ds-link\" href=\"") << ChildPath(child.child_id) << Raw("/barnets-sida\">")
                 << t("family.home.my_page") << Raw("</a></li>\n");
        } else {
            html << Raw("<li><a class=\"ds-link\" href=\"") << ChildPath(child.child_id) << Raw("\">")
                 << t.Format("family.home.plan_of", {{"name", child.name}}) << Raw("</a></li>\n");
            html << Raw("<li><a class=\"ds-link\" href=\"") << ChildPath(child.child_id) << Raw("/samtycken\">")
                 << t("family.nav.consents") << Raw("</a></li>\n");
            html << Raw("<li><a class=\"ds-link\" href=\"") << ChildPath(child.child_id) << Raw("/vem-har-oppnat\">")
                 << t("family.nav.access_log") << Raw("</a></li>\n");
        }
        html << Raw("</ul>\n</li>\n");
    }
    html << Raw("</ul>\n");
    return html;
}

Html FamilyPlanContent(const Translator& t, const app::PlanView& view, domain::ChildId child,
                       const FamilyFormState& state) {
    const domain::Plan& plan = view.plan;
    Html html;
    Heading(html, 1, t.Format("family.plan.heading", {{"name", view.child_name}}));
    ChildNav(html, t, child, false, "family.nav.plan");
    StateMessages(html, t, state);
    Paragraph(html, t("family.plan_state." + std::string(domain::Code(plan.state))));
    const bool may_agree = MayAgree(view);
    if (may_agree) {
        html << Raw("<p class=\"ds-paragraph kb-no-print\"><a class=\"ds-link\" href=\"#agreement\">")
             << t("family.agree.ready") << Raw("</a></p>\n");
    }
    GuardianParts(html, t, plan);
    html << Raw("<p class=\"ds-paragraph kb-no-print\"><a class=\"ds-link\" href=\"") << ChildPath(child)
         << Raw("/plan.pdf\">") << t("family.plan.pdf") << Raw("</a></p>\n");

    html << Raw("<section class=\"kb-section\" aria-labelledby=\"areas\">\n");
    Heading(html, 2, t("family.plan.areas"), "areas");
    if (documents::AreasOf(plan).empty()) Paragraph(html, t("family.plan.no_areas"), "kb-muted");
    // An area with goals is a card; the others are named in one line, never an empty box.
    std::vector<std::string> without_goals;
    html << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& area : documents::AreasOf(plan)) {
        const bool has_goal = std::any_of(plan.goals.begin(), plan.goals.end(),
                                          [&](const domain::PlanGoal& goal) { return goal.area_code == area; });
        if (!has_goal) {
            without_goals.push_back(documents::AreaName(t, view, area, false));
            continue;
        }
        html << Raw("<li class=\"ds-card\">\n");
        Heading(html, 3, documents::AreaName(t, view, area, false));
        for (const auto& goal : plan.goals) {
            if (goal.area_code != area) continue;
            html << Raw("<dl class=\"kb-facts\">\n<dt>") << t("family.goal.outcome") << Raw("</dt><dd>") << goal.outcome
                 << Raw("</dd>\n<dt>") << t("family.goal.how_we_know") << Raw("</dt><dd>") << goal.how_we_know
                 << Raw("</dd>\n<dt>") << t("family.goal.by_when") << Raw("</dt><dd>") << t.LongDate(goal.by_when)
                 << Raw("</dd>\n</dl>\n");
        }
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
    if (!without_goals.empty()) {
        std::string names;
        for (const auto& name : without_goals) names += (names.empty() ? "" : ", ") + name;
        Paragraph(html, t.Format("family.plan.areas_without_goals", {{"areas", names}}));
    }
    html << Raw("</section>\n");

    html << Raw("<section class=\"kb-section\" aria-labelledby=\"who-does-what\">\n");
    Heading(html, 2, t("family.plan.actions"), "who-does-what");
    if (plan.actions.empty()) Paragraph(html, t("family.plan.no_actions"), "kb-muted");
    // Cards, not a table: each action reads top to bottom on a phone as on a screen.
    html << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& action : plan.actions) {
        const std::string card = "action-" + std::to_string(action.id);
        html << Raw("<li class=\"ds-card\" id=\"") << card << Raw("\">\n");
        Heading(html, 3, action.what);
        html << Raw("<dl class=\"kb-facts\">\n<dt>") << t("family.action.who") << Raw("</dt><dd>")
             << UnitName(view, action.unit_id, t) << Raw(" – ") << action.responsible << Raw("</dd>\n<dt>")
             << t("family.action.when") << Raw("</dt><dd>")
             << t.Format("family.action.from_how_often",
                         {{"date", t.LongDate(action.start)}, {"frequency", action.frequency}})
             << Raw("</dd>\n<dt>") << t("family.action.follow_up") << Raw("</dt><dd>") << t.LongDate(action.due)
             << Raw("</dd>\n<dt>") << t("family.action.status") << Raw("</dt><dd>")
             << ActionStatusLabel(t, action.status) << Raw("</dd>\n</dl>\n");
        // The family's own actions: a guardian says how it goes.
        if (!action.unit_id && plan.state != domain::PlanState::kClosed) {
            const std::string field = card + "-status";
            html << Raw("<form method=\"post\" action=\"") << ChildPath(child)
                 << Raw("/insats\" class=\"kb-form\" novalidate>\n<input type=\"hidden\" name=\"csrf_token\" value=\"")
                 << state.csrf_token << Raw("\">\n<input type=\"hidden\" name=\"action_id\" value=\"")
                 << std::to_string(action.id) << Raw("\">\n<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"")
                 << field << Raw("\">") << t("family.action.report")
                 << Raw("</label>\n<select class=\"ds-input\" id=\"") << field << Raw("\" name=\"status\"")
                 << Raw(state.error_field == field ? " aria-invalid=\"true\"" : "") << Raw(">\n");
            for (const auto status :
                 {domain::ActionStatus::kPlanned, domain::ActionStatus::kOngoing, domain::ActionStatus::kDone,
                  domain::ActionStatus::kChanged, domain::ActionStatus::kStopped}) {
                html << Raw("<option value=\"") << domain::Code(status) << Raw("\"")
                     << Raw(status == action.status ? " selected" : "") << Raw(">") << ActionStatusLabel(t, status)
                     << Raw("</option>\n");
            }
            html << Raw("</select>\n</div>\n<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">")
                 << t("family.action.report_submit") << Raw("</button>\n</form>\n");
        }
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n</section>\n\n");

    html << Raw("<section class=\"kb-section\" aria-labelledby=\"contacts\">\n");
    Heading(html, 2, t("family.plan.contacts"), "contacts");
    html << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& participant : plan.participants) {
        html << Raw("<li class=\"ds-card\">\n<p class=\"ds-paragraph\"><strong>")
             << UnitName(view, participant.unit_id, t) << Raw("</strong></p>\n<p class=\"ds-paragraph\">")
             << participant.contact_name << Raw("</p>\n");
        if (!participant.contact_phone.empty()) {
            html << Raw("<p class=\"ds-paragraph\">") << t("family.plan.phone")
                 << Raw(" <a class=\"ds-link\" dir=\"ltr\" "
                        "href=\"tel:")
                 << participant.contact_phone << Raw("\">") << participant.contact_phone << Raw("</a></p>\n");
        }
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n</section>\n");

    html << Raw("<section class=\"kb-section\" aria-labelledby=\"next-meeting\">\n");
    Heading(html, 2, t("family.plan.next_meeting"), "next-meeting");
    if (plan.planned_meeting) {
        PlannedMeetingText(html, t, *plan.planned_meeting);
        Paragraph(html,
                  t(plan.planned_meeting->family_invited ? "family.planned.invited" : "family.planned.not_invited"));
    } else {
        Paragraph(html, plan.basics.next_meeting ? t.LongDate(*plan.basics.next_meeting)
                                                 : std::string(t("family.plan.no_next_meeting")));
    }
    html << Raw("</section>\n");

    html << Raw("<section class=\"kb-section\" aria-labelledby=\"latest-follow-up\">\n");
    Heading(html, 2, t("family.plan.latest_follow_up"), "latest-follow-up");
    if (const domain::Meeting* meeting = LatestFollowUp(plan)) {
        Paragraph(html, t.Format("family.plan.follow_up_held", {{"date", t.LongDate(meeting->held_on)}}));
        html << Raw("<ul>\n");
        for (const auto& evaluation : meeting->evaluations) {
            std::string what;
            for (const auto& action : plan.actions) {
                if (action.id == evaluation.action_id) what = action.what;
            }
            html << Raw("<li>") << what << Raw(": ") << ActionStatusLabel(t, evaluation.result);
            if (!evaluation.note.empty()) html << Raw(" – ") << evaluation.note;
            html << Raw("</li>\n");
        }
        html << Raw("</ul>\n");
    } else {
        Paragraph(html, t("family.plan.no_follow_up"), "kb-muted");
    }
    html << Raw("</section>\n");

    html << Raw("<section class=\"kb-section\" aria-labelledby=\"views\">\n");
    Heading(html, 2, t("family.plan.views"), "views");
    if (!plan.basics.child_view.empty()) {
        Heading(html, 3, t("family.plan.child_view_recorded"));
        WrittenText(html, plan.basics.child_view);
    }
    Heading(html, 3, t("family.plan.family_wrote"));
    EntryList(html, t, view.family_entries,
              {domain::FamilyEntryKind::kGuardianView, domain::FamilyEntryKind::kChildGood,
               domain::FamilyEntryKind::kChildHard});
    if (plan.state != domain::PlanState::kClosed) {
        html << Raw("<div class=\"kb-no-print\">\n");
        EntryForm(html, t, child, state, "guardian_view", "family.entry.guardian_view", "/mina-ord");
        html << Raw("</div>\n");
    }
    html << Raw("</section>\n");
    const auto* mine = MyPart(view);
    const bool agreed_here = mine != nullptr && mine->kind == domain::GuardianPartKind::kAgreedInFamilyView;
    if (may_agree || (agreed_here && plan.state == domain::PlanState::kDraft)) {
        AgreementSection(html, t, view, child, state);
    }
    return html;
}

Html ChildOwnPageContent(const Translator& t, const app::PlanView& view, domain::ChildId child, bool child_self,
                         const FamilyFormState& state) {
    const domain::Plan& plan = view.plan;
    Html html;
    html << Raw("<div class=\"kb-child-page\">\n");
    Heading(html, 1,
            child_self ? std::string(t("child_page.heading_self"))
                       : t.Format("child_page.heading", {{"name", view.child_name}}));
    ChildNav(html, t, child, child_self, "family.nav.child_page");
    StateMessages(html, t, state);
    Paragraph(html, t("child_page.intro"));

    html << Raw("<section aria-labelledby=\"my-areas\">\n");
    Heading(html, 2, t("child_page.areas"), "my-areas");
    html << Raw("<ul class=\"kb-area-tiles\">\n");
    for (const auto& area : documents::AreasOf(plan)) {
        html << Raw("<li>");
        AreaPicture(html, area);
        html << Raw(" ") << documents::AreaName(t, view, area, true) << Raw("</li>\n");
    }
    html << Raw("</ul>\n</section>\n");

    html << Raw("<section aria-labelledby=\"good\">\n");
    Heading(html, 2, t("child_page.good"), "good");
    EntryList(html, t, view.family_entries, {domain::FamilyEntryKind::kChildGood});
    if (plan.state != domain::PlanState::kClosed) {
        EntryForm(html, t, child, state, "child_good", "child_page.write_good", "/barnets-ord", true);
    }
    html << Raw("</section>\n<section aria-labelledby=\"hard\">\n");
    Heading(html, 2, t("child_page.hard"), "hard");
    EntryList(html, t, view.family_entries, {domain::FamilyEntryKind::kChildHard});
    if (plan.state != domain::PlanState::kClosed) {
        EntryForm(html, t, child, state, "child_hard", "child_page.write_hard", "/barnets-ord", true);
    }
    html << Raw("</section>\n");

    // What the adults wrote down of the child's own words, and the adult it trusts most.
    if (!plan.basics.child_view.empty() || !plan.basics.trusted_adult.empty()) {
        html << Raw("<section aria-labelledby=\"my-words\">\n");
        Heading(html, 2, t("child_page.your_words"), "my-words");
        if (!plan.basics.child_view.empty()) WrittenText(html, plan.basics.child_view);
        if (!plan.basics.trusted_adult.empty()) {
            Heading(html, 3, t("child_page.trusted_adult"));
            WrittenText(html, plan.basics.trusted_adult);
        }
        html << Raw("</section>\n");
    }

    html << Raw("<section aria-labelledby=\"helpers\">\n");
    Heading(html, 2, t("child_page.helpers"), "helpers");
    if (plan.actions.empty()) Paragraph(html, t("child_page.no_helpers"));
    html << Raw("<ul class=\"kb-big-list\">\n");
    for (const auto& action : plan.actions) {
        html << Raw("<li>") << t.Format("child_page.helper", {{"who", action.responsible}, {"what", action.what}})
             << Raw("</li>\n");
    }
    html << Raw("</ul>\n</section>\n");

    html << Raw("<section aria-labelledby=\"my-next-meeting\">\n");
    Heading(html, 2, t("child_page.next_meeting"), "my-next-meeting");
    if (plan.planned_meeting) {
        PlannedMeetingText(html, t, *plan.planned_meeting);
    } else {
        Paragraph(html, plan.basics.next_meeting ? t.LongDate(*plan.basics.next_meeting)
                                                 : std::string(t("child_page.no_next_meeting")));
    }
    html << Raw("</section>\n</div>\n");
    return html;
}

}  // namespace kronobarn::web::views
