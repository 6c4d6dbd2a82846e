// The report model from an evaluation and the stored drill-downs.
#include "app/report.hpp"

#include "report/report_input.hpp"

namespace sosei::app {

report::DrilldownInput stored_drilldowns(const Environment& env, store::Store& store) {
  // Captions (unit, help) come from what the imports recorded of the plugins' declarations.
  return report::load_drilldowns(store, env.config());
}

report::ReportModel report_model(const Environment& env, const evaluate::Evaluation& evaluation,
                                 const report::DrilldownInput& drilldowns, const report::ReportOptions& options) {
  return report::build_report(evaluation, env.config().strategy, drilldowns, options);
}

}  // namespace sosei::app
