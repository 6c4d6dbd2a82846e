// The report use case: the council report's model (tables, charts, drill-downs) for an evaluation,
// as `sosei report` writes it and the dashboard shows it.
#pragma once

#include "app/environment.hpp"
#include "common/display_names.hpp"
#include "evaluate/evaluation.hpp"
#include "report/report_model.hpp"

namespace sosei::app {

// The names of the dimension keys and coded values of a stored series, as the installed plugins
// declare them: "<source>/<series>" named by its source's plugin, a KPI's own series by the plugins of
// the sources that feed it.
DisplayNames dimension_names(const Environment& env, const std::string& series);

// The dimensioned series behind each KPI (per route, spot, district…), read from the store.
report::DrilldownInput stored_drilldowns(const Environment& env, store::Store& store);

// The current commentary and, with `approved_only`, the approved periods (report --approved-only).
report::SignoffInput stored_signoff(store::Store& store, bool approved_only);

report::ReportModel report_model(const Environment& env, const evaluate::Evaluation& evaluation,
                                 const report::DrilldownInput& drilldowns, const report::ReportOptions& options,
                                 const report::SignoffInput& signoff = {});

}  // namespace sosei::app
