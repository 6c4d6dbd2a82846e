// The status report with each source's next run as the daemon computes it, and the daemon's own state.
#include "app/status_report.hpp"

#include "app/next_run.hpp"

namespace sosei::app {

status::StatusReport current_status(const Environment& env, store::Store& store, const Date& as_of) {
  auto report = status::build_status(env.config(), store, as_of, next_run_provider(env, store));
  for (auto& s : report.sources) {
    const auto* source = env.config().find_source(s.id);
    if (!source || !source->schedule || !s.last_success) continue;
    // The start of the last successful run: the next slot after it is the one that had to succeed.
    for (const auto& r : store.runs(50, s.id))
      if (r.finished_at == *s.last_success) {
        s.late_since = late_since(*source, r.started_at, env.clock().now(), env.config().timezone);
        break;
      }
  }
  report.daemon = status::read_daemon_state(status::daemon_state_path(env.config_path()));
  return report;
}

}  // namespace sosei::app
