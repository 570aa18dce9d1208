// A temporary directory removed when the test ends.
#pragma once

#include <atomic>
#include <filesystem>
#include <random>
#include <string>

#include "common/time.hpp"

namespace kronobarn::testing {

class TempDir {
  public:
    TempDir() {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() / ("kronobarn-test-" + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string File(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& Path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// A clock the test moves by hand; safe to read from server threads.
class FakeClock final : public Clock {
  public:
    explicit FakeClock(Timestamp start) : millis_(ToUnixMillis(start)) {}
    Timestamp Now() const override { return FromUnixMillis(millis_.load()); }
    void Advance(std::chrono::milliseconds by) { millis_ += by.count(); }

  private:
    std::atomic<std::int64_t> millis_;
};

}  // namespace kronobarn::testing
