// The web layer's names for the translation catalogue (i18n/catalogue.hpp), and which pages speak
// the family's languages.
#pragma once

#include <string_view>

#include "i18n/catalogue.hpp"

namespace kronobarn::web {

using i18n::Catalogue;
using i18n::Translator;

// Pages that speak the family's languages too: the family's own pages and the public pages
// everyone passes through (login, activation, accessibility statement).
bool IsFamilyScopePath(std::string_view path);

}  // namespace kronobarn::web
