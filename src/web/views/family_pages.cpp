#include "web/views/family_pages.hpp"

#include "web/views/area_pictures.hpp"

#include <algorithm>

namespace kronobarn::web::views {
namespace {

std::string Id(std::int64_t id) { return std::to_string(id); }

std::string ChildPath(domain::ChildId child) { return "/familj/barn/" + Id(child); }

// A small decorative sign per wheel area for the child's page; the words carry the meaning.
void Heading(Html& html, int level, std::string_view text, std::string_view id = {}) {
    html << Raw("<h") << level << Raw(" class=\"ds-heading\"");
    if (!id.empty()) html << Raw(" id=\"") << id << Raw("\"");
    html << Raw(">") << text << Raw("</h") << level << Raw(">\n");
}

void Paragraph(Html& html, std::string_view text, std::string_view css_class = {}) {
    html << Raw("<p class=\"ds-paragraph");
    if (!css_class.empty()) html << Raw(" ") << css_class;
    html << Raw("\">") << text << Raw("</p>\n");
}

// When and where the next meeting is, in words; the place as the holder wrote it.
void PlannedMeetingText(Html& html, const Translator& t, const domain::PlannedMeeting& meeting) {
    Paragraph(html, PlannedMeetingWhen(t, meeting));
    html << Raw("<p class=\"ds-paragraph kb-break\">") << t.Format("family.planned.place", {{"place", meeting.place}})
         << Raw("</p>\n");
}

// Words someone wrote, in whatever language they wrote them: their own direction inside a page of
// another (Swedish words keep their full stop at the end on an Arabic page).
void WrittenText(Html& html, std::string_view text) {
    html << Raw("<p class=\"ds-paragraph kb-prewrap\" dir=\"auto\">") << text << Raw("</p>\n");
}

// Notice or error summary at the top of a page. An error links to the field it is about, so a
// keyboard or screen-reader user lands on it (WCAG 3.3.1).
void StateMessages(Html& html, const Translator& t, const FamilyFormState& state) {
    if (!state.notice_key.empty()) Alert(html, t, "success", state.notice_key);
    std::vector<FieldError> errors = state.errors;
    if (errors.empty() && !state.error_key.empty()) errors.push_back({state.error_field, state.error_key});
    if (errors.empty()) return;
    html << Raw("<div class=\"ds-alert kb-error-summary\" data-color=\"danger\" role=\"alert\" tabindex=\"-1\" ")
         << Raw("autofocus>\n");
    Heading(html, 2, t("family.error_summary"));
    html << Raw("<ul class=\"ds-list\">");
    for (const auto& error : errors) {
        html << Raw("<li>");
        if (!error.field.empty()) {
            html << Raw("<a class=\"ds-link\" href=\"#") << error.field << Raw("\">") << t(error.message_key)
                 << Raw("</a>");
        } else {
            html << t(error.message_key);
        }
        html << Raw("</li>");
    }
    html << Raw("</ul>\n</div>\n");
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

// The links between one child's family pages.
void ChildNav(Html& html, const Translator& t, domain::ChildId child, bool child_self, std::string_view current) {
    struct Link {
        std::string_view key;
        std::string path;
        bool for_child;
    };
    const std::vector<Link> links{
        {"family.nav.plan", ChildPath(child), false},
        {"family.nav.child_page", ChildPath(child) + "/barnets-sida", true},
        {"family.nav.consents", ChildPath(child) + "/samtycken", false},
        {"family.nav.access_log", ChildPath(child) + "/vem-har-oppnat", false},
        {"family.nav.pdf", ChildPath(child) + "/plan.pdf", true},
    };
    html << Raw("<nav class=\"kb-subnav kb-no-print\" aria-label=\"") << t("family.nav.label") << Raw("\">\n<ul>\n");
    for (const auto& link : links) {
        if (child_self && !link.for_child) continue;
        html << Raw("<li><a class=\"ds-link\" href=\"") << link.path << Raw("\"");
        if (link.key == current) html << Raw(" aria-current=\"page\"");
        html << Raw(">") << t(link.key) << Raw("</a></li>\n");
    }
    html << Raw("</ul>\n</nav>\n");
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

// Older pages are reached by the sequence of the last entry shown, so a page stays the same while
// new openings arrive at the top.
void AccessLogPages(Html& html, const Translator& t, const app::FamilyAccessLog& log) {
    if (log.is_newest_page && !log.older_before) return;
    const std::string path = ChildPath(log.child_id) + "/vem-har-oppnat";
    html << Raw("<nav class=\"kb-subnav kb-no-print\" aria-label=\"") << t("family.log.pages") << Raw("\">\n<ul>\n");
    if (!log.is_newest_page) {
        html << Raw("<li><a class=\"ds-link\" href=\"") << path << Raw("\">") << t("family.log.newest")
             << Raw("</a></li>\n");
    }
    if (log.older_before) {
        html << Raw("<li><a class=\"ds-link\" rel=\"next\" href=\"") << path << Raw("?fore=")
             << std::to_string(*log.older_before) << Raw("\">") << t("family.log.older") << Raw("</a></li>\n");
    }
    html << Raw("</ul>\n</nav>\n");
}

}  // namespace

std::vector<std::string> AreasOf(const domain::Plan& plan) {
    std::vector<std::string> areas = plan.support_areas;
    for (const auto& goal : plan.goals) {
        if (std::find(areas.begin(), areas.end(), goal.area_code) == areas.end()) areas.push_back(goal.area_code);
    }
    return areas;
}

std::string AreaName(const Translator& t, const app::PlanView& view, const std::string& code, bool child) {
    const std::string key = "wheel_area." + code + (child ? ".child" : "");
    if (Catalogue::Instance().Has(t.Lang(), key)) return std::string(t(key));
    const auto& labels = child ? view.area_child_labels : view.area_labels;
    const auto it = labels.find(code);
    return it == labels.end() ? code : it->second;
}

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
    if (AreasOf(plan).empty()) Paragraph(html, t("family.plan.no_areas"), "kb-muted");
    // An area with goals is a card; the others are named in one line, never an empty box.
    std::vector<std::string> without_goals;
    html << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& area : AreasOf(plan)) {
        const bool has_goal = std::any_of(plan.goals.begin(), plan.goals.end(),
                                          [&](const domain::PlanGoal& goal) { return goal.area_code == area; });
        if (!has_goal) {
            without_goals.push_back(AreaName(t, view, area, false));
            continue;
        }
        html << Raw("<li class=\"ds-card\">\n");
        Heading(html, 3, AreaName(t, view, area, false));
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
    for (const auto& area : AreasOf(plan)) {
        html << Raw("<li>");
        AreaPicture(html, area);
        html << Raw(" ") << AreaName(t, view, area, true) << Raw("</li>\n");
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

namespace {

// One button of the plan-follow question: a form of its own, so each works by keyboard alone.
void PlanFollowButton(Html& html, const Translator& t, const std::string& action, const FamilyFormState& state,
                      std::string_view answer, std::string_view label_key, std::string_view variant) {
    html << Raw("<form method=\"post\" action=\"") << action
         << Raw("\" class=\"kb-form kb-inline-form\">\n<input type=\"hidden\" name=\"csrf_token\" value=\"")
         << state.csrf_token << Raw("\">\n<input type=\"hidden\" name=\"answer\" value=\"") << answer
         << Raw("\">\n<button class=\"ds-button\" data-variant=\"") << variant
         << Raw("\" type=\"submit\" aria-describedby=\"plan-follow\">") << t(label_key) << Raw("</button>\n</form>\n");
}

// "May the plan follow to <unit>?": the guardian's own answer, and a yes can be withdrawn until
// the new unit has taken over.
void PlanFollowQuestionCard(Html& html, const Translator& t, const app::FamilyConsentPage& page,
                            const FamilyFormState& state) {
    const auto& question = *page.plan_follow;
    html << Raw("<section class=\"ds-card kb-section\" aria-labelledby=\"plan-follow\">\n");
    Heading(html, 2, t.Format("family.plan_follow.heading", {{"unit", question.to_unit_name}}), "plan-follow");
    Paragraph(html, t.Format("family.plan_follow.help", {{"unit", question.to_unit_name}}));
    const std::string action = "/familj/overlamningar/" + Id(question.handover_id) + "/planen-foljer-med";
    const auto mine = page.my_plan_follow_answer;
    if (mine) {
        Paragraph(html, t("family.plan_follow.mine." + std::string(domain::Code(*mine))));
    }
    if (mine == domain::PlanFollowAnswerKind::kYes) {
        PlanFollowButton(html, t, action, state, "withdrawn", "family.plan_follow.withdraw", "secondary");
    } else {
        PlanFollowButton(html, t, action, state, "yes", "family.plan_follow.yes", "primary");
        if (mine != domain::PlanFollowAnswerKind::kNo) {
            PlanFollowButton(html, t, action, state, "no", "family.plan_follow.no", "secondary");
        }
    }
    html << Raw("</section>\n");
}

}  // namespace

Html FamilyConsentsContent(const Translator& t, const app::FamilyConsentPage& page, const FamilyFormState& state) {
    Html html;
    Heading(html, 1, t.Format("family.consents.heading", {{"name", page.child_name}}));
    ChildNav(html, t, page.child_id, false, "family.nav.consents");
    StateMessages(html, t, state);
    if (page.plan_follow) PlanFollowQuestionCard(html, t, page, state);
    Paragraph(html, t("family.consents.intro"));
    if (page.consents.empty()) Paragraph(html, t("family.consents.none"), "kb-muted");
    html << Raw("<ul class=\"kb-cards\">\n");
    for (const auto& entry : page.consents) {
        const auto& consent = entry.item.consent;
        std::string units;
        for (const auto& name : entry.item.unit_names) units += (units.empty() ? "" : ", ") + name;
        std::string categories;
        for (const auto category : consent.categories) {
            categories += (categories.empty() ? "" : ", ") +
                          std::string(t("consent.category." + std::string(domain::Code(category))));
        }
        const std::string heading_id = "consent-" + Id(consent.id);
        html << Raw("<li class=\"ds-card\" aria-labelledby=\"") << heading_id << Raw("\">\n");
        Heading(html, 2, consent.purpose, heading_id);
        Paragraph(html, t.Format("family.consents.explain",
                                 {{"units", units}, {"categories", categories}, {"to", t.LongDate(consent.valid_to)}}));
        Paragraph(html, t.Format("family.consents.state",
                                 {{"state", t("consent.state." + std::string(domain::Code(entry.item.state)))}}));
        Paragraph(html, t(entry.given_by_me ? "family.consents.given_by_me" : "family.consents.not_given_by_me"));
        if (entry.may_withdraw) {
            html << Raw("<form method=\"post\" action=\"/familj/samtycken/") << Id(consent.id)
                 << Raw("/aterkalla\" class=\"kb-form\">\n<input type=\"hidden\" name=\"csrf_token\" value=\"")
                 << state.csrf_token << Raw("\">\n");
            Paragraph(html, t("family.consents.withdraw_effect"), "kb-muted");
            html << Raw("<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\" aria-describedby=\"")
                 << heading_id << Raw("\">") << t("family.consents.withdraw") << Raw("</button>\n</form>\n");
        }
        if (entry.may_give) {
            html << Raw("<form method=\"post\" action=\"/familj/samtycken/") << Id(consent.id)
                 << Raw("/ge\" class=\"kb-form\">\n<input type=\"hidden\" name=\"csrf_token\" value=\"")
                 << state.csrf_token
                 << Raw("\">\n<button class=\"ds-button\" data-variant=\"primary\" "
                        "type=\"submit\" aria-describedby=\"")
                 << heading_id << Raw("\">") << t("family.consents.give") << Raw("</button>\n</form>\n");
        }
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
    return html;
}

Html FamilyAccessLogContent(const Translator& t, const app::FamilyAccessLog& log) {
    Html html;
    Heading(html, 1, t.Format("family.log.heading", {{"name", log.child_name}}));
    ChildNav(html, t, log.child_id, false, "family.nav.access_log");
    Paragraph(html, t("family.log.intro"));
    if (!log.emergency.empty()) {
        Heading(html, 2, t("family.log.emergency_heading"));
        Paragraph(html, t("family.log.emergency_intro"));
        html << Raw("<ul class=\"ds-list\">\n");
        for (const auto& notice : log.emergency) {
            html << Raw("<li class=\"kb-emergency\">")
                 << t.Format("family.log.emergency_item", {{"when", t.LocalDateTime(notice.grant.granted_at)},
                                                           {"until", t.LocalDateTime(notice.grant.expires_at)},
                                                           {"unit", notice.unit_name},
                                                           {"role", std::string(t("role." + notice.role))},
                                                           {"reason", notice.grant.reason}})
                 << Raw("</li>\n");
        }
        html << Raw("</ul>\n");
    }
    if (log.entries.empty()) {
        Paragraph(html, t(log.is_newest_page ? "family.log.none" : "family.log.no_older"), "kb-muted");
        if (!log.is_newest_page) AccessLogPages(html, t, log);
        return html;
    }
    // Grouped per day, unit and role, newest first, with how many times; each group's openings
    // on demand. Emergency access is its own group and open from the start. (Per page of openings:
    // a day that spans two pages has a group on each.)
    struct Group {
        std::string day, place, role;
        bool emergency = false;
        std::vector<const store::AccessLogEntry*> entries;
    };
    std::vector<Group> groups;
    for (const auto& entry : log.entries) {
        const auto local_day = std::chrono::floor<std::chrono::days>(SwedishLocalTime(entry.at));
        Group key{t.LongDate(Date{std::chrono::sys_days{local_day.time_since_epoch()}}),
                  entry.organisation_name + ", " + entry.unit_name,
                  std::string(t("role." + entry.role)),
                  entry.legal_basis == "emergency_access",
                  {}};
        // One group per day, unit and role however the openings interleave; groups in the order of
        // their newest opening.
        auto group = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
            return g.day == key.day && g.place == key.place && g.role == key.role && g.emergency == key.emergency;
        });
        if (group == groups.end()) group = groups.insert(groups.end(), std::move(key));
        group->entries.push_back(&entry);
    }
    html << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"log-caption\">") << t("family.log.caption")
         << Raw("</h2>\n<ul class=\"kb-log-groups\">\n");
    for (const auto& group : groups) {
        html << Raw("<li") << Raw(group.emergency ? " class=\"kb-emergency\"" : "") << Raw("><details")
             << Raw(group.emergency ? " open" : "") << Raw("><summary>")
             << t.Format(group.entries.size() == 1 ? "family.log.group_once" : "family.log.group",
                         {{"day", group.day},
                          {"place", group.place},
                          {"role", group.role},
                          {"count", t.Digits(std::to_string(group.entries.size()))}})
             << Raw("</summary>\n<ul class=\"ds-list\">\n");
        for (const auto* entry : group.entries) {
            const std::string object_key = "family.object." + entry->object_type;
            const bool read = entry->action.starts_with("read") || entry->action == "list" ||
                              entry->action == "print" || entry->action == "export_pdf";
            const std::string basis_key = "family.basis." + entry->legal_basis;
            html << Raw("<li>") << t.LocalDateTime(entry->at) << Raw(": ");
            if (log.shows_names) html << entry->user_name << Raw(" – ");
            html << t.Format(read ? "family.log.opened" : "family.log.changed",
                             {{"object", Catalogue::Instance().Has(t.Lang(), object_key) ? t(object_key)
                                                                                         : t("family.object.other")}})
                 << Raw(" (")
                 << (Catalogue::Instance().Has(t.Lang(), basis_key) ? t(basis_key) : t("family.basis.other"))
                 << Raw(")</li>\n");
        }
        html << Raw("</ul>\n</details></li>\n");
    }
    html << Raw("</ul>\n");
    AccessLogPages(html, t, log);
    return html;
}

Html ActivationContent(const Translator& t, const ActivationForm& form) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n");
    Heading(html, 1, t("activation.heading"));
    Paragraph(html, t.Format("activation.intro", {{"name", form.display_name}}));
    if (!form.errors.empty()) {
        FamilyFormState state;
        state.errors = form.errors;
        StateMessages(html, t, state);
    }
    const auto invalid = [&](std::string_view name) {
        return std::any_of(form.errors.begin(), form.errors.end(),
                           [&](const FieldError& e) { return e.field == name; });
    };
    html << Raw("<form method=\"post\" action=\"/aktivera/") << form.token << Raw("\" class=\"kb-form\" novalidate>\n")
         << Raw("<input type=\"hidden\" name=\"csrf_token\" value=\"") << form.csrf_token << Raw("\">\n");
    const auto field = [&](std::string_view name, std::string_view label_key, std::string_view hint_key,
                           std::string_view type, std::string_view value, std::string_view autocomplete) {
        html << Raw("<div class=\"ds-field\">\n<label class=\"ds-label\" for=\"") << name << Raw("\">") << t(label_key)
             << Raw("</label>\n");
        if (!hint_key.empty()) {
            html << Raw("<p class=\"ds-paragraph kb-muted\" id=\"") << name << Raw("-hint\">") << t(hint_key)
                 << Raw("</p>\n");
        }
        html << Raw("<input class=\"ds-input\" type=\"") << type << Raw("\" id=\"") << name << Raw("\" name=\"") << name
             << Raw("\" value=\"") << value << Raw("\" autocomplete=\"") << autocomplete << Raw("\"");
        if (!hint_key.empty()) html << Raw(" aria-describedby=\"") << name << Raw("-hint\"");
        if (invalid(name)) html << Raw(" aria-invalid=\"true\"");
        html << Raw(">\n</div>\n");
    };
    field("username", "activation.username", "activation.username_hint", "text", form.username, "username");
    field("password", "activation.password", "activation.password_hint", "password", "", "new-password");
    field("password_repeat", "activation.password_repeat", "", "password", "", "new-password");
    html << Raw("<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">") << t("activation.submit")
         << Raw("</button>\n</form>\n</div>\n");
    return html;
}

Html ActivationUnavailableContent(const Translator& t, std::string_view reason_key) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n");
    Heading(html, 1, t("activation.heading"));
    Alert(html, t, "danger", reason_key);
    Paragraph(html, t("activation.ask_again"));
    html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/logga-in\">") << t("activation.to_login")
         << Raw("</a></p>\n</div>\n");
    return html;
}

