// Reading what the report's drill-downs need from the store: totals per dimension set and month
// (summed by the store, never the observations themselves) and series metadata.
#include "report/report_input.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace sosei::report {

DrilldownInput load_drilldowns(store::Store& store, const config::AppConfig& config) {
  const std::vector<std::string> stored = store.series();
  std::map<std::string, store::SeriesInfo> infos;
  for (auto& info : store.series_infos()) infos.emplace(info.series, std::move(info));
  DrilldownInput out;
  for (const auto& kpi : config.strategy.kpis) {
    std::vector<std::string> names;
    if (std::find(stored.begin(), stored.end(), kpi.id) != stored.end()) names.push_back(kpi.id);
    for (const auto& source : config.sources) {
      if (std::find(source.kpis.begin(), source.kpis.end(), kpi.id) == source.kpis.end()) continue;
      const std::string prefix = source.id + "/";
      for (const auto& s : stored)
        if (s.compare(0, prefix.size(), prefix) == 0) names.push_back(s);
    }
    for (const auto& name : names) {
      DimensionedSeries series{name, "", "", {}};
      if (name == kpi.id) series.name = {kpi.name_ja, kpi.name_en};  // the KPI's own series: the strategy names it
      series.totals = store.dimension_totals(name);
      if (series.totals.empty()) continue;
      if (const auto it = infos.find(name); it != infos.end()) {
        series.unit = it->second.unit;
        series.help = it->second.help;
        series.name = {it->second.label_ja, it->second.label_en};
      }
      out[kpi.id].push_back(std::move(series));
    }
  }
  return out;
}

}  // namespace sosei::report
