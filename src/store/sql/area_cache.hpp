// The municipalities units serve, kept per store. Every page with a unit choice about a child
// offers them (290 nationally, a scan of every unit: ~0.8 ms) and so does every dashboard view,
// but they change only when a unit is added or changed — which the unit generation, one row, tells.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "store/sql/connection.hpp"

namespace kronobarn::store::sql {

// Raised in the transaction of every change to units (migration 0031): copies of units kept under
// an older generation are stale.
Result<std::int64_t> UnitGeneration(Connection& db);

class AreaCache {
  public:
    // Every area some unit serves ("" for county-wide left out), sorted bytewise.
    Result<std::vector<std::string>> Areas(Connection& db);

  private:
    std::mutex mutex_;
    std::int64_t generation_ = -1;  // the unit generation when areas_ was read
    std::shared_ptr<const std::vector<std::string>> areas_;
};

}  // namespace kronobarn::store::sql
