// The daemon's loop: signals through a signalfd, due sources started on threads (each with its own
// store connection and, by default, its own worker process), results turned into retries,
// quarantines and webhook events.
#include "daemon/daemon.hpp"

#include <poll.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <thread>

#include "common/time_zone.hpp"
#include "config/load.hpp"
#include "daemon/next_run.hpp"
#include "daemon/source_timer.hpp"
#include "import/importer.hpp"
#include "notify/notifier.hpp"
#include "status/status.hpp"
#include "store/store.hpp"

namespace sosei::daemon {
namespace {

using namespace std::chrono_literals;

constexpr int kImportLockWaitMs = 3600 * 1000;
// The daemon's own writes (quarantines) wait less: the loop must keep answering signals. A write
// that times out is retried at the next tick.
constexpr int kLoopLockWaitMs = 2000;

std::string iso(sys_seconds t) {
  return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

// "2026-11-28T05:00:00.123Z" (the store's timestamps) → seconds; none when unreadable.
std::optional<sys_seconds> parse_utc(const std::string& iso_text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(iso_text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) return std::nullopt;
  const date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(mo)}, date::day{static_cast<unsigned>(d)}};
  if (!day.ok()) return std::nullopt;
  return sys_seconds{date::sys_days{day}} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
}

// The run history a timer restores from: last non-aborted attempt and failures in a row.
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

// What every run needs, whether started by the daemon or by --all-due.
class Runner {
 public:
  Runner(const LoadedConfig& loaded, const DaemonOptions& options, notify::Notifier& notifier)
      : loaded_(loaded), options_(options), notifier_(notifier) {}

