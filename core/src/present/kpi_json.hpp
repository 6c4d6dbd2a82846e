// The JSON form of a KPI as the strategy defines it: one form for `sosei evaluate --json` (each
// evaluated KPI) and the web API's /api/kpis, so both name and shape the same keys alike. Each
// document adds its own keys to it; stable interfaces, add keys, never rename them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "config/model.hpp"
#include "store/store.hpp"

namespace sosei::present {

// A number that is missing or not finite is null, never 0.
nlohmann::json number_or_null(const std::optional<double>& v);

// A baseline or target as the strategy states it: text, number, year.
nlohmann::json stated_json(const config::StatedValue& stated);

// id, names, unit, department, goal, measure, project, goal_level, period_type, baseline, and the
// target with its kind and year.
nlohmann::json kpi_json(const config::Kpi& kpi);

// A KPI as /api/kpis lists it: kpi_json, entered_by_hand, and its newest stored value (`latest`,
// the one without dimensions) or null.
nlohmann::json kpi_json(const config::Kpi& kpi, const std::optional<store::StoredObservation>& latest);

}  // namespace sosei::present
