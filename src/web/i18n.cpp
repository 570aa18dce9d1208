#include "web/i18n.hpp"

namespace kronobarn::web {

bool IsFamilyScopePath(std::string_view path) {
    // The second step of a local sign-in (/logga-in/kod, /logga-in/aktivera-app) is for staff only.
    if (path.starts_with("/logga-in/") && !path.starts_with("/logga-in/sso/")) return false;
    for (std::string_view prefix : {"/familj", "/aktivera/", "/tillganglighet", "/logga-in"}) {
        if (path.starts_with(prefix)) return true;
    }
    return false;
}

}  // namespace kronobarn::web
