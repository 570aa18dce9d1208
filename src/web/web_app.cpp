#include "web/web_app.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cctype>
#include <charconv>
#include <exception>
#include <optional>

#include "app/start_page.hpp"
#include "common/crypto.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/security.hpp"
#include "web/views/concern_pages.hpp"
#include "web/views/layout.hpp"
#include "web/views/pages.hpp"

namespace kronobarn::web {
namespace {

// The start page lists this many of the oldest unanswered signals; /inkorg lists them all.
constexpr std::size_t kStartPageInboxRows = 20;

bool IsFormPost(const Request& request) {
    const std::string_view type = request.Header("content-type");
    return type.rfind("application/x-www-form-urlencoded", 0) == 0;
}

Response HtmlResponse(int status, std::string body) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

}  // namespace

WebApp::WebApp(AppServices services, const Clock& clock, const StaticAssets& assets, WebOptions options)
    : authentication_(services.authentication),
      concerns_(services.concerns),
      wheel_(services.wheel),
      handovers_(services.handovers),
      consents_(services.consents),
      plans_(services.plans),
      children_(services.children),
      catalogue_(services.catalogue),
      family_accounts_(services.family_accounts),
      family_view_(services.family_view),
      emergency_(services.emergency),
      log_reviews_(services.log_reviews),
      statistics_(services.statistics),
      refusals_(services.refusals),
      start_pages_(services.start_pages),
      clock_(clock),
      assets_(assets),
      options_(options) {
    AddRoutes();
}

void WebApp::AddRoutes() {
    auto bind = [this](Response (WebApp::*method)(const Request&, const RouteParams&) const) -> Handler {
        return [this, method](const Request& request, const RouteParams& params) {
            return (this->*method)(request, params);
        };
    };
    router_.Add("GET", "/healthz", bind(&WebApp::Healthz));
    router_.Add("GET", "/", bind(&WebApp::Root));
    router_.Add("GET", "/logga-in", bind(&WebApp::LoginForm));
    router_.Add("POST", "/logga-in", bind(&WebApp::LoginSubmit));
    router_.Add("GET", "/sprak/{lang}", bind(&WebApp::SetLanguage));
    router_.Add("GET", "/assets/*", bind(&WebApp::Asset));
    AddSessionRoute("POST", "/logga-ut", &WebApp::Logout, "", Audience::kAnyone);
    AddSessionRoute("GET", "/start", &WebApp::Start, "", Audience::kAnyone);
    AddSessionRoute("GET", "/api/v1/me", &WebApp::ApiMe, "", Audience::kAnyone, /*api=*/true);
    AddSessionRoute("GET", "/oro/ny", &WebApp::ConcernNew);
    AddSessionRoute("GET", "/inkorg", &WebApp::InboxShow);
    AddSessionRoute("GET", "/nodatkomst", &WebApp::EmergencyForm);
    AddSessionRoute("POST", "/nodatkomst", &WebApp::EmergencyRequest);
    AddSessionRoute("GET", "/loggkontroll", &WebApp::LogReviewShow);
    AddSessionRoute("POST", "/loggkontroll/granskningar", &WebApp::LogReviewRecord);
    AddSessionRoute("GET", "/statistik", &WebApp::StatisticsShow);
    AddSessionRoute("GET", "/statistik.csv", &WebApp::StatisticsDownload);
    AddSessionRoute("POST", "/oro", &WebApp::ConcernCreate);
    AddSessionRoute("GET", "/oro/{id}", &WebApp::ConcernShow, "concern");
    AddSessionRoute("POST", "/oro/{id}/beslut", &WebApp::ConcernDecide, "concern");
    AddSessionRoute("POST", "/oro/{id}/overlamning", &WebApp::ConcernHandover, "concern");
    AddSessionRoute("POST", "/overlamningar/{id}/godkann", &WebApp::HandoverAccept, "handover");
    AddSessionRoute("POST", "/overlamningar/{id}/avbojs", &WebApp::HandoverDecline, "handover");
    AddSessionRoute("POST", "/overlamningar/{id}/aterkalla", &WebApp::HandoverCancel, "handover");
    AddSessionRoute("POST", "/overlamningar/{id}/planen-foljer-med", &WebApp::HandoverPlanFollow, "handover");
    AddSessionRoute("POST", "/oro/{id}/samverkan", &WebApp::ConcernCollaborate, "concern");
    AddSessionRoute("GET", "/planer/{id}", &WebApp::PlanShow, "plan");
    AddSessionRoute("GET", "/planer/{id}/historik", &WebApp::PlanHistory, "plan");
    AddSessionRoute("POST", "/planer/{id}/grunduppgifter", &WebApp::PlanBasics, "plan");
    AddSessionRoute("POST", "/planer/{id}/deltagare", &WebApp::PlanParticipant, "plan");
    AddSessionRoute("POST", "/planer/{id}/mal", &WebApp::PlanGoal, "plan");
    AddSessionRoute("POST", "/planer/{id}/insatser", &WebApp::PlanAction, "plan");
    AddSessionRoute("POST", "/planer/{id}/moten", &WebApp::PlanMeeting, "plan");
    AddSessionRoute("POST", "/planer/{id}/uppratta", &WebApp::PlanAgree, "plan");
    AddSessionRoute("POST", "/planer/{id}/avsluta", &WebApp::PlanClose, "plan");
    AddSessionRoute("POST", "/planer/{id}/samverkansansvar", &WebApp::PlanCollaborationHandover, "plan");
    AddSessionRoute("POST", "/planer/{id}/mal/andra", &WebApp::PlanGoalEdit, "plan");
    AddSessionRoute("POST", "/planer/{id}/mal/ta-bort", &WebApp::PlanGoalRemove, "plan");
    AddSessionRoute("POST", "/planer/{id}/insatser/andra", &WebApp::PlanActionEdit, "plan");
    AddSessionRoute("POST", "/planer/{id}/insatser/ta-bort", &WebApp::PlanActionRemove, "plan");
    AddSessionRoute("POST", "/planer/{id}/insatser/rapport", &WebApp::PlanActionReport, "plan");
    AddSessionRoute("POST", "/planer/{id}/deltagare/andra", &WebApp::PlanParticipantEdit, "plan");
    AddSessionRoute("POST", "/planer/{id}/deltagare/ta-bort", &WebApp::PlanParticipantRemove, "plan");
    AddSessionRoute("POST", "/planer/{id}/moten/andra", &WebApp::PlanMeetingCorrect, "plan");
    AddSessionRoute("POST", "/planer/{id}/moten/planera", &WebApp::PlanMeetingPlan, "plan");
    AddSessionRoute("POST", "/planer/{id}/moten/stall-in", &WebApp::PlanMeetingCancel, "plan");
    AddSessionRoute("GET", "/admin/hjulet", &WebApp::CatalogueShow);
    AddSessionRoute("POST", "/admin/hjulet", &WebApp::CataloguePublish);
    AddSessionRoute("GET", "/barn/{id}", &WebApp::ChildShow, "child");
    AddSessionRoute("POST", "/barn/{id}/overlamning", &WebApp::ChildHandover, "child");
    AddSessionRoute("GET", "/barn/{id}/samtycken", &WebApp::ConsentsShow, "child");
    AddSessionRoute("POST", "/barn/{id}/samtycken", &WebApp::ConsentsCreate, "child");
    AddSessionRoute("POST", "/samtycken/{id}/aterkalla", &WebApp::ConsentWithdraw, "consent");
    AddSessionRoute("GET", "/barn/{id}/familj", &WebApp::FamilyAccessShow, "child");
    AddSessionRoute("POST", "/barn/{id}/familj/inbjudan", &WebApp::FamilyInvite, "child");
    AddSessionRoute("POST", "/barn/{id}/familj/begransning", &WebApp::FamilyRestrict, "child");
    AddSessionRoute("GET", "/planer/{id}/plan.pdf", &WebApp::StaffPlanPdf, "plan");
    AddSessionRoute("GET", "/api/v1/planer/{id}", &WebApp::StaffPlanJson, "plan", Audience::kStaff, /*api=*/true);
    AddSessionRoute("GET", "/api/v1/familj/barn/{id}/plan", &WebApp::FamilyPlanJson, "child", Audience::kFamily,
                    /*api=*/true);
    // The family's own pages, and the public pages around them.
    AddSessionRoute("GET", "/familj", &WebApp::FamilyHome, "", Audience::kFamily);
    AddSessionRoute("GET", "/familj/barn/{id}", &WebApp::FamilyPlanShow, "child", Audience::kFamily);
    AddSessionRoute("POST", "/familj/barn/{id}/mina-ord", &WebApp::FamilyWrite, "child", Audience::kFamily);
    AddSessionRoute("POST", "/familj/barn/{id}/insats", &WebApp::FamilyActionReport, "child", Audience::kFamily);
    AddSessionRoute("POST", "/familj/barn/{id}/med-pa-planen", &WebApp::FamilyAgree, "child", Audience::kFamily);
    AddSessionRoute("POST", "/familj/overlamningar/{id}/planen-foljer-med", &WebApp::FamilyPlanFollow, "handover",
                    Audience::kFamily);
    AddSessionRoute("GET", "/familj/barn/{id}/barnets-sida", &WebApp::FamilyChildPage, "child", Audience::kFamily);
    AddSessionRoute("POST", "/familj/barn/{id}/barnets-ord", &WebApp::FamilyWrite, "child", Audience::kFamily);
    AddSessionRoute("GET", "/familj/barn/{id}/samtycken", &WebApp::FamilyConsents, "child", Audience::kFamily);
    AddSessionRoute("POST", "/familj/samtycken/{id}/aterkalla", &WebApp::FamilyConsentWithdraw, "consent",
                    Audience::kFamily);
    AddSessionRoute("POST", "/familj/samtycken/{id}/ge", &WebApp::FamilyConsentGive, "consent", Audience::kFamily);
    AddSessionRoute("GET", "/familj/barn/{id}/vem-har-oppnat", &WebApp::FamilyAccessLog, "child", Audience::kFamily);
    AddSessionRoute("GET", "/familj/barn/{id}/plan.pdf", &WebApp::FamilyPlanPdf, "child", Audience::kFamily);
    router_.Add("GET", "/aktivera/{token}", bind(&WebApp::ActivationForm));
    router_.Add("POST", "/aktivera/{token}", bind(&WebApp::ActivationSubmit));
    router_.Add("GET", "/tillganglighet", bind(&WebApp::AccessibilityStatement));
    AddSessionRoute("GET", "/barn/{id}/hjulet", &WebApp::WheelShow, "child");
    AddSessionRoute("GET", "/barn/{id}/hjulet/ny", &WebApp::WheelNew, "child");
    AddSessionRoute("POST", "/barn/{id}/hjulet", &WebApp::WheelCreate, "child");
}

std::string_view WebApp::LanguageOf(const Request& request) {
    return Catalogue::Instance().Resolve(request.Cookie(kLanguageCookie), IsFamilyScopePath(request.path));
}

void WebApp::AddSessionRoute(std::string method, std::string pattern, SessionHandler handler, std::string object,
                             Audience audience, bool api) {
    router_.Add(std::move(method), std::move(pattern), WithSession(handler, api, audience, object), object);
}

// Establishes the actor from the session cookie; checks the CSRF token on every state-changing
// request. Without a valid session, pages redirect to login and the API answers 401.
Handler WebApp::WithSession(SessionHandler handler, bool api, Audience audience, std::string object) {
    return [this, handler, api, audience, object](const Request& request, const RouteParams& params) -> Response {
        const std::string_view token = request.Cookie(kSessionCookie);
        auto actor = authentication_.Authenticate(token);
        if (!actor) {
            if (actor.error().code != ErrorCode::kUnauthenticated) {
                return Fail(request, actor.error());
            }
            if (api) return ApiError(request, 401, actor.error().message_key);
            Response redirect = Response::Redirect(
                actor.error().message_key == "session.expired" ? "/logga-in?orsak=utloggad" : "/logga-in");
            if (!token.empty())
                redirect.SetHeader("Set-Cookie", ExpiredCookieHeader(kSessionCookie, options_.secure_cookies));
            return redirect;
        }
        if (request.method != "GET" && request.method != "HEAD") {
            if (!IsFormPost(request)) return ErrorPage(request, 415, "error.unsupported_media_type");
            auto form = ParseForm(request.body);
            if (!form || !CsrfTokenMatches(CsrfTokenForSession(token), form->Get(kCsrfField))) {
                return ErrorPage(request, 403, "error.csrf");
            }
        }
        // Refused before any use case runs, yet recorded like every other denial: a family account
        // on a professional's page, a professional on the family's pages (a holder reading "the
        // family's view" would be allowed by the decision yet answered 404), and an id that is no id.
        const auto id = params.find("id");
        const std::string raw_id = id == params.end() ? std::string() : id->second;
        std::string_view refusal;
        if (audience == Audience::kStaff && actor->user.IsFamily()) {
            refusal = "staff_page";
        } else if (audience == Audience::kFamily && !actor->user.IsFamily()) {
            refusal = "family_page";
        } else if (!object.empty() && !ParsePositiveId(raw_id)) {
            refusal = "bad_id";
        }
        if (!refusal.empty()) {
            const auto recorded =
                refusals_.Record(*actor, object.empty() ? "page" : object,
                                 object.empty() ? std::string_view(request.path) : raw_id, refusal, ContextOf(request));
            if (!recorded) return Fail(request, recorded.error());
            return NotFound(request);
        }
        return (this->*handler)(request, params, *actor);
    };
}

Response WebApp::Fail(const Request& request, const Error& error) const {
    return ErrorPage(request, HttpStatusFor(error.code), error.message_key);
}

Response WebApp::ApiFail(const Request& request, const Error& error) const {
    return ApiError(request, HttpStatusFor(error.code), error.message_key);
}

std::string WebApp::OriginOf(const Request& request) const {
    const std::string host(request.Header("host"));
    const bool plain = !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    });
    if (!plain) return {};
    return (options_.secure_cookies ? "https://" : "http://") + host;
}

