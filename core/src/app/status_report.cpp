// The status report with each source's next run as the daemon computes it.
#include "app/status_report.hpp"

#include "app/next_run.hpp"

namespace sosei::app {

status::StatusReport current_status(const Environment& env, store::Store& store, const Date& as_of) {
  return status::build_status(env.config(), store, as_of, next_run_provider(env, store));
}

}  // namespace sosei::app
