#include "web/views/qr_svg.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace kronobarn::web::views {
namespace {

constexpr int kQuietZone = 4;  // modules of white around the code, as the standard asks

struct QrDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

void QrCodeSvg(Html& html, std::string_view text, std::string_view label) {
    const std::string input(text);
    std::unique_ptr<QRcode, QrDeleter> code(QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) return;
    const int width = code->width;
    const int size = width + 2 * kQuietZone;
    std::string path;
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            // Bit 0 of each byte is the module's colour (1: dark); the others say what it is part of.
            if ((code->data[y * width + x] & 1) == 0) continue;
            path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h1v1h-1z";
        }
    }
    html << Raw("<svg class=\"kb-qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ") << size << Raw(" ") << size
         << Raw("\" width=\"240\" height=\"240\" role=\"img\" aria-label=\"") << label
         << Raw("\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>")
         << Raw("<path fill=\"#000\" d=\"") << path << Raw("\"/></svg>");
}

}  // namespace kronobarn::web::views
