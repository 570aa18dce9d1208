// Barnets plan as JSON (GET /api/v1/planer/{id}, GET /api/v1/familj/barn/{id}/plan), written from the
// plan's field table: every member the reader sees, under its declared code, and nothing else — a
// member no row declares visible never reaches the JSON (domain/plan_fields.hpp).
#pragma once

#include <boost/json/object.hpp>

#include "app/plans.hpp"

namespace kronobarn::web::views {

boost::json::object PlanJson(const app::PlanView& view);

}  // namespace kronobarn::web::views
