// DurableAuditLog for both engines: a thread that appends whatever rows audited reads have waiting
// as one unit of the write group (write_group.hpp), so they share a commit with each other and
// with the server's writes, and never wait on the database's lock behind the server's own writes.
// The requests whose rows it carries are told when their commit is durable: none of them holds a
// thread meanwhile.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "store/durable_audit_log.hpp"
#include "store/sql/write_group.hpp"

namespace kronobarn::store::sql {

class GroupCommitAuditLog final : public DurableAuditLog {
  public:
    explicit GroupCommitAuditLog(WriteGroup& writes);
    ~GroupCommitAuditLog() override;  // commits what is queued, then stops the writer
    GroupCommitAuditLog(const GroupCommitAuditLog&) = delete;
    GroupCommitAuditLog& operator=(const GroupCommitAuditLog&) = delete;

    void Append(std::vector<domain::AuditEvent> events, OnDurable on_durable) override;

    // Batches committed so far (for tests and benchmarks: rows / batches = the grouping achieved).
    std::uint64_t BatchesCommitted() const;

  private:
    struct Pending {
        std::vector<domain::AuditEvent> events;
        OnDurable on_durable;
    };
    void WriterLoop();
    Status CommitBatch(std::deque<Pending>& batch);

    WriteGroup& writes_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Pending> queue_;
    bool stopping_ = false;
    std::uint64_t batches_ = 0;
    std::thread writer_;
};

}  // namespace kronobarn::store::sql
