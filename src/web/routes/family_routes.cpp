#include "web/routes/family_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/plan_exports.hpp"
#include "web/plan_forms.hpp"
#include "web/security.hpp"

namespace kronobarn::web {
namespace {

std::string ChildPath(domain::ChildId child) { return "/familj/barn/" + std::to_string(child); }

// Which field a family form's error is about, for the error summary's link.
std::string FieldOfEntryError(std::string_view kind) { return "entry-" + std::string(kind); }

}  // namespace

void FamilyRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/api/v1/familj/barn/{id}/plan", Bind(this, &FamilyRoutes::FamilyPlanJson),
                      {"child", Audience::kFamily, /*api=*/true});
    routes.AddSession("GET", "/familj", Bind(this, &FamilyRoutes::FamilyHome), {"", Audience::kFamily});
    routes.AddSession("GET", "/familj/barn/{id}", Bind(this, &FamilyRoutes::FamilyPlanShow),
                      {"child", Audience::kFamily});
    routes.AddSession("POST", "/familj/barn/{id}/mina-ord", Bind(this, &FamilyRoutes::FamilyWrite),
                      {"child", Audience::kFamily});
    routes.AddSession("POST", "/familj/barn/{id}/insats", Bind(this, &FamilyRoutes::FamilyActionReport),
                      {"child", Audience::kFamily});
    routes.AddSession("POST", "/familj/barn/{id}/med-pa-planen", Bind(this, &FamilyRoutes::FamilyAgree),
                      {"child", Audience::kFamily});
    routes.AddSession("POST", "/familj/overlamningar/{id}/planen-foljer-med",
                      Bind(this, &FamilyRoutes::FamilyPlanFollow), {"handover", Audience::kFamily});
    routes.AddSession("GET", "/familj/barn/{id}/barnets-sida", Bind(this, &FamilyRoutes::FamilyChildPage),
                      {"child", Audience::kFamily});
    routes.AddSession("POST", "/familj/barn/{id}/barnets-ord", Bind(this, &FamilyRoutes::FamilyWrite),
                      {"child", Audience::kFamily});
    routes.AddSession("GET", "/familj/barn/{id}/samtycken", Bind(this, &FamilyRoutes::FamilyConsents),
                      {"child", Audience::kFamily});
    routes.AddSession("POST", "/familj/samtycken/{id}/aterkalla", Bind(this, &FamilyRoutes::FamilyConsentWithdraw),
                      {"consent", Audience::kFamily});
    routes.AddSession("POST", "/familj/samtycken/{id}/ge", Bind(this, &FamilyRoutes::FamilyConsentGive),
                      {"consent", Audience::kFamily});
    routes.AddSession("GET", "/familj/barn/{id}/vem-har-oppnat", Bind(this, &FamilyRoutes::FamilyAccessLog),
                      {"child", Audience::kFamily});
    routes.AddSession("GET", "/familj/barn/{id}/plan.pdf", Bind(this, &FamilyRoutes::FamilyPlanPdf),
                      {"child", Audience::kFamily});
}

Response FamilyRoutes::FamilyPage(const Request& request, const app::Actor& actor, int status, const std::string& title,
                                  const Html& content) const {
    const Translator t(LanguageOf(request));
    views::PageFrame frame{title, request.method == "GET" ? request.path : "/familj", SignedInAs(request, actor)};
    Response response;
    response.status = status;
    response.body = views::RenderPage(t, frame, content);
    response.contains_child_data = true;
    return response;
}

views::FamilyFormState FamilyRoutes::FamilyState(const Request& request) const {
    views::FamilyFormState state;
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    if (request.query.find("sparat=1") != std::string::npos) state.notice_key = "family.saved";
    if (request.query.find("aterkallat=1") != std::string::npos) state.notice_key = "family.consents.withdrawn";
    if (request.query.find("givet=1") != std::string::npos) state.notice_key = "family.consents.given";
    if (request.query.find("rapporterat=1") != std::string::npos) state.notice_key = "family.action.reported";
    if (request.query.find("med=1") != std::string::npos) state.notice_key = "family.agree.done";
    if (request.query.find("planen=1") != std::string::npos) state.notice_key = "family.plan_follow.recorded";
    return state;
}

