// Units by id, kept per store. Pages name several units each (a plan's participants and actions,
// the roles on every start page): one statement per name without this. Units change (an
// administrator renames or closes one, on this server or another on the same database), and every
// change raises the unit generation in its transaction (migration 0031): a copy is used only by a
// unit of work that read the same generation, so none outlives the change that made it stale.
#pragma once

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <unordered_map>

#include "domain/organisation.hpp"

namespace kronobarn::store::sql {

class UnitCache {
  public:
    // The unit as kept under `generation`; nothing when kept under another.
    std::optional<domain::Unit> Find(domain::UnitId id, std::int64_t generation) const;
    // Keeps a unit read by a unit of work that saw `generation`: a newer generation forgets every
    // copy kept so far, an older one is not kept.
    void Keep(const domain::Unit& unit, std::int64_t generation);

  private:
    mutable std::shared_mutex mutex_;
    std::int64_t generation_ = -1;
    std::unordered_map<domain::UnitId, domain::Unit> units_;
};

}  // namespace kronobarn::store::sql
