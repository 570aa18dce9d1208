#include "web/http_server.hpp"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "common/crypto.hpp"
#include "common/log.hpp"

namespace kronobarn::web {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class Connection;

// Shared by the listener and every connection.
struct ServerState {
    ServerState(const WebApp& web_app, ServerOptions server_options)
        : app(web_app), options(std::move(server_options)) {}

    const WebApp& app;
    ServerOptions options;
    std::string request_id_prefix = crypto::RandomToken(6);
    std::atomic<std::uint64_t> request_counter{0};
    std::atomic<bool> stopping{false};
    // Answers handed to the audit writer and not yet back on their connection: the io_context must
    // outlive them (HttpServer::Run waits for them before it returns).
    std::atomic<int> answers_awaited{0};
    std::mutex mutex;
    std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;

    std::string NextRequestId() { return request_id_prefix + "-" + std::to_string(++request_counter); }
};

class Connection : public std::enable_shared_from_this<Connection> {
  public:
    Connection(tcp::socket&& socket, ServerState& state) : stream_(std::move(socket)), state_(state) {}

    ~Connection() {
        std::lock_guard lock(state_.mutex);
        state_.connections.erase(this);
    }

    void Start() {
        {
            std::lock_guard lock(state_.mutex);
            state_.connections.emplace(this, weak_from_this());
        }
        asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
    }

    // Called on shutdown: an idle connection closes now; a busy one after its response.
    void ShutdownIfIdle() {
        asio::post(stream_.get_executor(), [self = shared_from_this()] {
            if (self->waiting_for_request_) self->Close();
        });
    }

  private:
    void Read() {
        if (state_.stopping) return Close();
        parser_.emplace();
        parser_->body_limit(boost::none);  // the route's limit is set once the header names it
        parser_->header_limit(static_cast<std::uint32_t>(state_.options.max_header_bytes));
        waiting_for_request_ = buffer_.size() == 0;
        stream_.expires_after(waiting_for_request_ ? state_.options.idle_timeout : state_.options.read_timeout);
        http::async_read_header(stream_, buffer_, *parser_,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
    }

    void OnHeader(beast::error_code ec) {
        waiting_for_request_ = false;
        if (ec) return OnReadError(ec);
        // The body limit is the route's: an upload page takes more than the server's (and only it).
        // The header was read without one, so the declared length is checked here.
        std::size_t limit = state_.options.max_body_bytes;
        const auto& header = parser_->get();
        if (header.method() == http::verb::post) {
            const std::string_view target = header.target();
            limit = std::max(limit, state_.app.UploadLimitFor("POST", target.substr(0, target.find('?'))));
        }
        if (const auto length = parser_->content_length(); length && *length > limit) {
            return OnReadError(http::error::body_limit);
        }
        parser_->body_limit(limit);
        // The request has begun: the rest must arrive within the read timeout — an upload's within
        // the time a 50 MB file takes on an ordinary office line.
        stream_.expires_after(limit > state_.options.max_body_bytes
                                  ? std::max<std::chrono::seconds>(state_.options.read_timeout, kUploadReadTimeout)
                                  : state_.options.read_timeout);
        http::async_read(stream_, buffer_, *parser_,
                         [self = shared_from_this()](beast::error_code ec2, std::size_t) { self->OnRead(ec2); });
    }

    void OnReadError(beast::error_code ec) {
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
            ec == asio::error::connection_reset || ec == asio::error::eof) {
            return Close();
        }
        Request request;
        request.request_id = state_.NextRequestId();
        int status = 400;
        std::string_view key = "error.bad_request";
        if (ec == http::error::body_limit) {
            status = 413;
            key = "error.payload_too_large";
        } else if (ec == http::error::header_limit) {
            status = 431;
            key = "error.headers_too_large";
        }
        Response response = state_.app.ErrorPage(request, status, key);
        log::Warn("request_rejected",
                  {{"request_id", request.request_id}, {"status", std::to_string(status)}, {"reason", ec.message()}});
        Write(std::move(response), /*keep_alive=*/false, /*head=*/false);
    }

