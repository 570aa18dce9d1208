#include "store/sqlite/wal_checkpointer.hpp"

#include "common/log.hpp"
#include "store/sqlite/connection.hpp"

namespace kronobarn::store::sqlite {

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(const std::string& path,
                                                                std::chrono::milliseconds every) {
    KB_ASSIGN_OR_RETURN(auto connection, SqliteConnection::Open(path, 5000));
    return std::unique_ptr<WalCheckpointer>(new WalCheckpointer(std::move(connection), every));
}

WalCheckpointer::WalCheckpointer(std::unique_ptr<SqliteConnection> connection, std::chrono::milliseconds every)
    : connection_(std::move(connection)), every_(every), thread_([this] { Run(); }) {}

WalCheckpointer::~WalCheckpointer() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void WalCheckpointer::Run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, every_, [&] { return stopping_; });
        lock.unlock();
        Checkpoint();
        lock.lock();
    }
}

void WalCheckpointer::Checkpoint() {
    int wal_frames = 0;
    int copied_frames = 0;
    const int rc = sqlite3_wal_checkpoint_v2(connection_->Handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &wal_frames,
                                             &copied_frames);
    // Busy or locked only means someone else is checkpointing or recovering: next time.
    if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED) {
        log::Warn("wal_checkpoint_failed", {{"error", sqlite3_errstr(rc)}});
    }
}

}  // namespace kronobarn::store::sqlite
