// The start page: each section the person's roles give them, filled by its use case.
#pragma once

#include "app/child_overview.hpp"
#include "app/concerns.hpp"
#include "app/emergency_access.hpp"
#include "app/handovers.hpp"
#include "app/plans.hpp"
#include "app/start_page.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"

namespace kronobarn::web {

class StartRoutes : PageKit {
  public:
    StartRoutes(const PageKit& kit, const app::StartPages& start_pages, app::Concerns& concerns,
                app::Handovers& handovers, app::ChildOverviews& children, app::Plans& plans,
                app::EmergencyAccess& emergency)
        : PageKit(kit),
          start_pages_(start_pages),
          concerns_(concerns),
          handovers_(handovers),
          children_(children),
          plans_(plans),
          emergency_(emergency) {}
    void Register(RouteTable& routes) const;

  private:
    Response Start(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    const app::StartPages& start_pages_;
    app::Concerns& concerns_;
    app::Handovers& handovers_;
    app::ChildOverviews& children_;
    app::Plans& plans_;
    app::EmergencyAccess& emergency_;
};

}  // namespace kronobarn::web