  // One import on its own store connection. Never throws.
  import::ImportOutcome run(const config::Source& source, const std::atomic<bool>* abort) const {
    import::ImportOutcome outcome;
    outcome.record.source = source.id;
    outcome.record.plugin = source.plugin;
    outcome.record.status = store::RunStatus::Failed;
    try {
      // The store may have one writer at a time (SQLite): an import of another source may hold the write
      // lock for as long as it runs. Wait for it (the run's own timeout starts once it has the lock).
      auto store = store::open_store({loaded_.database, nullptr, std::chrono::milliseconds{kImportLockWaitMs}});
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
  }

  // Retries and notifications after a run; returns the quarantine to record when the source has
  // failed too often in a row.
  std::optional<store::Quarantine> after_run(const config::Source& source, const import::ImportOutcome& outcome,
                                             SourceTimer& timer, sys_seconds started, sys_seconds now) const {
    const bool aborted = outcome.record.status == store::RunStatus::Aborted;
    if (aborted) return std::nullopt;  // shutdown: neither a failure nor a success
    timer.finished(outcome.ok(), started, now);
    if (outcome.ok()) {
      spdlog::info("[{}] {} — {} accepted, {} new, {} revised", source.id, store::to_string(outcome.record.status),
                   outcome.record.accepted, outcome.record.inserted, outcome.record.revised);
      return std::nullopt;
    }
    notifier_.post({"run_failed", source.id, "", "import of " + source.id + " failed: " + outcome.record.error,
                    outcome.record.id});
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

 private:
  const LoadedConfig& loaded_;
  const DaemonOptions& options_;
  notify::Notifier& notifier_;
};

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

// Records quarantines; one the database was too busy to take stays in `pending` (and already keeps
// its source from running) until a later tick records it.
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

// Posts one event per KPI that became overdue since the last check.
void check_overdue(const LoadedConfig& loaded, store::Store& store, notify::Notifier& notifier,
                   std::set<std::string>& notified) {
  const auto report = status::build_status(loaded.config, store, today(system_clock(), loaded.config.timezone), nullptr);
  for (const auto& k : report.kpis) {
    if (!k.overdue) {
      notified.erase(k.id);
      continue;
    }
    if (!notified.insert(k.id).second) continue;
    const std::string message = "KPI " + k.id + " (" + k.name + ", " + k.department + "): data for " +
                                k.expected->str() + " were due by " + k.due + "; latest present: " +
                                (k.latest ? k.latest->str() : std::string("none"));
    spdlog::warn("overdue: {}", message);
    notifier.post({"overdue", "", k.id, message, 0});
  }
}

class SignalFd {
 public:
  SignalFd() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&set, s);
    // Blocked before any thread starts, so every thread inherits the mask and only the fd sees them.
    if (pthread_sigmask(SIG_BLOCK, &set, &old_) != 0) throw std::runtime_error("cannot block signals");
    fd_ = ::signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
    if (fd_ < 0) throw std::runtime_error(std::string("signalfd failed: ") + std::strerror(errno));
  }
  ~SignalFd() {
    ::close(fd_);
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  int fd() const { return fd_; }
  // The next pending signal, or 0.
  int take() {
    signalfd_siginfo info;
    const ssize_t n = ::read(fd_, &info, sizeof info);
    return n == sizeof info ? static_cast<int>(info.ssi_signo) : 0;
  }

 private:
  int fd_ = -1;
  sigset_t old_;
};

struct RunningImport {
  const config::Source* source = nullptr;
  sys_seconds started{};
  std::thread thread;
  std::atomic<bool> done{false};
  import::ImportOutcome outcome;
};

}  // namespace

LoadedConfig load_for_daemon(const std::string& config_path, const std::string& database_override) {
  LoadedConfig l{config::load_config(config_path), {}, {}};
  l.database = database_override.empty() ? l.config.database : database_override;
  l.plugins = host::PluginRegistry::scan(host::plugin_search_path(l.config.plugin_dirs));
  find_time_zone(l.config.timezone);  // an unknown zone is a configuration error
  return l;
}

int run_daemon(const DaemonOptions& options) {
  static const SystemClock system_clock;
  const Clock& clock = options.clock ? *options.clock : system_clock;
  SignalFd signals;
  auto loaded = std::make_unique<LoadedConfig>(load_for_daemon(options.config_path, options.database_override));
  auto store = store::open_store({loaded->database, nullptr, std::chrono::milliseconds{kLoopLockWaitMs}});
  const auto lock = store->lock_daemon();
  auto notifier = std::make_unique<notify::Notifier>(notifier_options(loaded->config));
  auto runner = std::make_unique<Runner>(*loaded, options, *notifier);
  auto timers = make_timers(*loaded, *store, clock.now());
  // Configurations replaced by SIGHUP stay alive until the runs that use them end.
  std::vector<std::unique_ptr<LoadedConfig>> retired;
  std::map<std::string, std::unique_ptr<RunningImport>> running;
  std::vector<store::Quarantine> pending;  // quarantines not yet recorded
  std::atomic<bool> abort{false};
  // Run threads ring this when they finish, so results are handled at once, not at the next tick.
  const int finished_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (finished_fd < 0) throw std::runtime_error(std::string("eventfd failed: ") + std::strerror(errno));
  bool stopping = false;
  std::chrono::steady_clock::time_point stop_deadline;
  std::set<std::string> overdue_notified;
  auto next_overdue_check = std::chrono::steady_clock::now();

  spdlog::info("sosei daemon (pid {}) on {}: {} scheduled sources, at most {} at a time", ::getpid(),
               loaded->database, timers.size(), loaded->config.daemon.max_concurrent);
  for (const auto& [id, t] : timers) spdlog::info("[{}] next run {}", id, iso(t.due_at()));

  for (;;) {
    const sys_seconds now = clock.now();
    // Finished runs: retries, quarantine, events.
    for (auto it = running.begin(); it != running.end();) {
      RunningImport& r = *it->second;
      if (!r.done.load()) {
        ++it;
        continue;
      }
      r.thread.join();
      if (auto t = timers.find(it->first); t != timers.end())
        if (auto q = runner->after_run(*r.source, r.outcome, t->second, r.started, now)) pending.push_back(*q);
      it = running.erase(it);
    }
    if (running.empty()) retired.clear();
    save_quarantines(pending, *store);

    if (stopping) {
      if (running.empty()) break;
      if (!abort.load() && std::chrono::steady_clock::now() >= stop_deadline) {
        spdlog::warn("grace period over: aborting {} running imports (their writes roll back)", running.size());
        abort = true;
      }
    } else {
      if (std::chrono::steady_clock::now() >= next_overdue_check) {
        check_overdue(*loaded, *store, *notifier, overdue_notified);
        next_overdue_check = std::chrono::steady_clock::now() + loaded->config.daemon.overdue_check;
      }
      for (auto& [id, timer] : timers) {
        if (static_cast<int>(running.size()) >= loaded->config.daemon.max_concurrent) break;
        if (running.count(id) || !timer.is_due(now)) continue;
        if (is_pending(pending, id) || is_quarantined(*store, id)) continue;
        const config::Source* source = loaded->config.find_source(id);
        auto r = std::make_unique<RunningImport>();
        r->source = source;
        r->started = now;
        spdlog::info("[{}] starting import", id);
        RunningImport* raw = r.get();
        const Runner* run_with = runner.get();
        r->thread = std::thread([raw, run_with, &abort, finished_fd] {
          raw->outcome = run_with->run(*raw->source, &abort);
          raw->done = true;
          const uint64_t one = 1;
          (void)!::write(finished_fd, &one, sizeof one);  // if this failed the loop still wakes within a second
        });
        running.emplace(id, std::move(r));
      }
    }

    // Wait for a signal or a finished run, at most a second (due times are checked every second).
    pollfd pfds[2] = {{signals.fd(), POLLIN, 0}, {finished_fd, POLLIN, 0}};
    ::poll(pfds, 2, 1000);
    uint64_t rings = 0;
    (void)!::read(finished_fd, &rings, sizeof rings);  // EAGAIN: nothing finished
    while (const int sig = signals.take()) {
      if (sig == SIGHUP) {
        try {
          auto fresh = std::make_unique<LoadedConfig>(load_for_daemon(options.config_path, options.database_override));
          if (fresh->database != loaded->database)
            throw std::runtime_error("the database changed (" + fresh->database + "); restart the daemon to switch");
          auto fresh_timers = make_timers(*fresh, *store, clock.now());
          retired.push_back(std::move(loaded));
          loaded = std::move(fresh);
          runner = std::make_unique<Runner>(*loaded, options, *notifier);
          // Runs in flight keep pointers into the retired configuration: re-point them by id.
          for (auto& [id, r] : running)
            if (const auto* s = loaded->config.find_source(id)) r->source = s;
          timers = std::move(fresh_timers);
          spdlog::info("configuration reloaded from {}: {} scheduled sources", options.config_path, timers.size());
        } catch (const std::exception& e) {
          spdlog::error("configuration reload rejected, keeping the previous one: {}", e.what());
        }
      } else if (!stopping) {
        stopping = true;
        stop_deadline = std::chrono::steady_clock::now() + loaded->config.daemon.grace_period;
        spdlog::info("{} received: starting nothing new; {} running imports have {} s to finish", strsignal(sig),
                     running.size(), loaded->config.daemon.grace_period.count());
      }
    }
  }
  ::close(finished_fd);
  save_quarantines(pending, *store);
  for (const auto& q : pending) spdlog::error("the quarantine of {} could not be recorded: the database stayed busy", q.source);
  spdlog::info("sosei daemon stopped");
  return 0;
}

DueRunSummary run_due_once(const DaemonOptions& options) {
  static const SystemClock system_clock;
  const Clock& clock = options.clock ? *options.clock : system_clock;
  const LoadedConfig loaded = load_for_daemon(options.config_path, options.database_override);
  auto store = store::open_store({loaded.database});
  notify::Notifier notifier(notifier_options(loaded.config));
  Runner runner(loaded, options, notifier);
  auto timers = make_timers(loaded, *store, clock.now());
  DueRunSummary summary;
  for (auto& [id, timer] : timers) {
    if (!timer.is_due(clock.now())) continue;
    if (is_quarantined(*store, id)) {
      ++summary.skipped_quarantined;
      spdlog::warn("[{}] due but quarantined; `sosei resume {}` to run it again", id, id);
      continue;
    }
    const config::Source* source = loaded.config.find_source(id);
    const sys_seconds started = clock.now();
    ++summary.started;
    const auto outcome = runner.run(*source, nullptr);
    if (!outcome.ok()) ++summary.failed;
    if (auto q = runner.after_run(*source, outcome, timer, started, clock.now())) store->quarantine(*q);
  }
  std::set<std::string> notified;
  check_overdue(loaded, *store, notifier, notified);
  notifier.flush(std::chrono::seconds(30));
  return summary;
}

}  // namespace sosei::daemon

namespace sosei::daemon {

std::function<std::optional<std::string>(const config::Source&)> next_run_provider(const config::AppConfig& config,
                                                                                    store::Store& store) {
  const date::time_zone* zone = find_time_zone(config.timezone);
  return [zone, &store](const config::Source& s) -> std::optional<std::string> {
    if (!s.schedule) return std::nullopt;
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    SourceTimer timer(s.id, *s.schedule, zone);
    restore_timer(timer, store, now);
    return iso(timer.due_at());
  };
}

}  // namespace sosei::daemon
