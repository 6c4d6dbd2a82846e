// A source's settings checked against what its plugin declares: unknown names, wrong types and
// missing required settings are configuration errors; defaults are filled in, paths made absolute.
#pragma once

#include <map>
#include <stdexcept>
#include <string>

#include "config/model.hpp"
#include "host/plugin_library.hpp"

namespace sosei::host {

class SettingsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using ResolvedSettings = std::map<std::string, std::string>;

// `base_dir`: the folder relative paths resolve against (the configuration's folder).
ResolvedSettings resolve_settings(const PluginMeta& plugin, const config::Source& source, const std::string& base_dir);

// Adds the host-provided settings SOSEI_SETTING_KPI_UNIT<kpi> = the unit the strategy declares for
// each KPI the source is bound to ("" for none), so the plugin's value parser accepts 5組 for a KPI
// counted in 組 (sosei::Context::kpi_unit).
void add_kpi_units(ResolvedSettings& settings, const config::Source& source, const config::Strategy& strategy);

}  // namespace sosei::host
