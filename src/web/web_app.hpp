// WebApp: the HTTP application behind the server — routes, thin handlers (parse → call a use case
// → pick a view), sessions and CSRF, security headers, and the error pages. Independent of the
// socket layer, so tests drive it directly and the server only moves bytes.
#pragma once

#include <optional>
#include <string>

#include "app/actor.hpp"
#include "app/authentication.hpp"
#include "app/child_overview.hpp"
#include "app/concerns.hpp"
#include "app/consents.hpp"
#include "app/family_accounts.hpp"
#include "app/family_view.hpp"
#include "app/handovers.hpp"
#include "app/log_review.hpp"
#include "app/plans.hpp"
#include "app/refused_requests.hpp"
#include "app/start_page.hpp"
#include "app/statistics.hpp"
#include "app/wheel_assessments.hpp"
#include "app/wheel_catalogue.hpp"
#include "web/form.hpp"
#include "web/http_types.hpp"
#include "web/i18n.hpp"
#include "web/router.hpp"
#include "web/static_assets.hpp"
#include "web/views/child_pages.hpp"
#include "web/views/concern_pages.hpp"
#include "web/views/emergency_pages.hpp"
#include "web/views/family_pages.hpp"
#include "web/views/layout.hpp"
#include "web/views/log_review_pages.hpp"
#include "web/views/plan_pages.hpp"
#include "web/views/statistics_pages.hpp"
#include "web/views/wheel_pages.hpp"

namespace kronobarn::web {

struct WebOptions {
    bool secure_cookies = false;
};

// The use cases the web layer calls.
struct AppServices {
    app::Authentication& authentication;
    app::Concerns& concerns;
    app::WheelAssessments& wheel;
    app::Handovers& handovers;
    app::Consents& consents;
    app::Plans& plans;
    app::ChildOverviews& children;
    app::WheelCatalogue& catalogue;
    app::FamilyAccounts& family_accounts;
    app::FamilyView& family_view;
    app::EmergencyAccess& emergency;
    app::LogReviews& log_reviews;
    app::Statistics& statistics;
    app::RefusedRequests& refusals;
    const app::StartPages& start_pages;
};

struct Handled {
    Response response;
    std::string route;  // matched pattern or "unmatched", for the request log
};

class WebApp {
  public:
    WebApp(AppServices services, const Clock& clock, const StaticAssets& assets, WebOptions options);

    // Never throws: a stray exception becomes a 500 page naming the request id.
    Handled Handle(const Request& request) const;
    const Router& Routes() const { return router_; }

    // Pages for transport-level errors the server detects before routing (413, 431, 400).
    Response ErrorPage(const Request& request, int status, std::string_view message_key) const;

  private:
    using SessionHandler = Response (WebApp::*)(const Request&, const RouteParams&, const app::Actor&) const;

    void AddRoutes();
    // Who may use a session route. Staff routes answer a family account "not found" before any
    // use case runs, so a guardian or a child never sees a professional's page of their own child.
    enum class Audience { kStaff, kFamily, kAnyone };
    // `object`: the kind of id the route names. An id that is no id, or a family account on a staff
    // route, answers "not found" with a denied audit row before the handler runs.
    Handler WithSession(SessionHandler handler, bool api = false, Audience audience = Audience::kStaff,
                        std::string object = {});
    // Registers a session route; `object` as for WithSession.
    void AddSessionRoute(std::string method, std::string pattern, SessionHandler handler, std::string object = {},
                         Audience audience = Audience::kStaff, bool api = false);
    Response NotFound(const Request& request) const;
    // The error page (or JSON error) for a use case's error: its status from the one table in
    // error_mapping.cpp, its message in the reader's language.
    Response Fail(const Request& request, const Error& error) const;
    Response ApiFail(const Request& request, const Error& error) const;
    // Today by the injected clock, as the date forms start from.
    std::string Today() const;
    // The address people reach this server by ("https://kronobarn.example"), for a link shown to be
    // sent on; from the Host header, only when it holds nothing but host characters.
    std::string OriginOf(const Request& request) const;
    Response Route(const Request& request, std::string& route) const;

