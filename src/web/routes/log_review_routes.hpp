// The log-review workbench (filters in the query string, so a view can be bookmarked or printed) and recording a
// review.
#pragma once

#include "app/log_review.hpp"
#include "web/page_kit.hpp"
#include "web/route_table.hpp"
#include "web/views/log_review_pages.hpp"

namespace kronobarn::web {

class LogReviewRoutes : PageKit {
  public:
    LogReviewRoutes(const PageKit& kit, app::LogReviews& log_reviews) : PageKit(kit), log_reviews_(log_reviews) {}
    void Register(RouteTable& routes) const;

  private:
    // Log review (log_review_handlers.cpp).
    Response RenderLogReview(const Request& request, const app::Actor& actor, views::LogReviewState state) const;
    Response LogReviewShow(const Request& request, const RouteParams& params, const app::Actor& actor) const;
    Response LogReviewRecord(const Request& request, const RouteParams& params, const app::Actor& actor) const;

    app::LogReviews& log_reviews_;
};

}  // namespace kronobarn::web
