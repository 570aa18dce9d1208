#include "web/i18n.hpp"

namespace kronobarn::web {

bool IsFamilyScopePath(std::string_view path) {
    for (std::string_view prefix : {"/familj", "/aktivera/", "/tillganglighet", "/logga-in"}) {
        if (path.starts_with(prefix)) return true;
    }
    return false;
}

}  // namespace kronobarn::web
