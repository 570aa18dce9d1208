// Static assets (CSS, JS, icons) loaded into memory at start-up from the assets directory, each
// with a strong ETag and, when it pays, a gzip copy compressed once.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "web/http_types.hpp"

namespace kronobarn::web {

class StaticAssets {
  public:
    // Loads every regular file under `directory` (recursively). kUnavailable when it is missing.
    static Result<StaticAssets> Load(const std::string& directory);

    // 200 with the asset (gzip when accepted), 304 when If-None-Match matches, 404 when unknown.
    Response Serve(const Request& request, std::string_view relative_path) const;
    std::size_t Count() const { return assets_.size(); }

  private:
    struct Asset {
        std::string content;
        std::string gzip;  // empty when compression does not pay
        std::string etag;
        std::string content_type;
    };
    std::map<std::string, Asset, std::less<>> assets_;
};

// gzip-compresses `data` (zlib, best compression).
std::string GzipCompress(std::string_view data);

}  // namespace kronobarn::web
