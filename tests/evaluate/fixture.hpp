// Shared helpers of the evaluation tests: a one-KPI strategy, observations built in code, and the
// grading schemes shipped in config/grading (so the tests also check the files the city uses).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluate/engine.hpp"
#include "evaluate/scheme.hpp"

namespace sosei::evaluate::test {

// FY2025–FY2029 with no goals; KPIs are evaluated one at a time.
config::Strategy strategy();

// A fiscal-year KPI, baseline in FY2023, target in FY2029.
config::Kpi kpi(config::TargetKind kind, double target, std::optional<double> baseline = std::nullopt);

store::StoredObservation number(Period p, double v, uint32_t flags = 0);
store::StoredObservation status(Period p, ValueKind k);
store::StoredObservation fy(int year, double v);  // a number for a fiscal year

GradingScheme scheme(const std::string& name);  // config/grading/NAME.yaml of the source tree

Date end_of_fy(int year);

KpiEvaluation run(const config::Kpi& k, const std::vector<store::StoredObservation>& obs,
                  const std::string& scheme_name = "kama", Date as_of = end_of_fy(2029));

}  // namespace sosei::evaluate::test
