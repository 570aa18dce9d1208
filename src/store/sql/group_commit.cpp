#include "store/sql/group_commit.hpp"

#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {

GroupCommitAuditLog::GroupCommitAuditLog(WriteGroup& writes) : writes_(writes), writer_([this] { WriterLoop(); }) {}

GroupCommitAuditLog::~GroupCommitAuditLog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    writer_.join();
}

void GroupCommitAuditLog::Append(std::vector<domain::AuditEvent> events, OnDurable on_durable) {
    if (events.empty()) return on_durable(Ok());
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            queue_.push_back({std::move(events), std::move(on_durable)});
            on_durable = nullptr;
        }
    }
    if (on_durable) return on_durable(Error::Unavailable("audit log is shutting down"));
    wake_.notify_one();
}

std::uint64_t GroupCommitAuditLog::BatchesCommitted() const {
    std::lock_guard lock(mutex_);
    return batches_;
}

void GroupCommitAuditLog::WriterLoop() {
    for (;;) {
        std::deque<Pending> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and nothing left to commit
            batch.swap(queue_);
        }
        const Status status = CommitBatch(batch);
        {
            std::lock_guard lock(mutex_);
            if (status) ++batches_;
        }
        for (auto& pending : batch) pending.on_durable(status);
    }
}

Status GroupCommitAuditLog::CommitBatch(std::deque<Pending>& batch) {
    KB_ASSIGN_OR_RETURN(auto turn, writes_.Take());
    SqlAuditRepository audit(turn->connection());
    std::vector<domain::AuditEvent> events;
    for (const auto& pending : batch) events.insert(events.end(), pending.events.begin(), pending.events.end());
    KB_RETURN_IF_ERROR(audit.AppendAll(events));  // on failure the turn rolls the batch back
    return turn->Keep();
}

}  // namespace kronobarn::store::sql
