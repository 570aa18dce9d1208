#include "web/router.hpp"

namespace kronobarn::web {
namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start) segments.push_back(path.substr(start, end - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return segments;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, std::string object,
                 std::size_t max_body_bytes) {
    Route route{std::move(method), pattern, {}, false, std::move(handler), std::move(object), max_body_bytes};
    for (std::string_view segment : SplitPath(pattern)) route.segments.emplace_back(segment);
    if (!route.segments.empty() && route.segments.back() == "*") {
        route.segments.pop_back();
        route.wildcard_tail = true;
    }
    routes_.push_back(std::move(route));
}

bool Router::MatchSegments(const Route& route, const std::vector<std::string_view>& path, RouteParams& params) {
    if (route.wildcard_tail ? path.size() <= route.segments.size() : path.size() != route.segments.size()) {
        return false;
    }
    for (std::size_t i = 0; i < route.segments.size(); ++i) {
        const std::string& segment = route.segments[i];
        if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
            params.emplace(segment.substr(1, segment.size() - 2), std::string(path[i]));
        } else if (segment != path[i]) {
            return false;
        }
    }
    if (route.wildcard_tail) {
        std::string rest;
        for (std::size_t i = route.segments.size(); i < path.size(); ++i) {
            if (!rest.empty()) rest.push_back('/');
            rest.append(path[i]);
        }
        params.emplace("*", std::move(rest));
    }
    return true;
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
    RouteMatch result;
    const auto segments = SplitPath(path);
    for (const Route& route : routes_) {
        RouteParams params;
        if (!MatchSegments(route, segments, params)) continue;
        const bool method_matches = route.method == method || (method == "HEAD" && route.method == "GET");
        if (!method_matches) {
            result.method_not_allowed = true;
            continue;
        }
        result.handler = &route.handler;
        result.pattern = route.pattern;
        result.params = std::move(params);
        result.method_not_allowed = false;
        result.max_body_bytes = route.max_body_bytes;
        return result;
    }
    return result;
}

std::vector<std::pair<std::string, std::string>> Router::Routes() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Route& route : routes_) out.emplace_back(route.method, route.pattern);
    return out;
}

std::string Router::ObjectOf(std::string_view method, std::string_view pattern) const {
    for (const Route& route : routes_) {
        if (route.method == method && route.pattern == pattern) return route.object;
    }
    return {};
}

}  // namespace kronobarn::web
