// Handlers for the family's own pages, account activation, the accessibility statement and the
// holder's page for the family's logins. Family pages speak sv, en and ar; a staff account that
// opens them gets "not found" and a denied audit row (WebApp::WithSession), and a family account
// never reaches a staff page's data.
#include <boost/json/serialize.hpp>

#include "common/ids.hpp"
#include "pdf/document.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/plan_forms.hpp"
#include "web/security.hpp"
#include "web/views/family_pages.hpp"
#include "web/views/plan_document.hpp"
#include "web/views/plan_json.hpp"
#include "web/web_app.hpp"

namespace kronobarn::web {
namespace {

std::string ChildPath(domain::ChildId child) { return "/familj/barn/" + std::to_string(child); }

// Which field a family form's error is about, for the error summary's link.
std::string FieldOfEntryError(std::string_view kind) { return "entry-" + std::string(kind); }

}  // namespace

Response WebApp::FamilyPage(const Request& request, const app::Actor& actor, int status, const std::string& title,
                            const Html& content) const {
    const Translator t(LanguageOf(request));
    views::PageFrame frame{title, request.method == "GET" ? request.path : "/familj", SignedInAs(request, actor)};
    Response response;
    response.status = status;
    response.body = views::RenderPage(t, frame, content);
    response.contains_child_data = true;
    return response;
}

views::FamilyFormState WebApp::FamilyState(const Request& request) const {
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

Response WebApp::FamilyHome(const Request& request, const RouteParams&, const app::Actor& actor) const {
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

Response WebApp::RenderFamilyPlan(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                                  views::FamilyFormState state, bool child_page) const {
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

Response WebApp::FamilyPlanShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    return RenderFamilyPlan(request, actor, *id, 200, FamilyState(request), false);
}

Response WebApp::FamilyChildPage(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    return RenderFamilyPlan(request, actor, *id, 200, FamilyState(request), true);
}

Response WebApp::FamilyWrite(const Request& request, const RouteParams& params, const app::Actor& actor) const {
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

Response WebApp::FamilyAgree(const Request& request, const RouteParams& params, const app::Actor& actor) const {
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

Response WebApp::FamilyActionReport(const Request& request, const RouteParams& params, const app::Actor& actor) const {
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

Response WebApp::RenderFamilyConsents(const Request& request, const app::Actor& actor, domain::ChildId child,
                                      int status, views::FamilyFormState state) const {
    auto page = family_view_.Consents(actor, child, ContextOf(request));
    if (!page) return Fail(request, page.error());
    const Translator t(LanguageOf(request));
    return FamilyPage(request, actor, status, t.Format("family.consents.heading", {{"name", page->child_name}}),
                      views::FamilyConsentsContent(t, *page, state));
}

Response WebApp::FamilyConsents(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    return RenderFamilyConsents(request, actor, *id, 200, FamilyState(request));
}

Response WebApp::FamilyConsentChange(const Request& request, const RouteParams& params, const app::Actor& actor,
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

Response WebApp::FamilyPlanFollow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
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

Response WebApp::FamilyAccessLog(const Request& request, const RouteParams& params, const app::Actor& actor) const {
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

// --- Activation (public: the link is the credential) ---

Response WebApp::RenderActivation(const Request& request, int status, views::ActivationForm form) const {
    const Translator t(LanguageOf(request));
    form.csrf_token = crypto::RandomToken(24);
    Response response;
    response.status = status;
    response.body = views::RenderPage(t, {std::string(t("activation.title")), "/aktivera/" + form.token, {}},
                                      views::ActivationContent(t, form));
    response.SetHeader("Set-Cookie", SessionCookieHeader(kLoginCsrfCookie, form.csrf_token, options_.secure_cookies));
    response.SetHeader("Referrer-Policy", "no-referrer");  // the token must not travel onwards
    return response;
}

Response WebApp::ActivationUnavailable(const Request& request, int status, std::string_view reason_key) const {
    const Translator t(LanguageOf(request));
    Response response;
    response.status = status;
    response.body = views::RenderPage(t, {std::string(t("activation.title")), "/logga-in", {}},
                                      views::ActivationUnavailableContent(t, reason_key));
    return response;
}

Response WebApp::ActivationForm(const Request& request, const RouteParams& params) const {
    const std::string token = params.at("token");
    auto info = family_accounts_.CheckActivation(token);
    if (!info) {
        if (info.error().code != ErrorCode::kFailedPrecondition) {
            return Fail(request, info.error());
        }
        return ActivationUnavailable(request, 410, info.error().message_key);
    }
    views::ActivationForm form;
    form.token = token;
    form.display_name = info->display_name;
    return RenderActivation(request, 200, std::move(form));
}

Response WebApp::ActivationSubmit(const Request& request, const RouteParams& params) const {
    if (request.Header("content-type").rfind("application/x-www-form-urlencoded", 0) != 0) {
        return ErrorPage(request, 415, "error.unsupported_media_type");
    }
    const std::string token = params.at("token");
    // A dead link (used, expired) says so even when the form is stale: that is what the person
    // needs to know, and nothing changes before the CSRF check below.
    if (auto info = family_accounts_.CheckActivation(token);
        !info && info.error().code == ErrorCode::kFailedPrecondition) {
        return ActivationUnavailable(request, 410, info.error().message_key);
    }
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    if (!CsrfTokenMatches(request.Cookie(kLoginCsrfCookie), form->Get(kCsrfField))) {
        return ErrorPage(request, 403, "error.csrf");
    }
    const std::string username(form->Get("username"));
    auto activated = family_accounts_.Activate(token, username, std::string(form->Get("password")),
                                               std::string(form->Get("password_repeat")), ContextOf(request));
    if (!activated) {
        const auto& error = activated.error();
        if (error.code == ErrorCode::kFailedPrecondition) return ActivationUnavailable(request, 410, error.message_key);
        if (error.code != ErrorCode::kInvalidArgument && error.code != ErrorCode::kConflict) {
            return ErrorPage(request, HttpStatusFor(error.code), error.message_key);
        }
        auto info = family_accounts_.CheckActivation(token);
        views::ActivationForm again;
        again.token = token;
        again.display_name = info ? info->display_name : "";
        again.username = username;
        again.errors = error.fields;
        if (again.errors.empty()) {
            again.errors.push_back(
                {error.message_key.starts_with("user.username") ? "username" : "password", error.message_key});
        }
        return RenderActivation(request, HttpStatusFor(error.code), std::move(again));
    }
    return Response::Redirect("/logga-in?orsak=aktiverad");
}

Response WebApp::AccessibilityStatement(const Request& request, const RouteParams&) const {
    const Translator t(LanguageOf(request));
    Response response;
    response.body = views::RenderPage(t, {std::string(t("a11y.title")), "/tillganglighet", {}},
                                      views::AccessibilityStatementContent(t));
    return response;
}

// --- Staff: the family's logins ---

Response WebApp::RenderFamilyAccess(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                                    views::FormPageState state,
                                    const std::optional<app::Invitation>& invitation) const {
    auto page = family_accounts_.Page(actor, child, ContextOf(request));
    if (!page) return Fail(request, page.error());
    const Translator t(LanguageOf(request));
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    std::optional<views::ShownInvitation> shown;
    if (invitation) {
        shown = views::ShownInvitation{invitation->for_name, OriginOf(request) + "/aktivera/" + invitation->token,
                                       t.LocalDateTime(invitation->expires_at)};
    }
    Response response = ChildDataPage(request, actor, status, "family.staff.heading",
                                      views::FamilyAccessStaffContent(t, child, *page, state, shown));
    return response;
}

Response WebApp::FamilyAccessShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    views::FormPageState state;
    if (request.query.find("sparat=1") != std::string::npos) state.notice_key = "family.staff.saved";
    return RenderFamilyAccess(request, actor, *id, 200, std::move(state), std::nullopt);
}

Response WebApp::FamilyInvite(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const std::string_view member = form->Get("member");
    std::optional<domain::GuardianId> guardian;
    if (member != "barnet") {
        const auto parsed = ParsePositiveId(member);
        if (!parsed) {
            views::FormPageState state;
            state.error_key = "family.guardian_unknown";
            return RenderFamilyAccess(request, actor, *id, 400, std::move(state), std::nullopt);
        }
        guardian = *parsed;
    }
    auto invitation = family_accounts_.Invite(actor, *id, guardian, ContextOf(request));
    if (!invitation) {
        const auto code = invitation.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), invitation.error().message_key);
        views::FormPageState state;
        state.error_key = invitation.error().message_key;
        return RenderFamilyAccess(request, actor, *id, HttpStatusFor(code), std::move(state), std::nullopt);
    }
    // Shown once, on this response only: no redirect, so the link is not kept in any URL.
    views::FormPageState state;
    return RenderFamilyAccess(request, actor, *id, 200, std::move(state), *invitation);
}

Response WebApp::FamilyRestrict(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    const auto guardian = ParsePositiveId(form->Get("guardian_id"));
    auto restricted = family_accounts_.Restrict(actor, *id, guardian.value_or(0), form->Get("restricted") == "1",
                                                std::string(form->Get("reason")), ContextOf(request));
    if (!restricted) {
        const auto code = restricted.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), restricted.error().message_key);
        views::FormPageState state;
        state.error_key = restricted.error().message_key;
        return RenderFamilyAccess(request, actor, *id, HttpStatusFor(code), std::move(state), std::nullopt);
    }
    return Response::Redirect("/barn/" + std::to_string(*id) + "/familj?sparat=1");
}

}  // namespace kronobarn::web

namespace kronobarn::web {

Response WebApp::PdfResponse(const Request& request, const app::PlanView& view) const {
    const Translator t(LanguageOf(request));
    auto bytes = pdf::RenderPdf(views::PlanDocument(t, view, clock_.Now()));
    if (!bytes) return ErrorPage(request, 500, "error.internal");
    Response response;
    response.content_type = "application/pdf";
    response.body = std::move(*bytes);
    response.contains_child_data = true;
    response.SetHeader("Content-Disposition", "inline; filename=\"barnets-plan.pdf\"");
    return response;
}

Response WebApp::FamilyPlanPdf(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto view = family_view_.Plan(actor, *id, ContextOf(request), "export_pdf");
    if (!view) return Fail(request, view.error());
    return PdfResponse(request, *view);
}

Response WebApp::StaffPlanPdf(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto view = plans_.View(actor, *id, ContextOf(request), false, "export_pdf");
    if (!view) return Fail(request, view.error());
    return PdfResponse(request, *view);
}

}  // namespace kronobarn::web

namespace kronobarn::web {

Response WebApp::JsonResponse(const Request& request, const Result<app::PlanView>& view) const {
    if (!view) return ApiFail(request, view.error());
    Response response;
    response.content_type = "application/json";
    response.body = boost::json::serialize(views::PlanJson(*view));
    return response;
}

Response WebApp::StaffPlanJson(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ApiError(request, 404, "error.not_found");
    return JsonResponse(request, plans_.View(actor, *id, ContextOf(request)));
}

Response WebApp::FamilyPlanJson(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ApiError(request, 404, "error.not_found");
    return JsonResponse(request, family_view_.Plan(actor, *id, ContextOf(request)));
}

}  // namespace kronobarn::web
