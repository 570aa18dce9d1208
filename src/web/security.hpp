// Browser-facing security: response headers on every response, CSRF tokens, session cookies.
#pragma once

#include <string>
#include <string_view>

#include "web/http_types.hpp"

namespace kronobarn::web {

inline constexpr std::string_view kSessionCookie = "kb_session";
inline constexpr std::string_view kLoginCsrfCookie = "kb_login_csrf";
// A sign-in that passed the password and waits for its second step; never a session.
inline constexpr std::string_view kLoginStepCookie = "kb_login_step";
inline constexpr std::string_view kLanguageCookie = "kb_lang";
inline constexpr std::string_view kCsrfField = "csrf_token";

// Strict CSP without inline script, nosniff, no referrer, no framing. Every non-asset response
// also gets Cache-Control: no-store so no page with child data lingers in a shared computer's cache.
void ApplySecurityHeaders(Response& response, bool is_static_asset);

// The CSRF token for a session: a keyed hash of the session token, so it needs no storage and
// changes with every login.
std::string CsrfTokenForSession(std::string_view session_token);

// True when `submitted` equals `expected` (constant time) and neither is empty.
bool CsrfTokenMatches(std::string_view expected, std::string_view submitted);

// Set-Cookie values. HttpOnly and SameSite=Strict always; Secure when configured (behind TLS).
std::string SessionCookieHeader(std::string_view name, std::string_view value, bool secure);
std::string ExpiredCookieHeader(std::string_view name, bool secure);

// True for a local path such as "/start" (not "//evil.example" or "https://…"): safe to redirect to.
bool IsLocalPath(std::string_view path);

}  // namespace kronobarn::web
