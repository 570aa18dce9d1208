// Barnets plan as a document (PDF) and as JSON: the same answer for the professionals' routes
// and the family's, from the view its reader may see.
#pragma once

#include "app/plans.hpp"
#include "common/result.hpp"
#include "web/http_types.hpp"
#include "web/page_kit.hpp"

namespace kronobarn::web {

Response PlanPdfResponse(const PageKit& kit, const Request& request, const app::PlanView& view);
// The API's answer: the plan as JSON, or its error as JSON.
Response PlanJsonResponse(const PageKit& kit, const Request& request, const Result<app::PlanView>& view);

}  // namespace kronobarn::web
