// The holder's page for the family's logins: invitations and restrictions.
#pragma once

#include "app/family_accounts.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/family_pages.hpp"
#include "web/views/plan_pages.hpp"

namespace kronobarn::web {

class FamilyAccessRoutes : PageKit {
  public:
    FamilyAccessRoutes(const PageKit& kit, app::FamilyAccounts& family_accounts)
        : PageKit(kit), family_accounts_(family_accounts) {}
    void Register(RouteTable& routes) const;

  private:
    Response RenderFamilyAccess(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                                views::FormPageState state, const std::optional<app::Invitation>& invitation) const;
    // A refused change: the page again with the message (at the form `state` names, if any), or an
    // error page for what no correction on the form can mend.
    Response RenderFailure(const Request& request, const app::Actor& actor, domain::ChildId child, const Error& error,
                           views::FormPageState state) const;
    Response FamilyAccessShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyInvite(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyInviteByEmail(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyRestrict(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyPersonalNumber(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::FamilyAccounts& family_accounts_;
};

}  // namespace kronobarn::web
