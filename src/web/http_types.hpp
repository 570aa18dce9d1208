// Request and Response as handlers see them: plain data, independent of Boost.Beast, so handlers
// and the router are testable (and fuzzable) without a socket.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kronobarn::app {
class AuditDeferral;
}

namespace kronobarn::web {

struct Request {
    std::string method;                                       // "GET", "POST", …
    std::string path;                                         // decoded path without query, e.g. "/login"
    std::string query;                                        // raw query string without '?'
    std::map<std::string, std::string, std::less<>> headers;  // names lower-cased
    std::string body;
    std::string client_address;
    std::string request_id;
    // Set by WebApp::Answer for a GET: the rows its reads leave, which its answer waits for.
    app::AuditDeferral* audit_deferral = nullptr;

    std::string_view Header(std::string_view name) const;
    // The value of cookie `name` from the Cookie header, or empty.
    std::string_view Cookie(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool contains_child_data = false;  // forces Cache-Control: no-store (set on every dynamic page anyway)

    void SetHeader(std::string name, std::string value);
    static Response Redirect(std::string location);  // 303 See Other
};

}  // namespace kronobarn::web
