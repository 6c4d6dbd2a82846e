// The set of plugins found in the plugin folders: each file loaded and checked once; refused files
// are kept with their one-sentence reason for `sosei plugins` and `sosei validate`.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "host/plugin_library.hpp"

namespace sosei::host {

class PluginRegistry {
 public:
  // Loads every *.so in `dirs` (in order, files sorted by name; missing folders are skipped).
  // A later plugin with a name already taken is refused.
  static PluginRegistry scan(const std::vector<std::filesystem::path>& dirs);

  const std::shared_ptr<LoadedPlugin>* find(std::string_view name) const;
  const std::vector<std::shared_ptr<LoadedPlugin>>& plugins() const { return plugins_; }
  // The display names plugin `name` declares (empty when it declares none or is not installed).
  const DisplayNames& display_names(std::string_view name) const;
  const std::vector<PluginLoadError>& refusals() const { return refusals_; }
  const std::vector<std::filesystem::path>& searched() const { return searched_; }

  // Adds one file (used by scan and by `sosei plugin check`). Returns false when refused.
  bool add(const std::filesystem::path& file);

 private:
  std::vector<std::shared_ptr<LoadedPlugin>> plugins_;
  std::vector<PluginLoadError> refusals_;
  std::vector<std::filesystem::path> searched_;
};

// The folders searched, in order: $SOSEI_PLUGIN_PATH (colon-separated), the configured plugin_dirs,
// then <folder of the sosei binary>/plugins and <that folder>/../lib/sosei/plugins.
std::vector<std::filesystem::path> plugin_search_path(const std::vector<std::string>& configured);

}  // namespace sosei::host
