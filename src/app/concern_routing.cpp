#include "app/concern_routing.hpp"
#include "store/store.hpp"

#include "domain/coordination.hpp"

namespace kronobarn::app {

Result<std::optional<domain::UnitId>> DefaultHolderUnit(store::UnitOfWork& uow, const domain::Child& child,
                                                        const domain::Unit& noticing_unit, Date today,
                                                        domain::SchoolYearStart school_year) {
    std::optional<domain::Unit> school, health;
    if (child.school_unit_id) {
        KB_ASSIGN_OR_RETURN(school, uow.Organisations().FindUnit(*child.school_unit_id));
    }
    if (child.health_unit_id) {
        KB_ASSIGN_OR_RETURN(health, uow.Organisations().FindUnit(*child.health_unit_id));
    }
    const bool attends_school = school && school->kind == domain::UnitKind::kSchoolUnit;

    KB_ASSIGN_OR_RETURN(const auto kind, domain::DefaultHolderKind(
                                             {child.personal_number.BirthDate(), attends_school, school_year}, today));
    if (kind == domain::UnitKind::kSchoolUnit && attends_school) return std::optional(school->id);
    if (kind == domain::UnitKind::kBvc && health && health->kind == domain::UnitKind::kBvc) {
        return std::optional(health->id);
    }

    const std::string area = school ? school->area : health ? health->area : noticing_unit.area;
    KB_ASSIGN_OR_RETURN(auto in_area, uow.Organisations().ListUnitsOfKind(kind, area));
    if (!in_area.empty()) return std::optional(in_area.front().id);
    KB_ASSIGN_OR_RETURN(auto anywhere, uow.Organisations().ListUnitsOfKind(kind, std::nullopt));
    if (!anywhere.empty()) return std::optional(anywhere.front().id);
    return std::optional<domain::UnitId>{};
}

}  // namespace kronobarn::app