Response FamilyRoutes::FamilyHome(const Request& request, const RouteParams&, const app::Actor& actor) const {
    if (!actor.user.IsFamily()) return Response::Redirect("/start");
    auto children = family_view_.Children(actor, ContextOf(request));
    if (!children) return Fail(request, children.error());
    // A child signing in goes straight to its own page.
    if (children->size() == 1 && children->front().child_self) {
        return Response::Redirect(ChildPath(children->front().child_id) + "/barnets-sida");
    }
    const Translator t(LanguageOf(request));
    return FamilyPage(request, actor, 200, std::string(t("family.home.title")),
                      views::FamilyHomeContent(t, actor.user.display_name, *children));
}

Response FamilyRoutes::RenderFamilyPlan(const Request& request, const app::Actor& actor, domain::ChildId child,
                                        int status, views::FamilyFormState state, bool child_page) const {
    auto view = family_view_.Plan(actor, child, ContextOf(request));
    if (!view) return Fail(request, view.error());
    const Translator t(LanguageOf(request));
    const bool child_self = view->basis == domain::LegalBasis::kChildSelf;
    if (child_page || child_self) {
        return FamilyPage(request, actor, status, std::string(t("child_page.title")),
                          views::ChildOwnPageContent(t, *view, child, child_self, state));
    }
    return FamilyPage(request, actor, status, t.Format("family.plan.heading", {{"name", view->child_name}}),
                      views::FamilyPlanContent(t, *view, child, state));
}

Response FamilyRoutes::FamilyPlanShow(const Request& request, const RouteParams& params,
                                      const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    return RenderFamilyPlan(request, actor, *id, 200, FamilyState(request), false);
}

Response FamilyRoutes::FamilyChildPage(const Request& request, const RouteParams& params,
                                       const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    return RenderFamilyPlan(request, actor, *id, 200, FamilyState(request), true);
}

Response FamilyRoutes::FamilyWrite(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const std::string kind(form->Get("kind"));
    const std::string text(form->Get("text"));
    const bool child_page = request.path.ends_with("/barnets-ord");
    auto written = family_view_.Write(actor, *id, kind, text, ContextOf(request));
    if (!written) {
        const auto code = written.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), written.error().message_key);
        views::FamilyFormState state = FamilyState(request);
        state.error_key = written.error().message_key;
        state.error_field = FieldOfEntryError(kind);
        state.typed["text"] = text;  // nothing the family wrote is lost
        return RenderFamilyPlan(request, actor, *id, HttpStatusFor(code), std::move(state), child_page);
    }
    return Response::Redirect(ChildPath(*id) + (child_page ? "/barnets-sida" : "") + "?sparat=1");
}

Response FamilyRoutes::FamilyAgree(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    const Status agreed = family_view_.AgreeToPlan(actor, *id, ContextOf(request));
    if (!agreed) {
        const auto code = agreed.error().code;
        if (code != ErrorCode::kFailedPrecondition) return Fail(request, agreed.error());
        // The plan changed under the guardian (agreed meanwhile, or no longer ready): say so on it.
        views::FamilyFormState state = FamilyState(request);
        state.error_key = agreed.error().message_key;
        return RenderFamilyPlan(request, actor, *id, HttpStatusFor(code), std::move(state), false);
    }
    return Response::Redirect(ChildPath(*id) + "?med=1#agreement");
}

Response FamilyRoutes::FamilyActionReport(const Request& request, const RouteParams& params,
                                          const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    auto report = ParseActionReportForm(*form);
    Status saved =
        report ? family_view_.ReportOnAction(actor, *id, *report, ContextOf(request)) : Status(report.error());
    if (!saved) {
        const auto code = saved.error().code;
        if (!IsCorrectableOnForm(code)) return Fail(request, saved.error());
        views::FamilyFormState state = FamilyState(request);
        state.error_key = saved.error().message_key;
        const auto action = ParsePositiveId(form->Get("action_id"));
        if (action) state.error_field = "action-" + std::to_string(*action) + "-status";
        return RenderFamilyPlan(request, actor, *id, HttpStatusFor(code), std::move(state), false);
    }
    return Response::Redirect(ChildPath(*id) + "?rapporterat=1#who-does-what");
}

