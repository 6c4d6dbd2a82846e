// The evaluation engine: strategy + each KPI's stored values + grading scheme + as-of date →
// Evaluation. Pure: no database, no clock, no files (tests feed it values directly).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "evaluate/evaluation.hpp"
#include "evaluate/scheme.hpp"
#include "store/store.hpp"

namespace sosei::evaluate {

// KPI id → its observations (any order; dimensioned ones are left out with a note).
using ObservationsByKpi = std::map<std::string, std::vector<store::StoredObservation>>;

KpiEvaluation evaluate_kpi(const config::Strategy& strategy, const config::Kpi& kpi,
                           const std::vector<store::StoredObservation>& observations, const GradingScheme& scheme,
                           const Date& as_of);

Evaluation evaluate(const config::Strategy& strategy, const ObservationsByKpi& observations,
                    const GradingScheme& scheme, const Date& as_of);

}  // namespace sosei::evaluate
