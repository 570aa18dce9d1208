// Pages of Barnets plan and of consents: the plan (cut to what the reader's basis covers, with the
// holder's edit forms), its version history, the child's consents, and the start page's plan list.
#pragma once

#include <string>
#include <vector>

#include "app/consents.hpp"
#include "app/plans.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/form_fields.hpp"

namespace kronobarn::web::views {

// One page render: a notice after a successful save, or the form that failed with what was typed.
struct FormPageState {
    std::string csrf_token;
    std::string today;
    std::string notice_key;
    std::string error_form;  // which form failed: "basics", "goal", "action", …
    std::string error_key;
    TypedValues typed;
};

Html PlanContent(const Translator& t, const app::PlanView& view, const FormPageState& state);
Html PlanHistoryContent(const Translator& t, const app::PlanView& view);
Html ConsentPageContent(const Translator& t, const app::ConsentPage& page, const FormPageState& state);
Html MyPlansList(const Translator& t, const app::PlanList& list);

}  // namespace kronobarn::web::views
