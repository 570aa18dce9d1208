#include "web/views/area_pictures.hpp"

namespace kronobarn::web::views {
namespace {

struct Picture {
    std::string_view area;
    std::string_view path;  // one path in a 24 × 24 box, filled with the text colour (even-odd)
};

constexpr Picture kPictures[] = {
    {"trygg", "M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5z"},                                        // a shield
    {"ma_bra", "M12 21s-7-4.4-9.3-9A5 5 0 0 1 12 6a5 5 0 0 1 9.3 6c-2.3 4.6-9.3 9-9.3 9z"},               // a heart
    {"utvecklas", "M3 5h7a2 2 0 0 1 2 2v13a2 2 0 0 0-2-2H3zM21 5h-7a2 2 0 0 0-2 2v13a2 2 0 0 1 2-2h7z"},  // a book
    {"omvardad", "M3 11 12 3l9 8v10h-6v-6H9v6H3z"},                                                       // a house
    {"aktiv", "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 5 4 3-1.5 5h-5L8 10z"},                         // a ball
    {"respekterad", "M4 4h16v12H9l-5 4z"},  // a speech bubble
    {"ansvarstagande", "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1.5 14.5-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4z"},
    {"delaktig",
     "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3.3 3-6 7-6s7 2.7 7 6zm14.5 "
     "0c0-2-.8-3.8-2-5 .6-.3 1.3-.5 2-.5 3 0 5.5 2.5 5.5 5.5z"},  // two people
};
constexpr std::string_view kStar = "M12 2l3 6.5 7 .8-5.2 4.8 1.4 7L12 17.6 5.8 21.1l1.4-7L2 9.3l7-.8z";

}  // namespace

void AreaPicture(Html& html, std::string_view code) {
    std::string_view path = kStar;
    for (const auto& picture : kPictures) {
        if (picture.area == code) path = picture.path;
    }
    html << Raw("<svg class=\"kb-area-picture\" viewBox=\"0 0 24 24\" width=\"28\" height=\"28\" aria-hidden=\"true\" "
                "focusable=\"false\"><path fill=\"currentColor\" fill-rule=\"evenodd\" d=\"")
         << Raw(path) << Raw("\"/></svg>");
}

}  // namespace kronobarn::web::views
