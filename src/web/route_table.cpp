#include "web/route_table.hpp"

#include "common/crypto.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"
#include "web/form.hpp"
#include "web/handler_support.hpp"
#include "web/multipart.hpp"
#include "web/security.hpp"

namespace kronobarn::web {

void RouteTable::AddPublic(std::string method, std::string pattern, Handler handler) {
    router_.Add(std::move(method), std::move(pattern), std::move(handler));
}

void RouteTable::AddSession(std::string method, std::string pattern, SessionHandler handler, SessionRoute route) {
    std::string object = route.object;
    const std::size_t upload_bytes = route.upload_bytes;
    router_.Add(std::move(method), std::move(pattern), Guarded(std::move(handler), std::move(route)), std::move(object),
                upload_bytes);
}

void RouteTable::AddProvisioning(std::string method, std::string pattern, ProvisioningHandler handler) {
    router_.Add(std::move(method), std::move(pattern),
                [this, handler = std::move(handler)](const Request& request, const RouteParams& params) {
                    const std::string_view header = request.Header("authorization");
                    constexpr std::string_view kBearer = "Bearer ";
                    const std::string_view presented =
                        header.starts_with(kBearer) ? header.substr(kBearer.size()) : std::string_view();
                    // Every configured token is compared, so the time taken says nothing of which matched.
                    const ScimToken* matched = nullptr;
                    for (const auto& configured : kit_.Options().scim_tokens) {
                        if (crypto::ConstantTimeEquals(configured.token, presented) && !presented.empty()) {
                            matched = &configured;
                        }
                    }
                    if (matched == nullptr) {
                        log::Warn("scim_unauthorized",
                                  {{"request_id", request.request_id}, {"client", request.client_address}});
                        Response refused = PageKit::ScimError(401, "", "A valid bearer token is required.");
                        refused.SetHeader("WWW-Authenticate", "Bearer realm=\"kronobarn-scim\"");
                        return refused;
                    }
                    return handler(request, params, matched->organisation_code);
                });
}

Handler RouteTable::Guarded(SessionHandler handler, SessionRoute route) const {
    return [this, handler = std::move(handler), route = std::move(route)](const Request& request,
                                                                          const RouteParams& params) -> Response {
        const std::string_view token = request.Cookie(kSessionCookie);
        auto actor = authentication_.Authenticate(token);
        if (!actor) {
            if (actor.error().code != ErrorCode::kUnauthenticated) return kit_.Fail(request, actor.error());
            if (route.api) return kit_.ApiError(request, 401, actor.error().message_key);
            Response redirect = Response::Redirect(
                actor.error().message_key == "session.expired" ? "/logga-in?orsak=utloggad" : "/logga-in");
            if (!token.empty()) {
                redirect.SetHeader("Set-Cookie", ExpiredCookieHeader(kSessionCookie, kit_.Options().secure_cookies));
            }
            return redirect;
        }
        if (request.method != "GET" && request.method != "HEAD") {
            const bool upload = route.upload_bytes > 0 && MultipartBoundary(request.Header("content-type"));
            if (!upload && !IsFormPost(request)) {
                return kit_.ErrorPage(request, 415, "error.unsupported_media_type");
            }
            const auto fields = [&]() -> Result<FormFields> {
                if (!upload) return ParseForm(request.body);
                KB_ASSIGN_OR_RETURN(auto form, ParseMultipart(request.Header("content-type"), request.body));
                return std::move(form.fields);
            }();
            if (!fields || !CsrfTokenMatches(CsrfTokenForSession(token), fields->Get(kCsrfField))) {
                return kit_.ErrorPage(request, 403, "error.csrf");
            }
        }
        // Refused before any use case runs, yet recorded like every other denial: a family account
        // on a professional's page, a professional on the family's pages (a holder reading "the
        // family's view" would be allowed by the decision yet answered 404), and an id that is no id.
        const auto id = params.find("id");
        const std::string raw_id = id == params.end() ? std::string() : id->second;
        std::string_view refusal;
        if (route.audience == Audience::kStaff && actor->user.IsFamily()) {
            refusal = "staff_page";
        } else if (route.audience == Audience::kFamily && !actor->user.IsFamily()) {
            refusal = "family_page";
        } else if (!route.object.empty() && !ParsePositiveId(raw_id)) {
            refusal = "bad_id";
        }
        if (!refusal.empty()) {
            const auto recorded = refusals_.Record(*actor, route.object.empty() ? "page" : route.object,
                                                   route.object.empty() ? std::string_view(request.path) : raw_id,
                                                   refusal, ContextOf(request));
            if (!recorded) return kit_.Fail(request, recorded.error());
            return kit_.NotFound(request);
        }
        return handler(request, params, *actor);
    };
}

}  // namespace kronobarn::web
