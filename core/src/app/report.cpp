// The report model from an evaluation and the stored drill-downs.
#include "app/report.hpp"

#include "app/signoff.hpp"
#include "report/report_input.hpp"

namespace sosei::app {
namespace {

void merge(DisplayNames& into, const DisplayNames& from) {
  into.dimensions.insert(from.dimensions.begin(), from.dimensions.end());
  for (const auto& [key, values] : from.values) into.values[key].insert(values.begin(), values.end());
}

// The series' own name, for "<source>/<series>", from its source's plugin.
void name_series(const Environment& env, report::DimensionedSeries& s) {
  s.names = dimension_names(env, s.series);
  for (const auto& source : env.config().sources) {
    const std::string prefix = source.id + "/";
    if (s.series.compare(0, prefix.size(), prefix) != 0) continue;
    if (const DisplayName* n = env.plugins().display_names(source.plugin).find_series(s.series.substr(prefix.size())))
      s.name = *n;
  }
}

}  // namespace

DisplayNames dimension_names(const Environment& env, const std::string& series) {
  DisplayNames out;
  for (const auto& source : env.config().sources) {
    const std::string prefix = source.id + "/";
    if (series.compare(0, prefix.size(), prefix) == 0) {
      merge(out, env.plugins().display_names(source.plugin));
    } else {
      for (const auto& k : source.kpis)
        if (k == series) merge(out, env.plugins().display_names(source.plugin));
    }
  }
  return out;
}

report::DrilldownInput stored_drilldowns(const Environment& env, store::Store& store) {
  // Captions (unit, help, the series' names) come from what the imports recorded of the plugins'
  // declarations; the names of dimensions and values from the installed plugins.
  report::DrilldownInput input = report::load_drilldowns(store, env.config());
  for (auto& [kpi, series] : input)
    for (auto& s : series) name_series(env, s);
  return input;
}

report::SignoffInput stored_signoff(store::Store& store, bool approved_only) {
  report::SignoffInput signoff;
  signoff.comments = store.comments("", false);
  signoff.approved_only = approved_only;
  if (approved_only) signoff.approved = approved_periods(store).approved;
  return signoff;
}

report::ReportModel report_model(const Environment& env, const evaluate::Evaluation& evaluation,
                                 const report::DrilldownInput& drilldowns, const report::ReportOptions& options,
                                 const report::SignoffInput& signoff) {
  return report::build_report(evaluation, env.config().strategy, drilldowns, options, signoff);
}

}  // namespace sosei::app
