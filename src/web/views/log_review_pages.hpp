// The log-review workbench (loggkontroll): filter, rule flags, sample, the rows, and the form that
// records a review.
#pragma once

#include <string>
#include <vector>

#include "app/log_review.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/form_fields.hpp"

namespace kronobarn::web::views {

struct LogReviewState {
    TypedValues filter;            // the query as typed (kept after an error)
    TypedValues review;            // the review form as typed
    std::string error_key;         // beside the filter
    std::string review_error_key;  // beside the review form
    std::string notice_key;
    std::string csrf_token;
    // The single sign-on providers this server trusts (name, label): the sign-in method filter.
    std::vector<std::pair<std::string, std::string>> providers;
};

// `page` is empty when the filter could not be run (then only the filter and the error show).
Html LogReviewContent(const Translator& t, const std::vector<app::LogReviewOrganisation>& organisations,
                      const app::LogReviewPage* page, const LogReviewState& state);

}  // namespace kronobarn::web::views
