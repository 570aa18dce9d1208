// Emergency access (nödåtkomst): the request form and the start page's section.
#pragma once

#include <string>
#include <vector>

#include "app/emergency_access.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/form_fields.hpp"

namespace kronobarn::web::views {

struct EmergencyFormState {
    TypedValues typed;
    std::string error_key;
    std::string csrf_token;
    int minutes = 60;
};

Html EmergencyFormContent(const Translator& t, const std::vector<app::EmergencyUnitChoice>& units,
                          const EmergencyFormState& state);

// The start page's section: a way to the form for those who may ask, and the grants on the
// children the user's unit holds.
Html EmergencySection(const Translator& t, bool may_request, const std::vector<app::EmergencyNotice>& notices);

}  // namespace kronobarn::web::views
