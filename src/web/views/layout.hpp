// The page frame every HTML page shares: language and direction attributes, skip link,
// landmarks (header, nav, main, footer), language switch, and — when signed in — who you are and a
// logout button. Accessible by construction so each page only writes its <main> content.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "web/html.hpp"
#include "web/i18n.hpp"

namespace kronobarn::web::views {

struct SignedIn {
    std::string display_name;
    std::string csrf_token;
    std::string settings_path;  // the person's own notification settings; empty: no link
};

struct PageFrame {
    std::string title;               // already translated
    std::string current_path = "/";  // for the language switch to come back to
    std::optional<SignedIn> signed_in;
    int refresh_seconds = 0;  // > 0: the page reloads itself (work still running on the server)
    // Non-empty: the page goes on to this address at once — a local path after a provider's answer (a
    // navigation from our own page, so the SameSite=Strict session cookie travels with it), or the
    // provider's end-session endpoint after signing out.
    std::string continue_to;
};

std::string RenderPage(const Translator& t, const PageFrame& frame, const Html& main_content);

}  // namespace kronobarn::web::views
