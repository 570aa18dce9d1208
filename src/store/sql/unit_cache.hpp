// Units by id, kept per store. Nothing updates or deletes a unit once it is committed, so a copy
// read in a read transaction (committed data only) stays true for the life of the process, also
// with other servers on the same database. Pages name several units each (a plan's participants
// and actions, the roles on every start page): one statement per name without this.
#pragma once

#include <optional>
#include <shared_mutex>
#include <unordered_map>

#include "domain/organisation.hpp"

namespace kronobarn::store::sql {

class UnitCache {
  public:
    std::optional<domain::Unit> Find(domain::UnitId id) const;
    void Keep(const domain::Unit& unit);

  private:
    mutable std::shared_mutex mutex_;
    std::unordered_map<domain::UnitId, domain::Unit> units_;
};

}  // namespace kronobarn::store::sql
