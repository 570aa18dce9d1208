#include "store/sql/area_cache.hpp"

#include <algorithm>

namespace kronobarn::store::sql {

Result<std::vector<std::string>> AreaCache::Areas(Connection& db) {
    std::int64_t newest_unit = 0;
    {
        KB_ASSIGN_OR_RETURN(auto newest, db.Prepare("unit_newest_id"));
        KB_ASSIGN_OR_RETURN(const bool has_row, newest.Step());
        if (has_row && !newest.IsNull("id")) newest_unit = newest.Int("id");
    }
    {
        const std::lock_guard lock(mutex_);
        if (areas_ != nullptr && newest_unit == newest_unit_) return *areas_;
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
    newest_unit_ = newest_unit;
    areas_ = std::make_shared<const std::vector<std::string>>(areas);
    return areas;
}

}  // namespace kronobarn::store::sql
