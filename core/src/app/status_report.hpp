// The status use case (`sosei status`, /api/status, /metrics): per source its runs, failures,
// quarantine and next scheduled run; per KPI whether its data are overdue on a date.
#pragma once

#include "app/environment.hpp"
#include "status/status.hpp"

namespace sosei::app {

status::StatusReport current_status(const Environment& env, store::Store& store, const Date& as_of);

}  // namespace sosei::app
