// The family's consents page (with the question whether the plan may follow), who has opened the
// plan, and the holder's page for the family's logins.
#include <algorithm>

#include "web/views/family_pages.hpp"
#include "web/views/family_parts.hpp"
#include "web/views/form_fields.hpp"
#include "web/views/one_time_link.hpp"

namespace kronobarn::web::views {

using namespace family_parts;

namespace {

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

namespace {

// A guardian's personal number, for signing in with e-ID: folded away until needed, open with its
// error (summary focused, the field marked) when a save failed.
void PersonalNumberForm(Html& html, const Translator& t, domain::ChildId child, const app::FamilyMemberStatus& member,
                        const FormPageState& state) {
    const std::string name = "pnr-" + Id(*member.guardian_id);
    const bool failed = state.error_form == name;
    html << Raw("<details class=\"kb-fold\" id=\"form-") << name << Raw("\"") << Raw(failed ? " open" : "")
         << Raw(">\n<summary>") << t.Format("family.staff.eid_record", {{"name", member.name}}) << Raw("</summary>\n");
    FormWriter form(html, t, name);
    if (failed) {
        state.failed_form_shown = true;
        FormErrors(html, t, form, {{"personal_number", state.error_key}});
    }
    form.Start("/barn/" + Id(child) + "/familj/personnummer", state.csrf_token);
    form.Hidden("guardian_id", Id(*member.guardian_id));
    const std::string shown = member.personal_number ? member.personal_number->Display() : "";
    form.TextInputLabelled("personal_number", t.Format("family.staff.eid_label", {{"name", member.name}}),
                           failed ? ValueOf(state.typed, "personal_number") : shown);
    Paragraph(html, t("family.staff.eid_hint"), "kb-muted");
    form.Submit("family.staff.eid_save", false);
    html << Raw("</form>\n</details>\n");
}

// An invitation by e-mail: a folded form under the member's invite button. A restricted guardian
// gets none (Kronobarn tells them nothing).
void InvitationByEmailForm(Html& html, const Translator& t, domain::ChildId child,
                           const app::FamilyMemberStatus& member, const std::string& member_value,
                           const FormPageState& state) {
    const std::string name = "mail-" + member_value;
    const bool failed = state.error_form == name;
    html << Raw("<details class=\"kb-fold\" id=\"form-") << name << Raw("\"") << Raw(failed ? " open" : "")
         << Raw(">\n<summary>") << t.Format("family.staff.email_invite", {{"name", member.name}})
         << Raw("</summary>\n");
    FormWriter form(html, t, name);
    if (failed) {
        state.failed_form_shown = true;
        FormErrors(html, t, form, {{"email", state.error_key}});
    }
    form.Start("/barn/" + Id(child) + "/familj/inbjudan-epost", state.csrf_token);
    form.Hidden("member", member_value);
    form.TextInputLabelled("email", t.Format("family.staff.email_label", {{"name", member.name}}),
                           failed ? ValueOf(state.typed, "email") : std::string());
    Paragraph(html, t("family.staff.email_hint"), "kb-muted");
    form.Submit("family.staff.email_send", false);
    html << Raw("</form>\n</details>\n");
}

}  // namespace

Html FamilyAccessStaffContent(const Translator& t, domain::ChildId child, const app::FamilyAccessPage& page,
                              const FormPageState& state, const std::optional<ShownInvitation>& invitation) {
    Html html;
    Heading(html, 1, t("family.staff.heading"));
    html << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/barn/") << Id(child) << Raw("\">")
         << t("family.staff.back") << Raw("</a></p>\n");
    Paragraph(html, t("family.staff.intro"));
    if (!state.notice_key.empty()) Alert(html, t, "success", state.notice_key);
    // A form's own error shows at that form (personal_number_form); others at the top.
    if (!state.error_key.empty() && state.error_form.empty()) Alert(html, t, "danger", state.error_key);
    if (invitation) {
        OneTimeLink(html, t, *invitation);
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
        } else if (member.signs_in_with_eid) {
            html << t("family.staff.eid_account");
        } else if (member.account->activated) {
            html << t.Format("family.staff.active", {{"username", member.account->username}});
        } else {
            html << t("family.staff.invited");
        }
        if (member.guardian_id) {
            html << Raw("<p class=\"ds-paragraph\">");
            if (member.personal_number) {
                // A number is read whole: it does not break at its hyphen.
                html << t("family.staff.eid_number") << Raw(" <span class=\"kb-nowrap\">")
                     << member.personal_number->Display() << Raw("</span>");
            } else {
                html << t("family.staff.eid_none");
            }
            html << Raw("</p>");
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
        if (!member.restricted) InvitationByEmailForm(html, t, child, member, member_value, state);
        if (member.guardian_id) PersonalNumberForm(html, t, child, member, state);
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

}  // namespace kronobarn::web::views
