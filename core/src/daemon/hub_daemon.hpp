// `sosei hub daemon`: one process that schedules the sources of every city of a hub (docs/hub.md).
// Each city is the daemon it would be on its own (daemon_loop.hpp) — its configuration from the hub
// file's `config:`, its data where the hub keeps them, its timers, retries, quarantines, webhooks and
// state file — and every import is still one worker process and one transaction of that city. The hub
// adds one loop that reads the signals for all of them, a bound on the imports running at once over
// all cities (the hub file's max_concurrent), and a start order that turns, so no city always goes
// first when the slots are few.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "common/signals.hpp"
#include "config/hub.hpp"
#include "daemon/daemon.hpp"

namespace sosei::daemon {

class Daemon;

struct HubDaemonOptions {
  std::string database_override;     // --db: the hub's shared database instead of the hub file's
  std::string worker_executable;     // empty: worker::default_worker_executable()
  const Clock* clock = nullptr;      // null: the system clock
  text::Lang lang = text::Lang::Ja;  // of the log lines
};

// Why a city of the hub is not scheduled by this process.
struct UnscheduledCity {
  std::string code;
  std::string name;
  std::string reason;  // English, as the log says it
};

class HubDaemon {
 public:
  // Blocks SIGTERM/SIGINT/SIGHUP, then makes each city's daemon. A city is left out, with a log line
  // saying why (unscheduled()), when the hub file gives it no configuration, when its configuration
  // is broken or is another city's, or when another daemon (the city's own) already schedules it: one
  // bad city does not keep the others from running. Throws NoCityToSchedule when none is left.
  HubDaemon(const config::Hub& hub, const HubDaemonOptions& options);
  ~HubDaemon();
  HubDaemon(const HubDaemon&) = delete;
  HubDaemon& operator=(const HubDaemon&) = delete;

  // Ticks until a stop signal's runs have ended in every city; the exit code (0 after a clean stop).
  int run();
  // One pass over the cities, the first of them turning by one each time. False once every city has
  // stopped and nothing runs any more.
  bool tick();
  // Waits up to `timeout` for a signal or a finished run, then hands the signals to every city.
  void wait(std::chrono::milliseconds timeout);
  void handle_signal(int signal_number);

  std::size_t running() const;                 // imports in flight over all cities
  std::vector<std::string> scheduled() const;  // the codes of the cities this process schedules
  const std::vector<UnscheduledCity>& unscheduled() const { return unscheduled_; }

 private:
  BlockedSignals signals_;
  int wake_fd_ = -1;
  SharedSlots slots_;
  std::vector<std::pair<std::string, std::unique_ptr<Daemon>>> cities_;
  std::vector<UnscheduledCity> unscheduled_;
  std::size_t first_ = 0;
  text::Lang lang_ = text::Lang::Ja;
};

class NoCityToSchedule : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sosei::daemon
