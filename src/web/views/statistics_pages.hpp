// The steering group's statistics page (statistik): filter, an accessible bar chart with its
// numbers in a table beside it, and the same table as CSV.
#pragma once

#include <string>

#include "app/statistics.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/form_fields.hpp"

namespace kronobarn::web::views {

struct StatisticsState {
    TypedValues filter;     // the query as typed (kept after an error)
    std::string error_key;  // beside the filter
    std::string query;      // the query string, for the CSV link
    bool counting = false;  // the numbers are still being counted: say so (the page reloads itself)
};

// `page` holds the filter's choices always and, unless `state.error_key` is set, the table.
Html StatisticsContent(const Translator& t, const app::StatisticsPage& page, bool has_table,
                       const StatisticsState& state);

// The table as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read å, ä, ö).
std::string StatisticsCsv(const Translator& t, const app::StatisticsPage& page);

}  // namespace kronobarn::web::views
