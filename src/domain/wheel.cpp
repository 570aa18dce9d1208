#include "domain/wheel.hpp"

#include <algorithm>

namespace kronobarn::domain {

const std::vector<std::string_view>& SeedWheelAreaCodes() {
    static const std::vector<std::string_view> codes{"trygg", "ma_bra",      "utvecklas",      "omvardad",
                                                     "aktiv", "respekterad", "ansvarstagande", "delaktig"};
    return codes;
}

bool IsWellFormedWheelAreaCode(std::string_view code) {
    return code.size() >= 2 && code.size() <= 32 && std::all_of(code.begin(), code.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
           });
}

Status ValidateCatalogueVersion(const std::vector<WheelAreaDefinition>& current,
                                const std::vector<WheelAreaDefinition>& next, std::string_view note) {
    if (note.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return Error::InvalidArgument("catalogue.note_missing");
    }
    if (note.size() > kMaxCatalogueText) return Error::InvalidArgument("catalogue.text_too_long");
    std::vector<std::string_view> codes;
    for (const auto& area : next) {
        if (!IsWellFormedWheelAreaCode(area.code)) return Error::InvalidArgument("catalogue.code_invalid");
        if (std::find(codes.begin(), codes.end(), area.code) != codes.end()) {
            return Error::InvalidArgument("catalogue.code_repeated");
        }
        codes.push_back(area.code);
        if (area.label_sv.find_first_not_of(' ') == std::string::npos ||
            area.label_en.find_first_not_of(' ') == std::string::npos) {
            return Error::InvalidArgument("catalogue.label_missing");
        }
        for (const auto* text :
             {&area.label_sv, &area.label_en, &area.child_label_sv, &area.description_sv, &area.shanarri, &area.bbic}) {
            if (text->size() > kMaxCatalogueText) return Error::InvalidArgument("catalogue.text_too_long");
        }
    }
    for (const auto& area : current) {
        if (std::find(codes.begin(), codes.end(), area.code) == codes.end()) {
            return Error::InvalidArgument("catalogue.area_dropped");
        }
    }
    return Ok();
}

}  // namespace kronobarn::domain