std::string WebApp::Today() const { return FormatDate(Date{std::chrono::floor<std::chrono::days>(clock_.Now())}); }

Response WebApp::NotFound(const Request& request) const {
    return request.path.rfind("/api/", 0) == 0 ? ApiError(request, 404, "error.not_found")
                                               : ErrorPage(request, 404, "error.not_found");
}

Handled WebApp::Handle(const Request& request) const {
    Handled handled{{}, "unmatched"};
    try {
        handled.response = Route(request, handled.route);
    } catch (const std::exception& e) {
        log::Error("unhandled_exception", {{"request_id", request.request_id}, {"what", e.what()}});
        handled.response = ErrorPage(request, 500, "error.internal");
    }
    const bool is_asset = handled.route == "/assets/*" && handled.response.status < 400;
    ApplySecurityHeaders(handled.response, is_asset);
    handled.response.SetHeader("X-Request-Id", request.request_id);
    return handled;
}

Response WebApp::Route(const Request& request, std::string& route) const {
    const RouteMatch match = router_.Match(request.method, request.path);
    if (match.handler == nullptr) {
        if (match.method_not_allowed) {
            route = "method_not_allowed";
            return ErrorPage(request, 405, "error.method_not_allowed");
        }
        return NotFound(request);
    }
    route = match.pattern;
    return (*match.handler)(request, match.params);
}

