// Signals (oro) — Praxismodellen step 1 and the holder's inbox (domain.md §3, stories 1, 2, 5, 16).
//
// Register: any staff user records what they noticed about a child, identified by personal number
// and name; an unknown child is created. The answer is the same whether or not the child existed,
// had a holder or had signals (no "child exists" oracle). The signal goes to the child's
// coordination holder, or, when there is none, to the unit the default rule names, which then
// becomes the holder. A report of concern to social services may be recorded with it.
// View / Inbox go through the access choke point (app/child_access.hpp) and are audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/child_access.hpp"
#include "app/unit_scope.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/concern.hpp"
#include "domain/coordination.hpp"
#include "store/records/forward.hpp"
#include "store/records/praxis_records.hpp"

namespace kronobarn::app {

// What the user typed, unparsed: validation errors name the field by their message key.
struct ConcernForm {
    std::string personal_number;
    std::string given_name;
    std::string family_name;
    std::string noticed_on;  // YYYY-MM-DD
    std::string description;
    std::vector<std::string> wheel_areas;
    bool guardians_informed = false;
    std::string noticing_unit_id;
    std::string child_unit_id;  // optional: the child's preschool, school or BVC, used if the child is new
    std::string guardian_1;     // optional full names of the guardians, used if the child is new
    std::string guardian_2;
    bool report_made = false;
    std::string report_date;
    std::string report_unit_id;
};

struct UnitChoice {
    domain::UnitId id = 0;
    std::string name;
    domain::UnitKind kind = domain::UnitKind::kSchoolUnit;
};

struct ConcernFormOptions {
    std::vector<store::WheelArea> wheel_areas;
    std::vector<UnitChoice> my_units;         // where the actor works (noticing unit)
    std::vector<UnitChoice> child_units;      // preschools, schools, BVCs
    std::vector<UnitChoice> social_services;  // receivers of a report of concern
};

struct ConcernView {
    domain::Concern concern;
    std::string child_name;
    std::string child_personal_number;
    std::vector<std::string> wheel_area_labels;  // in the catalogue's Swedish labels
    bool show_report = false;                    // the actor's basis covers the report record
    std::string report_unit_name;
    bool viewer_is_holder = false;
    std::optional<std::int64_t> open_plan_id;  // the child's open plan, for the holder (also before deciding)
    std::string noticed_by;                    // who noticed, and from which unit: to call them back
    std::string noticed_at_unit;
    std::string name_in_signal;  // for the holder: the name typed, when it differs from the registered one
    // Before the decision, for the holder: units decision B may hand over to, and whose they are.
    std::vector<UnitChoice> receivers;
    UnitScope receiver_scope;
};

struct InboxItem {
    domain::ConcernId concern_id = 0;
    std::string child_name;
    std::string birth_date;
    int age_in_days = 0;         // since registration
    std::string name_in_signal;  // the name the noticer typed, when it differs from the registered one
};

// The oldest unanswered signals, and how many there are in all.
struct InboxPage {
    std::vector<InboxItem> items;
    std::size_t total = 0;
};

class Concerns {
  public:
    Concerns(store::Store& store, const Clock& clock, domain::SchoolYearStart school_year = {})
        : store_(store), clock_(clock), school_year_(school_year) {}

    Result<ConcernFormOptions> FormOptions(const Actor& actor);

    // Errors (kInvalidArgument): "personal_number.*", "concern.child_name_missing", "concern.noticed_on_invalid",
    // "concern.unit_not_yours", "concern.child_unit_unknown", "concern.report_date_invalid",
    // "concern.report_unit_invalid", and those of domain::ValidateConcern; kFailedPrecondition
    // "concern.no_holder" when no unit can receive it (nothing is saved). Writes audit rows for the
    // signal (and the child, when created) in the same transaction.
    Result<domain::ConcernId> Register(const Actor& actor, const ConcernForm& form, const RequestContext& context);

    // kNotFound when the signal does not exist or the actor has no basis (audited as denied).
    // `units_area`: the municipality whose units decision B offers (empty: the child's).
    Result<ConcernView> View(const Actor& actor, domain::ConcernId id, const RequestContext& context,
                             const std::string& units_area = {});

    // Unanswered signals of every holder unit the actor acts for, oldest first, at most `limit` of
    // them (the start page shows a few, /inkorg up to kInboxMax); one audit row per listed signal,
    // none for those only counted.
    static constexpr std::size_t kInboxMax = 200;
    Result<InboxPage> Inbox(const Actor& actor, const RequestContext& context, std::size_t limit = kInboxMax);

    // Decision A: the holder's own organisation meets the need; the signal becomes handled.
    // kNotFound (audited as denied) unless the actor acts for the holder unit; kInvalidArgument
    // "decision.*"; kFailedPrecondition / kConflict "concern.already_decided".
    Status DecideOwnOrganisation(const Actor& actor, domain::ConcernId id, const std::string& rationale,
                                 const std::string& actions_taken, const RequestContext& context);

    // The actor's own signals (date and status only, nothing identifying the child).
    // The actor's own signals (one audit row each: the child's name as typed is the child's data).
    Result<std::vector<store::OwnConcernEntry>> Mine(const Actor& actor, const RequestContext& context);

  private:
    // Loads the signal and builds the access request for it; an unknown id yields a target with no
    // relation, so it is decided (and audited) like a forbidden one.
    Result<AccessRequest> RequestFor(store::UnitOfWork& uow, domain::ConcernId id, domain::AccessAction action,
                                     std::string audit_action, std::optional<domain::Concern>& concern,
                                     std::optional<domain::Child>& child);

    store::Store& store_;
    const Clock& clock_;
    domain::SchoolYearStart school_year_;
};

}  // namespace kronobarn::app
