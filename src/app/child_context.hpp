// Everything the access decision needs to know about one child, loaded in the caller's unit of
// work at the moment of the request: the coordination holder, the open plan's participants and
// collaboration-responsible unit, every consent and the guardians whose consent is required.
// Loading it afresh on every request is what makes a withdrawal take effect on the very next one.
#pragma once

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/access.hpp"
#include "domain/plan.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

// Fills `target` (child_id must be set) from the store. A child that does not exist yields a
// target with no relations, which every decision denies. `plan`, when the caller has already
// loaded the plan the request is about, is used instead of loading the child's open plan again.
// `child`, when given, receives the child read on the way, so the page need not read it again.
Status LoadChildRelations(store::UnitOfWork& uow, domain::AccessTarget& target, Timestamp now,
                          const domain::Plan* plan = nullptr, std::optional<domain::Child>* child = nullptr);

// The same, taking the plan's participants from an already loaded plan.
domain::PlanFacts FactsOf(const domain::Plan& plan);

Date DayOf(Timestamp now);

}  // namespace kronobarn::app
