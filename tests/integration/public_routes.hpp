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
    {"GET", "/sprak/{lang}"},
    {"GET", "/assets/*"},
    // Account activation: the one-time link is the credential; the accessibility statement is public.
    {"GET", "/aktivera/{token}"},
    {"POST", "/aktivera/{token}"},
    {"GET", "/tillganglighet"},
};

}  // namespace kronobarn::testing