Response WebApp::ErrorPage(const Request& request, int status, std::string_view message_key) const {
    // Whatever was not found — or may not be seen — looks the same, whichever use case said so.
    if (status == 404) message_key = "error.not_found";
    if (request.path.rfind("/api/", 0) == 0) return ApiError(request, status, message_key);
    const Translator t(LanguageOf(request));
    views::PageFrame frame{
        std::string(t(status == 404 ? "error.heading.not_found" : "error.heading.request")), "/", {}};
    if (status >= 500) frame.title = std::string(t("error.heading.server"));
    return HtmlResponse(status,
                        views::RenderPage(t, frame, views::ErrorContent(t, status, message_key, request.request_id)));
}

Response WebApp::ApiError(const Request& request, int status, std::string_view message_key) const {
    if (status == 404) message_key = "error.not_found";
    const Translator t(LanguageOf(request));
    boost::json::object body{
        {"error", {{"code", message_key}, {"message", t(message_key)}, {"request_id", request.request_id}}}};
    Response response;
    response.status = status;
    response.content_type = "application/json";
    response.body = boost::json::serialize(body);
    return response;
}

Response WebApp::Healthz(const Request&, const RouteParams&) const {
    Response response;
    response.content_type = "text/plain; charset=utf-8";
    response.body = "ok\n";
    return response;
}

