// What every run needs, whether started by the daemon's loop or by `sosei import --all-due`: the
// import on its own store connection, retries, quarantines, overdue checks and webhook events.
#include "daemon/runner.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "common/date.hpp"
#include "common/time_zone.hpp"
#include "status/status.hpp"
#include "store/sqlite_store.hpp"

namespace sosei::daemon {
namespace {

using namespace std::chrono_literals;

constexpr int kImportLockWaitMs = 3600 * 1000;

// "2026-11-28T05:00:00.123Z" (the store's timestamps) → seconds; none when unreadable.
std::optional<sys_seconds> parse_utc(const std::string& iso_text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(iso_text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) return std::nullopt;
  const date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!day.ok()) return std::nullopt;
  return sys_seconds{date::sys_days{day}} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
}

}  // namespace

std::string iso(sys_seconds t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); }

void restore_timer(SourceTimer& timer, store::Store& store, sys_seconds now) {
  const auto runs = store.runs(50, timer.source_id());
  std::optional<sys_seconds> last;
  for (const auto& r : runs) {
    if (r.status == store::RunStatus::Aborted || r.status == store::RunStatus::Running) continue;
    last = parse_utc(r.started_at);
    break;
  }
  timer.restore(last, status::consecutive_failures(runs), now);
}

import::ImportOutcome Runner::run(const config::Source& source,
                                  const std::atomic<bool>* abort) const {import::ImportOutcome outcome;
outcome.record.source = source.id;
outcome.record.plugin = source.plugin;
outcome.record.status = store::RunStatus::Failed;
try {
  store::SqliteOptions sqlite;
  // SQLite has one writer at a time: an import of another source may hold the write lock for as
  // long as it runs. Wait for it (the run's own timeout starts once it has the lock).
  sqlite.busy_timeout_ms = kImportLockWaitMs;
  auto store = store::open_sqlite_store(loaded_.database, std::move(sqlite));
  const auto timeout = source.schedule ? source.schedule->timeout : 3600s;
  import::ImportOptions o;
  o.isolate = source.isolation == config::Isolation::Worker;
  o.worker_executable = options_.worker_executable;
  o.limits.memory_limit_bytes = source.memory_limit;
  o.limits.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(timeout);
  o.abort = abort;
  outcome = import::import_source(loaded_.config, source, loaded_.plugins, *store, o);
} catch (const std::exception& e) {  // plugin missing, settings invalid, store unusable
  outcome.record.error = e.what();
  spdlog::error("[{}] import could not start: {}", source.id, e.what());
}
return outcome;
}  // namespace sosei::daemon

std::optional<store::Quarantine> Runner::after_run(const config::Source& source, const import::ImportOutcome& outcome,
                                                   SourceTimer& timer, sys_seconds started, sys_seconds now) const {
  const bool aborted = outcome.record.status == store::RunStatus::Aborted;
  if (aborted) return std::nullopt;  // shutdown: neither a failure nor a success
  timer.finished(outcome.ok(), started, now);
  if (outcome.ok()) {
    spdlog::info("[{}] {} — {} accepted, {} new, {} revised", source.id, store::to_string(outcome.record.status),
                 outcome.record.accepted, outcome.record.inserted, outcome.record.revised);
    return std::nullopt;
  }
  notifier_.post(
      {"run_failed", source.id, "", "import of " + source.id + " failed: " + outcome.record.error, outcome.record.id});
  const int failures = timer.consecutive_failures();
  if (failures < loaded_.config.daemon.quarantine_after) {
    spdlog::warn("[{}] failed ({} in a row); next attempt {}", source.id, failures, iso(timer.due_at()));
    return std::nullopt;
  }
  const std::string reason = outcome.record.error;
  const std::string message = source.id + " is quarantined after " + std::to_string(failures) +
                              " failed runs in a row (last: " + reason + "); fix the cause, then run `sosei resume " +
                              source.id + "`";
  spdlog::error("[{}] {}", source.id, message);
  notifier_.post({"quarantined", source.id, "", message, outcome.record.id});
  return store::Quarantine{source.id, "", reason, failures};
}

notify::NotifierOptions notifier_options(const config::AppConfig& c) {
  notify::NotifierOptions n;
  n.urls = c.daemon.webhooks;
  n.city = c.strategy.city;
  return n;
}

std::map<std::string, SourceTimer> make_timers(const LoadedConfig& loaded, store::Store& store, sys_seconds now) {
  const date::time_zone* zone = find_time_zone(loaded.config.timezone);
  std::map<std::string, SourceTimer> timers;
  for (const auto& s : loaded.config.sources) {
    if (!s.schedule) continue;
    SourceTimer t(s.id, *s.schedule, zone);
    restore_timer(t, store, now);
    timers.emplace(s.id, std::move(t));
  }
  return timers;
}

void save_quarantines(std::vector<store::Quarantine>& pending, store::Store& store) {
  while (!pending.empty()) {
    try {
      store.quarantine(pending.front());
    } catch (const std::exception& e) {
      spdlog::warn("could not record the quarantine of {} yet (retrying): {}", pending.front().source, e.what());
      return;
    }
    pending.erase(pending.begin());
  }
}

bool is_pending(const std::vector<store::Quarantine>& pending, const std::string& source) {
  for (const auto& q : pending)
    if (q.source == source) return true;
  return false;
}

bool is_quarantined(store::Store& store, const std::string& source) {
  for (const auto& q : store.quarantines())
    if (q.source == source) return true;
  return false;
}

void check_overdue(const LoadedConfig& loaded, store::Store& store, notify::Notifier& notifier,
                   std::set<std::string>& notified, const Clock& clock) {
  const auto report = status::build_status(loaded.config, store, today(clock, loaded.config.timezone), nullptr);
  for (const auto& k : report.kpis) {
    if (!k.overdue) {
      notified.erase(k.id);
      continue;
    }
    if (!notified.insert(k.id).second) continue;
    const std::string message = "KPI " + k.id + " (" + k.name + ", " + k.department + "): data for " +
                                k.expected->str() + " were due by " + k.due +
                                "; latest present: " + (k.latest ? k.latest->str() : std::string("none"));
    spdlog::warn("overdue: {}", message);
    notifier.post({"overdue", "", k.id, message, 0});
  }
}

}  // namespace sosei::daemon
