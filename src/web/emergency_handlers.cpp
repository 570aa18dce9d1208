// Emergency access pages: the request form (GET/POST /nodatkomst). A granted request continues
// straight to the child's overview, where every read is audited with the emergency basis.
#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/security.hpp"
#include "web/web_app.hpp"

namespace kronobarn::web {

Response WebApp::RenderEmergencyForm(const Request& request, const app::Actor& actor, int status,
                                     views::EmergencyFormState state) const {
    auto units = emergency_.Units(actor);
    if (!units) return Fail(request, units.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    state.minutes = static_cast<int>(emergency_.Policy().duration.count());
    views::PageFrame frame{std::string(t("emergency.heading")), "/nodatkomst", SignedInAs(request, actor)};
    Response response;
    response.status = status;
    response.body = views::RenderPage(t, frame, views::EmergencyFormContent(t, *units, state));
    response.contains_child_data = true;  // what was typed (a personal number, a reason) is never cached
    return response;
}

Response WebApp::EmergencyForm(const Request& request, const RouteParams&, const app::Actor& actor) const {
    return RenderEmergencyForm(request, actor, 200, {});
}

Response WebApp::EmergencyRequest(const Request& request, const RouteParams&, const app::Actor& actor) const {
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
