// Signing in and out, the language, static assets, account activation and the public pages around them.
#pragma once

#include <string>
#include <variant>

#include "app/authentication.hpp"
#include "app/family_accounts.hpp"
#include "app/single_sign_on.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/static_assets.hpp"
#include "web/views/family_pages.hpp"

namespace kronobarn::web {

class SessionRoutes : PageKit {
  public:
    SessionRoutes(const PageKit& kit, app::Authentication& authentication, app::SingleSignOn& sso,
                  app::FamilyAccounts& family_accounts, const StaticAssets& assets)
        : PageKit(kit),
          authentication_(authentication),
          sso_(sso),
          family_accounts_(family_accounts),
          assets_(assets) {}
    void Register(RouteTable& routes) const;

  private:
    Response Healthz(const Request& request, const RouteParams& params) const;
    Response Root(const Request& request, const RouteParams& params) const;
    Response RenderLogin(const Request& request, int status, std::string username, std::string error_key,
                         std::string notice_key) const;
    Response LoginForm(const Request& request, const RouteParams& params) const;
    Response LoginSubmit(const Request& request, const RouteParams& params) const;
    // The session's cookies (and the person's language) on `response`, the sign-in's own cookies gone.
    Response SignedIn(const Request& request, const app::LoginSucceeded& login, Response response) const;
    // The second step (second_step_routes.cpp).
    Response SecondStepCodeForm(const Request& request, const RouteParams& params) const;
    Response SecondStepCodeSubmit(const Request& request, const RouteParams& params) const;
    Response EnrolmentForm(const Request& request, const RouteParams& params) const;
    Response EnrolmentSubmit(const Request& request, const RouteParams& params) const;
    Response RenderSecondStep(const Request& request, int status, std::string_view error_key) const;
    Response RenderEnrolment(const Request& request, int status, std::string_view error_key) const;
    // The code a second-step form posted, or the answer refusing the post (not a form, no CSRF
    // match, no code).
    std::variant<std::string, Response> PostedCode(const Request& request, bool enrolling) const;
    // A refused code: the form again with its message, or the sign-in from the start.
    Response StepRefused(const Request& request, const Error& error, bool enrolling) const;
    // Single sign-on (sso_routes.cpp).
    Response SsoStart(const Request& request, const RouteParams& params) const;
    Response SsoAnswer(const Request& request, const RouteParams& params) const;
    std::string LanguageCookieHeader(std::string_view lang) const;
    Response SetLanguage(const Request& request, const RouteParams& params) const;
    Response Asset(const Request& request, const RouteParams& params) const;
    Response Logout(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    // Signed out here; the page goes on to the provider's end-session endpoint (`at_provider`).
    Response SignedOutAtProvider(const Request& request, const std::string& at_provider) const;
    Response ApiMe(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderActivation(const Request& request, int status, views::ActivationForm form) const;
    Response ActivationUnavailable(const Request& request, int status, std::string_view reason_key) const;
    Response ActivationForm(const Request& request, const RouteParams& params) const;
    Response ActivationSubmit(const Request& request, const RouteParams& params) const;
    Response AccessibilityStatement(const Request& request, const RouteParams& params) const;

    app::Authentication& authentication_;
    app::SingleSignOn& sso_;
    app::FamilyAccounts& family_accounts_;
    const StaticAssets& assets_;
};

}  // namespace kronobarn::web