Html AccessibilityStatementContent(const Translator& t) {
    Html html;
    html << Raw("<div class=\"kb-narrow\">\n");
    Heading(html, 1, t("a11y.heading"));
    Paragraph(html, t("a11y.intro"));
    Heading(html, 2, t("a11y.level_heading"));
    Paragraph(html, t("a11y.level"));
    Heading(html, 2, t("a11y.how_heading"));
    Paragraph(html, t("a11y.how"));
    Heading(html, 2, t("a11y.known_heading"));
    Paragraph(html, t("a11y.known"));
    Heading(html, 2, t("a11y.report_heading"));
    Paragraph(html, t("a11y.report"));
    Heading(html, 2, t("a11y.supervision_heading"));
    Paragraph(html, t("a11y.supervision"));
    Paragraph(html, t("a11y.updated"), "kb-muted");
    html << Raw("</div>\n");
    return html;
}

Html FamilyAccessStaffContent(const Translator& t, domain::ChildId child, const app::FamilyAccessPage& page,
                              const FormPageState& state, const std::optional<ShownInvitation>& invitation) {
    Html html;
    Heading(html, 1, t("family.staff.heading"));
    html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/barn/") << Id(child) << Raw("\">")
         << t("family.staff.back") << Raw("</a></p>\n");
    Paragraph(html, t("family.staff.intro"));
    if (!state.notice_key.empty()) Alert(html, t, "success", state.notice_key);
    if (!state.error_key.empty()) Alert(html, t, "danger", state.error_key);
    if (invitation) {
        html << Raw("<div class=\"ds-alert\" data-color=\"info\" role=\"status\">\n");
        Heading(html, 2, t.Format("family.staff.invitation_for", {{"name", invitation->name}}));
        Paragraph(html, t("family.staff.invitation_once"));
        html << Raw("<p class=\"ds-paragraph\"><code class=\"kb-link-once\" id=\"invitation-link\">")
             << invitation->link << Raw("</code></p>\n")
             << Raw("<p class=\"ds-paragraph\"><button class=\"ds-button\" data-variant=\"secondary\" type=\"button\" "
                    "hidden data-copy=\"invitation-link\" data-copied=\"invitation-copied\" data-copied-text=\"")
             << t("family.staff.link_copied") << Raw("\" data-failed-text=\"") << t("family.staff.link_not_copied")
             << Raw("\">") << t("family.staff.copy_link") << Raw("</button> <span id=\"invitation-copied\" ")
             << Raw("aria-live=\"polite\"></span></p>\n");
        Paragraph(html, t.Format("family.staff.invitation_expires", {{"when", invitation->expires}}));
        html << Raw("</div>\n");
    }
    // Rows with forms stack on a phone rather than scroll: a form is not read sideways.
    html << Raw("<table class=\"ds-table kb-stack\">\n<caption>") << t("family.staff.caption")
         << Raw("</caption>\n<thead><tr><th scope=\"col\">") << t("family.staff.member")
         << Raw("</th><th scope=\"col\">") << t("family.staff.login") << Raw("</th><th scope=\"col\">")
         << t("family.staff.actions") << Raw("</th></tr></thead>\n<tbody>\n");
    for (const auto& member : page.members) {
        const std::string member_value = member.guardian_id ? Id(*member.guardian_id) : "barnet";
        html << Raw("<tr><th scope=\"row\">") << member.name;
        if (!member.guardian_id) html << Raw(" (") << t("family.staff.the_child") << Raw(")");
        html << Raw("</th><td>");
        if (!member.account) {
            html << t("family.staff.no_account");
        } else if (member.account->activated) {
            html << t.Format("family.staff.active", {{"username", member.account->username}});
        } else {
            html << t("family.staff.invited");
        }
        if (member.restricted) {
            html << Raw("<p class=\"ds-paragraph\"><strong>") << t("family.staff.restricted") << Raw("</strong> ")
                 << member.restriction_reason << Raw("</p>");
        }
        html << Raw("</td><td>\n<form method=\"post\" action=\"/barn/") << Id(child)
             << Raw("/familj/inbjudan\" class=\"kb-inline-form\">\n<input type=\"hidden\" name=\"csrf_token\" "
                    "value=\"")
             << state.csrf_token << Raw("\">\n<input type=\"hidden\" name=\"member\" value=\"") << member_value
             << Raw("\">\n<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">")
             << t.Format(member.account ? "family.staff.reinvite" : "family.staff.invite", {{"name", member.name}})
             << Raw("</button>\n</form>\n");
        if (member.guardian_id) {
            FormWriter form(html, t, "restrict-" + member_value);
            form.Start("/barn/" + Id(child) + "/familj/begransning", state.csrf_token);
            html << Raw("<input type=\"hidden\" name=\"guardian_id\" value=\"") << member_value << Raw("\">\n");
            if (member.restricted) {
                html << Raw("<input type=\"hidden\" name=\"restricted\" value=\"0\">\n");
                form.Submit("family.staff.lift_restriction", false);
            } else {
                html << Raw("<input type=\"hidden\" name=\"restricted\" value=\"1\">\n");
                form.TextAreaLabelled("reason", t.Format("family.staff.restriction_reason", {{"name", member.name}}),
                                      "", 2);
                form.Submit("family.staff.restrict", false);
            }
        }
        html << Raw("</td></tr>\n");
    }
    html << Raw("</tbody>\n</table>\n");
    if (std::none_of(page.members.begin(), page.members.end(), [](const auto& m) { return !m.guardian_id; })) {
        Paragraph(html, t.Format("family.staff.child_too_young", {{"age", std::to_string(page.child_login_age)}}),
                  "kb-muted");
    }
    return html;
}

std::string PlannedMeetingWhen(const Translator& t, const domain::PlannedMeeting& meeting) {
    return t.Format(
        meeting.kind == domain::MeetingKind::kFollowUp ? "family.planned.follow_up" : "family.planned.collaboration",
        {{"when", t.MeetingTime(meeting.on, meeting.starts_at)}});
}

}  // namespace kronobarn::web::views
