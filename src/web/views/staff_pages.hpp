// An organisation's staff for its system administrator: each person as a card (name, username,
// roles by unit, whether the account is open) with the button that closes or opens it.
#pragma once

#include <string>

#include "app/staff_admin.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"

namespace kronobarn::web::views {

struct StaffFormState {
    std::string csrf_token;
    std::string notice_key;
    std::string error_key;  // a refused change, shown at the top with focus
};

Html StaffContent(const Translator& t, const app::StaffPage& page, const StaffFormState& state);

}  // namespace kronobarn::web::views
