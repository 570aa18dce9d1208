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

}  // namespace kronobarn::domain
