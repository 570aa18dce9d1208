// "Mina aviseringar" for staff (/aviseringar) and families (/familj/aviseringar, in Arabic too),
// and the administrators' failed deliveries (/admin/utskick).
#pragma once

#include "app/notification_settings.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/notification_pages.hpp"

namespace kronobarn::web {

class NotificationRoutes : PageKit {
  public:
    NotificationRoutes(const PageKit& kit, app::NotificationSettings& settings) : PageKit(kit), settings_(settings) {}
    void Register(RouteTable& routes) const;

  private:
    Response Render(const Request& request, const app::Actor& actor, int status,
                    views::NotificationSettingsState state) const;
    Response Show(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Save(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Failed(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::NotificationSettings& settings_;
};

}  // namespace kronobarn::web
