// A source's next scheduled run as the daemon would compute it from the run history (for status).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "config/model.hpp"
#include "store/store.hpp"

namespace sosei::daemon {

// Returns a function: source → ISO 8601 UTC time of its next run (none: unscheduled). `store`
// must outlive it.
std::function<std::optional<std::string>(const config::Source&)> next_run_provider(const config::AppConfig& config,
                                                                                    store::Store& store);

}  // namespace sosei::daemon
