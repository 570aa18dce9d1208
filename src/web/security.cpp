#include "web/security.hpp"

#include "common/crypto.hpp"

namespace kronobarn::web {

void ApplySecurityHeaders(Response& response, bool is_static_asset) {
    response.SetHeader("Content-Security-Policy",
                       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                       "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                       "base-uri 'none'; object-src 'none'");
    response.SetHeader("X-Content-Type-Options", "nosniff");
    response.SetHeader("Referrer-Policy", "no-referrer");
    response.SetHeader("X-Frame-Options", "DENY");
    response.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.SetHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (!is_static_asset || response.contains_child_data) response.SetHeader("Cache-Control", "no-store");
}

std::string CsrfTokenForSession(std::string_view session_token) {
    return crypto::HashHex("kronobarn-csrf-v1", session_token);
}

bool CsrfTokenMatches(std::string_view expected, std::string_view submitted) {
    return !expected.empty() && !submitted.empty() && crypto::ConstantTimeEquals(expected, submitted);
}

std::string SessionCookieHeader(std::string_view name, std::string_view value, bool secure) {
    std::string header(name);
    header.append("=").append(value).append("; Path=/; HttpOnly; SameSite=Strict");
    if (secure) header.append("; Secure");
    return header;
}

std::string ExpiredCookieHeader(std::string_view name, bool secure) {
    std::string header(name);
    header.append("=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    if (secure) header.append("; Secure");
    return header;
}

bool IsLocalPath(std::string_view path) {
    return path.size() >= 1 && path.front() == '/' && (path.size() == 1 || (path[1] != '/' && path[1] != '\\')) &&
           path.find_first_of("\r\n") == std::string_view::npos;
}

}  // namespace kronobarn::web
