// Emergency access (nödåtkomst) use cases: a professional in an allowed role asks for read access
// to a child they have no other basis for, with a written reason; the grant lasts a limited time
// (--emergency-minutes) and every read under it is audited with the basis "emergency_access". The
// grant itself is audited, shown to the child's coordination holder on the start page and to the
// guardians in their access log with its reason.
#pragma once

#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/emergency_access.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct EmergencyUnitChoice {
    domain::UnitId unit_id = 0;
    std::string unit_name;
};

// One grant as its readers see it: who (unit, role), for whom, when, why.
struct EmergencyNotice {
    domain::EmergencyGrant grant;
    std::string child_name;  // for the holder; empty in the family's own log
    std::string unit_name;
    std::string role;  // role code of the requester at that unit
};

class EmergencyAccess {
  public:
    EmergencyAccess(store::Store& store, const Clock& clock, domain::EmergencyPolicy policy)
        : store_(store), clock_(clock), policy_(std::move(policy)) {}

    // The units the actor may ask from; empty when none of their roles is allowed.
    Result<std::vector<EmergencyUnitChoice>> Units(const Actor& actor);
    const domain::EmergencyPolicy& Policy() const { return policy_; }

    // Grants read access to the child with this personal number and returns the child's id.
    // Errors (on the form, nothing saved): the personal-number keys, "emergency.reason_missing",
    // "emergency.reason_too_long", "emergency.role_not_allowed", "emergency.child_unknown".
    Result<domain::ChildId> Request(const Actor& actor, std::string_view personal_number, domain::UnitId unit,
                                    std::string reason, const RequestContext& context);

    // Grants of the last 30 days on children the actor's units hold, for the start page; each one
    // shown is audited as a list read by the holder.
    Result<std::vector<EmergencyNotice>> ForHolder(const Actor& actor, const RequestContext& context);

  private:
    store::Store& store_;
    const Clock& clock_;
    domain::EmergencyPolicy policy_;
};

// The grants on one child as the family's access log shows them (unit, role, time, reason).
Result<std::vector<EmergencyNotice>> EmergencyNoticesOf(store::UnitOfWork& uow, domain::ChildId child);

}  // namespace kronobarn::app
