// An organisation's system administrator and that organisation's staff: who works there, in which
// unit and role, and closing an account at once when someone leaves (every session of it ends
// with it) or opening it again. Only the administrator's own organisation: any other account is
// "not found". No child data, yet every change is audited.
#pragma once

#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::store {
class Store;
}

namespace kronobarn::app {

struct StaffMember {
    domain::UserAccount account;
    // Its roles in the administrator's organisation, with each unit's name.
    std::vector<std::pair<domain::Role, std::string>> roles;
    bool is_me = false;  // the administrator's own account (which it cannot close)
};

struct StaffPage {
    std::string organisation_name;
    std::vector<StaffMember> staff;  // by name
};

class StaffAdmin {
  public:
    StaffAdmin(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // kPermissionDenied unless the actor is a system administrator of an organisation.
    Result<StaffPage> Staff(const Actor& actor);
    // Closes (`open` false) or opens an account of the administrator's organisation. Closing ends
    // every session of it in the same transaction. kNotFound for an account of another organisation
    // (or none); kFailedPrecondition "staff.cannot_close_self".
    Status SetOpen(const Actor& actor, domain::UserId user, bool open, const RequestContext& context);

  private:
    store::Store& store_;
    const Clock& clock_;
};

}  // namespace kronobarn::app
