// The county administrator's organisations: the list, a new organisation, a change (name, code,
// active). Only a county administrator reaches them; anyone else gets "not found".
#pragma once

#include "app/organisation_admin.hpp"
#include "web/form.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/organisation_pages.hpp"

namespace kronobarn::web {

class OrganisationRoutes : PageKit {
  public:
    OrganisationRoutes(const PageKit& kit, app::OrganisationAdmin& organisations)
        : PageKit(kit), organisations_(organisations) {}
    void Register(RouteTable& routes) const;

  private:
    Response Render(const Request& request, const app::Actor& actor, int status,
                    views::OrganisationFormState state) const;
    Response Show(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Create(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response Change(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response InviteAdministrator(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    // The page again with the failed form open, every field in error and what was typed; an error
    // no form can fix gets its error page.
    Response Failed(const Request& request, const app::Actor& actor, std::string form_name, const FormFields& fields,
                    const Error& error) const;

    app::OrganisationAdmin& organisations_;
};

}  // namespace kronobarn::web
