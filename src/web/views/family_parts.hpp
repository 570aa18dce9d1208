// Building blocks the family's pages share: headings, paragraphs, the notice or error summary at
// the top, and the links between one child's pages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/child.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/family_pages.hpp"

namespace kronobarn::web::views::family_parts {

std::string Id(std::int64_t id);
std::string ChildPath(domain::ChildId child);
void Heading(Html& html, int level, std::string_view text, std::string_view id = {});
void Paragraph(Html& html, std::string_view text, std::string_view css_class = {});
// Notice or error summary at the top of a page. An error links to the field it is about, so a
// keyboard or screen-reader user lands on it (WCAG 3.3.1).
void StateMessages(Html& html, const Translator& t, const FamilyFormState& state);
// The links between one child's family pages, the current one marked.
void ChildNav(Html& html, const Translator& t, domain::ChildId child, bool child_self, std::string_view current);

}  // namespace kronobarn::web::views::family_parts
