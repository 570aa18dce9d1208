// Pieces the plan page's files share: unit and area names, section headings, and the folded edit
// form that opens itself with its error summary when it failed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "web/views/plan_pages.hpp"

namespace kronobarn::web::views {

std::string UnitName(const app::PlanView& view, std::optional<domain::UnitId> unit);
std::string AreaLabel(const app::PlanView& view, const std::string& code);
// The wheel's areas for a goal: the plan's support areas first, then the rest of the catalogue.
std::vector<Option> AreaOptions(const app::PlanView& view);
// Opens a <section> labelled by its <h2>; the caller closes it.
void Heading(Html& html, const Translator& t, std::string_view id, std::string_view key);
// The success notice of a change, in the section it returns to.
void SectionNotice(Html& html, const Translator& t, const FormPageState& state, std::string_view section);

// One of the plan's edit forms, folded in a <details> that opens by itself when that form failed;
// it gets back its typed values, an error summary with focus and its field marked, the others
// start fresh. `name` is unique on the page ("goal", "goal-12"): it prefixes the element ids.
class FoldedForm {
  public:
    FoldedForm(Html& html, const Translator& t, const FormPageState& state, const std::string& name,
               std::string_view summary);
    ~FoldedForm();
    FoldedForm(const FoldedForm&) = delete;
    FoldedForm& operator=(const FoldedForm&) = delete;

    FormWriter writer;
    const TypedValues values;

  private:
    Html& html_;
};

// Goals, actions (with each party's report) and contacts as cards with their corrections; the
// meetings with theirs. Each opens its own <section>.
void GoalsSection(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state);
void ActionsSection(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state);
void ContactsSection(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state);
void MeetingsSection(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state);
// The keeper's edit forms, closing the page's last <section> (plan_edit_forms.cpp).
void EditForms(Html& html, const Translator& t, const app::PlanView& view, const FormPageState& state);
// The next meeting as the reader may see it (RedactPlan), or that none is planned.
void PlannedMeetingCard(Html& html, const Translator& t, const app::PlanView& view);

}  // namespace kronobarn::web::views
