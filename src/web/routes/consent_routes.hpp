// The child's consents as the professionals record them: the page, a new consent or refusal, a withdrawal.
#pragma once

#include "app/consents.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/plan_pages.hpp"

namespace kronobarn::web {

class ConsentRoutes : PageKit {
  public:
    ConsentRoutes(const PageKit& kit, app::Consents& consents) : PageKit(kit), consents_(consents) {}
    void Register(RouteTable& routes) const;

  private:
    Response RenderConsents(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                            views::FormPageState state) const;
    Response ConsentsShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConsentsCreate(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ConsentWithdraw(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::Consents& consents_;
};

}  // namespace kronobarn::web
