// The daemon's event loop as an object: its state (timers, running imports, quarantines not yet
// recorded, the stop and its deadline, overdue notifications) as members, one tick as a method, so
// `sosei daemon` runs it until a signal and a test drives it tick by tick on a ManualClock. When the
// store goes away (a PostgreSQL server restarting) the loop starts nothing and reconnects with
// backoff (reconnect.hpp), saying so in its log and in its state file (status/daemon_state.hpp).
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "common/signals.hpp"
#include "daemon/daemon.hpp"
#include "daemon/reconnect.hpp"
#include "daemon/runner.hpp"
#include "notify/notifier.hpp"
#include "schedule/source_timer.hpp"
#include "store/store.hpp"

namespace sosei::daemon {

// One import on its own thread; the thread sets `done` last, then rings the loop.
struct RunningImport {
  const config::Source* source = nullptr;
  sys_seconds started{};
  std::thread thread;
  std::atomic<bool> done{false};
  import::ImportOutcome outcome;
};

class Daemon {
 public:
  // Blocks SIGTERM/SIGINT/SIGHUP (before any run thread starts, so only the loop sees them; at a hub
  // the hub's loop has done so and passes them on to handle_signal), loads the configuration, takes the
  // one-daemon-per-database lock (throws AlreadyRunning), opens the store and restores every source's timer from the
  // run history. A store it cannot reach is tried again by tick() on the reconnect schedule.
  explicit Daemon(const DaemonOptions& options);
  // Aborts and joins runs still in flight (only when the loop did not end normally).
  ~Daemon();
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  // Ticks until a stop signal's runs have ended; returns the exit code (0 after a clean stop).
  int run();
  // What run() says before its first tick and does after its last (a hub's loop calls them itself).
  void announce() const;
  int finish();

  // One pass: reconnects when that is due, handles finished runs (retries, quarantines, events), then
  // either starts due sources and checks for overdue KPIs (only while the store is reachable) or,
  // when stopping, aborts runs past the grace period. False once stopping and nothing runs any more.
  bool tick();
  // Waits up to `timeout` for a signal or a finished run, then handles the signals that came.
  void wait(std::chrono::milliseconds timeout);
  // SIGHUP reloads the configuration; SIGTERM and SIGINT stop (nothing new starts).
  void handle_signal(int signal_number);

  std::size_t running() const { return running_.size(); }
  bool stopping() const { return stopping_; }
  const app::Environment& environment() const { return *env_; }
  bool reconnecting() const { return reconnect_.reconnecting(); }
  // The state file `sosei status` reads: STEM-daemon.state beside the configuration (status/daemon_state.hpp).
  const std::filesystem::path& state_file() const { return state_path_; }

 private:
  // Opens the store and takes the daemon lock; the timers are made from the run history the first
  // time. Throws store::ConnectionLost when the server cannot be reached.
  void connect();
  void block_signals();
  // The store went away at `now`: drops it (and the lock with it) and schedules the first attempt.
  void lost(sys_seconds now, const std::string& error);
  void try_reconnect(sys_seconds now);
  void write_state();
  void reap_finished(sys_seconds now);
  void start_due(sys_seconds now);
  void start(const std::string& id, sys_seconds now);
  void check_overdue_when_due();
  void abort_after_grace_period();
  void reload();
  void stop(int signal_number);
  // Logs once per source that it is due but quarantined (a test's proof that it was not re-run).
  void note_held_back(const std::string& id);

  using SteadyClock = std::chrono::steady_clock;

  const DaemonOptions options_;  // a copy: the runners keep a reference to it
  const Clock& clock_;
  std::optional<BlockedSignals> signals_;  // none at a hub: its loop reads them
  std::unique_ptr<app::Environment> env_;
  std::unique_ptr<store::InstanceLock> lock_;
  std::unique_ptr<store::Store> store_;  // the loop's own connection (quarantines, status); null while away
  std::unique_ptr<notify::Notifier> notifier_;
  std::unique_ptr<Runner> runner_;
  std::map<std::string, schedule::SourceTimer> timers_;
  bool connected_once_ = false;  // from then on the database must exist: one that went away is not started anew
  // Configurations (and their runners) replaced by SIGHUP stay alive until the runs that use them end.
  std::vector<std::unique_ptr<app::Environment>> retired_;
  std::vector<std::unique_ptr<Runner>> retired_runners_;
  std::map<std::string, std::unique_ptr<RunningImport>> running_;
  std::vector<store::Quarantine> pending_;  // quarantines not yet recorded
  std::set<std::string> held_back_;         // due but quarantined, already logged
  Reconnect reconnect_;
  std::filesystem::path state_path_;
  std::string running_since_;  // ISO 8601 UTC
  int exit_code_ = 0;
  std::atomic<bool> abort_{false};
  // Run threads ring this when they finish, so results are handled at once, not at the next tick.
  // The daemon's own, or a hub's (options_.wake_fd, closed by the hub).
  int finished_fd_ = -1;
  bool owns_finished_fd_ = false;
  bool stopping_ = false;
  SteadyClock::time_point stop_deadline_;
  std::set<std::string> overdue_notified_;
  SteadyClock::time_point next_overdue_check_;
};

}  // namespace sosei::daemon
