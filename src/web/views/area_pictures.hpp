// Pictures of the wheel's areas for the child's own page: small inline SVG drawn in the text's own
// colour, so they look the same on every device and in print — never an emoji, whose glyph depends
// on the fonts a phone happens to have. Decorative: the area's name always stands beside it.
#pragma once

#include <string_view>

#include "web/html.hpp"

namespace kronobarn::web::views {

// An <svg aria-hidden="true"> for the area `code`; a star for an area the table does not know (a
// county's own area added to the catalogue).
void AreaPicture(Html& html, std::string_view code);

}  // namespace kronobarn::web::views