    void OnRead(beast::error_code ec) {
        if (ec) return OnReadError(ec);
        const auto started = std::chrono::steady_clock::now();
        auto beast_request = parser_->release();

        Request request;
        request.request_id = state_.NextRequestId();
        request.method = std::string(beast_request.method_string());
        const std::string_view target = beast_request.target();
        const auto question = target.find('?');
        request.path = std::string(target.substr(0, question));
        if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
        for (const auto& field : beast_request) {
            std::string name(field.name_string());
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            request.headers[std::move(name)] = std::string(field.value());
        }
        request.body = std::move(beast_request.body());
        beast::error_code endpoint_ec;
        const auto remote = stream_.socket().remote_endpoint(endpoint_ec);
        request.client_address = endpoint_ec ? "unknown" : remote.address().to_string();

        Answered answered{request.request_id, request.method, started, beast_request.keep_alive(),
                          beast_request.method() == http::verb::head};
        if (request.path.empty() || request.path.front() != '/') {
            return Respond(std::move(answered),
                           {state_.app.ErrorPage(request, 400, "error.bad_request"), "bad_target"});
        }
        // The answer may come from the audit writer's thread once the request's audit rows are
        // durable: it is handed back to this connection's strand. The connection lives until then
        // even if its client has gone, and the rows are committed regardless.
        ++state_.answers_awaited;
        state_.app.Answer(std::move(request),
                          [self = shared_from_this(), answered = std::move(answered)](Handled handled) mutable {
                              auto executor = self->stream_.get_executor();
                              asio::dispatch(executor, [self = std::move(self), answered = std::move(answered),
                                                        handled = std::move(handled)]() mutable {
                                  --self->state_.answers_awaited;
                                  self->Respond(std::move(answered), std::move(handled));
                              });
                          });
    }

    // What the request log and the response need of a request whose answer may come later.
    struct Answered {
        std::string request_id;
        std::string method;
        std::chrono::steady_clock::time_point started;
        bool keep_alive = false;
        bool head = false;
    };

    void Respond(Answered answered, Handled handled) {
        const auto micros =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - answered.started)
                .count();
        log::Info("request", {{"request_id", answered.request_id},
                              {"method", answered.method},
                              {"route", handled.route},
                              {"status", std::to_string(handled.response.status)},
                              {"duration_us", std::to_string(micros)}});
        Write(std::move(handled.response), answered.keep_alive && !state_.stopping, answered.head);
    }

    void Write(Response response, bool keep_alive, bool head) {
        auto message = std::make_shared<http::response<http::string_body>>();
        message->version(11);
        message->result(static_cast<unsigned>(response.status));
        if (!response.content_type.empty()) message->set(http::field::content_type, response.content_type);
        for (auto& [name, value] : response.headers) message->insert(name, value);
        message->keep_alive(keep_alive);
        message->body() = std::move(response.body);
        message->prepare_payload();
        if (head) message->body().clear();  // Content-Length stays that of the GET body
        stream_.expires_after(state_.options.read_timeout);
        http::async_write(stream_, *message,
                          [self = shared_from_this(), message, keep_alive](beast::error_code ec, std::size_t) {
                              if (ec || !keep_alive) return self->Close();
                              self->Read();
                          });
    }

    void Close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.socket().close(ignored);
    }

    beast::tcp_stream stream_;
    ServerState& state_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    bool waiting_for_request_ = false;
};

}  // namespace

struct HttpServer::Impl {
    Impl(const WebApp& app, ServerOptions options)
        : state{app, std::move(options)},
          io(std::max(1, state.options.threads)),
          acceptor(asio::make_strand(io)),
          signals(io),
          deadline(io),
          accept_pause(acceptor.get_executor()) {}

