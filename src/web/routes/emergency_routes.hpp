// Emergency access: the request form. A granted request continues straight to the child's page, where every read is
// audited with the emergency basis.
#pragma once

#include "app/emergency_access.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/emergency_pages.hpp"

namespace kronobarn::web {

class EmergencyRoutes : PageKit {
  public:
    EmergencyRoutes(const PageKit& kit, app::EmergencyAccess& emergency) : PageKit(kit), emergency_(emergency) {}
    void Register(RouteTable& routes) const;

  private:
    // Emergency access (emergency_handlers.cpp).
    Response RenderEmergencyForm(const Request& request, const app::Actor& actor, int status,
                                 views::EmergencyFormState state) const;
    Response EmergencyForm(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response EmergencyRequest(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::EmergencyAccess& emergency_;
};

}  // namespace kronobarn::web
