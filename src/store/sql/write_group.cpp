#include "store/sql/write_group.hpp"

#include "store/store.hpp"

namespace kronobarn::store::sql {

WriteGroup::WriteGroup(ConnectionOpener open, std::chrono::milliseconds turn_wait)
    : open_(std::move(open)), turn_wait_(turn_wait) {}

WriteGroup::~WriteGroup() {
    // Every unit of work ends before its store does, so no transaction is open here; if one is
    // (a leaked unit), it is rolled back rather than committed behind its owner's back.
    if (connection_ != nullptr && in_transaction_) connection_->Rollback();
}

WriteGroup::Turn::~Turn() {
    if (!finished_) (void)group_.FinishUnit(UnitEnd::kRolledBack);
}

Status WriteGroup::Turn::Keep() {
    finished_ = true;
    return group_.FinishUnit(UnitEnd::kKept);
}

Result<std::unique_ptr<WriteGroup::Turn>> WriteGroup::Take() {
    {
        std::unique_lock lock(mutex_);
        ++waiting_;
        const bool free = turn_free_.wait_for(lock, turn_wait_, [&] { return !busy_; });
        --waiting_;
        if (!free) return Error::Unavailable("database busy: another write held the writer's turn too long");
        busy_ = true;
    }
    if (auto started = StartUnit(); !started) {
        (void)FinishUnit(UnitEnd::kNeverStarted);
        return started.error();
    }
    return std::make_unique<Turn>(*this);
}

std::uint64_t WriteGroup::CommitsSoFar() const {
    std::lock_guard lock(mutex_);
    return commits_;
}

void WriteGroup::SetMaxWaitForCommit(std::chrono::milliseconds wait) {
    std::lock_guard lock(mutex_);
    max_wait_for_commit_ = wait;
}

int WriteGroup::WaitingForTurn() const {
    std::lock_guard lock(mutex_);
    return waiting_;
}

// Runs with the turn held: the connection and the transaction state are ours alone.
Status WriteGroup::StartUnit() {
    if (connection_ != nullptr && !connection_->Healthy()) {
        if (in_transaction_) {
            transaction_lost_ = Error::Unavailable("the database connection was lost during a write");
            return *transaction_lost_;
        }
        connection_.reset();
    }
    // A connection that died while idle (a database restart) only says so when used: open a fresh
    // one and try once more, so the first write after an outage already succeeds.
    for (int attempt = 0; !in_transaction_; ++attempt) {
        if (connection_ == nullptr) {
            KB_ASSIGN_OR_RETURN(connection_, open_());
        }
        auto begun = connection_->Begin(TransactionMode::kWrite);
        if (begun) {
            in_transaction_ = true;
            break;
        }
        if (connection_->Healthy() || attempt > 0) return begun.error();
        connection_.reset();
    }
    if (auto saved = connection_->Exec("SAVEPOINT kb_unit"); !saved) {
        transaction_lost_ = saved.error();
        return saved.error();
    }
    return Ok();
}

bool WriteGroup::RollBackUnit() {
    return connection_->Exec("ROLLBACK TO SAVEPOINT kb_unit") && connection_->Exec("RELEASE SAVEPOINT kb_unit");
}

bool WriteGroup::ShouldCommit() const {
    return waiting_ == 0 || kept_units_ >= kMaxUnitsPerCommit ||
           (kept_units_ > 0 && std::chrono::steady_clock::now() - first_kept_at_ >= max_wait_for_commit_);
}

void WriteGroup::CloseTransaction(const Status& result, int waiting_units) {
    if (waiting_units > 0) outcomes_.emplace(transaction_, Outcome{result, waiting_units});
    ++transaction_;
    kept_units_ = 0;
    in_transaction_ = false;
    transaction_lost_.reset();
}

Status WriteGroup::FinishUnit(UnitEnd end) {
    Status unit = Ok();
    if (end == UnitEnd::kKept && in_transaction_ && !transaction_lost_) {
        unit = connection_->Exec("RELEASE SAVEPOINT kb_unit");
        // A unit whose changes cannot be released (a statement of it failed on PostgreSQL) fails
        // alone; if even its savepoint is gone, so is the transaction with the others' changes.
        if (!unit && !RollBackUnit()) transaction_lost_ = unit.error();
    } else if (end == UnitEnd::kRolledBack && in_transaction_ && !transaction_lost_) {
        if (!RollBackUnit()) transaction_lost_ = Error::Unavailable("the shared write transaction was lost");
    } else if (end == UnitEnd::kKept) {
        unit = transaction_lost_ ? Status(*transaction_lost_) : Status(Error::Internal("write unit kept twice"));
    }
    if (transaction_lost_ && in_transaction_) connection_->Rollback();

    std::unique_lock lock(mutex_);
    const bool kept = end == UnitEnd::kKept && unit && !transaction_lost_;
    if (kept && kept_units_++ == 0) first_kept_at_ = std::chrono::steady_clock::now();
    const std::uint64_t mine = transaction_;

    if (in_transaction_ && (transaction_lost_ || ShouldCommit())) {
        Status result = transaction_lost_ ? Status(*transaction_lost_) : Ok();
        const int kept_units = kept_units_;
        if (!transaction_lost_) {
            lock.unlock();  // the turn is still ours: nobody else touches the connection
            if (kept_units > 0) {
                result = connection_->Commit();
                if (!result) connection_->Rollback();
            } else {
                connection_->Rollback();  // nothing kept: just let go of the writer lock
            }
            lock.lock();
            if (result && kept_units > 0) ++commits_;
        }
        CloseTransaction(result, kept_units - (kept ? 1 : 0));
        busy_ = false;
        lock.unlock();
        turn_free_.notify_one();
        committed_.notify_all();
        if (kept) return result;
        return end == UnitEnd::kKept ? unit : Ok();
    }

    busy_ = false;
    lock.unlock();
    turn_free_.notify_one();
    if (!kept) return end == UnitEnd::kKept ? unit : Ok();
    // Someone waiting for the turn now holds it and commits (or hands on) when done.
    lock.lock();
    committed_.wait(lock, [&] { return outcomes_.count(mine) != 0; });
    auto outcome = outcomes_.find(mine);
    Status result = outcome->second.status;
    if (--outcome->second.units_to_tell == 0) outcomes_.erase(outcome);
    return result;
}

}  // namespace kronobarn::store::sql
