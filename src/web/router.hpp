// Router: maps (method, path) to a handler. Patterns are literal segments and `{name}` captures,
// e.g. "/barn/{id}/plan"; a trailing "/*" matches any rest of the path (static assets). The
// matched pattern — never the raw path, which may hold identifiers — is what request logs show.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/http_types.hpp"

namespace kronobarn::web {

using RouteParams = std::map<std::string, std::string, std::less<>>;
using Handler = std::function<Response(const Request&, const RouteParams&)>;

struct RouteMatch {
    const Handler* handler = nullptr;  // null when nothing matched
    std::string pattern;               // the matched pattern, for logs
    RouteParams params;
    bool method_not_allowed = false;  // the path matched but not with this method
    std::size_t max_body_bytes = 0;   // the route's own body limit (an upload), 0: the server's
};

class Router {
  public:
    // `object`: the kind of id the route's {id} names ("child", "plan", "concern", "consent",
    // "handover"), empty for a route that names none. Tests walk it to send each route every kind of id.
    // `max_body_bytes`: a body limit of the route's own (an upload page), 0 for the server's.
    void Add(std::string method, std::string pattern, Handler handler, std::string object = {},
             std::size_t max_body_bytes = 0);
    RouteMatch Match(std::string_view method, std::string_view path) const;
    // Every registered (method, pattern), for tests that check each route's guard.
    std::vector<std::pair<std::string, std::string>> Routes() const;
    // The kind of id a registered route names, or empty.
    std::string ObjectOf(std::string_view method, std::string_view pattern) const;

  private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        bool wildcard_tail = false;
        Handler handler;
        std::string object;
        std::size_t max_body_bytes = 0;
    };
    static bool MatchSegments(const Route& route, const std::vector<std::string_view>& path, RouteParams& params);

    std::vector<Route> routes_;
};

}  // namespace kronobarn::web
