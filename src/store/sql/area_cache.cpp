#include "store/sql/area_cache.hpp"

#include <algorithm>

namespace kronobarn::store::sql {

Result<std::int64_t> UnitGeneration(Connection& db) {
    KB_ASSIGN_OR_RETURN(auto stmt, db.Prepare("unit_generation"));
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return Error::Internal("unit_generation has no row");
    return stmt.Int("generation");
}

Result<std::vector<std::string>> AreaCache::Areas(Connection& db) {
    KB_ASSIGN_OR_RETURN(const std::int64_t generation, UnitGeneration(db));
    {
        const std::lock_guard lock(mutex_);
        if (areas_ != nullptr && generation == generation_) return *areas_;
    }
    KB_ASSIGN_OR_RETURN(auto stmt, db.Prepare("statistics_municipalities"));
    std::vector<std::string> areas;
    while (true) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) break;
        areas.push_back(stmt.Text("area"));
    }
    std::sort(areas.begin(), areas.end());  // byte order: the same on both engines
    const std::lock_guard lock(mutex_);
    generation_ = generation;
    areas_ = std::make_shared<const std::vector<std::string>>(areas);
    return areas;
}

}  // namespace kronobarn::store::sql
