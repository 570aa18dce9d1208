// Where a signal goes when the child has no coordination holder yet: the unit that the default
// rule (domain::DefaultHolderKind) names — the child's own school unit or BVC when known, else a
// unit of that kind in the child's area (or the noticing unit's area), else any in the county.
#pragma once

#include <optional>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/child.hpp"
#include "domain/coordination.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

// nullopt when no unit of the required kind exists at all.
Result<std::optional<domain::UnitId>> DefaultHolderUnit(store::UnitOfWork& uow, const domain::Child& child,
                                                        const domain::Unit& noticing_unit, Date today,
                                                        domain::SchoolYearStart school_year);

}  // namespace kronobarn::app
