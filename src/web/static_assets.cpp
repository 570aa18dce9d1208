#include "web/static_assets.hpp"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/crypto.hpp"

namespace kronobarn::web {
namespace {

std::string ContentTypeFor(const std::filesystem::path& path) {
    const std::string ext = path.extension().string();
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".woff2") return "font/woff2";
    if (ext == ".json") return "application/json";
    return "application/octet-stream";
}

}  // namespace

std::string GzipCompress(std::string_view data) {
    z_stream stream{};
    // windowBits 15 + 16 selects the gzip wrapper.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&stream, data.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return rc == Z_STREAM_END ? out : std::string();
}

Result<StaticAssets> StaticAssets::Load(const std::string& directory) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) return Error::Unavailable("assets directory missing: " + directory);
    StaticAssets assets;
    for (const auto& entry : fs::recursive_directory_iterator(directory, ec)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream file(entry.path(), std::ios::binary);
        std::ostringstream content;
        content << file.rdbuf();
        Asset asset;
        asset.content = content.str();
        asset.etag = "\"" + crypto::HashHex(asset.content).substr(0, 32) + "\"";
        asset.content_type = ContentTypeFor(entry.path());
        if (asset.content_type.rfind("text/", 0) == 0 || asset.content_type == "image/svg+xml") {
            std::string compressed = GzipCompress(asset.content);
            if (!compressed.empty() && compressed.size() < asset.content.size() * 9 / 10)
                asset.gzip = std::move(compressed);
        }
        assets.assets_.emplace(fs::relative(entry.path(), directory).generic_string(), std::move(asset));
    }
    if (ec) return Error::Unavailable("assets directory unreadable: " + ec.message());
    return assets;
}

Response StaticAssets::Serve(const Request& request, std::string_view relative_path) const {
    Response response;
    const auto it = assets_.find(relative_path);
    if (it == assets_.end()) {
        response.status = 404;
        response.content_type = "text/plain; charset=utf-8";
        response.body = "Not found\n";
        return response;
    }
    const Asset& asset = it->second;
    response.SetHeader("ETag", asset.etag);
    // Asset names are not fingerprinted yet, so browsers revalidate after five minutes.
    response.SetHeader("Cache-Control", "public, max-age=300");
    response.SetHeader("Vary", "Accept-Encoding");
    if (request.Header("if-none-match") == asset.etag) {
        response.status = 304;
        response.content_type.clear();
        return response;
    }
    response.content_type = asset.content_type;
    if (!asset.gzip.empty() && request.Header("accept-encoding").find("gzip") != std::string_view::npos) {
        response.SetHeader("Content-Encoding", "gzip");
        response.body = asset.gzip;
    } else {
        response.body = asset.content;
    }
    return response;
}

}  // namespace kronobarn::web
