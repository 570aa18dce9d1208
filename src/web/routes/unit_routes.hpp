// An organisation's units for its system administrator: the list, a new unit, a change (name,
// municipality, external id, contact, first day), merging into another unit, closing and reopening. Only a system
// administrator reaches them; anyone else gets "not found".
#pragma once

#include "app/unit_admin.hpp"
#include "web/form.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/unit_pages.hpp"

namespace kronobarn::web {

class UnitRoutes : PageKit {
  public:
    UnitRoutes(const PageKit& kit, app::UnitAdmin& units) : PageKit(kit), units_(units) {}
    void Register(RouteTable& routes) const;

  private:
    Response Render(const Request& request, const app::Actor& actor, int status, views::UnitFormState state) const;
    Response Show(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Create(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Change(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Close(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Reopen(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Merge(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    // The page again with the failed form open (every field in error and what was typed), a
    // refused step at the top, or the error page for anything no form can fix.
    Response Failed(const Request& request, const app::Actor& actor, std::string form_name, const FormFields& fields,
                    const Error& error) const;

    app::UnitAdmin& units_;
};

}  // namespace kronobarn::web
