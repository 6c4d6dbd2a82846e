// The JSON form of the hub's view of its cities (app/hub_summary.hpp), shared by `sosei hub summary
// --json` and the hub server's /api/hub: stable keys, language-neutral.
#pragma once

#include <nlohmann/json.hpp>

#include "app/hub_evaluation.hpp"
#include "app/hub_indicators.hpp"
#include "app/hub_summary.hpp"
#include "config/hub.hpp"

namespace sosei::present {

// {"hub", "scope": {"kind", "prefecture"|"group"}, "cities": [...], "totals": [...], "without_evaluation": [...]}
nlohmann::json to_json(const config::Hub& hub, const app::HubScope& scope, const app::HubSummary& summary);

// {"hub", "scope", "indicators": [{"id", "name", "unit", "direction", "aggregate", "scale", "period",
//   "cities": [{"code", "name", "prefecture", "state", "kpi", "value", "numerator", "denominator",
//   "from_predecessors"}],
//   "prefectures": [{"prefecture", "value", "numerator", "denominator", "with_value", "without"}],
//   "total": {…the same without "prefecture"}}]} — null where there is no number.
nlohmann::json to_json(const config::Hub& hub, const app::HubScope& scope,
                       const std::vector<app::IndicatorView>& indicators);

// {"hub", "scope", "cities": [{"code", "name", "state", "problem" (refused, unreachable: in `lang`),
//   "evaluation" (present::to_json of the evaluation, or null), "from_predecessors" (how many values the
//   predecessors' rows gave), "evaluation_id" (when saved)}]}
nlohmann::json to_json(const config::Hub& hub, const app::HubScope& scope,
                       const std::vector<app::HubCityEvaluation>& evaluations, text::Lang lang);

}  // namespace sosei::present
