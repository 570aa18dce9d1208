#include "web/web_app.hpp"

#include <exception>

#include "common/log.hpp"
#include "web/routes/catalogue_routes.hpp"
#include "web/routes/child_routes.hpp"
#include "web/routes/consent_routes.hpp"
#include "web/routes/emergency_routes.hpp"
#include "web/routes/family_access_routes.hpp"
#include "web/routes/family_routes.hpp"
#include "web/routes/import_routes.hpp"
#include "web/routes/log_review_routes.hpp"
#include "web/routes/notification_routes.hpp"
#include "web/routes/organisation_routes.hpp"
#include "web/routes/plan_routes.hpp"
#include "web/routes/scim_routes.hpp"
#include "web/routes/session_routes.hpp"
#include "web/routes/signal_routes.hpp"
#include "web/routes/staff_routes.hpp"
#include "web/routes/start_routes.hpp"
#include "web/routes/statistics_routes.hpp"
#include "web/routes/unit_routes.hpp"
#include "web/routes/wheel_routes.hpp"
#include "web/security.hpp"

namespace kronobarn::web {

// One object per area, each holding only the use cases it calls.
struct WebApp::Areas {
    SessionRoutes session;
    StartRoutes start;
    SignalRoutes signals;
    ChildRoutes children;
    PlanRoutes plans;
    CatalogueRoutes catalogue;
    ConsentRoutes consents;
    FamilyAccessRoutes family_access;
    FamilyRoutes family;
    WheelRoutes wheel;
    EmergencyRoutes emergency;
    LogReviewRoutes log_review;
    StatisticsRoutes statistics;
    OrganisationRoutes organisations;
    StaffRoutes staff;
    UnitRoutes units;
    ScimRoutes scim;
    NotificationRoutes notifications;
    ImportRoutes imports;

    Areas(const PageKit& kit, const AppServices& s, const StaticAssets& assets)
        : session(kit, s.authentication, s.sso, s.family_accounts, assets),
          start(kit, s.start_pages, s.concerns, s.handovers, s.children, s.plans, s.emergency),
          signals(kit, s.concerns, s.handovers, s.plans),
          children(kit, s.children, s.handovers),
          plans(kit, s.plans, s.handovers),
          catalogue(kit, s.catalogue),
          consents(kit, s.consents),
          family_access(kit, s.family_accounts),
          family(kit, s.family_view, s.handovers),
          wheel(kit, s.wheel),
          emergency(kit, s.emergency),
          log_review(kit, s.log_reviews),
          statistics(kit, s.statistics),
          organisations(kit, s.organisations),
          staff(kit, s.staff),
          units(kit, s.units),
          scim(kit, s.directory),
          notifications(kit, s.notifications),
          imports(kit, s.directory) {}

    // Within an area its routes keep their order (the first match wins: "/oro/ny" before "/oro/{id}").
    void Register(RouteTable& routes) const {
        session.Register(routes);
        start.Register(routes);
        signals.Register(routes);
        children.Register(routes);
        plans.Register(routes);
        catalogue.Register(routes);
        consents.Register(routes);
        family_access.Register(routes);
        family.Register(routes);
        wheel.Register(routes);
        emergency.Register(routes);
        log_review.Register(routes);
        statistics.Register(routes);
        organisations.Register(routes);
        staff.Register(routes);
        units.Register(routes);
        scim.Register(routes);
        notifications.Register(routes);
        imports.Register(routes);
    }
};

WebApp::WebApp(AppServices services, const Clock& clock, const StaticAssets& assets, WebOptions options)
    : kit_(clock, options),
      read_audit_(services.read_audit),
      routes_(services.authentication, services.refusals, kit_),
      areas_(std::make_unique<const Areas>(kit_, services, assets)) {
    areas_->Register(routes_);
}

WebApp::~WebApp() = default;

Handled WebApp::Handle(const Request& request) const {
    Handled handled{{}, "unmatched"};
    try {
        handled.response = Route(request, handled.route);
    } catch (const std::exception& e) {
        log::Error("unhandled_exception", {{"request_id", request.request_id}, {"what", e.what()}});
        handled.response = kit_.ErrorPage(request, 500, "error.internal");
    }
    Finish(request, handled);
    return handled;
}

void WebApp::Finish(const Request& request, Handled& handled) const {
    const bool is_asset = handled.route == "/assets/*" && handled.response.status < 400;
    ApplySecurityHeaders(handled.response, is_asset);
    handled.response.SetHeader("X-Request-Id", request.request_id);
}

void WebApp::Answer(Request request, std::function<void(Handled)> respond) const {
    // Only a GET (or HEAD) leaves its rows behind: it changes nothing, so a 503 in place of its
    // page loses nothing. A POST acts on what it read, so its reads still wait before it acts.
    app::AuditDeferral deferral;
    if (request.method == "GET" || request.method == "HEAD") request.audit_deferral = &deferral;
    Handled handled = Handle(request);
    request.audit_deferral = nullptr;
    if (deferral.Empty()) return respond(std::move(handled));
    read_audit_.WhenDurable(deferral, [this, request = std::move(request), handled = std::move(handled),
                                       respond = std::move(respond)](Status durable) mutable {
        if (!durable) {
            log::Error("read_not_shown_audit_failed",
                       {{"request_id", request.request_id}, {"error", durable.error().message_key}});
            handled.response = kit_.ErrorPage(request, 503, "error.unavailable");
            Finish(request, handled);
        }
        respond(std::move(handled));
    });
}

Response WebApp::Route(const Request& request, std::string& route) const {
    const RouteMatch match = routes_.Routes().Match(request.method, request.path);
    if (match.handler == nullptr) {
        if (match.method_not_allowed) {
            route = "method_not_allowed";
            return kit_.ErrorPage(request, 405, "error.method_not_allowed");
        }
        return kit_.NotFound(request);
    }
    route = match.pattern;
    return (*match.handler)(request, match.params);
}

}  // namespace kronobarn::web
