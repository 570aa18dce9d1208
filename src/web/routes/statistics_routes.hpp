// The steering group's statistics: the table (filters in the query string) and the same table as CSV.
#pragma once

#include "app/statistics.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/statistics_pages.hpp"

namespace kronobarn::web {

class StatisticsRoutes : PageKit {
  public:
    StatisticsRoutes(const PageKit& kit, app::Statistics& statistics) : PageKit(kit), statistics_(statistics) {}
    void Register(RouteTable& routes) const;

  private:
    Response StatisticsShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response StatisticsDownload(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::Statistics& statistics_;
};

}  // namespace kronobarn::web
