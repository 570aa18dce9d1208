// Handover of coordination responsibility (Praxismodellen decision B and stage transitions,
// stories 4 and 14). The holder requests it; the receiving unit accepts, or declines with a reason;
// until then the sender stays the holder. All steps are audited; the receiver sees the child's
// name and the note only while a request is pending for its unit.
#pragma once

#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/child_access.hpp"
#include "app/concerns.hpp"
#include "common/result.hpp"
#include "domain/handover.hpp"
#include "store/store.hpp"

namespace kronobarn::app {

struct HandoverItem {
    domain::HandoverId id = 0;
    std::string child_name;
    std::string other_unit_name;  // the sender (incoming) or the receiver (outgoing)
    std::string note;
    domain::HandoverState state = domain::HandoverState::kPending;
    std::string decline_reason;
    domain::HandoverKind kind = domain::HandoverKind::kCoordination;
};

struct HandoverLists {
    std::vector<HandoverItem> incoming;  // pending requests to the actor's holder units
    std::vector<HandoverItem> outgoing;  // pending and declined requests the actor's units sent
};

class Handovers {
  public:
    Handovers(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // Decision B on a signal: records the decision and requests the handover, in one transaction.
    // kNotFound unless the actor acts for the child's current holder; kInvalidArgument /
    // kFailedPrecondition with "handover.*", "decision.*" or "concern.already_decided" keys.
    Status RequestFromConcern(const Actor& actor, domain::ConcernId concern, const std::string& to_unit_id,
                              const std::string& note, const RequestContext& context);

    // A handover of the child's coordination responsibility started from the child overview (a
    // stage transition, or responsibility moving to the most involved organisation). Only the
    // current holder may; errors as RequestFromConcern without the decision keys.
    Result<domain::HandoverId> RequestForChild(const Actor& actor, domain::ChildId child, const std::string& to_unit_id,
                                               const std::string& note, const RequestContext& context);

    // Hands the plan's collaboration responsibility to another unit (domain.md §3: "responsibility
    // may move to the most involved organisation"). Only the unit that bears it now — the
    // collaboration-responsible unit, or the holder while there is none — may; kNotFound otherwise.
    Result<domain::HandoverId> RequestCollaboration(const Actor& actor, domain::PlanId plan,
                                                    const std::string& to_unit_id, const std::string& note,
                                                    const RequestContext& context);

    Result<HandoverLists> ListFor(const Actor& actor, const RequestContext& context);

    // kNotFound unless the request is pending and addressed to a unit the actor acts for.
    // Accept moves coordination responsibility to the receiving unit.
    Status Accept(const Actor& actor, domain::HandoverId id, const RequestContext& context);
    Status Decline(const Actor& actor, domain::HandoverId id, const std::string& reason, const RequestContext& context);
    // The sender withdraws a pending request; kNotFound unless the actor acts for the current holder
    // that sent it.
    Status Cancel(const Actor& actor, domain::HandoverId id, const RequestContext& context);

  private:
    // Validates and inserts a request from the current holder inside `uow`; audits it as created.
    Result<domain::HandoverId> Insert(store::UnitOfWork& uow, const Actor& actor, const AccessRequest& request,
                                      const std::string& to_unit_id, const std::string& note,
                                      const RequestContext& context, Timestamp now,
                                      std::optional<domain::ConcernId> concern = std::nullopt);
    Status Answer(const Actor& actor, domain::HandoverId id, bool accept, const std::string& reason,
                  const RequestContext& context);

    store::Store& store_;
    const Clock& clock_;
};

}  // namespace kronobarn::app
