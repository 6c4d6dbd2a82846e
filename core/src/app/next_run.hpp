// When each scheduled source runs next, as the daemon decides it: its timer restored from the run
// history in the store (last attempt, failures in a row). The daemon, `import --all-due` and
// `status` all ask here.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/environment.hpp"
#include "schedule/source_timer.hpp"

namespace sosei::app {

// Restores `timer` from the source's newest runs (aborted and running ones do not count).
void restore_timer(schedule::SourceTimer& timer, store::Store& store, std::chrono::sys_seconds now);

// Returns a function: source → ISO 8601 UTC time of its next run as of the environment's clock
// (none: unscheduled). `store` must outlive it.
std::function<std::optional<std::string>(const config::Source&)> next_run_provider(const Environment& env,
                                                                                   store::Store& store);

// How long after a scheduled run falls due its success may still come: the run's timeout, every
// retry's delay, and an hour for the daemon's queue.
std::chrono::seconds success_grace(const config::ScheduleSpec& spec);

// When a scheduled source fell behind: the due time (ISO 8601 UTC) of the first scheduled run after
// its last success (`last_success_started`) when that run's success_grace() has passed by `now`
// without a success; none when on time, unscheduled or never succeeded. A weekly, monthly or yearly
// source is late only once its own slot has been missed, not after a fixed number of days.
std::optional<std::string> late_since(const config::Source& source, const std::string& last_success_started,
                                      std::chrono::sys_seconds now, const std::string& timezone);

// "2026-11-28T05:00:00Z".
std::string iso_seconds(std::chrono::sys_seconds t);

}  // namespace sosei::app
