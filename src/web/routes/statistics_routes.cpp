#include "web/routes/statistics_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {
namespace {

constexpr std::array<const char*, 8> kFilterFields{"measure",      "from",   "to",       "by",
                                                   "municipality", "sector", "age_band", "area"};

views::StatisticsState StateOf(const Request& request) {
    views::StatisticsState state;
    if (auto query = ParseForm(request.query)) {
        for (const char* field : kFilterFields) {
            if (const auto value = query->Get(field); !value.empty()) state.filter[field] = value;
        }
    }
    if (!request.query.empty()) state.query = "?" + request.query;
    return state;
}

app::StatisticsQuery QueryOf(const views::TypedValues& typed) {
    auto get = [&](const char* name) { return views::ValueOf(typed, name); };
    return {get("measure"),      get("from"),   get("to"),       get("by"),
            get("municipality"), get("sector"), get("age_band"), get("area")};
}

}  // namespace

void StatisticsRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/statistik", Bind(this, &StatisticsRoutes::StatisticsShow));
    routes.AddSession("GET", "/statistik.csv", Bind(this, &StatisticsRoutes::StatisticsDownload));
}

Response StatisticsRoutes::StatisticsShow(const Request& request, const RouteParams&, const app::Actor& actor) const {
    const Translator t(LanguageOf(request));
    auto state = StateOf(request);
    auto page = statistics_.Show(actor, QueryOf(state.filter), app::StatisticsUse::kView, ContextOf(request));
    int status = 200;
    bool has_table = true;
    int refresh_seconds = 0;
    if (!page && page.error().message_key == "statistics.counting") {
        // Accepted, still counting: the filter, a status message, and the page comes back by itself.
        state.counting = true;
        status = 202;
        refresh_seconds = 2;
        has_table = false;
        page = statistics_.Choices();
        if (!page) return Fail(request, page.error());
        page->table.threshold = statistics_.Threshold();
    } else if (!page) {
        const auto code = page.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), page.error().message_key);
        state.error_key = page.error().message_key;  // the filter as typed stays
        status = HttpStatusFor(code);
        has_table = false;
        page = statistics_.Choices();
        if (!page) return Fail(request, page.error());
        page->table.threshold = statistics_.Threshold();
    }
    views::PageFrame frame{std::string(t("statistics.heading")), "/statistik", SignedInAs(request, actor),
                           refresh_seconds};
    Response response;
    response.status = status;
    response.body = views::RenderPage(t, frame, views::StatisticsContent(t, *page, has_table, state));
    return response;
}

Response StatisticsRoutes::StatisticsDownload(const Request& request, const RouteParams&,
                                              const app::Actor& actor) const {
    const Translator t(LanguageOf(request));
    const auto state = StateOf(request);
    auto page = statistics_.Show(actor, QueryOf(state.filter), app::StatisticsUse::kDownload, ContextOf(request));
    if (!page) return Fail(request, page.error());
    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.body = views::StatisticsCsv(t, *page);
    response.SetHeader("Content-Disposition", "attachment; filename=\"kronobarn-statistik-" +
                                                  std::string(domain::DefinitionOf(page->filter.measure).code) +
                                                  ".csv\"");
    return response;
}

}  // namespace kronobarn::web
