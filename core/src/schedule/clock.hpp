// The time source of schedules, injected so the daemon runs on the system clock and tests on a
// clock they move by hand.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace sosei::schedule {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::sys_seconds now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::sys_seconds now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

// Stands still until set or advanced. Safe to read from other threads while a test moves it (a
// daemon thread may be waiting on it).
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::chrono::sys_seconds start) : seconds_(start.time_since_epoch().count()) {}

  std::chrono::sys_seconds now() const override {
    return std::chrono::sys_seconds{std::chrono::seconds{seconds_.load()}};
  }
  void set(std::chrono::sys_seconds t) { seconds_.store(t.time_since_epoch().count()); }
  void advance(std::chrono::seconds by) { seconds_.fetch_add(by.count()); }

 private:
  std::atomic<std::int64_t> seconds_;
};

}  // namespace sosei::schedule
