// HttpServer: Boost.Beast over Asio. Accepts connections, parses requests within size limits
// (413 for a body, 431 for headers), applies read and keep-alive timeouts, hands each request to
// WebApp and writes one structured log line per request (request id, method, route pattern, status,
// duration — never the raw path). Stop() lets in-flight requests finish, closes idle connections,
// and forces the rest closed after a grace period.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "common/result.hpp"
#include "web/web_app.hpp"

namespace kronobarn::web {

// An upload page's body may take this long to arrive (50 MB at about 10 Mbit/s is 40 s).
inline constexpr std::chrono::seconds kUploadReadTimeout{120};

struct ServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;  // 0 picks a free port (tests)
    int threads = 2;
    std::size_t max_body_bytes = 1024 * 1024;
    std::size_t max_header_bytes = 16 * 1024;
    std::chrono::seconds read_timeout{15};  // to receive a whole request once it has started
    std::chrono::seconds idle_timeout{60};  // keep-alive connection with no request
    std::chrono::seconds shutdown_grace{10};
};

class HttpServer {
  public:
    HttpServer(const WebApp& app, ServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and starts listening. Returns the bound port. kUnavailable when the address is taken.
    Result<std::uint16_t> Listen();
    // Serves until Stop() (or SIGINT/SIGTERM when `handle_signals`), then returns.
    void Run(bool handle_signals);
    // Thread-safe; returns at once. Run() returns when in-flight requests are done.
    void Stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kronobarn::web
