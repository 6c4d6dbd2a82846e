// What a KPI's chart shows, from its evaluation: yearly values against a target line (levels), or
// running totals against the even path to the target (flows), the baseline, and the forecast.
#pragma once

#include "config/model.hpp"
#include "evaluate/evaluation.hpp"
#include "report/report_model.hpp"

namespace sosei::report {

Chart chart_of(const evaluate::KpiEvaluation& e, const config::Strategy& strategy);

}  // namespace sosei::report
