// Write load for bench/run (issue 7, "action update"): each connection edits one Barnets plan over
// and over through the real form (POST /planer/{id}/grunduppgifter: session, CSRF, access decision,
// version check, plan change history, audit row, durable commit), following the plan's version as
// a browser would. Prints one KBRESULT line like bench/report.lua. A benchmark, never a test.
//   kronobarn_plan_writes --port P --cookie "kb_session=…" --csrf TOKEN --seconds S PLAN_PATH…
#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Clock = std::chrono::steady_clock;

struct Settings {
    unsigned short port = 0;
    std::string cookie;
    std::string csrf;
    int seconds = 10;
    std::vector<std::string> plans;
};

struct Tally {
    std::mutex mutex;
    std::vector<double> latencies_ms;  // of the successful writes
    long conflicts = 0;
    long errors = 0;
};

class Connection {
  public:
    explicit Connection(unsigned short port) : stream_(io_) {
        stream_.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    }
    http::response<http::string_body> Send(http::verb verb, const std::string& target, const Settings& settings,
                                           std::string body = {}) {
        http::request<http::string_body> request{verb, target, 11};
        request.set(http::field::host, "127.0.0.1");
        request.set(http::field::cookie, settings.cookie);
        request.keep_alive(true);
        if (verb == http::verb::post) request.set(http::field::content_type, "application/x-www-form-urlencoded");
        request.body() = std::move(body);
        request.prepare_payload();
        http::write(stream_, request);
        http::response<http::string_body> response;
        http::read(stream_, buffer_, response);
        return response;
    }

  private:
    asio::io_context io_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
};

// The version the plan page's forms carry, or -1.
long VersionOn(const std::string& page) {
    const std::string marker = "name=\"version\" value=\"";
    const auto at = page.find(marker);
    return at == std::string::npos ? -1 : std::atol(page.c_str() + at + marker.size());
}

void Writer(const Settings& settings, const std::string& plan, Clock::time_point until, Tally& tally) {
    Connection connection(settings.port);
    long version = VersionOn(connection.Send(http::verb::get, plan, settings).body());
    std::vector<double> latencies;
    long conflicts = 0, errors = 0;
    for (long n = 0; Clock::now() < until; ++n) {
        if (version < 0) {
            ++errors;
            break;
        }
        const std::string body = "csrf_token=" + settings.csrf + "&version=" + std::to_string(version) +
                                 "&reason=Benchmark+" + std::to_string(n) + "&follow_up_how=Vid+n%C3%A4sta+m%C3%B6te";
        const auto started = Clock::now();
        const auto response = connection.Send(http::verb::post, plan + "/grunduppgifter", settings, body);
        const auto status = response.result_int();
        if (status == 303) {
            latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
            ++version;
        } else if (status == 409) {
            ++conflicts;  // another connection on the same plan was first: read the version again
            version = VersionOn(connection.Send(http::verb::get, plan, settings).body());
        } else {
            ++errors;
            version = VersionOn(connection.Send(http::verb::get, plan, settings).body());
        }
    }
    std::lock_guard lock(tally.mutex);
    tally.latencies_ms.insert(tally.latencies_ms.end(), latencies.begin(), latencies.end());
    tally.conflicts += conflicts;
    tally.errors += errors;
}

double Percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

}  // namespace

int main(int argc, char** argv) {
    Settings settings;
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "--port" && i + 1 < argc)
            settings.port = static_cast<unsigned short>(std::atoi(argv[++i]));
        else if (option == "--cookie" && i + 1 < argc)
            settings.cookie = argv[++i];
        else if (option == "--csrf" && i + 1 < argc)
            settings.csrf = argv[++i];
        else if (option == "--seconds" && i + 1 < argc)
            settings.seconds = std::atoi(argv[++i]);
        else
            settings.plans.push_back(option);
    }
    if (settings.port == 0 || settings.cookie.empty() || settings.csrf.empty() || settings.plans.empty() ||
        settings.seconds <= 0) {
        std::cerr << "usage: kronobarn_plan_writes --port P --cookie C --csrf T [--seconds S] PLAN_PATH…\n";
        return 2;
    }
    Tally tally;
    const auto started = Clock::now();
    const auto until = started + std::chrono::seconds(settings.seconds);
    std::vector<std::thread> writers;
    for (const auto& plan : settings.plans) {
        writers.emplace_back([&, plan] {
            try {
                Writer(settings, plan, until, tally);
            } catch (const std::exception& e) {
                std::lock_guard lock(tally.mutex);
                ++tally.errors;
                std::cerr << "plan_writes: " << plan << ": " << e.what() << "\n";
            }
        });
    }
    for (auto& writer : writers) writer.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    std::sort(tally.latencies_ms.begin(), tally.latencies_ms.end());
    std::printf("KBRESULT rps=%.0f p50=%.2f p99=%.2f p999=%.2f errors=%ld requests=%zu conflicts=%ld\n",
                static_cast<double>(tally.latencies_ms.size()) / elapsed, Percentile(tally.latencies_ms, 50),
                Percentile(tally.latencies_ms, 99), Percentile(tally.latencies_ms, 99.9), tally.errors,
                tally.latencies_ms.size(), tally.conflicts);
    return 0;
}
