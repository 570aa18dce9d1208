// Barnets bästa-hjulet: a child's assessments and recording a new one.
#pragma once

#include "app/wheel_assessments.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/wheel_pages.hpp"

namespace kronobarn::web {

class WheelRoutes : PageKit {
  public:
    WheelRoutes(const PageKit& kit, app::WheelAssessments& wheel) : PageKit(kit), wheel_(wheel) {}
    void Register(RouteTable& routes) const;

  private:
    Response WheelShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response RenderWheelForm(const Request& request, const app::Actor& actor, domain::ChildId child, int status,
                             app::AssessmentForm values, std::string error_key,
                             std::optional<domain::ConcernId> signal) const;
    Response WheelNew(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response WheelCreate(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::WheelAssessments& wheel_;
};

}  // namespace kronobarn::web
