// When one source runs next, as a small state machine over schedule::Schedule: the next slot,
// retries with backoff after a failure, and catch-up of slots missed while nothing was running.
// Pure: time comes in as arguments.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "config/model.hpp"
#include "schedule/schedule.hpp"

namespace sosei::schedule {

using std::chrono::sys_seconds;

class SourceTimer {
 public:
  // Throws std::invalid_argument for an unusable schedule (checked at config load already).
  SourceTimer(std::string source_id, const config::ScheduleSpec& spec, const date::time_zone* zone);

  // Picks up from the run history: the last attempt's start (a run that was not aborted), and how
  // many runs in a row failed. Missed slots between then and `now` follow the catch_up setting.
  void restore(std::optional<sys_seconds> last_attempt, int consecutive_failures, sys_seconds now);

  // When the next run should start (may be in the past: due now).
  sys_seconds due_at() const { return due_; }
  bool is_due(sys_seconds now) const { return due_ <= now; }

  // A run that started at `started` ended; `now` is when. A failure is retried after the backoff
  // while retries remain, else the source waits for its next slot.
  void finished(bool ok, sys_seconds started, sys_seconds now);

  int consecutive_failures() const { return failures_; }
  const std::string& source_id() const { return id_; }

 private:
  std::string id_;
  schedule::Schedule schedule_;
  const date::time_zone* zone_;
  std::size_t catch_up_left_ = 0;  // missed slots still to run after the current one (catch_up: all)
  sys_seconds due_{};
  int failures_ = 0;
};

}  // namespace sosei::schedule
