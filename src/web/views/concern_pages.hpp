// Pages of Praxismodellen step 1: the signal form (with the duty to report to social services
// shown first), the signal page, and the start-page lists (inbox, my signals).
#pragma once

#include <string>
#include <vector>

#include "app/concerns.hpp"
#include "app/handovers.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/form_fields.hpp"

namespace kronobarn::web::views {

struct ConcernFormState {
    app::ConcernForm values;
    std::vector<FieldError> errors;  // every field in error (by field name); empty when shown fresh
    std::string csrf_token;
    std::string today;  // default for the date fields
};

Html ConcernFormContent(const Translator& t, const app::ConcernFormOptions& options, const ConcernFormState& state);
struct DecisionFormState {
    std::string csrf_token;
    std::string error_key;
    std::string rationale;
    std::string actions_taken;
    std::vector<app::UnitChoice> receivers;  // for decision B
    std::string handover_unit_id;
    std::string handover_note;
    std::string collaboration_rationale;  // for decision C
};

// The signal page. The holder also sees the decision, or — while the signal is unanswered — the
// form to record decision A.
Html ConcernContent(const Translator& t, const app::ConcernView& view, const DecisionFormState& form);
// The oldest unanswered signals; when more are waiting, says how many, with a link to /inkorg
// when `link_to_all`.
Html InboxList(const Translator& t, const app::InboxPage& page, bool link_to_all);
// /inkorg: the heading and every unanswered signal.
Html InboxPageContent(const Translator& t, const app::InboxPage& page);
Html HandoverSection(const Translator& t, const app::HandoverLists& lists, const std::string& csrf_token);
Html MySignalsList(const Translator& t, const std::vector<store::OwnConcernEntry>& entries);

}  // namespace kronobarn::web::views
