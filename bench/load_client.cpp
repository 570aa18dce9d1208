// Load client for bench/run's scenarios that wrk cannot drive (issue 7). A benchmark, never a test.
//
// writes: each connection edits one Barnets plan over and over through the real form
//   (POST /planer/{id}/grunduppgifter: session, CSRF, access decision, version check, plan change
//   history, audit row, durable commit), following the plan's version as a browser would.
// mixed: --connections connections each draw, request by request, 80 % reads (a participant opens
//   a plan), 15 % task lists (a holder's start page) and 5 % writes (the holder opens one of the
//   plans and updates it as above; the update is the request counted); each kind is also counted
//   on its own.
//
// Prints one KBRESULT line like bench/report.lua (mixed: also reads/lists/writes per second).
//   kronobarn_load_client --port P --cookie "kb_session=…" --csrf TOKEN --seconds S PLAN_PATH…
//   kronobarn_load_client --mixed --connections N --read-cookie C --read PATH --list PATH
//                         --port P --cookie C --csrf T --seconds S PLAN_PATH…
#include <algorithm>
#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <random>
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
    std::string cookie;  // the plans' holder: writes and (mixed) the task list
    std::string csrf;
    int seconds = 10;
    std::vector<std::string> plans;
    bool mixed = false;
    int connections = 64;
    std::string read_cookie;  // mixed: the participant who reads
    std::string read_path;
    std::string list_path;
};

enum Kind { kRead, kList, kWrite, kKinds };

struct Tally {
    std::mutex mutex;
    std::vector<double> latencies_ms;  // of every successful request
    std::array<long, kKinds> done{};   // successful requests by kind
    long conflicts = 0;
    long errors = 0;

    void Add(const std::vector<double>& latencies, const std::array<long, kKinds>& by_kind, long conflicts_seen,
             long errors_seen) {
        std::lock_guard lock(mutex);
        latencies_ms.insert(latencies_ms.end(), latencies.begin(), latencies.end());
        for (int kind = 0; kind < kKinds; ++kind) done[kind] += by_kind[kind];
        conflicts += conflicts_seen;
        errors += errors_seen;
    }
};

