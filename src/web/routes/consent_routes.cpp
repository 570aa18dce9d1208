#include "web/routes/consent_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/form_reader.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {

void ConsentRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/barn/{id}/samtycken", Bind(this, &ConsentRoutes::ConsentsShow), {"child"});
    routes.AddSession("POST", "/barn/{id}/samtycken", Bind(this, &ConsentRoutes::ConsentsCreate), {"child"});
    routes.AddSession("POST", "/samtycken/{id}/aterkalla", Bind(this, &ConsentRoutes::ConsentWithdraw), {"consent"});
}

Response ConsentRoutes::RenderConsents(const Request& request, const app::Actor& actor, domain::ChildId child,
                                       int status, views::FormPageState state) const {
    auto page = consents_.Page(actor, child, ContextOf(request), QueryValue(request.query, "kommun"));
    if (!page) return Fail(request, page.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    state.today = Today();
    return ChildDataPage(request, actor, status, "consent.title", views::ConsentPageContent(t, *page, state));
}

Response ConsentRoutes::ConsentsShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    views::FormPageState state;
    if (request.query.find("sparat=1") != std::string::npos) state.notice_key = "consent.recorded";
    if (request.query.find("nekat=1") != std::string::npos) state.notice_key = "consent.refusal_recorded";
    if (request.query.find("aterkallat=1") != std::string::npos) state.notice_key = "consent.withdrawn_notice";
    return RenderConsents(request, actor, *id, 200, std::move(state));
}

Response ConsentRoutes::ConsentsCreate(const Request& request, const RouteParams& params,
                                       const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    app::ConsentInput input;
    input.purpose = form->Get("purpose");
    input.unit_ids = form->GetAll("unit_id");
    input.categories = form->GetAll("category");
    input.valid_from = form->Get("valid_from");
    input.valid_to = form->Get("valid_to");
    input.form = form->Get("form");
    input.documented_by = form->Get("documented_by");
    input.guardian_ids = form->GetAll("guardian_id");
    const FormReader reader(*form);
    input.child_consented = reader.Flag("child_consented");
    input.child_assessed_mature = reader.Flag("child_assessed_mature");
    input.maturity_note = form->Get("maturity_note");
    input.answer = form->Get("answer");
    auto recorded = consents_.Record(actor, *id, input, ContextOf(request));
    if (!recorded) {
        const auto code = recorded.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), recorded.error().message_key);
        views::FormPageState state;
        state.error_form = "record";
        state.error_key = recorded.error().message_key;
        state.typed = TypedFrom(*form);
        for (const auto& unit : input.unit_ids) state.typed["unit_" + unit] = "ja";
        for (const auto& category : input.categories) state.typed["category_" + category] = "ja";
        for (const auto& guardian : input.guardian_ids) state.typed["guardian_" + guardian] = "ja";
        return RenderConsents(request, actor, *id, HttpStatusFor(code), std::move(state));
    }
    return Response::Redirect("/barn/" + std::to_string(*id) + "/samtycken?sparat=1" +
                              std::string(input.answer == "refused" ? "&nekat=1" : ""));
}

Response ConsentRoutes::ConsentWithdraw(const Request& request, const RouteParams& params,
                                        const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const std::string on_word_of(form->Get("on_word_of_" + std::to_string(*id)));
    auto child = consents_.Withdraw(actor, *id, on_word_of, ContextOf(request));
    if (!child) return Fail(request, child.error());
    return Response::Redirect("/barn/" + std::to_string(*child) + "/samtycken?aterkallat=1");
}

}  // namespace kronobarn::web
