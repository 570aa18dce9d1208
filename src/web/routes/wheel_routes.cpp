#include "web/routes/wheel_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {

void WheelRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/barn/{id}/hjulet", Bind(this, &WheelRoutes::WheelShow), {"child"});
    routes.AddSession("GET", "/barn/{id}/hjulet/ny", Bind(this, &WheelRoutes::WheelNew), {"child"});
    routes.AddSession("POST", "/barn/{id}/hjulet", Bind(this, &WheelRoutes::WheelCreate), {"child"});
}

Response WheelRoutes::WheelShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto overview =
        wheel_.Overview(actor, *id, ContextOf(request), ParsePositiveId(QueryValue(request.query, "signal")));
    if (!overview) return Fail(request, overview.error());
    const Translator t(LanguageOf(request));
    const bool just_saved = request.query.find("sparad=1") != std::string::npos;
    return ChildDataPage(request, actor, 200, "wheel.title", views::WheelOverviewContent(t, *overview, just_saved));
}

Response WheelRoutes::RenderWheelForm(const Request& request, const app::Actor& actor, domain::ChildId child,
                                      int status, app::AssessmentForm values, std::string error_key,
                                      std::optional<domain::ConcernId> signal) const {
    auto overview = wheel_.Overview(actor, child, ContextOf(request), signal);
    if (!overview) return Fail(request, overview.error());
    const Translator t(LanguageOf(request));
    views::AssessmentFormState state{std::move(values), std::move(error_key),
                                     CsrfTokenForSession(request.Cookie(kSessionCookie)), Today()};
    return ChildDataPage(request, actor, status, "wheel.title", views::WheelFormContent(t, *overview, state));
}

Response WheelRoutes::WheelNew(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    return RenderWheelForm(request, actor, *id, 200, {}, "", ParsePositiveId(QueryValue(request.query, "signal")));
}

Response WheelRoutes::WheelCreate(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    app::AssessmentForm values;
    values.assessed_on = form->Get("assessed_on");
    values.sources = form->Get("sources");
    // Area fields are named area_<code>_<field>.
    static constexpr std::string_view kFields[] = {"_status",        "_description",       "_child_words",
                                                   "_guardian_view", "_professional_note", "_support"};
    for (const auto& name : form->Names()) {
        if (name.rfind("area_", 0) != 0) continue;
        for (std::string_view field : kFields) {
            if (name.size() <= 5 + field.size() || name.compare(name.size() - field.size(), field.size(), field) != 0) {
                continue;
            }
            auto& area = values.areas[name.substr(5, name.size() - 5 - field.size())];
            const std::string value(form->Get(name));
            if (field == "_status") area.status = value;
            if (field == "_description") area.description = value;
            if (field == "_child_words") area.child_words = value;
            if (field == "_guardian_view") area.guardian_view = value;
            if (field == "_professional_note") area.professional_note = value;
            if (field == "_support") area.support_needed = value == "ja";
            break;
        }
    }
    const auto signal = ParsePositiveId(form->Get("signal"));
    auto recorded = wheel_.Record(actor, *id, values, ContextOf(request));
    if (!recorded) {
        const auto code = recorded.error().code;
        if (code == ErrorCode::kInvalidArgument) {
            return RenderWheelForm(request, actor, *id, 400, std::move(values), recorded.error().message_key, signal);
        }
        return ErrorPage(request, HttpStatusFor(code), recorded.error().message_key);
    }
    return Response::Redirect("/barn/" + std::to_string(*id) + "/hjulet?sparad=1" +
                              (signal ? "&signal=" + std::to_string(*signal) : std::string()));
}

}  // namespace kronobarn::web