Response WebApp::Root(const Request& request, const RouteParams&) const {
    return Response::Redirect(request.Cookie(kSessionCookie).empty() ? "/logga-in" : "/start");
}

Response WebApp::RenderLogin(const Request& request, int status, std::string username, std::string error_key,
                             std::string notice_key) const {
    const Translator t(LanguageOf(request));
    // A fresh double-submit token per form render: the cookie and the hidden field must agree.
    views::LoginForm form{std::move(username), std::move(error_key), std::move(notice_key), crypto::RandomToken(24)};
    Response response = HtmlResponse(
        status, views::RenderPage(t, {std::string(t("login.title")), "/logga-in", {}}, views::LoginContent(t, form)));
    response.SetHeader("Set-Cookie", SessionCookieHeader(kLoginCsrfCookie, form.csrf_token, options_.secure_cookies));
    return response;
}

Response WebApp::LoginForm(const Request& request, const RouteParams&) const {
    const bool timed_out = request.query.find("orsak=utloggad") != std::string::npos;
    const bool activated = request.query.find("orsak=aktiverad") != std::string::npos;
    return RenderLogin(request, 200, "", "", timed_out ? "session.expired" : activated ? "activation.done" : "");
}

Response WebApp::LoginSubmit(const Request& request, const RouteParams&) const {
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
    Response response = Response::Redirect(login->user.IsFamily() ? "/familj" : "/start");
    response.headers.emplace_back("Set-Cookie",
                                  SessionCookieHeader(kSessionCookie, login->session_token, options_.secure_cookies));
    response.headers.emplace_back("Set-Cookie", ExpiredCookieHeader(kLoginCsrfCookie, options_.secure_cookies));
    // The language the person chose last time, on whatever device they used.
    const std::string& preferred = login->user.preferred_language;
    if (preferred != "sv" && preferred != request.Cookie(kLanguageCookie) && Catalogue::Instance().IsKnown(preferred)) {
        response.headers.emplace_back("Set-Cookie", LanguageCookieHeader(login->user.preferred_language));
    }
    return response;
}

