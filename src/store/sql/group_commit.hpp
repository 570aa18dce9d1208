// DurableAuditLog for both engines: a writer thread with its own connection that commits whatever
// rows are waiting as one write transaction (group commit).
#pragma once

#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "store/durable_audit_log.hpp"
#include "store/sql/connection.hpp"
#include "store/sql/sql_store.hpp"

namespace kronobarn::store::sql {

class GroupCommitAuditLog final : public DurableAuditLog {
  public:
    // Opens its connection on first use and again whenever it was lost.
    explicit GroupCommitAuditLog(ConnectionOpener open);
    ~GroupCommitAuditLog() override;  // commits what is queued, then stops the writer
    GroupCommitAuditLog(const GroupCommitAuditLog&) = delete;
    GroupCommitAuditLog& operator=(const GroupCommitAuditLog&) = delete;

    Status AppendDurably(std::vector<domain::AuditEvent> events) override;

    // Batches committed so far (for tests and benchmarks: rows / batches = the grouping achieved).
    std::uint64_t BatchesCommitted() const;

  private:
    struct Pending {
        std::vector<domain::AuditEvent> events;
        std::promise<Status> done;
    };
    void WriterLoop();
    Status CommitBatch(std::deque<Pending>& batch);

    ConnectionOpener open_;
    std::unique_ptr<Connection> connection_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Pending> queue_;
    bool stopping_ = false;
    std::uint64_t batches_ = 0;
    std::thread writer_;
};

}  // namespace kronobarn::store::sql
