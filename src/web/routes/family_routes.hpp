// The family's own pages (sv, en, ar): the plan, the child's page, their words, consents, who has opened the plan, the
// PDF and JSON. A staff account gets "not found" and a denied audit row (RouteTable).
#pragma once

#include "app/family_view.hpp"
#include "app/handovers.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/family_pages.hpp"

namespace kronobarn::web {

class FamilyRoutes : PageKit {
  public:
    FamilyRoutes(const PageKit& kit, app::FamilyView& family_view, app::Handovers& handovers)
        : PageKit(kit), family_view_(family_view), handovers_(handovers) {}
    void Register(RouteTable& routes) const;

  private:
    // The family's pages, activation, the accessibility statement (family_handlers.cpp).
    Response FamilyPage(const Request& request, const app::Actor& actor, int status, const std::string& title,
                        const Html& content) const;
    views::FamilyFormState FamilyState(const Request& request) const;
    Response FamilyHome(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderFamilyPlan(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                              views::FamilyFormState state, bool child_page) const;
    Response FamilyPlanShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyChildPage(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyWrite(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyAgree(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyActionReport(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderFamilyConsents(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                                  views::FamilyFormState state) const;
    Response FamilyConsents(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyConsentChange(const Request& request, const RouteParams& params, const app::Actor& actor,
                                 bool give) const;
    Response FamilyConsentWithdraw(const Request& request, const RouteParams& params, const app::Actor& actor) const {
        return FamilyConsentChange(request, params, actor, false);
    }
    Response FamilyConsentGive(const Request& request, const RouteParams& params, const app::Actor& actor) const {
        return FamilyConsentChange(request, params, actor, true);
    }
    Response FamilyPlanFollow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyAccessLog(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyPlanPdf(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response FamilyPlanJson(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::FamilyView& family_view_;
    app::Handovers& handovers_;
};

}  // namespace kronobarn::web
