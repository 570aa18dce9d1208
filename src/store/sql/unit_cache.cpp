#include "store/sql/unit_cache.hpp"

#include <mutex>

namespace kronobarn::store::sql {

std::optional<domain::Unit> UnitCache::Find(domain::UnitId id) const {
    std::shared_lock lock(mutex_);
    const auto it = units_.find(id);
    if (it == units_.end()) return std::nullopt;
    return it->second;
}

void UnitCache::Keep(const domain::Unit& unit) {
    std::unique_lock lock(mutex_);
    units_.try_emplace(unit.id, unit);
}

}  // namespace kronobarn::store::sql
