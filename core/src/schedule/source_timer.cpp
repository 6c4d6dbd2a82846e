// The per-source run plan: next_run() of the schedule, retries, and missed runs at start-up.
#include "schedule/source_timer.hpp"

namespace sosei::schedule {

SourceTimer::SourceTimer(std::string source_id, const config::ScheduleSpec& spec, const date::time_zone* zone)
    : id_(source_id), schedule_(spec, std::move(source_id)), zone_(zone) {}

void SourceTimer::restore(std::optional<sys_seconds> last_attempt, int consecutive_failures, sys_seconds now) {
  failures_ = consecutive_failures;
  catch_up_left_ = 0;
  const auto& spec = schedule_.spec();
  if (!last_attempt) {
    // Never run: catch_up none waits for the first slot; otherwise import now so there are data at all.
    due_ = spec.catch_up == config::ScheduleSpec::CatchUp::None ? schedule_.next_run(now, zone_) : now;
    return;
  }
  const schedule::MissedRuns missed = schedule_.missed_runs(*last_attempt, now, zone_);
  if (!missed.slots.empty()) {
    due_ = now;
    catch_up_left_ = missed.slots.size() - 1;
  } else {
    due_ = schedule_.next_run(std::max(*last_attempt, now), zone_);
  }
  if (failures_ > 0 && failures_ <= spec.retries)
    due_ = std::min(due_, std::max(*last_attempt + schedule_.retry_delay(failures_), now));
}

void SourceTimer::finished(bool ok, sys_seconds started, sys_seconds now) {
  failures_ = ok ? 0 : failures_ + 1;
  if (catch_up_left_ > 0) {  // more missed slots to run (catch_up: all), whatever this one did
    --catch_up_left_;
    due_ = now;
    return;
  }
  const sys_seconds next = schedule_.next_run(std::max(started, now), zone_);
  due_ = !ok && failures_ <= schedule_.spec().retries ? std::min(next, now + schedule_.retry_delay(failures_)) : next;
}

}  // namespace sosei::schedule
