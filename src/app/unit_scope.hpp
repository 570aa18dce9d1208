// The units a user chooses among when the choice is about one child (the next coordination holder,
// a plan participant, the units a consent names): those serving the child's municipality and those
// serving the whole county — or another municipality the user asks for, when the family moves.
// Offering every unit of the country would be thousands of options (domain.md §9: 290
// municipalities), unusable for people and slow to render.
#pragma once

#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/child.hpp"
#include "domain/organisation.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct UnitScope {
    std::string area;                // the municipality whose units are offered
    std::string child_area;          // the child's own: of its school unit, else its BVC, else its holder
    std::vector<std::string> areas;  // every municipality, for asking for another
};

// `requested`: a municipality the user picked; empty or unknown means the child's own.
Result<UnitScope> ScopeForChild(store::UnitOfWork& uow, const domain::Child& child, const std::string& requested);

// The scope's units (and the county-wide ones), by organisation and name.
Result<std::vector<domain::Unit>> UnitsInScope(store::UnitOfWork& uow, const UnitScope& scope);

}  // namespace kronobarn::app
