#include "web/routes/emergency_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {

void EmergencyRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/nodatkomst", Bind(this, &EmergencyRoutes::EmergencyForm));
    routes.AddSession("POST", "/nodatkomst", Bind(this, &EmergencyRoutes::EmergencyRequest));
}

Response EmergencyRoutes::RenderEmergencyForm(const Request& request, const app::Actor& actor, int status,
                                              views::EmergencyFormState state) const {
    auto units = emergency_.Units(actor);
    if (!units) return Fail(request, units.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    state.minutes = static_cast<int>(emergency_.Policy().duration.count());
    // What was typed (a personal number, a reason) is never cached.
    return ChildDataPage(request, actor, status, "emergency.heading", views::EmergencyFormContent(t, *units, state),
                         "/nodatkomst");
}

Response EmergencyRoutes::EmergencyForm(const Request& request, const RouteParams&, const app::Actor& actor) const {
    return RenderEmergencyForm(request, actor, 200, {});
}

Response EmergencyRoutes::EmergencyRequest(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return RenderEmergencyForm(request, actor, 400, {{}, std::string(form.error().message_key), "", 60});
    views::EmergencyFormState state;
    for (const char* field : {"personal_number", "unit_id", "reason"}) state.typed[field] = form->Get(field);
    const auto unit = ParsePositiveId(form->Get("unit_id")).value_or(0);
    auto granted = emergency_.Request(actor, form->Get("personal_number"), unit, std::string(form->Get("reason")),
                                      ContextOf(request));
    if (!granted) {
        const auto code = granted.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), granted.error().message_key);
        state.error_key = granted.error().message_key;  // what was typed stays in the form
        return RenderEmergencyForm(request, actor, HttpStatusFor(code), std::move(state));
    }
    return Response::Redirect("/barn/" + std::to_string(*granted) + "?nodatkomst=1");
}

}  // namespace kronobarn::web
