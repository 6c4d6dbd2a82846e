// The JSON form of an Evaluation: `sosei evaluate --json`. A stable interface, keys documented in
// docs/evaluation.md; add keys, never rename them.
#pragma once

#include <nlohmann/json.hpp>

#include "evaluate/evaluation.hpp"

namespace sosei::evaluate {

nlohmann::json to_json(const Evaluation& evaluation);
nlohmann::json to_json(const KpiEvaluation& kpi);
nlohmann::json to_json(const Rollup& rollup);

}  // namespace sosei::evaluate
