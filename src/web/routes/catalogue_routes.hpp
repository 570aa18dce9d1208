// Administration of the wheel catalogue: the areas, their texts and a new version.
#pragma once

#include "app/wheel_catalogue.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/catalogue_pages.hpp"
#include "web/views/plan_pages.hpp"

namespace kronobarn::web {

class CatalogueRoutes : PageKit {
  public:
    CatalogueRoutes(const PageKit& kit, app::WheelCatalogue& catalogue) : PageKit(kit), catalogue_(catalogue) {}
    void Register(RouteTable& routes) const;

  private:
    Response RenderCatalogue(const Request& request, const app::Actor& actor, int status,
                             views::FormPageState state) const;
    // Administration (admin_handlers.cpp).
    Response CatalogueShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response CataloguePublish(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::WheelCatalogue& catalogue_;
};

}  // namespace kronobarn::web