class Connection {
  public:
    explicit Connection(unsigned short port) : stream_(io_) {
        stream_.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    }
    http::response<http::string_body> Send(http::verb verb, const std::string& target, const std::string& cookie,
                                           std::string body = {}) {
        http::request<http::string_body> request{verb, target, 11};
        request.set(http::field::host, "127.0.0.1");
        request.set(http::field::cookie, cookie);
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

double Millis(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

// One plan's edits on one connection, following its version.
class PlanWriter {
  public:
    PlanWriter(const Settings& settings, std::string plan) : settings_(settings), plan_(std::move(plan)) {}

    enum class Outcome { kWritten, kConflict, kError };

    // `open_first`: open the plan page before submitting, as a person does after a while elsewhere
    // (the mixed load; without it the version would be stale every time).
    Outcome Write(Connection& connection, long n, double& latency_ms, bool open_first = false) {
        if (version_ < 0 || open_first) Reread(connection);
        if (version_ < 0) return Outcome::kError;
        const std::string body = "csrf_token=" + settings_.csrf + "&version=" + std::to_string(version_) +
                                 "&reason=Benchmark+" + std::to_string(n) + "&follow_up_how=Vid+n%C3%A4sta+m%C3%B6te";
        const auto started = Clock::now();
        const auto status =
            connection.Send(http::verb::post, plan_ + "/grunduppgifter", settings_.cookie, body).result_int();
        latency_ms = Millis(started);
        if (status == 303) {
            ++version_;
            return Outcome::kWritten;
        }
        version_ = -1;  // another connection on the same plan was first (409), or worse: read it again
        return status == 409 ? Outcome::kConflict : Outcome::kError;
    }

  private:
    void Reread(Connection& connection) {
        version_ = VersionOn(connection.Send(http::verb::get, plan_, settings_.cookie).body());
    }

    const Settings& settings_;
    std::string plan_;
    long version_ = -1;
};

void Writer(const Settings& settings, const std::string& plan, Clock::time_point until, Tally& tally) {
    Connection connection(settings.port);
    PlanWriter writer(settings, plan);
    std::vector<double> latencies;
    std::array<long, kKinds> done{};
    long conflicts = 0, errors = 0;
    for (long n = 0; Clock::now() < until; ++n) {
        double latency = 0;
        const auto outcome = writer.Write(connection, n, latency);
        if (outcome == PlanWriter::Outcome::kWritten) {
            latencies.push_back(latency);
            ++done[kWrite];
        } else if (outcome == PlanWriter::Outcome::kConflict) {
            ++conflicts;
        } else if (++errors > 1000) {
            break;
        }
    }
    tally.Add(latencies, done, conflicts, errors);
}

void MixedUser(const Settings& settings, int index, Clock::time_point until, Tally& tally) {
    Connection connection(settings.port);
    PlanWriter writer(settings, settings.plans[static_cast<std::size_t>(index) % settings.plans.size()]);
    std::mt19937 draw(static_cast<unsigned>(index) + 1);  // the same mix in every run
    std::uniform_int_distribution<int> percent(0, 99);
    std::vector<double> latencies;
    std::array<long, kKinds> done{};
    long conflicts = 0, errors = 0;
    for (long n = 0; Clock::now() < until; ++n) {
        const int p = percent(draw);
        const Kind kind = p < 80 ? kRead : p < 95 ? kList : kWrite;
        double latency = 0;
        bool ok = false;
        if (kind == kWrite) {
            const auto outcome = writer.Write(connection, n, latency, true);
            ok = outcome == PlanWriter::Outcome::kWritten;
            if (outcome == PlanWriter::Outcome::kConflict) ++conflicts;
            if (outcome == PlanWriter::Outcome::kError) ++errors;
        } else {
            const auto started = Clock::now();
            const auto status = connection
                                    .Send(http::verb::get, kind == kRead ? settings.read_path : settings.list_path,
                                          kind == kRead ? settings.read_cookie : settings.cookie)
                                    .result_int();
            latency = Millis(started);
            ok = status == 200;
            if (!ok) ++errors;
        }
        if (ok) {
            latencies.push_back(latency);
            ++done[kind];
        }
        if (errors > 1000) break;
    }
    tally.Add(latencies, done, conflicts, errors);
}

double Percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

bool Parse(int argc, char** argv, Settings& settings) {
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        const bool has_value = i + 1 < argc;
        if (option == "--mixed") {
            settings.mixed = true;
        } else if (option == "--port" && has_value) {
            settings.port = static_cast<unsigned short>(std::atoi(argv[++i]));
        } else if (option == "--cookie" && has_value) {
            settings.cookie = argv[++i];
        } else if (option == "--csrf" && has_value) {
            settings.csrf = argv[++i];
        } else if (option == "--seconds" && has_value) {
            settings.seconds = std::atoi(argv[++i]);
        } else if (option == "--connections" && has_value) {
            settings.connections = std::atoi(argv[++i]);
        } else if (option == "--read-cookie" && has_value) {
            settings.read_cookie = argv[++i];
        } else if (option == "--read" && has_value) {
            settings.read_path = argv[++i];
        } else if (option == "--list" && has_value) {
            settings.list_path = argv[++i];
        } else if (option.rfind("--", 0) == 0) {
            return false;
        } else {
            settings.plans.push_back(option);
        }
    }
    const bool mixed_complete = !settings.mixed || (settings.connections > 0 && !settings.read_cookie.empty() &&
                                                    !settings.read_path.empty() && !settings.list_path.empty());
    return settings.port != 0 && !settings.cookie.empty() && !settings.csrf.empty() && !settings.plans.empty() &&
           settings.seconds > 0 && mixed_complete;
}

}  // namespace

int main(int argc, char** argv) {
    Settings settings;
    if (!Parse(argc, argv, settings)) {
        std::cerr << "usage: kronobarn_load_client --port P --cookie C --csrf T [--seconds S] PLAN_PATH…\n"
                     "       kronobarn_load_client --mixed --connections N --read-cookie C --read PATH --list PATH\n"
                     "                             --port P --cookie C --csrf T [--seconds S] PLAN_PATH…\n";
        return 2;
    }
    Tally tally;
    const auto started = Clock::now();
    const auto until = started + std::chrono::seconds(settings.seconds);
    std::vector<std::thread> clients;
    const int count = settings.mixed ? settings.connections : static_cast<int>(settings.plans.size());
    for (int index = 0; index < count; ++index) {
        clients.emplace_back([&, index] {
            try {
                if (settings.mixed) {
                    MixedUser(settings, index, until, tally);
                } else {
                    Writer(settings, settings.plans[static_cast<std::size_t>(index)], until, tally);
                }
            } catch (const std::exception& e) {
                std::lock_guard lock(tally.mutex);
                ++tally.errors;
                std::cerr << "load_client: connection " << index << ": " << e.what() << "\n";
            }
        });
    }
    for (auto& client : clients) client.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    std::sort(tally.latencies_ms.begin(), tally.latencies_ms.end());
    std::printf("KBRESULT rps=%.0f p50=%.2f p99=%.2f p999=%.2f errors=%ld requests=%zu conflicts=%ld",
                static_cast<double>(tally.latencies_ms.size()) / elapsed, Percentile(tally.latencies_ms, 50),
                Percentile(tally.latencies_ms, 99), Percentile(tally.latencies_ms, 99.9), tally.errors,
                tally.latencies_ms.size(), tally.conflicts);
    if (settings.mixed) {
        std::printf(" reads_ps=%.0f lists_ps=%.0f writes_ps=%.0f", static_cast<double>(tally.done[kRead]) / elapsed,
                    static_cast<double>(tally.done[kList]) / elapsed,
                    static_cast<double>(tally.done[kWrite]) / elapsed);
    }
    std::printf("\n");
    return 0;
}
