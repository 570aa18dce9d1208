#include "web/routes/child_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {

void ChildRoutes::Register(RouteTable& routes) const {
    routes.AddSession("POST", "/overlamningar/{id}/godkann", Bind(this, &ChildRoutes::HandoverAccept), {"handover"});
    routes.AddSession("POST", "/overlamningar/{id}/avbojs", Bind(this, &ChildRoutes::HandoverDecline), {"handover"});
    routes.AddSession("POST", "/overlamningar/{id}/aterkalla", Bind(this, &ChildRoutes::HandoverCancel), {"handover"});
    routes.AddSession("POST", "/overlamningar/{id}/planen-foljer-med", Bind(this, &ChildRoutes::HandoverPlanFollow),
                      {"handover"});
    routes.AddSession("GET", "/barn/{id}", Bind(this, &ChildRoutes::ChildShow), {"child"});
    routes.AddSession("POST", "/barn/{id}/overlamning", Bind(this, &ChildRoutes::ChildHandover), {"child"});
}

Response ChildRoutes::RenderChild(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                                  views::FormPageState state) const {
    auto overview = children_.Overview(actor, child, ContextOf(request), QueryValue(request.query, "kommun"));
    if (!overview) return Fail(request, overview.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    return ChildDataPage(request, actor, status, "child.title", views::ChildOverviewContent(t, *overview, state));
}

Response ChildRoutes::ChildShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    views::FormPageState state;
    if (request.query.find("overlamning=1") != std::string::npos) state.notice_key = "handover.requested";
    if (request.query.find("planen=1") != std::string::npos) state.notice_key = "plan_follow.recorded";
    return RenderChild(request, actor, *id, 200, std::move(state));
}

Response ChildRoutes::ChildHandover(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    auto requested = handovers_.RequestForChild(actor, *id, std::string(form->Get("to_unit_id")),
                                                std::string(form->Get("note")), ContextOf(request));
    if (!requested) {
        const auto code = requested.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), requested.error().message_key);
        views::FormPageState state;
        state.error_form = "handover";
        state.error_key = requested.error().message_key;
        state.typed = TypedFrom(*form);
        return RenderChild(request, actor, *id, HttpStatusFor(code), std::move(state));
    }
    return Response::Redirect("/barn/" + std::to_string(*id) + "?overlamning=1");
}

Response ChildRoutes::HandoverPlanFollow(const Request& request, const RouteParams& params,
                                         const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    // "guardian_<id>" or "child"; anything else names nobody the question is asked of.
    const std::string person(form->Get("person"));
    app::PlanFollowAnswerInput input;
    input.person_named = person == "child";
    if (person.starts_with("guardian_")) {
        input.guardian = ParsePositiveId(std::string_view(person).substr(9));
        input.person_named = input.guardian.has_value();
    }
    input.answer = domain::ParsePlanFollowAnswerKind(form->Get("answer"));
    auto recorded = handovers_.RecordPlanFollowAnswer(actor, *id, input, ContextOf(request));
    if (!recorded) {
        const auto code = recorded.error().code;
        const auto child = handovers_.ChildOfHandover(*id);
        if (!IsCorrectableOnForm(code) || !child || *child == 0) return Fail(request, recorded.error());
        views::FormPageState state;
        state.error_form = "plan_follow";
        state.error_key = recorded.error().message_key;
        return RenderChild(request, actor, *child, HttpStatusFor(code), std::move(state));
    }
    return Response::Redirect("/barn/" + std::to_string(*recorded) + "?planen=1");
}

Response ChildRoutes::HandoverAnswer(const Request& request, const RouteParams& params, const app::Actor& actor,
                                     bool accept) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const app::RequestContext context = ContextOf(request);
    auto answered = accept ? handovers_.Accept(actor, *id, context)
                           : handovers_.Decline(actor, *id, std::string(form->Get("reason")), context);
    if (!answered) return Fail(request, answered.error());
    return Response::Redirect("/start");
}

Response ChildRoutes::HandoverCancel(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto cancelled = handovers_.Cancel(actor, *id, ContextOf(request));
    if (!cancelled) return Fail(request, cancelled.error());
    return Response::Redirect("/start");
}

}  // namespace kronobarn::web
