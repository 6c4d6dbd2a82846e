// Loading the daemon's environment and `run_due_once` for `sosei import --all-due`; the loop itself
// is the Daemon class (daemon/daemon_loop.hpp).
#include "daemon/daemon.hpp"

#include <spdlog/spdlog.h>

#include <set>

#include "daemon/daemon_loop.hpp"
#include "daemon/runner.hpp"
#include "text/daemon_messages.hpp"

namespace sosei::daemon {

std::unique_ptr<app::Environment> load_environment(const DaemonOptions& options) {
  auto env = std::make_unique<app::Environment>(
      app::EnvironmentOptions{options.config_path, options.database_override, options.clock});
  env->plugins();
  return env;
}

int run_daemon(const DaemonOptions& options) { return Daemon(options).run(); }

DueRunSummary run_due_once(const DaemonOptions& options) {
  const auto env_owner = load_environment(options);
  const app::Environment& env = *env_owner;
  const Clock& clock = env.clock();
  auto store = env.open_store();
  notify::Notifier notifier(notifier_options(env.config()));
  Runner runner(env, options, notifier);
  auto timers = make_timers(env, *store, clock.now());
  DueRunSummary summary;
  for (auto& [id, timer] : timers) {
    if (!timer.is_due(clock.now())) continue;
    if (is_quarantined(*store, id)) {
      ++summary.skipped_quarantined;
      spdlog::warn(text::say(options.lang, &text::DaemonMessages::due_but_quarantined, id, id));
      continue;
    }
    const config::Source* source = env.config().find_source(id);
    const sys_seconds started = clock.now();
    ++summary.started;
    const auto outcome = runner.run(*source, nullptr);
    if (!outcome.ok()) ++summary.failed;
    if (auto q = runner.after_run(*source, outcome, timer, started, clock.now())) store->quarantine(*q);
  }
  std::set<std::string> notified;
  check_overdue(env, *store, notifier, notified, clock, options.lang);
  notifier.flush(std::chrono::seconds(30));
  return summary;
}

}  // namespace sosei::daemon
