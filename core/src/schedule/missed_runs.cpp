// Schedule::missed_runs: the slots that fell due while nothing ran, found from the newest backwards
// in growing windows so a long outage of a minutely schedule costs no more than the slots kept.
#include <deque>

#include "schedule/schedule.hpp"

namespace sosei::schedule {

std::vector<sys_seconds> Schedule::newest_missed(sys_seconds last, sys_seconds now, const date::time_zone* zone,
                                                 std::size_t limit, bool& more) const {
  more = false;
  if (now <= last) return {};
  // A slot at or before last - jitter was due by `last` at the latest: it is not missed.
  const sys_seconds lowest = last - spec_.jitter;
  seconds window{3600};
  while (true) {
    const sys_seconds from = now - lowest <= window ? lowest : now - window;
    std::deque<sys_seconds> newest;  // at most limit + 1: one more tells that some were left out
    for (sys_seconds slot = next_slot(from, zone); slot <= now; slot = next_slot(slot, zone)) {
      const sys_seconds due = due_at(slot);
      if (due <= last || due > now) continue;
      newest.push_back(slot);
      if (newest.size() > limit + 1) newest.pop_front();
    }
    if (newest.size() > limit || from == lowest) {
      more = newest.size() > limit;
      if (more) newest.pop_front();
      return {newest.begin(), newest.end()};
    }
    window *= 16;
  }
}

MissedRuns Schedule::missed_runs(sys_seconds last, sys_seconds now, const date::time_zone* zone) const {
  MissedRuns out;
  switch (spec_.catch_up) {
    case config::ScheduleSpec::CatchUp::None:
      newest_missed(last, now, zone, 0, out.skipped);
      break;
    case config::ScheduleSpec::CatchUp::Latest:
      out.slots = newest_missed(last, now, zone, 1, out.skipped);
      break;
    case config::ScheduleSpec::CatchUp::All:
      out.slots = newest_missed(last, now, zone, kMaxCatchUpRuns, out.skipped);
      break;
  }
  return out;
}

}  // namespace sosei::schedule
