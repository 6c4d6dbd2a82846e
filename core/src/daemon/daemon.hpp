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

struct DaemonOptions {
  std::string config_path;           // reloaded on SIGHUP
  std::string database_override;     // --db, else the configuration's database
  std::string worker_executable;     // empty: worker::default_worker_executable()
  const Clock* clock = nullptr;      // null: the system clock
  text::Lang lang = text::Lang::Ja;  // of the log lines about the store's connection (--lang)
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
