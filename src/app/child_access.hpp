// The one choke point for child data: every use case that reads or writes a child's data calls
// Authorize() inside its unit of work before touching the data. It asks domain::Decide and appends
// the audit row — allowed or denied, with the legal basis — in the same transaction, so an access
// and its record commit together. A denial comes back as kNotFound and the caller must commit the
// unit of work anyway, so that the denied attempt is recorded.
#pragma once

#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/access.hpp"
#include "domain/audit_event.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct AccessRequest {
    domain::AccessAction action = domain::AccessAction::kReadConcern;
    domain::AccessTarget target;
    std::string object_type;  // "concern", "child", "plan" …
    std::string object_id;
    std::string audit_action;  // "read", "list", "create", "update" …
};

// Returns the decision when allowed; Error::NotFound when denied. Either way one audit row is
// appended to `uow` (which must be a write unit of work). When allowed and the unit of work is then
// not committed (the write was refused), a row "<action>_rejected" is written in its place.
Result<domain::AccessDecision> Authorize(store::UnitOfWork& uow, const Actor& actor, const AccessRequest& request,
                                         const RequestContext& context, Timestamp now);

domain::ActorFacts FactsOf(const Actor& actor);

// The same choke point for READS, with group commit: decisions are taken at once, their audit rows
// are collected, and Flush() makes them durable through store::DurableAuditLog. A use case calls
// Flush() — also after a denial — and returns no data unless it succeeded. Reads then need only a
// read transaction, and many concurrent reads share one disk flush.
class AuditedRead {
  public:
    AuditedRead(store::Store& store, const Actor& actor, const RequestContext& context, Timestamp now)
        : store_(store), actor_(actor), context_(context), now_(now) {}

    // The decision when allowed; Error::NotFound when denied. Either way one row is collected.
    Result<domain::AccessDecision> Authorize(const AccessRequest& request);
    // kUnavailable when the rows could not be made durable: show nothing then.
    Status Flush();

  private:
    store::Store& store_;
    const Actor& actor_;
    const RequestContext& context_;
    Timestamp now_;
    std::vector<domain::AuditEvent> pending_;
};

}  // namespace kronobarn::app
