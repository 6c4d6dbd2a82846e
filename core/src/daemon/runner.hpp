// What every scheduled run needs, whether the daemon's loop starts it or `sosei import --all-due`:
// the import on its own store connection, then retries, quarantines and webhook events; and the
// timers, quarantine bookkeeping and overdue check both share. Internal to daemon/.
#pragma once

#include <atomic>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "daemon/daemon.hpp"
#include "daemon/source_timer.hpp"
#include "import/importer.hpp"
#include "notify/notifier.hpp"
#include "store/store.hpp"

namespace sosei::daemon {

// "2026-11-28T05:00:00Z".
std::string iso(sys_seconds t);

// The run history a timer restores from: last non-aborted attempt and failures in a row.
void restore_timer(SourceTimer& timer, store::Store& store, sys_seconds now);

class Runner {
 public:
  Runner(const LoadedConfig& loaded, const DaemonOptions& options, notify::Notifier& notifier)
      : loaded_(loaded), options_(options), notifier_(notifier) {}

  // One import on its own store connection. Never throws.
  import::ImportOutcome run(const config::Source& source, const std::atomic<bool>* abort) const;

  // Retries and notifications after a run; returns the quarantine to record when the source has
  // failed too often in a row.
  std::optional<store::Quarantine> after_run(const config::Source& source, const import::ImportOutcome& outcome,
                                             SourceTimer& timer, sys_seconds started, sys_seconds now) const;

 private:
  const LoadedConfig& loaded_;
  const DaemonOptions& options_;
  notify::Notifier& notifier_;
};

notify::NotifierOptions notifier_options(const config::AppConfig& c);

// One timer per scheduled source, restored from the run history.
std::map<std::string, SourceTimer> make_timers(const LoadedConfig& loaded, store::Store& store, sys_seconds now);

// Records quarantines; one the database was too busy to take stays in `pending` (and already keeps
// its source from running) until a later tick records it.
void save_quarantines(std::vector<store::Quarantine>& pending, store::Store& store);

bool is_pending(const std::vector<store::Quarantine>& pending, const std::string& source);
bool is_quarantined(store::Store& store, const std::string& source);

// Posts one event per KPI that became overdue since the last check; "today" is the clock's date in
// the configured time zone.
void check_overdue(const LoadedConfig& loaded, store::Store& store, notify::Notifier& notifier,
                   std::set<std::string>& notified, const Clock& clock);

}  // namespace sosei::daemon
