// An organisation's units for its system administrator: each unit as a card (kind, the
// municipality it serves, external id, how to reach it, open or closed) with its change form
// folded under it, a folded form to merge it into another unit of its kind, and a button to close
// or reopen it; the form for a new unit. A closing that was refused says at the top what must be
// handed over first; a merge done says what moved and which consents did not follow.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/unit_admin.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/form_fields.hpp"

namespace kronobarn::web::views {

struct UnitFormState {
    std::string csrf_token;
    std::string notice_key;
    std::string error_key;  // a refused step that belongs to no field, shown at the top with focus
    // The form that failed: "new", or "unit-<id>" for a unit's change form; its fields in error
    // (by field name) and what was typed.
    std::string error_form;
    std::vector<FieldError> errors;
    TypedValues typed;
    // A closing refused: the unit and what still depends on it.
    std::optional<std::pair<std::string, store::UnitObligations>> blocked_closing;
    // A merge done: what moved, shown at the top.
    std::optional<app::UnitMerged> merged;
};

Html UnitsContent(const Translator& t, const app::UnitsPage& page, const UnitFormState& state);

}  // namespace kronobarn::web::views
