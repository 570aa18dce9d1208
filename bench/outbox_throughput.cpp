// How many messages per second go through the notification outbox (issue 25): enqueue N messages
// (each in its own transaction, as events write them), then S senders claim, word, hand on and mark
// them — on the engine --database names. The transport counts what it is handed instead of talking
// SMTP, so the figure is the outbox's own cost (a mail server's is its own). A benchmark, never a test.
//   kronobarn_outbox_throughput --database sqlite:/tmp/o.db|postgresql://… [--messages N] [--senders S]
#include <atomic>
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/outbox_sender.hpp"
#include "common/log.hpp"
#include "store/open_store.hpp"
#include "store/outbox_repository.hpp"
#include "store/store.hpp"

namespace kronobarn {
namespace {

class CountingTransport final : public app::MailTransport {
  public:
    Status Send(const app::MailMessage& message) override {
        std::lock_guard lock(mutex_);
        ++received_[message.message_id];
        return Ok();
    }
    std::size_t Distinct() {
        std::lock_guard lock(mutex_);
        return received_.size();
    }

  private:
    std::mutex mutex_;
    std::map<std::string, int> received_;
};

int Run(const std::string& database, int messages, int senders) {
    auto address = store::ParseDatabaseAddress(database);
    if (!address) return std::cerr << "bad --database\n", 2;
    std::vector<std::unique_ptr<store::sql::SqlStore>> stores;  // one per sender: as app servers have
    for (int s = 0; s < senders; ++s) {
        auto opened = store::OpenStore(*address, 4);
        if (!opened) return std::cerr << opened.error().detail << "\n", 1;
        stores.push_back(std::move(*opened));
    }
    if (!stores[0]->Migrate()) return std::cerr << "migrate failed\n", 1;
    const SystemClock clock;
    const auto enqueue_started = std::chrono::steady_clock::now();
    for (int n = 0; n < messages; ++n) {
        auto uow = stores[0]->Begin(store::TransactionMode::kWrite);
        domain::Notification notification;
        notification.address = "skolan@vaxjo.example";
        notification.unit_name = "Växjö Centralskola";
        notification.link_path = "/oro/" + std::to_string(n);
        if (!uow || !(*uow)->Outbox().Enqueue(notification, "<b" + std::to_string(n) + "@bench>", clock.Now()) ||
            !(*uow)->Commit()) {
            return std::cerr << "enqueue failed\n", 1;
        }
    }
    const double enqueue_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - enqueue_started).count();
    CountingTransport transport;
    std::atomic<int> sent{0};
    const auto send_started = std::chrono::steady_clock::now();
    std::vector<std::thread> workers;
    for (int s = 0; s < senders; ++s) {
        workers.emplace_back([&, s] {
            app::OutboxSender sender(*stores[s], clock, transport,
                                     {"Kronobarn <k@kronoberg.example>", "https://kronobarn.example"});
            if (auto run = sender.RunOnce()) sent += run->sent;
        });
    }
    for (auto& worker : workers) worker.join();
    const double send_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - send_started).count();
    std::cout << "| engine | messages | enqueued/s (one transaction each) | senders | sent/s | sent twice |\n"
              << "|---|---:|---:|---:|---:|---:|\n"
              << "| " << (address->engine == store::DatabaseAddress::Engine::kSqlite ? "SQLite" : "PostgreSQL") << " | "
              << messages << " | " << static_cast<long>(messages / enqueue_s) << " | " << senders << " | "
              << static_cast<long>(sent.load() / send_s) << " | "
              << (sent.load() - static_cast<int>(transport.Distinct())) << " |\n";
    return sent.load() == messages ? 0 : 1;
}

}  // namespace
}  // namespace kronobarn

int main(int argc, char** argv) {
    std::string database;
    int messages = 2000, senders = 2;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--database") database = argv[i + 1];
        if (flag == "--messages") messages = std::atoi(argv[i + 1]);
        if (flag == "--senders") senders = std::atoi(argv[i + 1]);
    }
    if (database.empty() || messages < 1 || senders < 1) {
        std::cerr << "usage: kronobarn_outbox_throughput --database ADDRESS [--messages N] [--senders S]\n";
        return 2;
    }
    kronobarn::log::SetLevel(kronobarn::log::Level::kWarn);
    return kronobarn::Run(database, messages, senders);
}
