// Reading what the report's drill-downs need from the store and the plugin declarations.
#include "report/report_input.hpp"

#include <algorithm>

namespace sosei::report {

SeriesInfos series_infos(const config::AppConfig& config, const host::PluginRegistry& plugins) {
  SeriesInfos out;
  for (const auto& source : config.sources) {
    const auto* plugin = plugins.find(source.plugin);
    if (!plugin) continue;
    for (const auto& s : (*plugin)->meta().series) out[source.id + "/" + s.name] = {s.unit, s.help};
  }
  return out;
}

DrilldownInput load_drilldowns(store::Store& store, const config::AppConfig& config, const SeriesInfos& infos) {
  const std::vector<std::string> stored = store.series();
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
      for (auto& o : store.values({name, std::nullopt, std::nullopt}))
        if (!o.key.dimensions.empty()) series.observations.push_back(std::move(o));
      if (series.observations.empty()) continue;
      if (const auto it = infos.find(name); it != infos.end()) {
        series.unit = it->second.unit;
        series.help = it->second.help;
      }
      out[kpi.id].push_back(std::move(series));
    }
  }
  return out;
}

}  // namespace sosei::report
