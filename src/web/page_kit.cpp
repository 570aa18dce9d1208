#include "web/page_kit.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cctype>

#include "web/error_mapping.hpp"
#include "web/i18n.hpp"
#include "web/security.hpp"
#include "web/views/pages.hpp"

namespace kronobarn::web {

Response HtmlResponse(int status, std::string body) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

std::string_view PageKit::LanguageOf(const Request& request) {
    return Catalogue::Instance().Resolve(request.Cookie(kLanguageCookie), IsFamilyScopePath(request.path));
}

Response PageKit::ErrorPage(const Request& request, int status, std::string_view message_key) const {
    if (status == 404) message_key = "error.not_found";
    if (request.path.rfind("/api/", 0) == 0) return ApiError(request, status, message_key);
    if (request.path.rfind("/scim/", 0) == 0) {
        const Translator t("en");
        return ScimError(status, "", t(message_key));
    }
    const Translator t(LanguageOf(request));
    views::PageFrame frame{
        std::string(t(status == 404 ? "error.heading.not_found" : "error.heading.request")), "/", {}};
    if (status >= 500) frame.title = std::string(t("error.heading.server"));
    return HtmlResponse(status,
                        views::RenderPage(t, frame, views::ErrorContent(t, status, message_key, request.request_id)));
}

Response PageKit::ScimError(int status, std::string_view scim_type, std::string_view detail) {
    boost::json::object body{{"schemas", boost::json::array{"urn:ietf:params:scim:api:messages:2.0:Error"}},
                             {"status", std::to_string(status)},
                             {"detail", detail}};
    if (!scim_type.empty()) body["scimType"] = scim_type;
    Response response;
    response.status = status;
    response.content_type = "application/scim+json";
    response.body = boost::json::serialize(body);
    return response;
}

Response PageKit::ApiError(const Request& request, int status, std::string_view message_key) const {
    if (status == 404) message_key = "error.not_found";
    const Translator t(LanguageOf(request));
    boost::json::object body{
        {"error", {{"code", message_key}, {"message", t(message_key)}, {"request_id", request.request_id}}}};
    Response response;
    response.status = status;
    response.content_type = "application/json";
    response.body = boost::json::serialize(body);
    return response;
}

Response PageKit::NotFound(const Request& request) const { return ErrorPage(request, 404, "error.not_found"); }

Response PageKit::Fail(const Request& request, const Error& error) const {
    return ErrorPage(request, HttpStatusFor(error.code), error.message_key);
}

Response PageKit::ApiFail(const Request& request, const Error& error) const {
    return ApiError(request, HttpStatusFor(error.code), error.message_key);
}

views::SignedIn PageKit::SignedInAs(const Request& request, const app::Actor& actor) const {
    return {actor.user.display_name, CsrfTokenForSession(request.Cookie(kSessionCookie)),
            actor.user.IsFamily() ? "/familj/aviseringar" : "/aviseringar"};
}

Response PageKit::ChildDataPage(const Request& request, const app::Actor& actor, int status, std::string_view title_key,
                                const Html& content, std::string_view current_path) const {
    const Translator t(LanguageOf(request));
    views::PageFrame frame{std::string(t(title_key)), std::string(current_path), SignedInAs(request, actor)};
    Response response = HtmlResponse(status, views::RenderPage(t, frame, content));
    response.contains_child_data = true;
    return response;
}

Response PageKit::StaffPage(const Request& request, const app::Actor& actor, int status, const std::string& title,
                            std::string_view current_path, const Html& content) const {
    const Translator t(LanguageOf(request));
    views::PageFrame frame{title, std::string(current_path), SignedInAs(request, actor)};
    return HtmlResponse(status, views::RenderPage(t, frame, content));
}

std::string PageKit::Today() const { return FormatDate(Date{std::chrono::floor<std::chrono::days>(clock_->Now())}); }

std::string PageKit::OriginOf(const Request& request) const {
    const std::string host(request.Header("host"));
    const bool plain = !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    });
    if (!plain) return {};
    return (options_.secure_cookies ? "https://" : "http://") + host;
}

}  // namespace kronobarn::web
