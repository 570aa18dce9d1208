// A QR code as inline SVG (libqrencode draws the modules): sharp at any zoom and in print, no image
// request, no script.
#pragma once

#include <string_view>

#include "web/html.hpp"

namespace kronobarn::web::views {

// Appends `text` encoded with medium error correction; `label` is what a screen reader says instead.
// Nothing when the text does not fit a QR code (never for an enrolment address).
void QrCodeSvg(Html& html, std::string_view text, std::string_view label);

}  // namespace kronobarn::web::views
