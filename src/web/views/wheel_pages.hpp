// Barnets bästa-hjulet pages: the child's wheel over time (an SVG chart whose symbols differ in
// shape, not only colour, with the same numbers in a table) and the assessment form.
#pragma once

#include <string>

#include "app/wheel_assessments.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"

namespace kronobarn::web::views {

struct AssessmentFormState {
    app::AssessmentForm values;
    std::string error_key;
    std::string csrf_token;
    std::string today;
};

// `just_saved`: an assessment was saved a moment ago — say so, and when it was made from a signal,
// give the way back to it, where the decision is taken.
Html WheelOverviewContent(const Translator& t, const app::WheelOverview& overview, bool just_saved = false);
Html WheelFormContent(const Translator& t, const app::WheelOverview& overview, const AssessmentFormState& state);

}  // namespace kronobarn::web::views
