// SessionRoutes, continued: single sign-on through an identity provider. The start sends the
// browser to the provider with a cookie of its own; the answer comes back as a cross-site GET, so
// that cookie is SameSite=Lax (it only names the pending sign-in, it opens nothing), and the page
// that follows a success moves on to the start page itself, as a same-site navigation, so the
// session cookie (SameSite=Strict) travels with it.
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/routes/session_routes.hpp"
#include "web/security.hpp"
#include "web/views/pages.hpp"

namespace kronobarn::web {
namespace {

constexpr std::string_view kSsoCookie = "kb_sso";

std::string SsoCookieHeader(std::string_view provider, std::string_view value, bool secure, bool expire) {
    std::string header(kSsoCookie);
    header += "=" + std::string(value) + "; Path=/logga-in/sso/" + std::string(provider) + "; HttpOnly; SameSite=Lax";
    header += expire ? "; Max-Age=0" : "; Max-Age=600";
    if (secure) header += "; Secure";
    return header;
}

}  // namespace

Response SessionRoutes::SsoStart(const Request& request, const RouteParams& params) const {
    const std::string& provider = params.at("provider");
    if (!sso_.Knows(provider)) return NotFound(request);
    auto start = sso_.Begin(provider, ContextOf(request));
    if (!start) return RenderLogin(request, 503, "", "sso.provider_unavailable", "");
    Response response = Response::Redirect(start->redirect_url);
    response.SetHeader("Set-Cookie", SsoCookieHeader(provider, start->browser_token, Options().secure_cookies, false));
    response.SetHeader("Referrer-Policy", "no-referrer");
    return response;
}

Response SessionRoutes::SsoAnswer(const Request& request, const RouteParams& params) const {
    const std::string& provider = params.at("provider");
    if (!sso_.Knows(provider)) return NotFound(request);
    auto login = sso_.Complete(provider, QueryValue(request.query, "state"), QueryValue(request.query, "code"),
                               QueryValue(request.query, "error"), request.Cookie(kSsoCookie), ContextOf(request));
    if (!login) {
        const Error& error = login.error();
        const int status = error.code == ErrorCode::kUnavailable || error.code == ErrorCode::kFailedPrecondition ? 503
                           : error.code == ErrorCode::kNotFound                                                  ? 404
                                                                                                                 : 401;
        const std::string key = status == 503                           ? "sso.provider_unavailable"
                                : error.message_key.starts_with("sso.") ? error.message_key
                                                                        : "sso.refused";
        Response refused = RenderLogin(request, status, "", key, "");
        refused.headers.emplace_back("Set-Cookie",
                                     SsoCookieHeader(provider, "", Options().secure_cookies, /*expire=*/true));
        return refused;
    }
    const Translator t(LanguageOf(request));
    if (const auto* step = std::get_if<app::SecondStepNeeded>(&*login)) {
        // On to the app's code, by a page of ours: the step cookie is SameSite=Strict.
        const std::string next = step->enrol ? "/logga-in/aktivera-app" : "/logga-in/kod";
        views::PageFrame frame{std::string(t("sso.second_step_title")), "/logga-in", {}};
        frame.continue_to = next;
        Response response = HtmlResponse(
            200, views::RenderPage(t, frame, views::OnwardContent(t, "sso.second_step_title", next, "sso.continue")));
        response.headers.emplace_back(
            "Set-Cookie", SessionCookieHeader(kLoginStepCookie, step->step_token, Options().secure_cookies));
        response.headers.emplace_back("Set-Cookie",
                                      SsoCookieHeader(provider, "", Options().secure_cookies, /*expire=*/true));
        return response;
    }
    const auto& signed_in = std::get<app::LoginSucceeded>(*login);
    const std::string onward = signed_in.user.IsFamily() ? "/familj" : "/start";
    views::PageFrame frame{std::string(t("sso.signed_in_title")), "/logga-in", {}};
    frame.continue_to = onward;
    Response response = HtmlResponse(
        200, views::RenderPage(t, frame, views::OnwardContent(t, "sso.signed_in_title", onward, "sso.continue")));
    response.SetHeader("Cache-Control", "no-store");
    response.headers.emplace_back("Set-Cookie",
                                  SsoCookieHeader(provider, "", Options().secure_cookies, /*expire=*/true));
    return SignedIn(request, signed_in, std::move(response));
}

}  // namespace kronobarn::web
