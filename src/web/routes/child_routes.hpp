// The child's page and the handover of Barnens bästa-ansvaret: request, answer, withdraw, and whether the plan follows.
#pragma once

#include "app/child_overview.hpp"
#include "app/handovers.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/child_pages.hpp"
#include "web/views/plan_pages.hpp"

namespace kronobarn::web {

class ChildRoutes : PageKit {
  public:
    ChildRoutes(const PageKit& kit, app::ChildOverviews& children, app::Handovers& handovers)
        : PageKit(kit), children_(children), handovers_(handovers) {}
    void Register(RouteTable& routes) const;

  private:
    Response RenderChild(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                         views::FormPageState state) const;
    Response ChildShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ChildHandover(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response HandoverPlanFollow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response HandoverAnswer(const Request& request, const RouteParams& params, const app::Actor& actor,
                            bool accept) const;
    Response HandoverAccept(const Request& request, const RouteParams& params, const app::Actor& actor) const {
        return HandoverAnswer(request, params, actor, true);
    }
    Response HandoverDecline(const Request& request, const RouteParams& params, const app::Actor& actor) const {
        return HandoverAnswer(request, params, actor, false);
    }
    Response HandoverCancel(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::ChildOverviews& children_;
    app::Handovers& handovers_;
};

}  // namespace kronobarn::web
