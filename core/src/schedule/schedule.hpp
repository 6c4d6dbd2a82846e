// One source's schedule (config::ScheduleSpec) turned into times: its slots (cron or interval), the
// jitter of each slot, retry delays, and the runs missed while the daemon was down. Pure: every
// time comes in as an argument (take it from a Clock).
#pragma once

#include <date/tz.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "schedule/cron_expression.hpp"

namespace sosei::schedule {

using std::chrono::seconds;
using std::chrono::sys_seconds;

// Retry delays never exceed this, however many attempts failed.
inline constexpr seconds kMaxRetryDelay{6 * 3600};
// catch_up: all runs at most this many missed slots (the newest ones): after a months-long outage a
// hundred back-to-back imports of one source are already more than anyone wants.
inline constexpr std::size_t kMaxCatchUpRuns = 100;

// What to run when the daemon starts after being down (or finds its last run long ago).
struct MissedRuns {
  std::vector<sys_seconds> slots;  // nominal slot times to run now, oldest first
  bool skipped = false;            // more slots were missed than `slots` holds (log it)
};

class Schedule {
 public:
  // `source_id` seeds the jitter. Throws CronError for bad cron text and std::invalid_argument when the
  // spec has neither or both of cron and every (config loading refuses those already).
  Schedule(config::ScheduleSpec spec, std::string source_id);

  const config::ScheduleSpec& spec() const { return spec_; }
  const std::string& source_id() const { return source_id_; }

  // The first nominal slot strictly after `after`, without jitter. Cron slots follow local time in
  // `zone` (see CronExpression::next_after for DST). Interval slots are anchor + k × every, the anchor
  // being 1970-01-01 00:00 local time (the zone's offset then): `every: 6h` in Asia/Tokyo runs at
  // 00:00, 06:00, 12:00 and 18:00 JST, `every: 1d` at midnight, whenever the daemon was started. An
  // interval counts elapsed time, so across a DST change its local times shift by the change.
  sys_seconds next_slot(sys_seconds after, const date::time_zone* zone) const;

  // The delay in [0, spec.jitter] added to `slot` for this source: the same for the same source id and
  // slot on every machine and run (FNV-1a of both, not std::hash), so restarts do not move runs, and
  // different for different sources so they do not all hit one server at once.
  seconds jitter_for(sys_seconds slot) const;

  // The slot's start time: slot + jitter_for(slot).
  sys_seconds due_at(sys_seconds slot) const { return slot + jitter_for(slot); }

  // When the next run starts: the earliest due_at() strictly after `after`. A run due exactly at
  // `after` is not returned, so call it with the time the previous run started (or now at start-up)
  // and keep the answer.
  sys_seconds next_run(sys_seconds after, const date::time_zone* zone) const;

  // The slot whose due_at() next_run() returned.
  sys_seconds next_run_slot(sys_seconds after, const date::time_zone* zone) const;

  // The wait before retry `attempt` after a failed run (1 = the first retry): backoff × 2^(attempt-1),
  // at most kMaxRetryDelay. Throws std::invalid_argument for attempt < 1.
  seconds retry_delay(int attempt) const;

  // Slots whose due_at() lies in (last, now]: they were due while nothing ran. `last` is the start of
  // the last run (successful or not). By spec.catch_up:
  //   None    no run; `skipped` says whether anything was missed (the next slot comes by next_run)
  //   Latest  the newest missed slot only, to run now
  //   All     every missed slot, oldest first, at most kMaxCatchUpRuns (the newest ones)
  MissedRuns missed_runs(sys_seconds last, sys_seconds now, const date::time_zone* zone) const;

 private:
  // Up to `limit` newest slots with due_at() in (last, now], oldest first; `more` when there were more.
  std::vector<sys_seconds> newest_missed(sys_seconds last, sys_seconds now, const date::time_zone* zone,
                                         std::size_t limit, bool& more) const;

  config::ScheduleSpec spec_;
  std::string source_id_;
  std::optional<CronExpression> cron_;
};

}  // namespace sosei::schedule
