// An organisation's staff for its system administrator: the list, a new account with its activation
// link, roles given and taken back, a fresh link, closing or opening an account. Only a system administrator reaches
// them; anyone else gets "not found".
#pragma once

#include "app/staff_admin.hpp"
#include "web/form.hpp"
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
    Response Create(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response NewLink(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response AddRole(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RemoveRole(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response ResetSecondFactor(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response SetOpen(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    // The page again after a change the administrator can correct on it (a field, a refused step),
    // or the error page for anything else.
    Response Refused(const Request& request, const app::Actor& actor, std::string form_name, const FormFields& fields,
                     const Error& error) const;
    // The page with a link just made, shown once (never in a redirect's URL).
    Response WithLink(const Request& request, const app::Actor& actor, const app::Invitation& invitation,
                      std::string notice_key) const;

    app::StaffAdmin& staff_;
};

}  // namespace kronobarn::web