std::string WebApp::LanguageCookieHeader(std::string_view lang) const {
    return std::string(kLanguageCookie) + "=" + std::string(lang) + "; Path=/; Max-Age=31536000; SameSite=Lax" +
           (options_.secure_cookies ? "; Secure" : "");
}

Response WebApp::SetLanguage(const Request& request, const RouteParams& params) const {
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

Response WebApp::Asset(const Request& request, const RouteParams& params) const {
    return assets_.Serve(request, params.at("*"));
}

Response WebApp::Logout(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto logged_out = authentication_.Logout(actor, ContextOf(request));
    if (!logged_out) return Fail(request, logged_out.error());
    Response response = Response::Redirect("/logga-in");
    response.SetHeader("Set-Cookie", ExpiredCookieHeader(kSessionCookie, options_.secure_cookies));
    return response;
}

views::SignedIn WebApp::SignedInAs(const Request& request, const app::Actor& actor) const {
    return {actor.user.display_name, CsrfTokenForSession(request.Cookie(kSessionCookie))};
}

Response WebApp::InboxShow(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto inbox = concerns_.Inbox(actor, ContextOf(request));
    if (!inbox) return Fail(request, inbox.error());
    const Translator t(LanguageOf(request));
    Html content;
    content.Append(views::InboxPageContent(t, *inbox));
    views::PageFrame frame{std::string(t("start.section.signal_inbox.heading")), "/inkorg", SignedInAs(request, actor)};
    Response response = HtmlResponse(200, views::RenderPage(t, frame, content));
    response.contains_child_data = true;
    return response;
}

Response WebApp::Start(const Request& request, const RouteParams&, const app::Actor& actor) const {
    if (actor.user.IsFamily()) return Response::Redirect("/familj");
    auto model = start_pages_.Load(actor);
    if (!model) return Fail(request, model.error());
    const Translator t(LanguageOf(request));
    std::map<app::StartSection, Html> filled;
    const auto has = [&](app::StartSection section) {
        return std::find(model->sections.begin(), model->sections.end(), section) != model->sections.end();
    };
    if (has(app::StartSection::kSignalInbox)) {
        auto inbox = concerns_.Inbox(actor, ContextOf(request), kStartPageInboxRows);
        if (!inbox) return Fail(request, inbox.error());
        filled[app::StartSection::kSignalInbox] = views::InboxList(t, *inbox, true);
    }
    if (has(app::StartSection::kHandovers)) {
        auto lists = handovers_.ListFor(actor, ContextOf(request));
        if (!lists) return Fail(request, lists.error());
        auto transitions = children_.UpcomingTransitions(actor, ContextOf(request));
        if (!transitions) {
            return Fail(request, transitions.error());
        }
        Html section = views::TransitionList(t, *transitions);
        section.Append(views::HandoverSection(t, *lists, CsrfTokenForSession(request.Cookie(kSessionCookie))));
        filled[app::StartSection::kHandovers] = std::move(section);
    }
    if (has(app::StartSection::kUserAdmin)) {
        filled[app::StartSection::kUserAdmin] =
            views::LinkSection(t, "start.section.user_admin.empty", "/admin/hjulet", "catalogue.link");
    }
    if (has(app::StartSection::kMyTasks)) {
        auto plans = plans_.ListFor(actor, ContextOf(request));
        if (!plans) return Fail(request, plans.error());
        filled[app::StartSection::kMyTasks] = views::MyPlansList(t, *plans);
    }
    if (has(app::StartSection::kEmergency)) {
        auto units = emergency_.Units(actor);
        if (!units) return Fail(request, units.error());
        auto notices = emergency_.ForHolder(actor, ContextOf(request));
        if (!notices) return Fail(request, notices.error());
        filled[app::StartSection::kEmergency] = views::EmergencySection(t, !units->empty(), *notices);
    }
    if (has(app::StartSection::kLogReview)) {
        filled[app::StartSection::kLogReview] =
            views::LinkSection(t, "start.section.log_review.empty", "/loggkontroll", "log_review.link");
    }
    if (has(app::StartSection::kStatistics)) {
        filled[app::StartSection::kStatistics] =
            views::LinkSection(t, "start.section.statistics.intro", "/statistik", "statistics.link");
    }
    if (has(app::StartSection::kNewSignal)) {
        auto mine = concerns_.Mine(actor, ContextOf(request));
        if (!mine) return Fail(request, mine.error());
        filled[app::StartSection::kNewSignal] = views::MySignalsList(t, *mine);
    }
    views::PageFrame frame{std::string(t("start.title")), "/start", SignedInAs(request, actor)};
    Response response = HtmlResponse(200, views::RenderPage(t, frame, views::StartContent(t, *model, filled)));
    response.contains_child_data = true;
    return response;
}

Response WebApp::RenderConcernForm(const Request& request, const app::Actor& actor, int status, app::ConcernForm values,
                                   std::vector<FieldError> errors) const {
    auto options = concerns_.FormOptions(actor);
    if (!options) return Fail(request, options.error());
    if (options->my_units.empty()) return ErrorPage(request, 404, "error.not_found");
    const Translator t(LanguageOf(request));
    views::ConcernFormState state{std::move(values), std::move(errors),
                                  CsrfTokenForSession(request.Cookie(kSessionCookie)), Today()};
    views::PageFrame frame{std::string(t("concern.form.heading")), "/oro/ny", SignedInAs(request, actor)};
    return HtmlResponse(status, views::RenderPage(t, frame, views::ConcernFormContent(t, *options, state)));
}

Response WebApp::ConcernNew(const Request& request, const RouteParams&, const app::Actor& actor) const {
    return RenderConcernForm(request, actor, 200, {}, {});
}

Response WebApp::ConcernCreate(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);  // already checked by WithSession; parsed again for the fields
    if (!form) return RenderConcernForm(request, actor, 400, {}, {{"", form.error().message_key}});
    app::ConcernForm values;
    values.personal_number = form->Get("personal_number");
    values.given_name = form->Get("given_name");
    values.family_name = form->Get("family_name");
    values.noticed_on = form->Get("noticed_on");
    values.description = form->Get("description");
    values.wheel_areas = form->GetAll("wheel_area");
    values.guardians_informed = form->Get("guardians_informed") == "ja";
    values.noticing_unit_id = form->Get("noticing_unit_id");
    values.child_unit_id = form->Get("child_unit_id");
    values.guardian_1 = form->Get("guardian_1");
    values.guardian_2 = form->Get("guardian_2");
    values.report_made = form->Get("report_made") == "ja";
    values.report_date = form->Get("report_date");
    values.report_unit_id = form->Get("report_unit_id");
    auto registered = concerns_.Register(actor, values, ContextOf(request));
    if (!registered) {
        const auto code = registered.error().code;
        if (IsCorrectableOnForm(code)) {
            // Every field in error when the form was checked whole; the one message otherwise.
            std::vector<FieldError> errors = registered.error().fields;
            if (errors.empty()) errors.push_back({"", registered.error().message_key});
            return RenderConcernForm(request, actor, HttpStatusFor(code), std::move(values), std::move(errors));
        }
        return ErrorPage(request, HttpStatusFor(code), registered.error().message_key);
    }
    return Response::Redirect("/oro/" + std::to_string(*registered) + "?registrerad=1");
}

