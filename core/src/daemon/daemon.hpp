// `sosei daemon`: runs every scheduled source on its schedule, at most N at a time, each import in a
// worker process by default; SIGTERM/SIGINT stop it gracefully, SIGHUP reloads the configuration.
// `run_due_once` is the same decision made once, for `sosei import --all-due` from cron.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/environment.hpp"
#include "common/clock.hpp"
#include "text/lang.hpp"

namespace sosei::daemon {

// The imports a hub daemon runs at once over all its cities (hub_daemon.hpp); each city's loop counts
// its own in and out. Null for a single city's daemon, bounded by its own max_concurrent only.
struct SharedSlots {
  int running = 0;
  int max = 0;
  bool full() const { return running >= max; }
};

struct DaemonOptions {
  std::string config_path;           // reloaded on SIGHUP
  std::string database_override;     // --db, else the configuration's database
  std::string worker_executable;     // empty: worker::default_worker_executable()
  const Clock* clock = nullptr;      // null: the system clock
  text::Lang lang = text::Lang::Ja;  // of the log lines about the store's connection (--lang)
  // One city among others in one process (a hub daemon): the city's code in its log lines, the
  // signals and the wake-up eventfd the hub's loop owns, and the hub-wide bound on running imports.
  // Left empty/-1/null, the daemon is on its own: it blocks and reads the signals itself.
  std::string city;
  bool own_signals = true;
  int wake_fd = -1;
  SharedSlots* slots = nullptr;

  // "[visitors]" on its own, "[402273 visitors]" at a hub.
  std::string label(const std::string& source_id) const { return city.empty() ? source_id : city + " " + source_id; }
};

// The application environment with its plugins scanned now (at start and on SIGHUP, so a broken
// plugin folder is reported then, not at the first run). Throws on any error.
std::unique_ptr<app::Environment> load_environment(const DaemonOptions& options);

// Runs a Daemon (daemon/daemon_loop.hpp) until SIGTERM or SIGINT; returns the process exit code (0
// after a clean stop).
int run_daemon(const DaemonOptions& options);

struct DueRunSummary {
  int started = 0;
  int failed = 0;
  int skipped_quarantined = 0;
};

// Imports every source whose schedule says it is due now (by the run history in the store), one
// after another, applying retries, quarantine and notifications exactly as the daemon would.
DueRunSummary run_due_once(const DaemonOptions& options);

}  // namespace sosei::daemon
