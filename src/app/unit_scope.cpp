#include "app/unit_scope.hpp"
#include "store/store.hpp"

#include <algorithm>

namespace kronobarn::app {

Result<UnitScope> ScopeForChild(store::UnitOfWork& uow, const domain::Child& child, const std::string& requested) {
    UnitScope scope;
    KB_ASSIGN_OR_RETURN(const auto holder, uow.Coordination().FindHolder(child.id));
    for (const auto& unit_id : {child.school_unit_id, child.health_unit_id, holder}) {
        if (!unit_id || !scope.child_area.empty()) continue;
        KB_ASSIGN_OR_RETURN(const auto unit, uow.Organisations().FindUnit(*unit_id));
        if (unit) scope.child_area = unit->area;
    }
    KB_ASSIGN_OR_RETURN(scope.areas, uow.Organisations().ListAreas());
    const bool known = std::find(scope.areas.begin(), scope.areas.end(), requested) != scope.areas.end();
    scope.area = known ? requested : scope.child_area;
    return scope;
}

Result<std::vector<domain::Unit>> UnitsInScope(store::UnitOfWork& uow, const UnitScope& scope) {
    return uow.Organisations().ListUnitsServing(scope.area);
}

}  // namespace kronobarn::app
