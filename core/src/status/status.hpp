// `sosei status`: per source its last run, result, next run, consecutive failures and quarantine;
// per KPI the latest period present and whether data is overdue. Read-only over config + store.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "config/model.hpp"
#include "status/daemon_state.hpp"
#include "store/store.hpp"

namespace sosei::status {

struct SourceStatus {
  std::string id;
  std::string plugin;
  std::string schedule;  // as configured ("0 5 * * *", "every 6h"), empty: manual only
  std::optional<store::RunRecord> last_run;
  std::optional<std::string> last_success;  // started_at of the last succeeded/unchanged run (as last_run)
  int consecutive_failures = 0;             // failed runs since the last success (aborted runs skipped)
  std::optional<store::Quarantine> quarantine;
  std::optional<std::string> next_run;  // ISO 8601 UTC; none when unscheduled or quarantined
  // Set by the application (it knows the schedules): the due time of the first scheduled run after
  // the last success when that run has not succeeded in time (app::late_since); none: on time.
  std::optional<std::string> late_since;
};

struct KpiFreshness {
  std::string id;
  std::string name;
  std::string department;
  std::optional<Period> latest;    // newest period with a value (any dimensions)
  std::optional<Period> expected;  // newest period whose due date has passed
  std::string due;                 // that period's due date (YYYY-MM-DD), empty when none
  bool overdue = false;            // expected is set and latest is older (or missing)
};

struct StatusReport {
  std::string as_of;  // the date overdue was judged on
  std::vector<SourceStatus> sources;
  std::vector<KpiFreshness> kpis;
  // The daemon of this configuration as its state file says (app::current_status); none: no daemon
  // has run, or it stopped cleanly.
  std::optional<DaemonState> daemon;
  int overdue_count() const;
};

// Consecutive failed runs at the head of `newest_first` (aborted runs neither count nor reset).
int consecutive_failures(const std::vector<store::RunRecord>& newest_first);

// The due date of a period's data, per the KPI's data_due and publication lag; none without data_due.
std::optional<Date> due_date(const config::Kpi& kpi, int year);

KpiFreshness kpi_freshness(const config::Strategy& strategy, const config::Kpi& kpi,
                           const std::optional<Period>& latest, const Date& today);

// Builds the report. `next_run` gives a source's next scheduled run (none: unscheduled).
StatusReport build_status(const config::AppConfig& config, store::Store& store, const Date& today,
                          const std::function<std::optional<std::string>(const config::Source&)>& next_run);

}  // namespace sosei::status
