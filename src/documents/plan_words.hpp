// Words of a plan that the family's page and the printed plan share.
#pragma once

#include <string>
#include <vector>

#include "app/plans.hpp"
#include "domain/plan.hpp"
#include "i18n/catalogue.hpp"

namespace kronobarn::documents {

// The wheel areas the plan works on: its support areas, then any area only a goal names.
std::vector<std::string> AreasOf(const domain::Plan& plan);
// An area's name in the reader's language (the child's words when `child`), else the catalogue
// version's label, else its code.
std::string AreaName(const i18n::Translator& t, const app::PlanView& view, const std::string& code, bool child);

// "Uppföljningsmöte tisdag 12 januari 2027 kl. 13.00".
std::string PlannedMeetingWhen(const i18n::Translator& t, const domain::PlannedMeeting& meeting);

}  // namespace kronobarn::documents
