#include "store/sql/unit_cache.hpp"

#include <mutex>

namespace kronobarn::store::sql {

std::optional<domain::Unit> UnitCache::Find(domain::UnitId id, std::int64_t generation) const {
    std::shared_lock lock(mutex_);
    if (generation != generation_) return std::nullopt;
    const auto it = units_.find(id);
    if (it == units_.end()) return std::nullopt;
    return it->second;
}

void UnitCache::Keep(const domain::Unit& unit, std::int64_t generation) {
    std::unique_lock lock(mutex_);
    if (generation < generation_) return;
    if (generation > generation_) {
        units_.clear();
        generation_ = generation;
    }
    units_.insert_or_assign(unit.id, unit);
}

}  // namespace kronobarn::store::sql
