// Barnets bästa-hjulet: the areas of a child's life the model describes (domain.md §4). The
// catalogue is versioned data in the database (seeded by a migration); the domain knows only how
// an area code looks and the seed codes, so it can validate input without I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace kronobarn::domain {

// Seed codes of catalogue version 1: trygg, ma_bra, utvecklas, omvardad, aktiv, respekterad,
// ansvarstagande, delaktig.
const std::vector<std::string_view>& SeedWheelAreaCodes();

// A well-formed area code: 2–32 characters of a–z, 0–9 and '_'.
bool IsWellFormedWheelAreaCode(std::string_view code);

// One area of a catalogue version as an administrator edits it.
struct WheelAreaDefinition {
    std::string code;
    std::string label_sv;
    std::string label_en;
    std::string child_label_sv;
    std::string description_sv;
    std::string shanarri;  // the GIRFEC/SHANARRI indicator it maps to
    std::string bbic;      // Socialstyrelsen's BBIC area it maps to
};

inline constexpr std::size_t kMaxCatalogueText = 500;

// Checks a new catalogue version against the current one. Areas may be relabelled, reordered and
// added, never dropped: goals and signals refer to area codes, and a code must keep meaning the
// same area (old assessments keep the version they were made with). Errors (kInvalidArgument):
// "catalogue.note_missing", "catalogue.code_invalid", "catalogue.code_repeated",
// "catalogue.label_missing", "catalogue.text_too_long", "catalogue.area_dropped".
Status ValidateCatalogueVersion(const std::vector<WheelAreaDefinition>& current,
                                const std::vector<WheelAreaDefinition>& next, std::string_view note);

}  // namespace kronobarn::domain
