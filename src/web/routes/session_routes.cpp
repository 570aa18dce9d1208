#include "web/routes/session_routes.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "common/crypto.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"
#include "web/views/pages.hpp"

namespace kronobarn::web {

void SessionRoutes::Register(RouteTable& routes) const {
    routes.AddPublic("GET", "/healthz", Bind(this, &SessionRoutes::Healthz));
    routes.AddPublic("GET", "/", Bind(this, &SessionRoutes::Root));
    routes.AddPublic("GET", "/logga-in", Bind(this, &SessionRoutes::LoginForm));
    routes.AddPublic("POST", "/logga-in", Bind(this, &SessionRoutes::LoginSubmit));
    // The second step: the step cookie is the credential, good for one sign-in and ten minutes.
    routes.AddPublic("GET", "/logga-in/kod", Bind(this, &SessionRoutes::SecondStepCodeForm));
    routes.AddPublic("POST", "/logga-in/kod", Bind(this, &SessionRoutes::SecondStepCodeSubmit));
    routes.AddPublic("GET", "/logga-in/aktivera-app", Bind(this, &SessionRoutes::EnrolmentForm));
    routes.AddPublic("POST", "/logga-in/aktivera-app", Bind(this, &SessionRoutes::EnrolmentSubmit));
    // Single sign-on: to the provider, and its answer (the state and a cookie of this browser are
    // the credential).
    routes.AddPublic("GET", "/logga-in/sso/{provider}", Bind(this, &SessionRoutes::SsoStart));
    routes.AddPublic("GET", "/logga-in/sso/{provider}/svar", Bind(this, &SessionRoutes::SsoAnswer));
    routes.AddPublic("GET", "/sprak/{lang}", Bind(this, &SessionRoutes::SetLanguage));
    routes.AddPublic("GET", "/assets/*", Bind(this, &SessionRoutes::Asset));
    routes.AddSession("POST", "/logga-ut", Bind(this, &SessionRoutes::Logout), {"", Audience::kAnyone});
    routes.AddSession("GET", "/api/v1/me", Bind(this, &SessionRoutes::ApiMe), {"", Audience::kAnyone, /*api=*/true});
    routes.AddPublic("GET", "/aktivera/{token}", Bind(this, &SessionRoutes::ActivationForm));
    routes.AddPublic("POST", "/aktivera/{token}", Bind(this, &SessionRoutes::ActivationSubmit));
    routes.AddPublic("GET", "/tillganglighet", Bind(this, &SessionRoutes::AccessibilityStatement));
}

Response SessionRoutes::Healthz(const Request&, const RouteParams&) const {
    Response response;
    response.content_type = "text/plain; charset=utf-8";
    response.body = "ok\n";
    return response;
}

Response SessionRoutes::Root(const Request& request, const RouteParams&) const {
    return Response::Redirect(request.Cookie(kSessionCookie).empty() ? "/logga-in" : "/start");
}

Response SessionRoutes::RenderLogin(const Request& request, int status, std::string username, std::string error_key,
                                    std::string notice_key) const {
    const Translator t(LanguageOf(request));
    // A fresh double-submit token per form render: the cookie and the hidden field must agree.
    views::LoginForm form{std::move(username),     std::move(error_key),    std::move(notice_key),
                          crypto::RandomToken(24), Options().sso_providers, Options().family_sso_providers};
    Response response = HtmlResponse(
        status, views::RenderPage(t, {std::string(t("login.title")), "/logga-in", {}}, views::LoginContent(t, form)));
    response.SetHeader("Set-Cookie", SessionCookieHeader(kLoginCsrfCookie, form.csrf_token, Options().secure_cookies));
    return response;
}

Response SessionRoutes::LoginForm(const Request& request, const RouteParams&) const {
    const bool timed_out = request.query.find("orsak=utloggad") != std::string::npos;
    const bool activated = request.query.find("orsak=aktiverad") != std::string::npos;
    const bool step_expired = request.query.find("orsak=steg") != std::string::npos;
    return RenderLogin(request, 200, "", "",
                       timed_out      ? "session.expired"
                       : activated    ? "activation.done"
                       : step_expired ? "login.step_expired"
                                      : "");
}

Response SessionRoutes::LoginSubmit(const Request& request, const RouteParams&) const {
    if (!IsFormPost(request)) return ErrorPage(request, 415, "error.unsupported_media_type");
    auto form = ParseForm(request.body);
    if (!form) return RenderLogin(request, 400, "", form.error().message_key, "");
    const std::string username(form->Get("username"));
    if (!CsrfTokenMatches(request.Cookie(kLoginCsrfCookie), form->Get(kCsrfField))) {
        return ErrorPage(request, 403, "error.csrf");
    }
    if (username.empty() || form->Get("password").empty())
        return RenderLogin(request, 400, username, "login.missing", "");

    auto login = authentication_.Login(username, form->Get("password"), ContextOf(request));
    if (!login) {
        const auto code = login.error().code;
        if (code == ErrorCode::kUnauthenticated || code == ErrorCode::kResourceExhausted) {
            return RenderLogin(request, HttpStatusFor(code), username, login.error().message_key, "");
        }
        return ErrorPage(request, HttpStatusFor(code), login.error().message_key);
    }
    if (const auto* step = std::get_if<app::SecondStepNeeded>(&*login)) {
        Response response = Response::Redirect(step->enrol ? "/logga-in/aktivera-app" : "/logga-in/kod");
        response.headers.emplace_back(
            "Set-Cookie", SessionCookieHeader(kLoginStepCookie, step->step_token, Options().secure_cookies));
        return response;
    }
    const auto& signed_in = std::get<app::LoginSucceeded>(*login);
    return SignedIn(request, signed_in, Response::Redirect(signed_in.user.IsFamily() ? "/familj" : "/start"));
}

Response SessionRoutes::SignedIn(const Request& request, const app::LoginSucceeded& login, Response response) const {
    const bool secure = Options().secure_cookies;
    response.headers.emplace_back("Set-Cookie", SessionCookieHeader(kSessionCookie, login.session_token, secure));
    response.headers.emplace_back("Set-Cookie", ExpiredCookieHeader(kLoginCsrfCookie, secure));
    if (!request.Cookie(kLoginStepCookie).empty()) {
        response.headers.emplace_back("Set-Cookie", ExpiredCookieHeader(kLoginStepCookie, secure));
    }
    // The language the person chose last time, on whatever device they used.
    const std::string& preferred = login.user.preferred_language;
    if (preferred != "sv" && preferred != request.Cookie(kLanguageCookie) && Catalogue::Instance().IsKnown(preferred)) {
        response.headers.emplace_back("Set-Cookie", LanguageCookieHeader(preferred));
    }
    return response;
}

std::string SessionRoutes::LanguageCookieHeader(std::string_view lang) const {
    return std::string(kLanguageCookie) + "=" + std::string(lang) + "; Path=/; Max-Age=31536000; SameSite=Lax" +
           (Options().secure_cookies ? "; Secure" : "");
}

Response SessionRoutes::SetLanguage(const Request& request, const RouteParams& params) const {
    if (!Catalogue::Instance().IsKnown(params.at("lang"))) return ErrorPage(request, 400, "language.unknown");
    const std::string_view lang = Catalogue::Instance().Resolve(params.at("lang"), true);
    std::string back = "/";
    if (const auto pos = request.query.find("tillbaka="); pos != std::string::npos) {
        std::string candidate = request.query.substr(pos + 9);
        candidate = candidate.substr(0, candidate.find('&'));
        if (IsLocalPath(candidate)) back = candidate;
    }
    // A display preference only (no child data, nothing another user sees), so a GET link is fine
    // here. A signed-in person's choice is remembered on the account too.
    if (auto actor = authentication_.Authenticate(request.Cookie(kSessionCookie))) {
        if (auto saved = authentication_.SetPreferredLanguage(*actor, lang); !saved) {
            log::Warn("language_not_saved", {{"request_id", request.request_id}});
        }
    }
    Response response = Response::Redirect(back);
    response.SetHeader("Set-Cookie", LanguageCookieHeader(lang));
    return response;
}

Response SessionRoutes::Asset(const Request& request, const RouteParams& params) const {
    return assets_.Serve(request, params.at("*"));
}

Response SessionRoutes::Logout(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto logged_out = authentication_.Logout(actor, ContextOf(request));
    if (!logged_out) return Fail(request, logged_out.error());
    // A session proven by a provider ends there too (RP-initiated logout), which then sends the
    // browser back to our login page.
    const std::string at_provider = sso_.ProviderLogoutUrl(actor.sign_in_method, Options().public_url + "/logga-in");
    // Onward to the provider from a page of ours, not by redirecting the form post: the browser
    // holds a form's redirects to form-action 'self' (our CSP) and would stop there.
    Response response =
        at_provider.empty() ? Response::Redirect("/logga-in") : SignedOutAtProvider(request, at_provider);
    response.SetHeader("Set-Cookie", ExpiredCookieHeader(kSessionCookie, Options().secure_cookies));
    return response;
}

Response SessionRoutes::SignedOutAtProvider(const Request& request, const std::string& at_provider) const {
    const Translator t(LanguageOf(request));
    views::PageFrame frame{std::string(t("sso.signed_out_title")), "/logga-in", {}};
    frame.continue_to = at_provider;
    return HtmlResponse(
        200, views::RenderPage(
                 t, frame, views::OnwardContent(t, "sso.signed_out_title", at_provider, "sso.signed_out_continue")));
}

Response SessionRoutes::ApiMe(const Request&, const RouteParams&, const app::Actor& actor) const {
    boost::json::array roles;
    for (const auto& assignment : actor.user.roles) {
        roles.push_back({{"role", domain::Code(assignment.role)}, {"unit_id", assignment.unit_id}});
    }
    boost::json::object body{
        {"username", actor.user.username}, {"display_name", actor.user.display_name}, {"roles", std::move(roles)}};
    Response response;
    response.content_type = "application/json";
    response.body = boost::json::serialize(body);
    return response;
}

Response SessionRoutes::RenderActivation(const Request& request, int status, views::ActivationForm form) const {
    const Translator t(LanguageOf(request));
    form.csrf_token = crypto::RandomToken(24);
    Response response;
    response.status = status;
    response.body = views::RenderPage(t, {std::string(t("activation.title")), "/aktivera/" + form.token, {}},
                                      views::ActivationContent(t, form));
    response.SetHeader("Set-Cookie", SessionCookieHeader(kLoginCsrfCookie, form.csrf_token, Options().secure_cookies));
    response.SetHeader("Referrer-Policy", "no-referrer");  // the token must not travel onwards
    return response;
}

Response SessionRoutes::ActivationUnavailable(const Request& request, int status, std::string_view reason_key) const {
    const Translator t(LanguageOf(request));
    Response response;
    response.status = status;
    response.body = views::RenderPage(t, {std::string(t("activation.title")), "/logga-in", {}},
                                      views::ActivationUnavailableContent(t, reason_key));
    return response;
}

Response SessionRoutes::ActivationForm(const Request& request, const RouteParams& params) const {
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
    form.username = info->fixed_username;
    form.username_fixed = !info->fixed_username.empty();
    return RenderActivation(request, 200, std::move(form));
}

Response SessionRoutes::ActivationSubmit(const Request& request, const RouteParams& params) const {
    if (!IsFormPost(request)) return ErrorPage(request, 415, "error.unsupported_media_type");
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
        again.username = info && !info->fixed_username.empty() ? info->fixed_username : username;
        again.username_fixed = info && !info->fixed_username.empty();
        again.errors = error.fields;
        if (again.errors.empty()) {
            again.errors.push_back(
                {error.message_key.starts_with("user.username") ? "username" : "password", error.message_key});
        }
        return RenderActivation(request, HttpStatusFor(error.code), std::move(again));
    }
    return Response::Redirect("/logga-in?orsak=aktiverad");
}

Response SessionRoutes::AccessibilityStatement(const Request& request, const RouteParams&) const {
    const Translator t(LanguageOf(request));
    Response response;
    response.body = views::RenderPage(t, {std::string(t("a11y.title")), "/tillganglighet", {}},
                                      views::AccessibilityStatementContent(t));
    return response;
}

}  // namespace kronobarn::web