Response FamilyRoutes::RenderFamilyConsents(const Request& request, const app::Actor& actor, domain::ChildId child,
                                            int status, views::FamilyFormState state) const {
    auto page = family_view_.Consents(actor, child, ContextOf(request));
    if (!page) return Fail(request, page.error());
    const Translator t(LanguageOf(request));
    return FamilyPage(request, actor, status, t.Format("family.consents.heading", {{"name", page->child_name}}),
                      views::FamilyConsentsContent(t, *page, state));
}

Response FamilyRoutes::FamilyConsents(const Request& request, const RouteParams& params,
                                      const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    return RenderFamilyConsents(request, actor, *id, 200, FamilyState(request));
}

Response FamilyRoutes::FamilyConsentChange(const Request& request, const RouteParams& params, const app::Actor& actor,
                                           bool give) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto changed = give ? family_view_.GiveConsent(actor, *id, ContextOf(request))
                        : family_view_.WithdrawConsent(actor, *id, ContextOf(request));
    if (!changed) {
        const auto code = changed.error().code;
        if (code != ErrorCode::kFailedPrecondition) {
            return ErrorPage(request, HttpStatusFor(code), changed.error().message_key);
        }
        // Already withdrawn (another guardian, another tab) or expired: say so on the same page.
        auto child = family_view_.ChildOfConsent(*id);
        if (!child) return Fail(request, child.error());
        views::FamilyFormState state = FamilyState(request);
        state.error_key = changed.error().message_key;
        return RenderFamilyConsents(request, actor, *child, 409, std::move(state));
    }
    return Response::Redirect(ChildPath(*changed) + "/samtycken?" + (give ? "givet=1" : "aterkallat=1"));
}

Response FamilyRoutes::FamilyPlanFollow(const Request& request, const RouteParams& params,
                                        const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const auto answer = domain::ParsePlanFollowAnswerKind(form->Get("answer"));
    auto answered = family_view_.AnswerPlanFollow(actor, *id, *answer, ContextOf(request));
    if (!answered) {
        const auto code = answered.error().code;
        if (!IsCorrectableOnForm(code)) return Fail(request, answered.error());
        // Answered meanwhile (the handover was accepted or withdrawn): say so on the same page.
        auto child = handovers_.ChildOfHandover(*id);
        if (!child) return Fail(request, child.error());
        views::FamilyFormState state = FamilyState(request);
        const std::string& key = answered.error().message_key;
        state.error_key = key.starts_with("family.")            ? key
                          : code == ErrorCode::kInvalidArgument ? "family.plan_follow.not_asked"
                                                                : "family.plan_follow.closed";
        return RenderFamilyConsents(request, actor, *child, HttpStatusFor(code), std::move(state));
    }
    return Response::Redirect(ChildPath(*answered) + "/samtycken?planen=1");
}

Response FamilyRoutes::FamilyAccessLog(const Request& request, const RouteParams& params,
                                       const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    std::optional<std::int64_t> before;
    if (const std::string fore = QueryValue(request.query, "fore"); !fore.empty()) {
        before = ParsePositiveId(fore);
        if (!before) return ErrorPage(request, 400, "family.log.bad_page");
    }
    auto log = family_view_.AccessLog(actor, *id, before, ContextOf(request));
    if (!log) return Fail(request, log.error());
    const Translator t(LanguageOf(request));
    return FamilyPage(request, actor, 200, t.Format("family.log.heading", {{"name", log->child_name}}),
                      views::FamilyAccessLogContent(t, *log));
}

Response FamilyRoutes::FamilyPlanPdf(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto view = family_view_.Plan(actor, *id, ContextOf(request), "export_pdf");
    if (!view) return Fail(request, view.error());
    return PlanPdfResponse(*this, request, *view);
}

Response FamilyRoutes::FamilyPlanJson(const Request& request, const RouteParams& params,
                                      const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ApiError(request, 404, "error.not_found");
    return PlanJsonResponse(*this, request, family_view_.Plan(actor, *id, ContextOf(request)));
}

}  // namespace kronobarn::web
