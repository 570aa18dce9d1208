// SessionRoutes, continued: the second step of a sign-in (a code from the authenticator app or a
// recovery code; setting the app up the first time). The step cookie is the only credential here,
// and it opens nothing but these pages.
#include "common/crypto.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/routes/session_routes.hpp"
#include "web/security.hpp"
#include "web/views/pages.hpp"
#include "web/views/second_step_pages.hpp"

namespace kronobarn::web {
namespace {

// A step that is gone (used, too old, its account closed) starts the sign-in over, with a word why.
Response StartOver() { return Response::Redirect("/logga-in?orsak=steg"); }

}  // namespace

Response SessionRoutes::RenderSecondStep(const Request& request, int status, std::string_view error_key) const {
    const Translator t(LanguageOf(request));
    views::SecondStepForm form{crypto::RandomToken(24), std::string(error_key)};
    Response response =
        HtmlResponse(status, views::RenderPage(t, {std::string(t("second_factor.code_title")), "/logga-in/kod", {}},
                                               views::SecondStepCodeContent(t, form)));
    response.SetHeader("Set-Cookie", SessionCookieHeader(kLoginCsrfCookie, form.csrf_token, Options().secure_cookies));
    return response;
}

Response SessionRoutes::RenderEnrolment(const Request& request, int status, std::string_view error_key) const {
    auto enrolment = authentication_.BeginEnrolment(request.Cookie(kLoginStepCookie));
    if (!enrolment) {
        if (enrolment.error().code == ErrorCode::kUnauthenticated) return StartOver();
        if (enrolment.error().code == ErrorCode::kFailedPrecondition) return Response::Redirect("/logga-in/kod");
        return Fail(request, enrolment.error());
    }
    const Translator t(LanguageOf(request));
    views::EnrolmentForm form{{crypto::RandomToken(24), std::string(error_key)}, enrolment->secret, enrolment->uri};
    Response response = HtmlResponse(
        status, views::RenderPage(t, {std::string(t("second_factor.enrol_title")), "/logga-in/aktivera-app", {}},
                                  views::EnrolmentContent(t, form)));
    response.SetHeader("Set-Cookie",
                       SessionCookieHeader(kLoginCsrfCookie, form.form.csrf_token, Options().secure_cookies));
    response.SetHeader("Cache-Control", "no-store");  // the secret must not stay in a cache
    return response;
}

Response SessionRoutes::SecondStepCodeForm(const Request& request, const RouteParams&) const {
    auto pending = authentication_.PendingStep(request.Cookie(kLoginStepCookie));
    if (!pending)
        return pending.error().code == ErrorCode::kUnauthenticated ? StartOver() : Fail(request, pending.error());
    if (pending->enrol) return Response::Redirect("/logga-in/aktivera-app");
    return RenderSecondStep(request, 200, "");
}

std::variant<std::string, Response> SessionRoutes::PostedCode(const Request& request, bool enrolling) const {
    if (!IsFormPost(request)) return ErrorPage(request, 415, "error.unsupported_media_type");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    if (!CsrfTokenMatches(request.Cookie(kLoginCsrfCookie), form->Get(kCsrfField))) {
        return ErrorPage(request, 403, "error.csrf");
    }
    std::string code(form->Get("code"));
    if (code.empty()) {
        return enrolling ? RenderEnrolment(request, 400, "second_factor.code_missing")
                         : RenderSecondStep(request, 400, "second_factor.code_missing");
    }
    return code;
}

Response SessionRoutes::StepRefused(const Request& request, const Error& error, bool enrolling) const {
    if (error.code == ErrorCode::kUnauthenticated) return StartOver();
    if (error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kResourceExhausted) {
        const int status = HttpStatusFor(error.code);
        return enrolling ? RenderEnrolment(request, status, error.message_key)
                         : RenderSecondStep(request, status, error.message_key);
    }
    return Fail(request, error);
}

Response SessionRoutes::SecondStepCodeSubmit(const Request& request, const RouteParams&) const {
    auto code = PostedCode(request, /*enrolling=*/false);
    if (auto* refused = std::get_if<Response>(&code)) return std::move(*refused);
    auto login = authentication_.CompleteWithCode(request.Cookie(kLoginStepCookie), std::get<std::string>(code),
                                                  ContextOf(request));
    if (!login) return StepRefused(request, login.error(), /*enrolling=*/false);
    return SignedIn(request, *login, Response::Redirect(login->user.IsFamily() ? "/familj" : "/start"));
}

Response SessionRoutes::EnrolmentForm(const Request& request, const RouteParams&) const {
    return RenderEnrolment(request, 200, "");
}

Response SessionRoutes::EnrolmentSubmit(const Request& request, const RouteParams&) const {
    auto code = PostedCode(request, /*enrolling=*/true);
    if (auto* refused = std::get_if<Response>(&code)) return std::move(*refused);
    auto done = authentication_.CompleteEnrolment(request.Cookie(kLoginStepCookie), std::get<std::string>(code),
                                                  ContextOf(request));
    if (!done) return StepRefused(request, done.error(), /*enrolling=*/true);
    // The recovery codes are shown in this answer and nowhere else, ever.
    const Translator t(LanguageOf(request));
    const std::string onward = done->login.user.IsFamily() ? "/familj" : "/start";
    Response response =
        HtmlResponse(200, views::RenderPage(t, {std::string(t("second_factor.codes_title")), onward, {}},
                                            views::RecoveryCodesContent(t, done->recovery_codes, onward)));
    response.SetHeader("Cache-Control", "no-store");
    return SignedIn(request, done->login, std::move(response));
}

}  // namespace kronobarn::web
