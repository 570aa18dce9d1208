// An organisation's staff for its system administrator: a new account (with its first role and a
// one-time activation link instead of a typed password), and each person as a card (name,
// username, how to reach them, roles by unit, whether the account is open) with its changes: a
// role given or taken back, a fresh activation link, the account closed or opened.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/staff_admin.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/form_fields.hpp"
#include "web/views/one_time_link.hpp"

namespace kronobarn::web::views {

struct StaffFormState {
    std::string csrf_token;
    std::string notice_key;
    std::string error_key;  // a refused change that belongs to no field, shown at the top with focus
    // The form that failed: "new", or "role-<user id>" for a person's add-a-role form; its fields
    // in error (by field name) and what was typed.
    std::string error_form;
    std::vector<FieldError> errors;
    TypedValues typed;
    std::optional<ShownInvitation> invitation;  // a link just made, shown once
};

Html StaffContent(const Translator& t, const app::StaffPage& page, const StaffFormState& state);

}  // namespace kronobarn::web::views
