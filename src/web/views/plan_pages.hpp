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
    std::string error_field;  // the failed form's field the message is about (empty: the whole form)
    TypedValues typed;
    // Set while rendering when the failed form is on the page; otherwise the page shows the error
    // at its top (the item the form was about may be gone).
    mutable bool failed_form_shown = false;
};

// What a successful change says, and the part of the plan page it returns to (its section's id):
// "Målet är ändrat" in the goals. The redirect after a change names the code; unknown codes say nothing.
struct PlanNotice {
    std::string_view code;
    std::string_view message_key;
    std::string_view section;
};
const PlanNotice* FindPlanNotice(std::string_view code);

Html PlanContent(const Translator& t, const app::PlanView& view, const FormPageState& state);
Html PlanHistoryContent(const Translator& t, const app::PlanView& view);
Html ConsentPageContent(const Translator& t, const app::ConsentPage& page, const FormPageState& state);
Html MyPlansList(const Translator& t, const app::PlanList& list);

}  // namespace kronobarn::web::views
