#include "web/plan_exports.hpp"

#include <boost/json/serialize.hpp>

#include "documents/plan_document.hpp"
#include "pdf/document.hpp"
#include "web/i18n.hpp"
#include "web/views/plan_json.hpp"

namespace kronobarn::web {

Response PlanPdfResponse(const PageKit& kit, const Request& request, const app::PlanView& view) {
    const Translator t(PageKit::LanguageOf(request));
    auto bytes = pdf::RenderPdf(documents::PlanDocument(t, view, kit.Now()));
    if (!bytes) return kit.ErrorPage(request, 500, "error.internal");
    Response response;
    response.content_type = "application/pdf";
    response.body = std::move(*bytes);
    response.contains_child_data = true;
    response.SetHeader("Content-Disposition", "inline; filename=\"barnets-plan.pdf\"");
    return response;
}

Response PlanJsonResponse(const PageKit& kit, const Request& request, const Result<app::PlanView>& view) {
    if (!view) return kit.ApiFail(request, view.error());
    Response response;
    response.content_type = "application/json";
    response.body = boost::json::serialize(views::PlanJson(*view));
    return response;
}

}  // namespace kronobarn::web
