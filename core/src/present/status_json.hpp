// The JSON form of a status report: `sosei status --json` and the web API's /api/status print the
// same document. A stable interface (keys in docs/operations.md and docs/serve.md): add, never rename.
#pragma once

#include <nlohmann/json.hpp>

#include "status/status.hpp"

namespace sosei::present {

nlohmann::json to_json(const status::StatusReport& report);
// The `daemon` key: {state: running|reconnecting|stopped, pid, since, attempt, next_at, error, updated_at}.
nlohmann::json to_json(const status::DaemonState& daemon);

}  // namespace sosei::present
