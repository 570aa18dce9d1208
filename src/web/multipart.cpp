#include "web/multipart.hpp"

#include <algorithm>
#include <cctype>

#include "common/text.hpp"

namespace kronobarn::web {
namespace {

constexpr std::size_t kMaxParts = 100;

Error Malformed(std::string detail) { return Error::InvalidArgument("form.malformed", std::move(detail)); }

std::string_view TrimmedView(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

// `value; key="quoted"; key=token` → the parameter `key`, unquoted (browsers write a quote in a
// name as %22, so a quoted value ends at the next quote).
std::optional<std::string> Parameter(std::string_view header_value, std::string_view key) {
    std::size_t at = header_value.find(';');
    while (at != std::string_view::npos) {
        std::string_view rest = TrimmedView(header_value.substr(at + 1));
        const auto equals = rest.find('=');
        if (equals == std::string_view::npos) return std::nullopt;
        const std::string_view name = TrimmedView(rest.substr(0, equals));
        std::string_view value = rest.substr(equals + 1);
        std::size_t consumed;
        if (!value.empty() && value.front() == '"') {
            const auto close = value.find('"', 1);
            if (close == std::string_view::npos) return std::nullopt;
            consumed = close + 1;
            value = value.substr(1, close - 1);
        } else {
            consumed = std::min(value.find(';'), value.size());
            value = TrimmedView(value.substr(0, consumed));
        }
        if (EqualsIgnoringCase(name, key)) return std::string(value);
        const std::size_t value_start = static_cast<std::size_t>(rest.data() - header_value.data()) + equals + 1;
        at = header_value.find(';', value_start + consumed);
    }
    return std::nullopt;
}

}  // namespace

const UploadedFile* MultipartForm::File(std::string_view field) const {
    const auto found =
        std::find_if(files.begin(), files.end(), [&](const UploadedFile& file) { return file.field == field; });
    return found == files.end() ? nullptr : &*found;
}

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
    const std::string_view type = TrimmedView(content_type.substr(0, content_type.find(';')));
    if (!EqualsIgnoringCase(type, "multipart/form-data")) return std::nullopt;
    auto boundary = Parameter(content_type, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
    return boundary;
}

Result<MultipartForm> ParseMultipart(std::string_view content_type, std::string_view body) {
    const auto boundary = MultipartBoundary(content_type);
    if (!boundary) return Malformed("no multipart/form-data boundary");
    const std::string delimiter = "--" + *boundary;
    const std::string next_delimiter = "\r\n" + delimiter;
    if (!body.starts_with(delimiter)) return Malformed("the body does not open with its boundary");
    std::size_t at = delimiter.size();
    MultipartForm form;
    for (std::size_t parts = 0;; ++parts) {
        if (body.substr(at, 2) == "--") return form;  // the closing delimiter
        if (body.substr(at, 2) != "\r\n") return Malformed("a boundary not followed by a line break");
        if (parts == kMaxParts) return Malformed("too many parts");
        at += 2;
        const auto headers_end = body.find("\r\n\r\n", at);
        if (headers_end == std::string_view::npos) return Malformed("a part without the end of its headers");
        std::optional<std::string> name, filename;
        std::string part_type;
        std::string_view headers = body.substr(at, headers_end - at);
        while (!headers.empty()) {
            const auto line_end = std::min(headers.find("\r\n"), headers.size());
            const std::string_view line = headers.substr(0, line_end);
            headers.remove_prefix(std::min(line_end + 2, headers.size()));
            const auto colon = line.find(':');
            if (colon == std::string_view::npos) return Malformed("a part header without a colon");
            const std::string_view header = TrimmedView(line.substr(0, colon));
            const std::string_view value = TrimmedView(line.substr(colon + 1));
            if (EqualsIgnoringCase(header, "content-disposition")) {
                if (!EqualsIgnoringCase(TrimmedView(value.substr(0, value.find(';'))), "form-data")) {
                    return Malformed("a part that is not form-data");
                }
                name = Parameter(value, "name");
                filename = Parameter(value, "filename");
            } else if (EqualsIgnoringCase(header, "content-type")) {
                part_type = std::string(value);
            } else if (EqualsIgnoringCase(header, "content-transfer-encoding")) {
                return Malformed("a transfer encoding");
            }
        }
        if (!name || name->empty()) return Malformed("a part without a name");
        const std::size_t content_start = headers_end + 4;
        const auto content_end = body.find(next_delimiter, content_start);
        if (content_end == std::string_view::npos) return Malformed("a part without its closing boundary");
        const std::string_view content = body.substr(content_start, content_end - content_start);
        if (!IsValidUtf8(*name)) return Error::InvalidArgument("form.invalid_utf8");
        if (filename) {
            // An empty file input sends a part with an empty file name and no bytes: no file.
            if (!filename->empty() || !content.empty()) {
                if (!IsValidUtf8(*filename)) return Error::InvalidArgument("form.invalid_utf8");
                form.files.push_back({*name, *filename, part_type, content});
            }
        } else {
            if (!IsValidUtf8(content)) return Error::InvalidArgument("form.invalid_utf8");
            form.fields.Add(*name, std::string(content));
        }
        at = content_end + next_delimiter.size();
    }
}

}  // namespace kronobarn::web
