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

#include "app/next_run.hpp"
#include "common/clock.hpp"
#include "daemon/daemon.hpp"
#include "import/importer.hpp"
#include "notify/notifier.hpp"
#include "schedule/source_timer.hpp"
#include "store/store.hpp"

namespace sosei::daemon {

using std::chrono::sys_seconds;

class Runner {
 public:
  Runner(const app::Environment& env, const DaemonOptions& options, notify::Notifier& notifier)
      : env_(env), options_(options), notifier_(notifier) {}

  // One import on its own store connection (app::run_scheduled_import). Never throws.
  import::ImportOutcome run(const config::Source& source, const std::atomic<bool>* abort) const;

  // Retries and notifications after a run; returns the quarantine to record when the source has
  // failed too often in a row.
  std::optional<store::Quarantine> after_run(const config::Source& source, const import::ImportOutcome& outcome,
                                             schedule::SourceTimer& timer, sys_seconds started, sys_seconds now) const;

 private:
  const app::Environment& env_;
  const DaemonOptions& options_;
  notify::Notifier& notifier_;
};

notify::NotifierOptions notifier_options(const config::AppConfig& c);

// One timer per scheduled source, restored from the run history.
std::map<std::string, schedule::SourceTimer> make_timers(const app::Environment& env, store::Store& store,
                                                         sys_seconds now);

// Records quarantines; one the database was too busy to take stays in `pending` (and already keeps
// its source from running) until a later tick records it.
void save_quarantines(std::vector<store::Quarantine>& pending, store::Store& store, text::Lang lang);

bool is_pending(const std::vector<store::Quarantine>& pending, const std::string& source);
bool is_quarantined(store::Store& store, const std::string& source);

// Posts one event per KPI that became overdue since the last check; "today" is the clock's date in
// the configured time zone.
void check_overdue(const app::Environment& env, store::Store& store, notify::Notifier& notifier,
                   std::set<std::string>& notified, const Clock& clock, text::Lang lang);

}  // namespace sosei::daemon
