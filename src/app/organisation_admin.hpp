// The county administrator's register of organisations: municipalities, the Region, the police and
// associations, each with its short stable code. Create, rename, give a code, deactivate and
// reactivate; never delete (history and the audit log keep pointing at an organisation). No child
// data, yet every change is audited with what it changed.
#pragma once

#include <string>
#include <vector>

#include "app/activation_links.hpp"
#include "app/actor.hpp"
#include "app/staff_admin.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::store {
class Store;
}

namespace kronobarn::app {

// What the form gives, already typed by the handler; the kind is nullopt when none was chosen.
struct OrganisationInput {
    std::string name;
    std::optional<domain::OrganisationKind> kind;  // on creation only: a kind never changes
    std::string code;
    bool active = true;
};

class OrganisationAdmin {
  public:
    OrganisationAdmin(store::Store& store, const Clock& clock, int activation_days = 7)
        : store_(store), clock_(clock), activation_days_(activation_days) {}

    // Every organisation, by name. kPermissionDenied unless the actor is a county administrator.
    Result<std::vector<domain::Organisation>> List(const Actor& actor);
    // Errors (kInvalidArgument, each with the field it is about): "organisation.name_missing",
    // "organisation.name_too_long", "organisation.kind_missing", "organisation.code_invalid"
    // (municipality: four digits; others: an organisation number); kConflict "organisation.taken"
    // when another organisation has the name or the code.
    Result<domain::OrganisationId> Create(const Actor& actor, const OrganisationInput& input,
                                          const RequestContext& context);
    // Name, code and whether it is active. kNotFound for an unknown id; errors as for Create.
    Status Change(const Actor& actor, domain::OrganisationId id, const OrganisationInput& input,
                  const RequestContext& context);

    // The organisation's first system administrator (or another one), who then sets up its units
    // and staff: the account, its role in the organisation's administration unit (made when it has
    // none) and a one-time activation link. Errors: kNotFound; kFailedPrecondition
    // "organisation.inactive"; as StaffAdmin::Create for the fields (unit and role are given here).
    Result<Invitation> InviteAdministrator(const Actor& actor, domain::OrganisationId id, const NewStaffInput& input,
                                           const RequestContext& context);

  private:
    store::Store& store_;
    const Clock& clock_;
    int activation_days_;
};

}  // namespace kronobarn::app
