// The evaluation's only contact with a Store: every stored value of each KPI of the strategy on the
// way in, and a finished evaluation with the observations it used on the way out.
#pragma once

#include "evaluate/engine.hpp"

namespace sosei::evaluate {

ObservationsByKpi load_observations(store::Store& store, const config::Strategy& strategy);

// What is kept of an evaluation: when, as of, scheme, and per KPI the actual, score, grade and pace.
store::EvaluationRecord to_record(const Evaluation& evaluation);

// Saves the evaluation and the observations every KPI used; returns its id.
int64_t save_evaluation(store::Store& store, const Evaluation& evaluation);

}  // namespace sosei::evaluate