Response WebApp::RenderConcern(const Request& request, const app::Actor& actor, domain::ConcernId id, int status,
                               views::DecisionFormState form, std::string_view notice_key) const {
    auto view = concerns_.View(actor, id, ContextOf(request), QueryValue(request.query, "kommun"));
    if (!view) return Fail(request, view.error());
    const Translator t(LanguageOf(request));
    Html content;
    if (!notice_key.empty()) {
        views::Alert(content, t, "success", notice_key);
    }
    form.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    form.receivers = view->receivers;
    content.Append(views::ConcernContent(t, *view, form));
    views::PageFrame frame{std::string(t("concern.view.heading")), "/start", SignedInAs(request, actor)};
    Response response = HtmlResponse(status, views::RenderPage(t, frame, content));
    response.contains_child_data = true;
    return response;
}

Response WebApp::ConcernShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    std::string_view notice;
    if (request.query.find("registrerad=1") != std::string::npos) notice = "concern.registered";
    if (request.query.find("beslut=1") != std::string::npos) notice = "decision.saved";
    if (request.query.find("overlamning=1") != std::string::npos) notice = "handover.requested";
    return RenderConcern(request, actor, *id, 200, {}, notice);
}

Response WebApp::ConcernDecide(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    views::DecisionFormState state{"", "", std::string(form->Get("rationale")),
                                   std::string(form->Get("actions_taken"))};
    auto decided =
        concerns_.DecideOwnOrganisation(actor, *id, state.rationale, state.actions_taken, ContextOf(request));
    if (!decided) {
        const auto code = decided.error().code;
        if (IsCorrectableOnForm(code)) {
            state.error_key = decided.error().message_key;
            return RenderConcern(request, actor, *id, HttpStatusFor(code), std::move(state), "");
        }
        return ErrorPage(request, HttpStatusFor(code), decided.error().message_key);
    }
    return Response::Redirect("/oro/" + std::to_string(*id) + "?beslut=1");
}

