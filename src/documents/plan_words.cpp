#include "documents/plan_words.hpp"

#include <algorithm>

namespace kronobarn::documents {

std::vector<std::string> AreasOf(const domain::Plan& plan) {
    std::vector<std::string> areas = plan.support_areas;
    for (const auto& goal : plan.goals) {
        if (std::find(areas.begin(), areas.end(), goal.area_code) == areas.end()) areas.push_back(goal.area_code);
    }
    return areas;
}

std::string AreaName(const i18n::Translator& t, const app::PlanView& view, const std::string& code, bool child) {
    const std::string key = "wheel_area." + code + (child ? ".child" : "");
    if (i18n::Catalogue::Instance().Has(t.Lang(), key)) return std::string(t(key));
    const auto& labels = child ? view.area_child_labels : view.area_labels;
    const auto it = labels.find(code);
    return it == labels.end() ? code : it->second;
}

std::string PlannedMeetingWhen(const i18n::Translator& t, const domain::PlannedMeeting& meeting) {
    return t.Format(
        meeting.kind == domain::MeetingKind::kFollowUp ? "family.planned.follow_up" : "family.planned.collaboration",
        {{"when", t.MeetingTime(meeting.on, meeting.starts_at)}});
}

}  // namespace kronobarn::documents
