// The routes anyone may call without a session: shared by the route-guard and choke-point tests,
// so a new public route is declared once.
#pragma once

#include <set>
#include <string>
#include <utility>

namespace kronobarn::testing {

inline const std::set<std::pair<std::string, std::string>> kPublicRoutes{
    {"GET", "/healthz"},
    {"GET", "/"},
    {"GET", "/logga-in"},
    {"POST", "/logga-in"},
    // The second step of a sign-in: its own short-lived cookie is the credential (never a session).
    {"GET", "/logga-in/kod"},
    {"POST", "/logga-in/kod"},
    {"GET", "/logga-in/aktivera-app"},
    {"POST", "/logga-in/aktivera-app"},
    // Single sign-on: to the provider, and its answer (the state and the browser's own cookie).
    {"GET", "/logga-in/sso/{provider}"},
    {"GET", "/logga-in/sso/{provider}/svar"},
    {"GET", "/sprak/{lang}"},
    {"GET", "/assets/*"},
    // Account activation: the one-time link is the credential; the accessibility statement is public.
    {"GET", "/aktivera/{token}"},
    {"POST", "/aktivera/{token}"},
    {"GET", "/tillganglighet"},
};

// The routes of an organisation's identity management (SCIM): no session, a bearer token of
// --scim-token-file instead (route_guard_test.cpp proves each refuses anything else).
inline const std::set<std::pair<std::string, std::string>> kProvisioningRoutes{
    {"GET", "/scim/v2/Users"},
    {"POST", "/scim/v2/Users"},
    {"GET", "/scim/v2/Users/{id}"},
    {"PUT", "/scim/v2/Users/{id}"},
    {"PATCH", "/scim/v2/Users/{id}"},
    {"DELETE", "/scim/v2/Users/{id}"},
    {"GET", "/scim/v2/ServiceProviderConfig"},
    {"GET", "/scim/v2/ResourceTypes"},
    {"GET", "/scim/v2/Schemas"},
};

}  // namespace kronobarn::testing
