// The core's one time source: "now" as a UTC instant. Everything that stamps, schedules or asks for
// today's date takes a Clock, so the daemon runs on the system clock and tests on one they move by hand.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace sosei {

using Millis = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Millis now_ms() const = 0;
  // Schedules count in whole seconds.
  std::chrono::sys_seconds now() const { return std::chrono::floor<std::chrono::seconds>(now_ms()); }
};

class SystemClock final : public Clock {
 public:
  Millis now_ms() const override {
    return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  }
};

// The process-wide system clock, for callers that were given no clock.
const Clock& system_clock();

// Stands still until set or advanced. Safe to read from other threads while a test moves it (a
// daemon thread may be waiting on it).
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Millis start) : ms_(start.time_since_epoch().count()) {}
  explicit ManualClock(std::chrono::sys_seconds start) : ManualClock(Millis{start}) {}

  Millis now_ms() const override { return Millis{std::chrono::milliseconds{ms_.load()}}; }
  void set(Millis t) { ms_.store(t.time_since_epoch().count()); }
  void set(std::chrono::sys_seconds t) { set(Millis{t}); }
  void advance(std::chrono::milliseconds by) { ms_.fetch_add(by.count()); }

 private:
  std::atomic<std::int64_t> ms_;
};

// The store's timestamps: ISO 8601 UTC with milliseconds, "2026-11-28T11:02:03.123Z".
std::string iso8601_utc(Millis t);

}  // namespace sosei
