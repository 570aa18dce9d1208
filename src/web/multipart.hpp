// Reads multipart/form-data bodies (RFC 7578) — what a browser sends for a form with a file: the
// text fields as a form's (valid UTF-8 only, like ParseForm), the files as views of the body's
// bytes with their field and file names. Only what browsers send: no nested multiparts and no
// transfer encodings; anything else is "form.malformed", never a guess.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "web/form.hpp"

namespace kronobarn::web {

struct UploadedFile {
    std::string field;
    std::string filename;  // as the browser gave it, for messages only
    std::string content_type;
    std::string_view bytes;  // a view of the request body: valid while the request is
};

struct MultipartForm {
    FormFields fields;
    std::vector<UploadedFile> files;
    // The first file sent for `field`; nullptr when none (or an empty file input).
    const UploadedFile* File(std::string_view field) const;
};

// The boundary parameter of a multipart/form-data Content-Type; nullopt for any other type.
std::optional<std::string> MultipartBoundary(std::string_view content_type);

// Errors (kInvalidArgument): "form.malformed" (no boundary, a part without form-data
// disposition or name, a missing closing delimiter, more than 100 parts), "form.invalid_utf8".
Result<MultipartForm> ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace kronobarn::web
