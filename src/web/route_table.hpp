// RouteTable: where each area registers its routes. A session route passes the one guard before
// its handler runs: a signed-in person (else login, or 401 on the API), the CSRF token on every
// state-changing request, the right audience (staff or family) and an id that is an id — each
// refusal recorded like any other denial. No area can register a session route without it.
#pragma once

#include <functional>
#include <string>

#include "app/actor.hpp"
#include "app/authentication.hpp"
#include "app/refused_requests.hpp"
#include "web/page_kit.hpp"
#include "web/router.hpp"

namespace kronobarn::web {

using SessionHandler = std::function<Response(const Request&, const RouteParams&, const app::Actor&)>;
// A route of an organisation's identity management: the organisation its bearer token belongs to.
using ProvisioningHandler = std::function<Response(const Request&, const RouteParams&, const std::string&)>;

// Who may use a session route. Staff routes answer a family account "not found" before any use
// case runs, so a guardian or a child never sees a professional's page of their own child.
enum class Audience { kStaff, kFamily, kAnyone };

struct SessionRoute {
    // The kind of id the route's {id} names ("child", "plan", …), empty for none. An id that is no
    // id answers "not found" with a denied audit row before the handler runs.
    std::string object;
    Audience audience = Audience::kStaff;
    bool api = false;  // JSON errors and 401 instead of pages and a redirect to login
    // An upload page: it takes multipart/form-data (its CSRF token a field of it) up to this many
    // bytes instead of the server's body limit. 0: a form of fields only.
    std::size_t upload_bytes = 0;
};

class RouteTable {
  public:
    RouteTable(app::Authentication& authentication, app::RefusedRequests& refusals, const PageKit& kit)
        : authentication_(authentication), refusals_(refusals), kit_(kit) {}

    void AddPublic(std::string method, std::string pattern, Handler handler);
    void AddSession(std::string method, std::string pattern, SessionHandler handler, SessionRoute route = {});
    // SCIM: a bearer token of --scim-token-file, compared in constant time with every configured
    // one and never logged, names the organisation; anything else is 401 before the handler runs.
    void AddProvisioning(std::string method, std::string pattern, ProvisioningHandler handler);

    const Router& Routes() const { return router_; }

  private:
    Handler Guarded(SessionHandler handler, SessionRoute route) const;

    app::Authentication& authentication_;
    app::RefusedRequests& refusals_;
    const PageKit& kit_;
    Router router_;
};

// A member function of an area as a route's handler.
template <typename Area>
SessionHandler Bind(const Area* area,
                    Response (Area::*method)(const Request&, const RouteParams&, const app::Actor&) const) {
    return [area, method](const Request& request, const RouteParams& params, const app::Actor& actor) {
        return (area->*method)(request, params, actor);
    };
}

template <typename Area>
ProvisioningHandler Bind(const Area* area,
                         Response (Area::*method)(const Request&, const RouteParams&, const std::string&) const) {
    return [area, method](const Request& request, const RouteParams& params, const std::string& organisation) {
        return (area->*method)(request, params, organisation);
    };
}

template <typename Area>
Handler Bind(const Area* area, Response (Area::*method)(const Request&, const RouteParams&) const) {
    return
        [area, method](const Request& request, const RouteParams& params) { return (area->*method)(request, params); };
}

}  // namespace kronobarn::web
