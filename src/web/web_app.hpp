// WebApp: the HTTP application behind the server. Each area of the product registers its routes
// (web/routes/), every session route behind the one guard (RouteTable); WebApp adds what all
// answers share — a stray exception becomes a 500 page, security headers, the request id — and
// is independent of the socket layer, so tests drive it directly and the server only moves bytes.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "app/authentication.hpp"
#include "app/child_overview.hpp"
#include "app/concerns.hpp"
#include "app/consents.hpp"
#include "app/directory_import.hpp"
#include "app/emergency_access.hpp"
#include "app/family_accounts.hpp"
#include "app/family_view.hpp"
#include "app/handovers.hpp"
#include "app/log_review.hpp"
#include "app/notification_settings.hpp"
#include "app/organisation_admin.hpp"
#include "app/plans.hpp"
#include "app/read_audit.hpp"
#include "app/refused_requests.hpp"
#include "app/single_sign_on.hpp"
#include "app/staff_admin.hpp"
#include "app/start_page.hpp"
#include "app/statistics.hpp"
#include "app/unit_admin.hpp"
#include "app/wheel_assessments.hpp"
#include "app/wheel_catalogue.hpp"
#include "web/http_types.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/router.hpp"
#include "web/static_assets.hpp"

namespace kronobarn::web {

// The use cases the web layer calls.
struct AppServices {
    app::Authentication& authentication;
    app::SingleSignOn& sso;
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
    app::OrganisationAdmin& organisations;
    app::StaffAdmin& staff;
    app::UnitAdmin& units;
    app::DirectoryImport& directory;
    app::NotificationSettings& notifications;
    const app::ReadAudit& read_audit;
};

struct Handled {
    Response response;
    std::string route;  // matched pattern or "unmatched", for the request log
};

class WebApp {
  public:
    WebApp(AppServices services, const Clock& clock, const StaticAssets& assets, WebOptions options);
    ~WebApp();
    WebApp(const WebApp&) = delete;
    WebApp& operator=(const WebApp&) = delete;

    // Never throws: a stray exception becomes a 500 page naming the request id.
    Handled Handle(const Request& request) const;

    // Handle, for the server: calls `respond` once with the answer, which may leave now. A GET's
    // audited reads do not wait for their rows on this thread: `respond` is called when the rows
    // are durable — from the audit writer's thread, so it must only hand the answer on — or with a
    // 503 page instead of the answer when they could not be made durable (read_audit.hpp).
    void Answer(Request request, std::function<void(Handled)> respond) const;
    const Router& Routes() const { return routes_.Routes(); }

    // The body limit of the route a request's header names when it is an upload's own (0: the
    // server's): asked before the body is read, for POSTs only.
    std::size_t UploadLimitFor(std::string_view method, std::string_view path) const {
        return routes_.Routes().Match(method, path).max_body_bytes;
    }

    // Pages for transport-level errors the server detects before routing (413, 431, 400).
    Response ErrorPage(const Request& request, int status, std::string_view message_key) const {
        return kit_.ErrorPage(request, status, message_key);
    }

  private:
    struct Areas;

    Response Route(const Request& request, std::string& route) const;
    void Finish(const Request& request, Handled& handled) const;  // what every answer carries

    PageKit kit_;
    const app::ReadAudit& read_audit_;
    RouteTable routes_;
    std::unique_ptr<const Areas> areas_;  // the handlers the routes point at; as long-lived as they
};

}  // namespace kronobarn::web
