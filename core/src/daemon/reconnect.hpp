// When the daemon tries its store again after losing it: 1 s after the loss, then 2 s, 4 s … after
// each failed attempt, never more than 60 s apart. Pure (the loop passes its clock's time), so the
// schedule is tested without waiting.
#pragma once

#include <chrono>
#include <string>

namespace sosei::daemon {

class Reconnect {
 public:
  static constexpr std::chrono::seconds kFirstDelay{1};
  static constexpr std::chrono::seconds kLongestDelay{60};

  // The wait before attempt `attempt` (1, 2, 3 …): 1 s, 2 s, 4 s … capped at 60 s.
  static std::chrono::seconds delay(int attempt);

  // The store was lost at `now` (when already reconnecting: the attempt made at `now` failed). Schedules
  // the next attempt.
  void failed(std::chrono::sys_seconds now, std::string error);
  // The attempt succeeded: connected again, the schedule starts over at the next loss.
  void succeeded();

  bool reconnecting() const { return attempt_ > 0; }
  // Whether the next attempt is due at `now`.
  bool due(std::chrono::sys_seconds now) const { return reconnecting() && now >= next_at_; }
  int attempt() const { return attempt_; }  // the number of the next attempt; 0 when connected
  std::chrono::sys_seconds since() const { return since_; }
  std::chrono::sys_seconds next_at() const { return next_at_; }
  const std::string& error() const { return error_; }

 private:
  int attempt_ = 0;
  std::chrono::sys_seconds since_{};
  std::chrono::sys_seconds next_at_{};
  std::string error_;
};

}  // namespace sosei::daemon
