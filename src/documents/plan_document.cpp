#include "documents/plan_document.hpp"

#include "documents/plan_words.hpp"

namespace kronobarn::documents {

pdf::Document PlanDocument(const i18n::Translator& t, const app::PlanView& view, Timestamp printed_at) {
    using pdf::BlockKind;
    const domain::Plan& plan = view.plan;
    // Only professionals read the staff sections (plan_fields.hpp), and staff texts exist in the
    // staff languages only: a keeper printing in a family-only language (Arabic) gets those
    // sections in Swedish rather than as untranslated keys.
    const i18n::Translator staff_t(t.Lang(), /*family_page=*/false);
    pdf::Document doc;
    doc.title = t.Format("pdf.title", {{"name", view.child_name}});
    doc.language = std::string(t.Lang());
    doc.right_to_left = i18n::Catalogue::Direction(t.Lang()) == "rtl";
    doc.footer = t.Format("pdf.footer", {{"when", t.LocalDateTime(printed_at)}});
    doc.Add(BlockKind::kTitle, doc.title);
    if (!view.child_personal_number.empty()) {
        doc.Add(BlockKind::kNote, t.Format("pdf.personal_number", {{"number", view.child_personal_number}}));
    }
    doc.Add(BlockKind::kNote, std::string(t("family.plan_state." + std::string(domain::Code(plan.state)))));

    const auto unit_name = [&](std::optional<domain::UnitId> unit) {
        if (!unit) return std::string(t("family.the_family"));
        const auto it = view.unit_names.find(*unit);
        return it == view.unit_names.end() ? std::string() : it->second;
    };

    if (view.reading.Sees("plan.support_areas") || view.reading.Sees("plan.goals")) {
        doc.Add(BlockKind::kHeading, std::string(t("family.plan.areas")));
        for (const auto& area : AreasOf(plan)) {
            doc.Add(BlockKind::kParagraph, AreaName(t, view, area, false));
            for (const auto& goal : plan.goals) {
                if (goal.area_code != area) continue;
                doc.Add(BlockKind::kListItem, std::string(t("family.goal.outcome")) + ": " + goal.outcome);
                doc.Add(BlockKind::kListItem, std::string(t("family.goal.how_we_know")) + ": " + goal.how_we_know);
                doc.Add(BlockKind::kListItem, std::string(t("family.goal.by_when")) + ": " + t.LongDate(goal.by_when));
            }
        }
    }
    doc.Add(BlockKind::kHeading, std::string(t("family.plan.actions")));
    if (plan.actions.empty()) doc.Add(BlockKind::kParagraph, std::string(t("family.plan.no_actions")));
    for (const auto& action : plan.actions) {
        doc.Add(BlockKind::kListItem,
                action.what + " – " + unit_name(action.unit_id) + ", " + action.responsible + ". " +
                    t.Format("family.action.from_how_often",
                             {{"date", t.LongDate(action.start)}, {"frequency", action.frequency}}) +
                    ". " + std::string(t("family.action.follow_up")) + ": " + t.LongDate(action.due) + ". " +
                    std::string(t("family.action_status." + std::string(domain::Code(action.status)))) +
                    // The latest report reaches only those who may read it (plan_fields.hpp).
                    (action.progress_note.empty()
                         ? std::string()
                         : ". " + std::string(staff_t("plan.action.progress_note")) + ": " + action.progress_note));
    }
    if (view.reading.Sees("plan.participants")) {
        doc.Add(BlockKind::kHeading, std::string(t("family.plan.contacts")));
        for (const auto& participant : plan.participants) {
            std::string line = unit_name(participant.unit_id) + ": " + participant.contact_name;
            if (!participant.contact_phone.empty()) line += ", " + participant.contact_phone;
            doc.Add(BlockKind::kListItem, line);
        }
    }
    // Everyone who reads the plan may know when it is next followed up (plan_fields.hpp).
    if (view.reading.Sees("basics.next_meeting")) {
        doc.Add(BlockKind::kHeading, std::string(t("family.plan.next_meeting")));
        if (plan.planned_meeting) {
            doc.Add(BlockKind::kParagraph, PlannedMeetingWhen(t, *plan.planned_meeting));
            doc.Add(BlockKind::kParagraph, t.Format("family.planned.place", {{"place", plan.planned_meeting->place}}));
        } else {
            doc.Add(BlockKind::kParagraph, plan.basics.next_meeting ? t.LongDate(*plan.basics.next_meeting)
                                                                    : std::string(t("family.plan.no_next_meeting")));
        }
    }
    // How the guardians took part in agreeing it; the reason one did not stays with the keepers.
    if (!plan.guardian_parts.empty()) {
        const bool keeper = view.reading.reader == domain::PlanReader::kCoordinating;
        doc.Add(BlockKind::kHeading, std::string(t("family.agree.parts")));
        for (const auto& part : plan.guardian_parts) {
            const std::string kind(domain::Code(part.kind));
            std::string line = keeper ? part.name + ": " + std::string(staff_t("plan.guardian_part." + kind)) + " (" +
                                            t.LongDate(part.recorded_on) + ")"
                                      : t.Format("family.agree.part." + kind,
                                                 {{"name", part.name}, {"date", t.LongDate(part.recorded_on)}});
            if (!part.reason.empty()) line += " – " + part.reason;
            doc.Add(BlockKind::kListItem, line);
        }
    }
    // The plan's keepers print a working document for the meeting and the archive: why there is a
    // plan, every view and disagreement, who left and why, and each meeting with its notes. Only
    // they read these fields (plan_fields.hpp), so the family's plain-language PDF never has them.
    if (view.reading.reader == domain::PlanReader::kCoordinating) {
        const auto block = [&](std::string_view label_key, const std::string& text) {
            doc.Add(BlockKind::kHeading, std::string(staff_t(label_key)));
            doc.Add(BlockKind::kParagraph, text.empty() ? std::string(staff_t("plan.not_recorded")) : text);
        };
        block("plan.why", plan.basics.reason);
        for (const auto& each : plan.basics.each_guardian) {
            doc.Add(BlockKind::kHeading, staff_t.Format("plan.guardian_view_of", {{"name", each.name}}));
            doc.Add(BlockKind::kParagraph, each.view.empty() ? std::string(staff_t("plan.not_recorded")) : each.view);
        }
        block("plan.guardian_views", plan.basics.guardian_views);
        block("plan.disagreements", plan.basics.disagreements);
        block("plan.follow_up_how", plan.basics.follow_up_how);
        if (!plan.removed_participants.empty()) {
            doc.Add(BlockKind::kHeading, std::string(staff_t("plan.participants.removed")));
            for (const auto& removed : plan.removed_participants) {
                doc.Add(BlockKind::kListItem,
                        staff_t.Format("plan.participants.removed_item", {{"unit", unit_name(removed.unit_id)},
                                                                          {"contact", removed.contact_name},
                                                                          {"reason", removed.reason}}));
            }
        }
        doc.Add(BlockKind::kHeading, std::string(t("pdf.consents_in_force")));
        if (view.consents_in_force.empty()) doc.Add(BlockKind::kParagraph, std::string(t("pdf.no_consent_in_force")));
        for (const auto& consent : view.consents_in_force) {
            std::string units;
            for (const auto unit : consent.unit_ids) units += (units.empty() ? "" : ", ") + unit_name(unit);
            doc.Add(BlockKind::kListItem, t.Format("pdf.consent_in_force", {{"purpose", consent.purpose},
                                                                            {"units", units},
                                                                            {"until", t.LongDate(consent.valid_to)}}));
        }
        doc.Add(BlockKind::kHeading, std::string(staff_t("plan.meetings")));
        if (plan.meetings.empty()) doc.Add(BlockKind::kParagraph, std::string(staff_t("plan.meetings.empty")));
        for (const auto& meeting : plan.meetings) {
            doc.Add(BlockKind::kParagraph,
                    staff_t.Format(
                        std::string(meeting.kind == domain::MeetingKind::kFollowUp ? "plan.meeting.follow_up_on"
                                                                                   : "plan.meeting.collaboration_on") +
                            (meeting.place.empty() ? "_date" : ""),
                        {{"date", t.LongDate(meeting.held_on)}, {"place", meeting.place}}));
            if (!meeting.child_present) {
                doc.Add(BlockKind::kNote,
                        std::string(staff_t("plan.meeting.child_was_absent")) + " " + meeting.child_absent_reason);
            }
            if (!meeting.notes.empty()) doc.Add(BlockKind::kParagraph, meeting.notes);
        }
    }
    if (!plan.basics.child_view.empty() || !view.family_entries.empty()) {
        doc.Add(BlockKind::kHeading, std::string(t("family.plan.views")));
        if (!plan.basics.child_view.empty()) doc.Add(BlockKind::kParagraph, plan.basics.child_view);
        for (auto it = view.family_entries.rbegin(); it != view.family_entries.rend(); ++it) {
            doc.Add(BlockKind::kParagraph, it->text);
            doc.Add(BlockKind::kNote, t.Format("family.entry_by",
                                               {{"name", it->author_name}, {"when", t.LocalDateTime(it->written_at)}}));
        }
    }
    return doc;
}

}  // namespace kronobarn::documents