Response WebApp::ConcernHandover(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    views::DecisionFormState state;
    state.handover_unit_id = form->Get("to_unit_id");
    state.handover_note = form->Get("note");
    auto requested =
        handovers_.RequestFromConcern(actor, *id, state.handover_unit_id, state.handover_note, ContextOf(request));
    if (!requested) {
        const auto code = requested.error().code;
        if (IsCorrectableOnForm(code)) {
            state.error_key = requested.error().message_key;
            return RenderConcern(request, actor, *id, HttpStatusFor(code), std::move(state), "");
        }
        return ErrorPage(request, HttpStatusFor(code), requested.error().message_key);
    }
    return Response::Redirect("/oro/" + std::to_string(*id) + "?overlamning=1");
}

Response WebApp::HandoverAnswer(const Request& request, const RouteParams& params, const app::Actor& actor,
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

Response WebApp::WheelShow(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto overview =
        wheel_.Overview(actor, *id, ContextOf(request), ParsePositiveId(QueryValue(request.query, "signal")));
    if (!overview) return Fail(request, overview.error());
    const Translator t(LanguageOf(request));
    Html content;
    if (request.query.find("sparad=1") != std::string::npos) {
        views::Alert(content, t, "success", "wheel.saved");
        // Saved from a signal: the way back to it, where the decision is taken.
        if (overview->signal_id) {
            content << Raw("<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/oro/")
                    << std::to_string(*overview->signal_id) << Raw("#decision-heading\">") << t("wheel.back_to_signal")
                    << Raw("</a></p>\n");
        }
    }
    content.Append(views::WheelOverviewContent(t, *overview));
    views::PageFrame frame{std::string(t("wheel.title")), "/start", SignedInAs(request, actor)};
    Response response = HtmlResponse(200, views::RenderPage(t, frame, content));
    response.contains_child_data = true;
    return response;
}

Response WebApp::RenderWheelForm(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                                 app::AssessmentForm values, std::string error_key,
                                 std::optional<domain::ConcernId> signal) const {
    auto overview = wheel_.Overview(actor, child, ContextOf(request), signal);
    if (!overview) return Fail(request, overview.error());
    const Translator t(LanguageOf(request));
    views::AssessmentFormState state{std::move(values), std::move(error_key),
                                     CsrfTokenForSession(request.Cookie(kSessionCookie)), Today()};
    views::PageFrame frame{std::string(t("wheel.title")), "/start", SignedInAs(request, actor)};
    Response response = HtmlResponse(status, views::RenderPage(t, frame, views::WheelFormContent(t, *overview, state)));
    response.contains_child_data = true;
    return response;
}

Response WebApp::WheelNew(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    return RenderWheelForm(request, actor, *id, 200, {}, "", ParsePositiveId(QueryValue(request.query, "signal")));
}

Response WebApp::WheelCreate(const Request& request, const RouteParams& params, const app::Actor& actor) const {
    const auto id = IdParam(params);
    if (!id) return ErrorPage(request, 404, "error.not_found");
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    app::AssessmentForm values;
    values.assessed_on = form->Get("assessed_on");
    values.sources = form->Get("sources");
    // Area fields are named area_<code>_<field>.
    static constexpr std::string_view kFields[] = {"_status",        "_description",       "_child_words",
                                                   "_guardian_view", "_professional_note", "_support"};
    for (const auto& name : form->Names()) {
        if (name.rfind("area_", 0) != 0) continue;
        for (std::string_view field : kFields) {
            if (name.size() <= 5 + field.size() || name.compare(name.size() - field.size(), field.size(), field) != 0) {
                continue;
            }
            auto& area = values.areas[name.substr(5, name.size() - 5 - field.size())];
            const std::string value(form->Get(name));
            if (field == "_status") area.status = value;
            if (field == "_description") area.description = value;
            if (field == "_child_words") area.child_words = value;
            if (field == "_guardian_view") area.guardian_view = value;
            if (field == "_professional_note") area.professional_note = value;
            if (field == "_support") area.support_needed = value == "ja";
            break;
        }
    }
    const auto signal = ParsePositiveId(form->Get("signal"));
    auto recorded = wheel_.Record(actor, *id, values, ContextOf(request));
    if (!recorded) {
        const auto code = recorded.error().code;
        if (code == ErrorCode::kInvalidArgument) {
            return RenderWheelForm(request, actor, *id, 400, std::move(values), recorded.error().message_key, signal);
        }
        return ErrorPage(request, HttpStatusFor(code), recorded.error().message_key);
    }
    return Response::Redirect("/barn/" + std::to_string(*id) + "/hjulet?sparad=1" +
                              (signal ? "&signal=" + std::to_string(*signal) : std::string()));
}

Response WebApp::ApiMe(const Request&, const RouteParams&, const app::Actor& actor) const {
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

}  // namespace kronobarn::web
