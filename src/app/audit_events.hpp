// Audit rows of work that is not about one child: reading the log, statistics, research extracts.
// The row names the role the actor acted in, so the log shows which of a person's roles was used.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/time.hpp"
#include "domain/access.hpp"
#include "domain/audit_event.hpp"

namespace kronobarn::app {

struct AuditedUse {
    std::string object_type;
    std::string object_id;
    std::string action;
    std::vector<domain::AuditChange> changes = {};  // an administrative change's fields, before and after
};

// The actor acts in their assignment of `role` (in `organisation`, when given); someone without it
// is recorded in their first role, and the decision's outcome says whether it was allowed.
domain::AuditEvent EventActingAs(const Actor& actor, domain::Role role,
                                 std::optional<domain::OrganisationId> organisation, AuditedUse use,
                                 const domain::AccessDecision& decision, const RequestContext& context, Timestamp now);

// An administrator's change (an organisation, an account): allowed, basis "administration", recorded
// in the actor's assignment of `role`.
domain::AuditEvent AdministrationEvent(const Actor& actor, domain::Role role, AuditedUse use,
                                       const RequestContext& context, Timestamp now);

}  // namespace kronobarn::app