    Response Healthz(const Request& request, const RouteParams& params) const;
    Response Root(const Request& request, const RouteParams& params) const;
    Response LoginForm(const Request& request, const RouteParams& params) const;
    Response LoginSubmit(const Request& request, const RouteParams& params) const;
    Response SetLanguage(const Request& request, const RouteParams& params) const;
    Response Asset(const Request& request, const RouteParams& params) const;
    Response Logout(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Start(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ApiMe(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConcernNew(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response InboxShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConcernCreate(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConcernShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConcernDecide(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConcernHandover(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response HandoverAnswer(const Request& request, const RouteParams& params, const app::Actor& actor,
                            bool accept) const;
    Response HandoverAccept(const Request& request, const RouteParams& params, const app::Actor& actor) const {
        return HandoverAnswer(request, params, actor, true);
    }
    Response HandoverDecline(const Request& request, const RouteParams& params, const app::Actor& actor) const {
        return HandoverAnswer(request, params, actor, false);
    }
    Response HandoverCancel(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response WheelShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response WheelNew(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response WheelCreate(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderWheelForm(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                             app::AssessmentForm values, std::string error_key,
                             std::optional<domain::ConcernId> signal) const;
    Response RenderConcern(const Request& request, const app::Actor& actor, domain::ConcernId id, int status,
                           views::DecisionFormState form, std::string_view notice_key) const;
    Response RenderConcernForm(const Request& request, const app::Actor& actor, int status, app::ConcernForm values,
                               std::vector<FieldError> errors) const;
    views::SignedIn SignedInAs(const Request& request, const app::Actor& actor) const;

    // Barnets plan and consents (plan_handlers.cpp). Each plan form has its parser (plan_forms.hpp)
    // and its use case; PlanPost runs the two and shows a refused form again with its values.
    template <typename Input>
    using PlanFormParser = Result<app::PlanChange<Input>> (*)(const FormFields&);
    template <typename Input>
    using PlanChangeOf = Status (app::Plans::*)(const app::Actor&, domain::PlanId, const app::PlanChange<Input>&,
                                                const app::RequestContext&);
    // Which form on the plan page a post came from — its name, or its name and the item the form's
    // hidden field names ("goal" + goal_id 12 → "goal-12") — and the notice its success shows.
    struct PlanForm {
        std::string_view name;
        std::string_view item_field;
        std::string_view notice;
    };
    template <typename Input>
    Response PlanPost(const Request& request, const RouteParams& params, const app::Actor& actor, PlanForm form,
                      PlanFormParser<Input> parse, PlanChangeOf<Input> change) const;
    // Shows the plan page again with the failed form open, its summary, its field and its values.
    Response PlanFormFailed(const Request& request, const app::Actor& actor, domain::PlanId id, PlanForm form,
                            const FormFields& fields, const Error& error) const;
    Response ConcernCollaborate(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanHistory(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanBasics(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanParticipant(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanGoal(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanAction(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanMeeting(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanAgree(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanClose(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanCollaborationHandover(const Request& request, const RouteParams& params,
                                       const app::Actor& actor) const;
    Response PlanGoalEdit(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanGoalRemove(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanActionEdit(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanActionRemove(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanActionReport(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanParticipantEdit(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanParticipantRemove(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanMeetingCorrect(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanMeetingPlan(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response PlanMeetingCancel(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderPlan(const Request& request, const app::Actor& actor, domain::PlanId id, int status,
                        views::FormPageState state) const;
    Response ConsentsShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConsentsCreate(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConsentWithdraw(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderConsents(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                            views::FormPageState state) const;
    Response ChildShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ChildHandover(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderChild(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                         views::FormPageState state) const;
    // Administration (admin_handlers.cpp).
    Response CatalogueShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response CataloguePublish(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderCatalogue(const Request& request, const app::Actor& actor, int status,
                             views::FormPageState state) const;
    Response ChildDataPage(const Request& request, const app::Actor& actor, int status, std::string_view title_key,
                           const Html& content) const;

    // The family's pages, activation, the accessibility statement (family_handlers.cpp).
    Response FamilyPage(const Request& request, const app::Actor& actor, int status, const std::string& title,
                        const Html& content) const;
    views::FamilyFormState FamilyState(const Request& request) const;
    Response FamilyHome(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderFamilyPlan(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                              views::FamilyFormState state, bool child_page) const;
    Response FamilyPlanShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyChildPage(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyWrite(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyActionReport(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyAgree(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyPlanFollow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response HandoverPlanFollow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderFamilyConsents(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                                  views::FamilyFormState state) const;
    Response FamilyConsents(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyConsentChange(const Request& request, const RouteParams& params, const app::Actor& actor,
                                 bool give) const;
    Response FamilyConsentWithdraw(const Request& request, const RouteParams& params, const app::Actor& actor) const {
        return FamilyConsentChange(request, params, actor, false);
    }
    Response FamilyConsentGive(const Request& request, const RouteParams& params, const app::Actor& actor) const {
        return FamilyConsentChange(request, params, actor, true);
    }
    Response FamilyAccessLog(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyPlanPdf(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response StaffPlanPdf(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response StaffPlanJson(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyPlanJson(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response JsonResponse(const Request& request, const Result<app::PlanView>& view) const;
    Response PdfResponse(const Request& request, const app::PlanView& view) const;
    Response RenderActivation(const Request& request, int status, views::ActivationForm form) const;
    Response ActivationUnavailable(const Request& request, int status, std::string_view reason_key) const;
    Response ActivationForm(const Request& request, const RouteParams& params) const;
    Response ActivationSubmit(const Request& request, const RouteParams& params) const;
    Response AccessibilityStatement(const Request& request, const RouteParams& params) const;
    Response RenderFamilyAccess(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                                views::FormPageState state, const std::optional<app::Invitation>& invitation) const;
    Response FamilyAccessShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyInvite(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyRestrict(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    // Emergency access (emergency_handlers.cpp).
    Response RenderEmergencyForm(const Request& request, const app::Actor& actor, int status,
                                 views::EmergencyFormState state) const;
    Response EmergencyForm(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response EmergencyRequest(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    // Log review (log_review_handlers.cpp).
    Response RenderLogReview(const Request& request, const app::Actor& actor, views::LogReviewState state) const;
    Response LogReviewShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response LogReviewRecord(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response StatisticsShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response StatisticsDownload(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    Response RenderLogin(const Request& request, int status, std::string username, std::string error_key,
                         std::string notice_key) const;
    Response ApiError(const Request& request, int status, std::string_view message_key) const;
    static std::string_view LanguageOf(const Request& request);
    std::string LanguageCookieHeader(std::string_view lang) const;

    app::Authentication& authentication_;
    app::Concerns& concerns_;
    app::WheelAssessments& wheel_;
    app::Handovers& handovers_;
    app::Consents& consents_;
    app::Plans& plans_;
    app::ChildOverviews& children_;
    app::WheelCatalogue& catalogue_;
    app::FamilyAccounts& family_accounts_;
    app::FamilyView& family_view_;
    app::EmergencyAccess& emergency_;
    app::LogReviews& log_reviews_;
    app::Statistics& statistics_;
    app::RefusedRequests& refusals_;
    const app::StartPages& start_pages_;
    const Clock& clock_;
    const StaticAssets& assets_;
    WebOptions options_;
    Router router_;
};

}  // namespace kronobarn::web
