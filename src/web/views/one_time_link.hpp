// A one-time activation link shown to whoever gave the account, once, with a copy button: the
// family's login (the child's holder) and a new staff account (the organisation's administrator).
#pragma once

#include <string>

#include "web/html.hpp"
#include "web/i18n.hpp"

namespace kronobarn::web::views {

struct ShownInvitation {
    std::string name;
    std::string link;  // absolute URL with the one-time token
    std::string expires;
};

void OneTimeLink(Html& html, const Translator& t, const ShownInvitation& invitation);

}  // namespace kronobarn::web::views
