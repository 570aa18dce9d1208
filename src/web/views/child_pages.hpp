// The child overview (holder and collaboration-responsible unit) with the handover form, and the
// start page's list of stage transitions coming up.
#pragma once

#include <vector>

#include "app/child_overview.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/plan_pages.hpp"

namespace kronobarn::web::views {

Html ChildOverviewContent(const Translator& t, const app::ChildOverview& child, const FormPageState& state);
Html TransitionList(const Translator& t, const std::vector<app::TransitionTask>& tasks);

}  // namespace kronobarn::web::views
