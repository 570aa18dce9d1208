// Requests the web layer refuses before any use case runs — a family account on a professional's
// page, an id that is no id — still leave a denied audit row, so that a guardian probing other
// children's ids, or anyone sweeping ids, is in the log for the reviewer (issue 19 §1). The row
// names the child the id points at when it exists; for a family account, whose rows have no
// organisation of their own, it names the organisation of the child's coordination holder, whose
// log reviewer must see the attempt.
#pragma once

#include <string_view>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

class RefusedRequests {
  public:
    RefusedRequests(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // Appends one durable denied row: `object_type` is the kind of id the route takes ("child",
    // "plan", "concern", "consent", "handover") or "page" for a route without one; `raw_id` is the
    // id as typed (it may be no number at all); `reason` is the audit row's reason code.
    Status Record(const Actor& actor, std::string_view object_type, std::string_view raw_id, std::string_view reason,
                  const RequestContext& context);

  private:
    store::Store& store_;
    const Clock& clock_;
};

}  // namespace kronobarn::app
