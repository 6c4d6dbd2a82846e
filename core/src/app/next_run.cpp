// Timers restored from the run history, and the next run of each source for status.
#include "app/next_run.hpp"

#include <cstdio>

#include "common/time_zone.hpp"
#include "status/status.hpp"

namespace sosei::app {
namespace {

// "2026-11-28T05:00:00.123Z" (the store's timestamps) → seconds; none when unreadable.
std::optional<std::chrono::sys_seconds> parse_utc(const std::string& iso_text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(iso_text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) return std::nullopt;
  const date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!day.ok()) return std::nullopt;
  return std::chrono::sys_seconds{date::sys_days{day}} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         std::chrono::seconds{s};
}

}  // namespace

std::string iso_seconds(std::chrono::sys_seconds t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); }

std::chrono::seconds success_grace(const config::ScheduleSpec& spec) {
  const schedule::Schedule schedule(spec, "");
  std::chrono::seconds grace = spec.timeout + spec.jitter + std::chrono::hours{1};
  for (int attempt = 1; attempt <= spec.retries; ++attempt) grace += schedule.retry_delay(attempt);
  return grace;
}

std::optional<std::string> late_since(const config::Source& source, const std::string& last_success_started,
                                      std::chrono::sys_seconds now, const std::string& timezone) {
  if (!source.schedule) return std::nullopt;
  const auto last = parse_utc(last_success_started);
  if (!last) return std::nullopt;
  const schedule::Schedule schedule(*source.schedule, source.id);
  const auto due = schedule.next_run(*last, find_time_zone(timezone));
  if (due + success_grace(*source.schedule) >= now) return std::nullopt;
  return iso_seconds(due);
}

void restore_timer(schedule::SourceTimer& timer, store::Store& store, std::chrono::sys_seconds now) {
  const auto runs = store.runs(50, timer.source_id());
  std::optional<std::chrono::sys_seconds> last;
  for (const auto& r : runs) {
    if (r.status == store::RunStatus::Aborted || r.status == store::RunStatus::Running) continue;
    last = parse_utc(r.started_at);
    break;
  }
  timer.restore(last, status::consecutive_failures(runs), now);
}

std::function<std::optional<std::string>(const config::Source&)> next_run_provider(const Environment& env,
                                                                                   store::Store& store) {
  const date::time_zone* zone = find_time_zone(env.config().timezone);
  return [zone, &store, &env](const config::Source& s) -> std::optional<std::string> {
    if (!s.schedule) return std::nullopt;
    const auto now = env.clock().now();
    schedule::SourceTimer timer(s.id, *s.schedule, zone);
    restore_timer(timer, store, now);
    return iso_seconds(timer.due_at());
  };
}

}  // namespace sosei::app
