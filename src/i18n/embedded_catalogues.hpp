// Translation catalogues embedded from i18n/*.json at build time.
#pragma once

#include <string_view>
#include <vector>

namespace kronobarn::i18n {

std::string_view CatalogueFile(std::string_view lang);
std::vector<std::string_view> CatalogueFileNames();

}  // namespace kronobarn::i18n
