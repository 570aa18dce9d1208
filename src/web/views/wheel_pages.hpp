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

Html WheelOverviewContent(const Translator& t, const app::WheelOverview& overview);
Html WheelFormContent(const Translator& t, const app::WheelOverview& overview, const AssessmentFormState& state);

}  // namespace kronobarn::web::views
