// Group commit for write transactions. Both engines let one writer write at a time (SQLite's write
// lock; the advisory lock on PostgreSQL), so writes lose no concurrency by taking turns on one
// connection instead: each write unit of work runs in its own savepoint of a shared transaction,
// and that transaction commits when nobody is waiting for a turn (or it has grown large or old).
// Writes that arrive together share one durable commit, one fsync, and each still answers only
// once its commit is durable. A unit that fails or is dropped rolls back to its savepoint and takes
// nothing of the others with it; a failed commit fails every unit it carried.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "store/sql/connection.hpp"
#include "store/sql/sql_store.hpp"

namespace kronobarn::store::sql {

class WriteGroup {
  public:
    // Units kept in one transaction before it commits even though others wait, and how long the
    // first kept unit may wait for others: together they bound a kept unit's wait under load.
    static constexpr int kMaxUnitsPerCommit = 64;
    static constexpr std::chrono::milliseconds kDefaultMaxWaitForCommit{5};

    // `turn_wait`: how long a writer waits for its turn before kUnavailable (the busy timeout).
    WriteGroup(ConnectionOpener open, std::chrono::milliseconds turn_wait);
    ~WriteGroup();
    WriteGroup(const WriteGroup&) = delete;
    WriteGroup& operator=(const WriteGroup&) = delete;

    // One unit of work's hold on the shared connection. Destroying it without Keep() rolls the
    // unit back to its savepoint.
    class Turn {
      public:
        explicit Turn(WriteGroup& group) : group_(group) {}
        ~Turn();
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;

        Connection& connection() { return *group_.connection_; }
        // Keeps the unit's changes and returns once the transaction carrying them has committed.
        Status Keep();

      private:
        WriteGroup& group_;
        bool finished_ = false;
    };

    // Waits for the turn (at most turn_wait), starts the shared transaction if none is open and
    // opens the unit's savepoint.
    Result<std::unique_ptr<Turn>> Take();

    void SetMaxWaitForCommit(std::chrono::milliseconds wait);

    // Transactions committed so far, and writers waiting for a turn now (tests, benchmarks).
    std::uint64_t CommitsSoFar() const;
    int WaitingForTurn() const;

  private:
    enum class UnitEnd { kKept, kRolledBack, kNeverStarted };
    Status StartUnit();
    // Ends the unit holding the turn, commits the shared transaction when it should, hands the
    // turn on and, for a kept unit, waits for the commit that carries it.
    Status FinishUnit(UnitEnd end);
    bool RollBackUnit();
    bool ShouldCommit() const;  // with mutex_ held
    // Records `result` for the units of the open transaction and closes it (mutex_ held).
    void CloseTransaction(const Status& result, int waiting_units);

    ConnectionOpener open_;
    std::chrono::milliseconds turn_wait_;
    // Used only by the holder of the turn, as are in_transaction_ and transaction_lost_ outside
    // the mutex.
    std::unique_ptr<Connection> connection_;
    std::optional<Error> transaction_lost_;  // the shared transaction failed: its units fail too

    mutable std::mutex mutex_;
    std::condition_variable turn_free_;
    std::condition_variable committed_;
    bool busy_ = false;  // a turn is held
    int waiting_ = 0;    // writers waiting in Take()
    std::chrono::milliseconds max_wait_for_commit_ = kDefaultMaxWaitForCommit;
    bool in_transaction_ = false;
    std::chrono::steady_clock::time_point first_kept_at_{};
    std::uint64_t transaction_ = 0;  // the number of the open (or next) shared transaction
    int kept_units_ = 0;             // kept units in the open transaction
    std::uint64_t commits_ = 0;
    struct Outcome {
        Status status;
        int units_to_tell;
    };
    std::map<std::uint64_t, Outcome> outcomes_;  // for kept units still waiting for their commit
};

}  // namespace kronobarn::store::sql
