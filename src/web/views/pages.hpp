// The HTML pages of the foundation: login, start page, and the error pages.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/start_page.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"

namespace kronobarn::web::views {

struct LoginForm {
    std::string username;    // kept after a failed attempt
    std::string error_key;   // translation key of the message to show, empty for none
    std::string notice_key;  // e.g. "session.expired" after a timeout
    std::string csrf_token;
    std::vector<std::pair<std::string, std::string>> providers;         // single sign-on: (name, label)
    std::vector<std::pair<std::string, std::string>> family_providers;  // e-ID for guardians and children
};

Html LoginContent(const Translator& t, const LoginForm& form);
// A page that goes on by itself (PageFrame::continue_to): its heading and the same way on as a link.
Html OnwardContent(const Translator& t, std::string_view heading_key, std::string_view href, std::string_view link_key);
// Sections with an entry in `filled` show that content; the others their empty-state text.
Html StartContent(const Translator& t, const app::StartPageModel& model,
                  const std::map<app::StartSection, Html>& filled);
// A short page for an error status: a heading, the message and a way back.
// A start-page section that is an explanation and one link onward (administration, log review,
// statistics): the section's text and the page it leads to.
Html LinkSection(const Translator& t, std::string_view text_key, std::string_view href, std::string_view link_key);

Html ErrorContent(const Translator& t, int status, std::string_view message_key, std::string_view request_id);

}  // namespace kronobarn::web::views
