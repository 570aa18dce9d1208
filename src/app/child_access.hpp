// The one choke point for child data: every use case that reads or writes a child's data calls
// Authorize() inside its unit of work before touching the data. It asks domain::Decide and appends
// the audit row — allowed or denied, with the legal basis — in the same transaction, so an access
// and its record commit together. A denial comes back as kNotFound and the caller must commit the
// unit of work anyway, so that the denied attempt is recorded.
#pragma once

#include <string>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/access.hpp"
#include "store/store.hpp"

namespace kronobarn::app {

struct AccessRequest {
    domain::AccessAction action = domain::AccessAction::kReadConcern;
    domain::AccessTarget target;
    std::string object_type;  // "concern", "child", "plan" …
    std::string object_id;
    std::string audit_action;  // "read", "list", "create", "update" …
};

// Returns the decision when allowed; Error::NotFound when denied. Either way one audit row is
// appended to `uow` (which must be a write unit of work).
Result<domain::AccessDecision> Authorize(store::UnitOfWork& uow, const Actor& actor, const AccessRequest& request,
                                         const RequestContext& context, Timestamp now);

domain::ActorFacts FactsOf(const Actor& actor);

}  // namespace kronobarn::app
