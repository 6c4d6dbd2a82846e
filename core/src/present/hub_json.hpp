// The JSON form of the hub's view of its cities (app/hub_summary.hpp), shared by `sosei hub summary
// --json` and the hub server's /api/hub: stable keys, language-neutral.
#pragma once

#include <nlohmann/json.hpp>

#include "app/hub_summary.hpp"
#include "config/hub.hpp"

namespace sosei::present {

// {"hub", "scope": {"kind", "prefecture"|"group"}, "cities": [...], "totals": [...], "without_evaluation": [...]}
nlohmann::json to_json(const config::Hub& hub, const app::HubScope& scope, const app::HubSummary& summary);

}  // namespace sosei::present