    void Accept() {
        acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
            if (ec) {
                if (ec == asio::error::operation_aborted || state.stopping) return;
                log::Warn("accept_failed", {{"reason", ec.message()}});
                // Out of file descriptors (thousands of idle connections): the pending connection
                // stays queued, so accepting again at once would spin. Idle ones time out meanwhile.
                if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space) {
                    accept_pause.expires_after(std::chrono::milliseconds(100));
                    accept_pause.async_wait([this](beast::error_code wait_ec) {
                        if (!wait_ec && !state.stopping) Accept();
                    });
                    return;
                }
            } else {
                std::make_shared<Connection>(std::move(socket), state)->Start();
            }
            if (!state.stopping) Accept();
        });
    }

    void BeginShutdown() {
        if (state.stopping.exchange(true)) return;
        log::Info("shutdown_started");
        asio::post(acceptor.get_executor(), [this] {
            beast::error_code ignored;
            acceptor.close(ignored);
        });
        signals.cancel();
        asio::post(acceptor.get_executor(), [this] { accept_pause.cancel(); });
        std::vector<std::shared_ptr<Connection>> live;
        {
            std::lock_guard lock(state.mutex);
            for (auto& [raw, weak] : state.connections) {
                if (auto connection = weak.lock()) live.push_back(std::move(connection));
            }
        }
        for (auto& connection : live) connection->ShutdownIfIdle();
        // Connections that are still busy after the grace period are cut off.
        deadline.expires_after(state.options.shutdown_grace);
        deadline.async_wait([this](beast::error_code ec) {
            if (!ec) io.stop();
        });
        // Poll until no connection is left, then let the deadline go so io.run() can return.
        WaitForDrain();
    }

    void WaitForDrain() {
        auto poll = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(20));
        poll->async_wait([this, poll](beast::error_code) {
            bool empty = false;
            {
                std::lock_guard lock(state.mutex);
                empty = state.connections.empty();
            }
            if (empty) {
                deadline.cancel();
            } else {
                WaitForDrain();
            }
        });
    }

    ServerState state;
    asio::io_context io;
    tcp::acceptor acceptor;
    asio::signal_set signals;
    asio::steady_timer deadline;
    asio::steady_timer accept_pause;
};

HttpServer::HttpServer(const WebApp& app, ServerOptions options)
    : impl_(std::make_unique<Impl>(app, std::move(options))) {}

HttpServer::~HttpServer() = default;

Result<std::uint16_t> HttpServer::Listen() {
    beast::error_code ec;
    const auto address = asio::ip::make_address(impl_->state.options.address, ec);
    if (ec) return Error::InvalidArgument("config.listen_address", ec.message());
    const tcp::endpoint endpoint(address, impl_->state.options.port);
    auto& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return Error::Unavailable("listen on " + endpoint.address().to_string() + ": " + ec.message());
    impl_->Accept();
    return acceptor.local_endpoint().port();
}

void HttpServer::Run(bool handle_signals) {
    if (handle_signals) {
        impl_->signals.add(SIGINT);
        impl_->signals.add(SIGTERM);
        impl_->signals.async_wait([this](beast::error_code ec, int) {
            if (!ec) impl_->BeginShutdown();
        });
    }
    std::vector<std::thread> extra;
    for (int i = 1; i < impl_->state.options.threads; ++i) extra.emplace_back([this] { impl_->io.run(); });
    impl_->io.run();
    for (auto& thread : extra) thread.join();
    // An answer still waiting for its audit rows when the grace period ended: its commit ends soon
    // (or fails) and hands the answer to the io_context, which must still run then.
    while (impl_->state.answers_awaited.load() > 0) {
        impl_->io.restart();
        impl_->io.run_for(std::chrono::milliseconds(10));
    }
    log::Info("shutdown_complete");
}

void HttpServer::Stop() {
    asio::post(impl_->io, [this] { impl_->BeginShutdown(); });
}

}  // namespace kronobarn::web
