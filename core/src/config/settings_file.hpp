// A plugin's settings read from a YAML file of their own (`sosei plugin check --settings`): a map of
// settings, or one source entry with `settings:` copied from sources.yaml. Read like the city's
// configuration, so every problem names the file, line and column.
#pragma once

#include <map>
#include <string>

#include "config/model.hpp"

namespace sosei::config {

// Throws ConfigError (config/load.hpp).
std::map<std::string, SettingValue> load_settings_file(const std::string& path);

}  // namespace sosei::config
