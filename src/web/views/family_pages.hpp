// The family's own pages (issue 5): the guardian's list of children, Barnets plan in plain
// language, the child's own page, consents with withdraw/give, who has opened the plan; and the
// public pages around them (account activation, the accessibility statement). Also the staff page
// where the holder invites the family and records a restriction. Every text comes from the
// catalogue in the reader's language (sv, en, ar); dates and numbers are written as that language
// writes them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/family_accounts.hpp"
#include "app/family_view.hpp"
#include "app/plans.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/form_fields.hpp"
#include "web/views/one_time_link.hpp"
#include "web/views/plan_pages.hpp"

namespace kronobarn::web::views {

// One render of a family page: a notice after a save, or the failed form with what was typed.
struct FamilyFormState {
    std::string csrf_token;
    std::string notice_key;
    std::string error_key;
    std::string error_field;         // the id of the field the error is about, for the error summary link
    std::vector<FieldError> errors;  // several fields in error at once (ids), when a form is checked whole
    TypedValues typed;
};

Html FamilyHomeContent(const Translator& t, const std::string& name, const std::vector<app::FamilyChild>& children);
Html FamilyPlanContent(const Translator& t, const app::PlanView& view, domain::ChildId child,
                       const FamilyFormState& state);
Html ChildOwnPageContent(const Translator& t, const app::PlanView& view, domain::ChildId child, bool child_self,
                         const FamilyFormState& state);
Html FamilyConsentsContent(const Translator& t, const app::FamilyConsentPage& page, const FamilyFormState& state);
Html FamilyAccessLogContent(const Translator& t, const app::FamilyAccessLog& log);

struct ActivationForm {
    std::string token;
    std::string display_name;
    std::string username;
    bool username_fixed = false;     // a staff account: the administrator gave the username
    std::vector<FieldError> errors;  // every field in error, by field name
    std::string csrf_token;
};
Html ActivationContent(const Translator& t, const ActivationForm& form);
// The link is dead (unknown, used, expired): say so and what to do.
Html ActivationUnavailableContent(const Translator& t, std::string_view reason_key);
Html AccessibilityStatementContent(const Translator& t);

// Staff: the holder's page for the family's logins and restrictions.
Html FamilyAccessStaffContent(const Translator& t, domain::ChildId child, const app::FamilyAccessPage& page,
                              const FormPageState& state, const std::optional<ShownInvitation>& invitation);

}  // namespace kronobarn::web::views
