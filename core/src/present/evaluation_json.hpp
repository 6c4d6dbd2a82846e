// The JSON form of an Evaluation: `sosei evaluate --json` and the web API. A stable interface, keys
// documented in docs/evaluation.md; add keys, never rename them.
#pragma once

#include <nlohmann/json.hpp>

#include "evaluate/evaluation.hpp"

namespace sosei::present {

nlohmann::json to_json(const evaluate::Evaluation& evaluation);
nlohmann::json to_json(const evaluate::KpiEvaluation& kpi);
nlohmann::json to_json(const evaluate::Rollup& rollup);

}  // namespace sosei::present
