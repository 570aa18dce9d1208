// What the audit row costs an audited read (issue 4 §3): the same plan read — the plan with its
// parts, the child's relations and consents, the access decision — with and without a durable
// audit row through the group-commit writer, sequentially and from concurrent threads, on a SQLite
// file in WAL mode with synchronous=FULL. With the row, two ways: the thread waits for the commit
// (a POST's reads, the CLI), or hands the row over and reads on while the commit tells it (a GET
// through the web server, ADR 007); the run ends when every row is durable. Prints one markdown table. Run by
// bench/run; a benchmark, never a test.
//   kronobarn_audit_cost [--children N] [--reads N] [--threads T]
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "app/child_context.hpp"
#include "app/demo_data.hpp"
#include "common/crypto.hpp"
#include "common/log.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace kronobarn {
namespace {

struct Figures {
    double reads_per_second = 0;
    double mean_microseconds = 0;
};

enum class Audit { kNone, kWaited, kHandedOver };

// Rows handed over and not yet durable, and those that failed (kHandedOver).
std::atomic<int> rows_in_flight{0};
std::atomic<int> rows_failed{0};

// One read as a plan page does it, with its audit row as `audit` says.
bool ReadPlan(store::Store& store, domain::PlanId plan_id, Audit audit, Timestamp now) {
    auto uow = store.Begin(store::TransactionMode::kRead);
    if (!uow) return false;
    auto plan = (*uow)->Plans().Find(plan_id);
    if (!plan || !*plan) return false;
    domain::AccessTarget target;
    target.child_id = (**plan).child_id;
    if (!app::LoadChildRelations(**uow, target, now, &**plan)) return false;
    const auto decision = domain::Decide({}, domain::AccessAction::kReadPlan, target);
    uow->reset();
    if (audit == Audit::kNone) return true;
    domain::AuditEvent event;
    event.at = now;
    event.child_id = target.child_id;
    event.object_type = "plan";
    event.object_id = std::to_string(plan_id);
    event.action = "read";
    event.legal_basis = std::string(domain::Code(decision.basis));
    event.request_id = "bench";
    if (audit == Audit::kWaited) return static_cast<bool>(store.AuditLog().AppendDurably({event}));
    ++rows_in_flight;
    store.AuditLog().Append({event}, [](Status durable) {
        if (!durable) ++rows_failed;
        --rows_in_flight;
    });
    return true;
}

Figures Measure(store::Store& store, domain::PlanId plan_id, Audit audit, int threads, int reads_per_thread) {
    const Timestamp now = SystemClock().Now();
    std::atomic<int> failures{0};
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            for (int i = 0; i < reads_per_thread; ++i) {
                if (!ReadPlan(store, plan_id, audit, now)) ++failures;
            }
        });
    }
    for (auto& worker : workers) worker.join();
    while (rows_in_flight > 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    failures += rows_failed.exchange(0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (failures > 0) {
        std::cerr << "audit_cost: " << failures << " reads failed\n";
        std::exit(1);
    }
    const double reads = static_cast<double>(threads) * reads_per_thread;
    return {reads / seconds, seconds * 1e6 * threads / reads};
}

int Run(int children, int reads, int threads) {
    log::SetLevel(log::Level::kWarn);
    if (!crypto::InitialiseCrypto()) return 2;
    const auto dir = std::filesystem::temp_directory_path() / ("kronobarn-audit-cost-" + crypto::RandomToken(6));
    std::filesystem::create_directories(dir);
    struct Cleanup {
        std::filesystem::path path;
        ~Cleanup() { std::filesystem::remove_all(path); }
    } cleanup{dir};
    auto store = store::sqlite::OpenSqliteStore({(dir / "bench.db").string(), threads + 2, 5000});
    if (!store || !(*store)->Migrate()) return 2;
    SystemClock clock;
    if (!app::LoadDemoData(**store, clock, {children, 1, crypto::PasswordStrength::kInteractive, 3},
                           {"bench", "bench"})) {
        return 2;
    }
    domain::PlanId plan_id = 0;
    for (domain::PlanId id = 1; id < 1000 && plan_id == 0; ++id) {
        auto uow = (*store)->Begin(store::TransactionMode::kRead);
        if (!uow) return 2;
        auto plan = (*uow)->Plans().Find(id);
        if (plan && *plan) plan_id = id;
    }
    if (plan_id == 0) {
        std::cerr << "audit_cost: the demo data has no plan (too few children?)\n";
        return 1;
    }
    std::cout << "| reads | threads | without audit: reads/s | durable audit, thread waits: reads/s | durable audit, "
                 "row handed over: reads/s | mean µs without | mean µs waiting | mean µs handed over |\n"
              << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const int concurrency : {1, threads}) {
        const int per_thread = concurrency == 1 ? reads : reads / concurrency;
        const auto plain = Measure(**store, plan_id, Audit::kNone, concurrency, per_thread);
        const auto waited = Measure(**store, plan_id, Audit::kWaited, concurrency, per_thread);
        const auto handed = Measure(**store, plan_id, Audit::kHandedOver, concurrency, per_thread);
        std::printf("| plan read | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |\n", concurrency,
                    plain.reads_per_second, waited.reads_per_second, handed.reads_per_second, plain.mean_microseconds,
                    waited.mean_microseconds, handed.mean_microseconds);
    }
    return 0;
}

}  // namespace
}  // namespace kronobarn

int main(int argc, char** argv) {
    int children = 2000, reads = 2000, threads = 16;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        const int value = std::atoi(argv[i + 1]);
        if (option == "--children")
            children = value;
        else if (option == "--reads")
            reads = value;
        else if (option == "--threads")
            threads = value;
        else {
            std::cerr << "usage: kronobarn_audit_cost [--children N] [--reads N] [--threads T]\n";
            return 2;
        }
    }
    if (children <= 0 || reads <= 0 || threads <= 0) {
        std::cerr << "audit_cost: --children, --reads and --threads must be positive\n";
        return 2;
    }
    return kronobarn::Run(children, reads, threads);
}
