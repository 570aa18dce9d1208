#include "web/http_types.hpp"

namespace kronobarn::web {

std::string_view Request::Header(std::string_view name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string_view{} : std::string_view{it->second};
}

std::string_view Request::Cookie(std::string_view name) const {
    std::string_view cookies = Header("cookie");
    while (!cookies.empty()) {
        const auto end = cookies.find(';');
        std::string_view pair = cookies.substr(0, end);
        cookies = end == std::string_view::npos ? std::string_view{} : cookies.substr(end + 1);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    }
    return {};
}

void Response::SetHeader(std::string name, std::string value) {
    for (auto& [existing, current] : headers) {
        if (existing == name) {
            current = std::move(value);
            return;
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
}

Response Response::Redirect(std::string location) {
    Response response;
    response.status = 303;
    response.SetHeader("Location", std::move(location));
    return response;
}

}  // namespace kronobarn::web
