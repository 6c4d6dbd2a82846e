// The report's contact with the store and the plugins: the dimensioned series behind each KPI
// (its source's plugin series, stored as "<source>/<series>") with the units and help texts their
// plugins declare.
#pragma once

#include <map>
#include <string>

#include "config/model.hpp"
#include "host/plugin_registry.hpp"
#include "report/report_model.hpp"
#include "store/store.hpp"

namespace sosei::report {

struct SeriesInfo {
  std::string unit, help;
};
using SeriesInfos = std::map<std::string, SeriesInfo>;  // stored series name → what its plugin says

// "<source>/<series>" → unit and help, for every configured source whose plugin is loaded.
SeriesInfos series_infos(const config::AppConfig& config, const host::PluginRegistry& plugins);

// For each KPI: the stored series of the sources that feed it, and the KPI's own series, keeping
// only observations with dimensions. KPIs without any are left out.
DrilldownInput load_drilldowns(store::Store& store, const config::AppConfig& config, const SeriesInfos& infos);

}  // namespace sosei::report
