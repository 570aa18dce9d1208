// An organisation's staff for its system administrator: the list, and closing or opening an
// account. Only a system administrator reaches them; anyone else gets "not found".
#pragma once

#include "app/staff_admin.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/staff_pages.hpp"

namespace kronobarn::web {

class StaffRoutes : PageKit {
  public:
    StaffRoutes(const PageKit& kit, app::StaffAdmin& staff) : PageKit(kit), staff_(staff) {}
    void Register(RouteTable& routes) const;

  private:
    Response Render(const Request& request, const app::Actor& actor, int status, views::StaffFormState state) const;
    Response Show(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response SetOpen(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::StaffAdmin& staff_;
};

}  // namespace kronobarn::web
