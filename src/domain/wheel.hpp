// Barnets bästa-hjulet: the areas of a child's life the model describes (domain.md §4). The
// catalogue is versioned data in the database (seeded by a migration); the domain knows only how
// an area code looks and the seed codes, so it can validate input without I/O.
#pragma once

#include <string_view>
#include <vector>

namespace kronobarn::domain {

// Seed codes of catalogue version 1: trygg, ma_bra, utvecklas, omvardad, aktiv, respekterad,
// ansvarstagande, delaktig.
const std::vector<std::string_view>& SeedWheelAreaCodes();

// A well-formed area code: 2–32 characters of a–z, 0–9 and '_'.
bool IsWellFormedWheelAreaCode(std::string_view code);

}  // namespace kronobarn::domain
