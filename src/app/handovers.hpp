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
#include "domain/plan_follow.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct HandoverItem {
    domain::HandoverId id = 0;
    std::string child_name;
    std::string other_unit_name;  // the sender (incoming) or the receiver (outgoing)
    std::string note;
    domain::HandoverState state = domain::HandoverState::kPending;
    std::string decline_reason;
    domain::HandoverKind kind = domain::HandoverKind::kCoordination;
    // Incoming coordination: the child's plan comes too, as everyone asked has said yes so far.
    // Never "it does not": without the family's yes the receiver learns only of the handover.
    bool plan_follows = false;
};

// One answer as the holder records it. What the form could not name stays empty, so the request
// is checked and audited first and refused after: "plan_follow.not_asked", "plan_follow.answer_unknown".
struct PlanFollowAnswerInput {
    bool person_named = false;                           // a guardian or the child
    std::optional<domain::GuardianId> guardian;          // nullopt: the child
    std::optional<domain::PlanFollowAnswerKind> answer;  // yes or no
};

struct HandoverLists {
    std::vector<HandoverItem> incoming;  // pending requests to the actor's holder units
    std::vector<HandoverItem> outgoing;  // pending and declined requests the actor's units sent
};

class Handovers {
  public:
    // `child_consent_age`: from this age the child, too, is asked whether the plan may follow.
    Handovers(store::Store& store, const Clock& clock, int child_consent_age = 12)
        : store_(store), clock_(clock), child_consent_age_(child_consent_age) {}

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

    // The holder that sent a pending handover records, on a guardian's or the child's word, whether
    // the plan may follow to the receiving unit (`who` nullopt: the child). kNotFound (audited)
    // unless the actor acts for that holder; kFailedPrecondition "handover.not_pending",
    // "plan_follow.no_plan"; kInvalidArgument "plan_follow.not_asked" (not a guardian of the child,
    // or the child under the consent age). Returns the child.
    Result<domain::ChildId> RecordPlanFollowAnswer(const Actor& actor, domain::HandoverId id,
                                                   const PlanFollowAnswerInput& input, const RequestContext& context);

    // kNotFound unless the request is pending and addressed to a unit the actor acts for.
    // Accept moves coordination responsibility to the receiving unit, and the open plan with it
    // only when everyone asked has said the plan may follow (rule 4); otherwise the plan stays,
    // closed, with the former holder.
    Status Accept(const Actor& actor, domain::HandoverId id, const RequestContext& context);
    // The child a handover is about, to show a page again after a change that could not be made;
    // nothing of the child itself (that page's read is audited). 0 when there is no such handover.
    Result<domain::ChildId> ChildOfHandover(domain::HandoverId id);
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
    int child_consent_age_;
};

}  // namespace kronobarn::app
