#include "web/routes/log_review_routes.hpp"

#include "common/ids.hpp"
#include "web/error_mapping.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"

namespace kronobarn::web {
namespace {

constexpr std::array<const char*, 12> kFilterFields{"organisation", "from",   "to",    "username", "personal_number",
                                                    "unit",         "action", "metod", "flag",     "sample",
                                                    "seed",         "through"};
constexpr std::array<const char*, 6> kReviewFields{"organisation", "scope",        "checked",
                                                   "finding",      "finding_text", "action_taken"};

app::LogReviewQuery QueryOf(const views::TypedValues& typed) {
    auto get = [&](const char* name) { return views::ValueOf(typed, name); };
    app::LogReviewQuery query{get("organisation"),    get("from"), get("to"),     get("username"),
                              get("personal_number"), get("unit"), get("action"), get("flag"),
                              get("sample"),          get("seed"), get("through")};
    query.method = get("metod");
    return query;
}

}  // namespace

void LogReviewRoutes::Register(RouteTable& routes) const {
    routes.AddSession("GET", "/loggkontroll", Bind(this, &LogReviewRoutes::LogReviewShow));
    routes.AddSession("POST", "/loggkontroll/granskningar", Bind(this, &LogReviewRoutes::LogReviewRecord));
}

Response LogReviewRoutes::RenderLogReview(const Request& request, const app::Actor& actor,
                                          views::LogReviewState state) const {
    const Translator t(LanguageOf(request));
    int status = 200;
    auto page = log_reviews_.Search(actor, QueryOf(state.filter), ContextOf(request));
    if (!page) {
        const auto code = page.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), page.error().message_key);
        state.error_key = page.error().message_key;  // the filter as typed stays
        status = HttpStatusFor(code);
    }
    if (!state.review_error_key.empty()) status = 400;
    // The search already listed the organisations; only a refused filter needs them read again.
    auto organisations =
        page ? Result<std::vector<app::LogReviewOrganisation>>(page->organisations) : log_reviews_.Organisations(actor);
    if (!organisations) return Fail(request, organisations.error());
    state.csrf_token = CsrfTokenForSession(request.Cookie(kSessionCookie));
    state.providers = Options().sso_providers;
    state.providers.insert(state.providers.end(), Options().family_sso_providers.begin(),
                           Options().family_sso_providers.end());
    // Who opened which child's data is child data too.
    return ChildDataPage(request, actor, status, "log_review.heading",
                         views::LogReviewContent(t, *organisations, page ? &*page : nullptr, state), "/loggkontroll");
}

Response LogReviewRoutes::LogReviewShow(const Request& request, const RouteParams&, const app::Actor& actor) const {
    views::LogReviewState state;
    if (auto query = ParseForm(request.query)) {
        for (const char* field : kFilterFields) {
            if (const auto value = query->Get(field); !value.empty()) state.filter[field] = value;
        }
    }
    if (request.query.find("sparad=1") != std::string::npos) state.notice_key = "log_review.recorded";
    return RenderLogReview(request, actor, std::move(state));
}

Response LogReviewRoutes::LogReviewRecord(const Request& request, const RouteParams&, const app::Actor& actor) const {
    auto form = ParseForm(request.body);
    if (!form) return ErrorPage(request, 400, form.error().message_key);
    views::LogReviewState state;
    for (const char* field : kReviewFields) state.review[field] = form->Get(field);
    state.filter["organisation"] = form->Get("organisation");
    app::RecordedReview review{state.review["organisation"], state.review["scope"],
                               state.review["checked"],      state.review["finding"],
                               state.review["finding_text"], state.review["action_taken"]};
    auto recorded = log_reviews_.Record(actor, review, ContextOf(request));
    if (!recorded) {
        const auto code = recorded.error().code;
        if (!IsCorrectableOnForm(code)) return ErrorPage(request, HttpStatusFor(code), recorded.error().message_key);
        state.review_error_key = recorded.error().message_key;  // what was written stays in the form
        return RenderLogReview(request, actor, std::move(state));
    }
    const auto organisation = ParsePositiveId(state.review["organisation"]);
    return Response::Redirect(organisation ? "/loggkontroll?organisation=" + std::to_string(*organisation) + "&sparad=1"
                                           : "/loggkontroll?sparad=1");
}

}  // namespace kronobarn::web
