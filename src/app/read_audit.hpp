// The audit rows of a request's reads, and when its answer may leave. A read's data must not reach
// anyone before its audit row is durable; a thread that waits for that commit does nothing else
// meanwhile. So the web server gives each GET an AuditDeferral: the request's audited reads hand
// their rows to it and return at once, the page is rendered, and the server sends the answer only
// when ReadAudit says the rows are durable — or a 503 without the page when they could not be made
// so. Requests without one (a POST, which acts on what it read; the CLI) wait for their rows here.
#pragma once

#include <functional>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "domain/audit_event.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

class AuditDeferral {
  public:
    void Add(std::vector<domain::AuditEvent> events);
    bool Empty() const { return events_.empty(); }
    std::vector<domain::AuditEvent> Take();

  private:
    std::vector<domain::AuditEvent> events_;
};

// Records the rows of a read before its data may leave: handed to the request's deferral when it
// has one (its answer then waits for them), else appended here, waiting until they are durable.
// kUnavailable (nothing may be shown) only when waiting here.
Status RecordReads(store::Store& store, const RequestContext& context, std::vector<domain::AuditEvent> events);

class ReadAudit {
  public:
    explicit ReadAudit(store::Store& store) : store_(store) {}

    // Calls `on_durable` once: with Ok when the deferral's rows are durable (at once when it holds
    // none), else with the error. From the audit writer's thread: it must be quick and not throw.
    void WhenDurable(AuditDeferral& deferral, std::function<void(Status)> on_durable) const;

  private:
    store::Store& store_;
};

}  // namespace kronobarn::app
