// An organisation's system administrator and that organisation's units: where work happens (a
// school unit, a BVC, a social-services office), what it serves and how to reach it. A unit is
// never deleted, only closed, and not while children, handovers, plans, signals or staff still
// depend on it: the administrator is told what must be handed over first (counted: the role
// sees no child's data). Only the administrator's own organisation; every change is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"
#include "store/records/forward.hpp"
#include "store/records/identity_records.hpp"

namespace kronobarn::app {

struct UnitsPage {
    std::string organisation_name;
    std::vector<domain::Unit> units;      // the organisation's, open ones first, by name
    std::vector<domain::UnitKind> kinds;  // the kinds its organisation may have
    std::vector<std::string> areas;       // the municipalities some unit serves, to choose from
};

// What the form gives, already typed by the handler.
struct UnitInput {
    std::string name;
    std::optional<domain::UnitKind> kind;  // on creation only: a kind never changes (it decides secrecy)
    std::string area;                      // "" for the whole county
    std::string external_id;               // optional
    std::string phone;                     // optional
    std::string email;                     // optional
    std::string active_from;               // "YYYY-MM-DD" or empty
};

// The typed fields (all but the kind, which only a creation gives) on `unit`, trimmed and checked;
// each field in error is added to `errors` under its name, which the form and the import file share.
void ApplyUnitInput(const UnitInput& input, domain::Unit& unit, std::vector<FieldError>& errors);

// A closing refused: what ties the unit to children and staff, or nothing when it closed.
struct UnitClosing {
    bool closed = false;
    std::string unit_name;
    store::UnitObligations blocking;
};

// A merge done: what moved to the unit that took over, counted, and the consents that name the old
// unit and do not follow (the guardians consented to the unit they named: they are asked anew).
struct UnitMerged {
    std::string from_name;
    std::string into_name;
    domain::UnitId into = 0;
    std::size_t children = 0;
    std::size_t plans = 0;
    std::size_t signals = 0;
    std::size_t roles = 0;
    std::int64_t consents_left = 0;
};

class UnitAdmin {
  public:
    UnitAdmin(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // kPermissionDenied unless the actor is a system administrator of an organisation.
    Result<UnitsPage> Units(const Actor& actor);
    // Errors: kInvalidArgument with every field in error ("unit.name_missing", "unit.name_too_long",
    // "unit.kind_unknown", "unit.kind_not_for_organisation", "unit.area_too_long",
    // "unit.external_id_invalid", "unit.phone_invalid", "unit.email_invalid", "unit.date_invalid");
    // kConflict on its field: "unit.external_id_taken", "unit.name_taken".
    Result<domain::UnitId> Create(const Actor& actor, const UnitInput& input, const RequestContext& context);
    // Name, area (moving the unit to another municipality), external id, contact, first day.
    // kNotFound for a unit of another organisation; errors as for Create.
    Status Change(const Actor& actor, domain::UnitId unit, const UnitInput& input, const RequestContext& context);
    // Closes the unit today, unless something still depends on it: then nothing changes and the
    // answer says what. kNotFound for a unit of another organisation; kFailedPrecondition
    // "unit.already_closed".
    Result<UnitClosing> Close(const Actor& actor, domain::UnitId unit, const RequestContext& context);
    // kNotFound as for Close; kFailedPrecondition "unit.not_closed".
    Status Reopen(const Actor& actor, domain::UnitId unit, const RequestContext& context);
    // Merges `unit` into `into`, an open unit of the same kind and organisation: the children it
    // holds Barnens bästa-ansvar for, its open plans, waiting signals and staff roles move (an audit
    // row for each), then it closes. Consents are not moved. kNotFound as for Close;
    // kFailedPrecondition "unit.already_closed", "unit.merge_pending_handovers" (answered first);
    // kInvalidArgument on "into_unit_id": "unit.merge_into_unknown", "unit.merge_into_itself",
    // "unit.merge_into_closed", "unit.merge_kind_differs".
    Result<UnitMerged> Merge(const Actor& actor, domain::UnitId unit, domain::UnitId into,
                             const RequestContext& context);

  private:
    store::Store& store_;
    const Clock& clock_;
};

}  // namespace kronobarn::app
