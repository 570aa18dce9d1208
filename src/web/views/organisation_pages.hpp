// The county administrator's page of organisations: each one as a card (name, kind, code, active)
// with its change form folded under it, and the form for a new one.
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"
#include "domain/organisation.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/form_fields.hpp"
#include "web/views/one_time_link.hpp"

namespace kronobarn::web::views {

struct OrganisationFormState {
    std::string csrf_token;
    std::string notice_key;
    // The form that failed: "new", "org-<id>" for an organisation's change form or "admin-<id>" for
    // its administrator invitation; its fields in error (by field name) and what was typed.
    std::string error_form;
    std::vector<FieldError> errors;
    TypedValues typed;
    std::optional<ShownInvitation> invitation;  // an administrator's link just made, shown once
};

Html OrganisationsContent(const Translator& t, const std::vector<domain::Organisation>& organisations,
                          const OrganisationFormState& state);

}  // namespace kronobarn::web::views
