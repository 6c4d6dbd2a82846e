// Loading the daemon's configuration, `run_due_once` for `sosei import --all-due`, and a source's
// next run for `status`; the loop itself is the Daemon class (daemon/daemon_loop.hpp).
#include "daemon/daemon.hpp"

#include <spdlog/spdlog.h>

#include <set>

#include "common/time_zone.hpp"
#include "config/load.hpp"
#include "daemon/daemon_loop.hpp"
#include "daemon/next_run.hpp"
#include "daemon/runner.hpp"
#include "daemon/source_timer.hpp"
#include "store/sqlite_store.hpp"

namespace sosei::daemon {

LoadedConfig load_for_daemon(const std::string& config_path, const std::string& database_override) {
  LoadedConfig l{config::load_config(config_path), {}, {}};
  l.database = database_override.empty() ? l.config.database : database_override;
  l.plugins = host::PluginRegistry::scan(host::plugin_search_path(l.config.plugin_dirs));
  find_time_zone(l.config.timezone);  // an unknown zone is a configuration error
  return l;
}

int run_daemon(const DaemonOptions& options) { return Daemon(options).run(); }

DueRunSummary run_due_once(const DaemonOptions& options) {
  const Clock& clock = options.clock ? *options.clock : system_clock();
  const LoadedConfig loaded = load_for_daemon(options.config_path, options.database_override);
  auto store = store::open_sqlite_store(loaded.database);
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
  check_overdue(loaded, *store, notifier, notified, clock);
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
