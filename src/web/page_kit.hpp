// PageKit: what every area's handlers share to answer a request — the error page and its JSON
// twin, the reader's language, today by the injected clock, the page frame of a signed-in person.
// Each route area (web/routes/) holds one, so a handler's error path is one line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "common/error.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "web/html.hpp"
#include "web/http_types.hpp"
#include "web/views/layout.hpp"

namespace kronobarn::web {

// One organisation's identity management, by the bearer token it provisions with (--scim-token-file).
struct ScimToken {
    std::string organisation_code;
    std::string token;
};

struct WebOptions {
    bool secure_cookies = false;
    std::vector<ScimToken> scim_tokens;
    // The login page's single sign-on buttons: (provider name, label), in the order configured.
    std::vector<std::pair<std::string, std::string>> sso_providers;
    // The same for families' Swedish e-ID (an e-ID broker), shown in a section of their own.
    std::vector<std::pair<std::string, std::string>> family_sso_providers;
    std::string public_url;  // where browsers reach us; the providers send them back to it after signing out
};

class PageKit {
  public:
    PageKit(const Clock& clock, WebOptions options) : clock_(&clock), options_(options) {}

    // The language the request is read in: its cookie, limited to what its path's pages speak.
    static std::string_view LanguageOf(const Request& request);

    // The error page, or the JSON error on /api/. A 404 always says "not found", whichever use
    // case said so: whatever was not found, or may not be seen, looks the same.
    Response ErrorPage(const Request& request, int status, std::string_view message_key) const;
    Response ApiError(const Request& request, int status, std::string_view message_key) const;
    // RFC 7644 §3.12's error body; `scim_type` empty when the status says it all.
    static Response ScimError(int status, std::string_view scim_type, std::string_view detail);
    Response NotFound(const Request& request) const;
    // The page for a use case's error: its status from the one table in error_mapping.cpp.
    Response Fail(const Request& request, const Error& error) const;
    Response ApiFail(const Request& request, const Error& error) const;

    // A page in the site's frame for a signed-in person, marked as holding child data (never cached).
    Response ChildDataPage(const Request& request, const app::Actor& actor, int status, std::string_view title_key,
                           const Html& content, std::string_view current_path = "/start") const;
    // The same without child data (administration, statistics).
    Response StaffPage(const Request& request, const app::Actor& actor, int status, const std::string& title,
                       std::string_view current_path, const Html& content) const;
    views::SignedIn SignedInAs(const Request& request, const app::Actor& actor) const;

    // Today by the injected clock, as the date forms start from.
    std::string Today() const;
    // Now by the injected clock (never the system clock: tests and the PDF's date agree).
    Timestamp Now() const { return clock_->Now(); }
    // The address people reach this server by ("https://kronobarn.example"), for a link shown to be
    // sent on; from the Host header, only when it holds nothing but host characters.
    std::string OriginOf(const Request& request) const;
    const WebOptions& Options() const { return options_; }

  private:
    const Clock* clock_;
    WebOptions options_;
};

// An HTML response with this status and body.
Response HtmlResponse(int status, std::string body);

}  // namespace kronobarn::web
