// Copies the WAL back into the database file from a thread of its own. SQLite's automatic
// checkpoint runs inside whichever COMMIT crosses 1,000 pages — with group commit, the shared one
// every waiting write hangs on (COMMITs of up to 0.7 s seen on the 6 GB national dataset). The
// store's connections turn it off, and this checkpoints PASSIVE (never blocking a reader or
// writer) a few times a second instead.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/result.hpp"

namespace kronobarn::store::sqlite {

class SqliteConnection;

class WalCheckpointer {
  public:
    static Result<std::unique_ptr<WalCheckpointer>> Start(const std::string& path, std::chrono::milliseconds every);
    ~WalCheckpointer();  // stops after a last checkpoint
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  private:
    WalCheckpointer(std::unique_ptr<SqliteConnection> connection, std::chrono::milliseconds every);
    void Run();
    void Checkpoint();

    std::unique_ptr<SqliteConnection> connection_;
    std::chrono::milliseconds every_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace kronobarn::store::sqlite
