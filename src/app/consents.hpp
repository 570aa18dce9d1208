// Consents (samtycke) — recorded by the coordination holder (or the collaboration-responsible
// unit) on the family's word, and withdrawn the same way (story 6 and 7; domain.md §6). A
// withdrawal takes effect on the very next request of every user, because every access decision
// reads the consents afresh (app/child_context.hpp).
#pragma once

#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/concerns.hpp"
#include "app/unit_scope.hpp"
#include "common/result.hpp"
#include "domain/consent.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

// What the user typed, unparsed.
struct ConsentInput {
    std::string purpose;
    std::vector<std::string> unit_ids;
    std::vector<std::string> categories;
    std::string valid_from;  // YYYY-MM-DD
    std::string valid_to;
    std::string form;  // written | oral
    std::string documented_by;
    std::vector<std::string> guardian_ids;  // guardians who consented
    bool child_consented = false;
    bool child_assessed_mature = false;
    std::string maturity_note;
    std::string answer;  // given (default) | refused: the parties' answer to the request
};

struct ConsentItem {
    domain::Consent consent;
    domain::ConsentState state = domain::ConsentState::kInForce;
    std::vector<std::string> unit_names;
    int days_to_expiry = 0;
};

struct ConsentPage {
    domain::ChildId child_id = 0;
    std::string child_name;
    int child_age = 0;
    bool ask_the_child = false;  // the child is old enough that its own consent is asked for
    std::vector<domain::Guardian> guardians;
    std::vector<ConsentItem> consents;  // newest first
    std::vector<UnitChoice> units;      // units a consent can name
    UnitScope unit_scope;               // whose units they are
    std::optional<domain::PlanId> open_plan;
};

class Consents {
  public:
    // `child_prompt_age`: from this age the form asks for the child's own consent (default 12).
    Consents(store::Store& store, const Clock& clock, int child_prompt_age = 12)
        : store_(store), clock_(clock), child_prompt_age_(child_prompt_age) {}

    // kNotFound (audited) unless the actor may manage the child's consents.
    // `units_area`: the municipality whose units the form offers (empty: the child's).
    Result<ConsentPage> Page(const Actor& actor, domain::ChildId child, const RequestContext& context,
                             const std::string& units_area = {});

    // Errors (kInvalidArgument): "consent.date_invalid", "consent.unit_unknown", "consent.category_unknown",
    // "consent.form_unknown", "consent.guardian_unknown", "consent.answer_unknown" and those of
    // domain::ValidateConsent. A refusal is recorded the same way: what was asked, of whom.
    Result<domain::ConsentId> Record(const Actor& actor, domain::ChildId child, const ConsentInput& input,
                                     const RequestContext& context);

    // Withdraws on the word of `on_word_of` (a guardian's name, "barnet" …). Returns the child.
    Result<domain::ChildId> Withdraw(const Actor& actor, domain::ConsentId consent, const std::string& on_word_of,
                                     const RequestContext& context);

  private:
    store::Store& store_;
    const Clock& clock_;
    int child_prompt_age_;
};

}  // namespace kronobarn::app
