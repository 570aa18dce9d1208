// A plan's history as the store keeps it.
#pragma once

#include <string>
#include <vector>

#include "common/time.hpp"
#include "domain/plan.hpp"

namespace kronobarn::store {

struct PlanChange {
    int version = 0;
    domain::UserId changed_by = 0;
    std::string changed_by_name;
    Timestamp changed_at{};
    std::vector<domain::FieldChange> fields;
};

}  // namespace kronobarn::store
