// Scanning plugin folders.
#include "host/plugin_registry.hpp"

#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>
#include <sstream>

namespace sosei::host {

PluginRegistry PluginRegistry::scan(const std::vector<std::filesystem::path>& dirs) {
  PluginRegistry registry;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) continue;
    registry.searched_.push_back(dir);
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
      if (entry.path().extension() == ".so") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) registry.add(f);
  }
  return registry;
}

bool PluginRegistry::add(const std::filesystem::path& file) {
  try {
    auto plugin = load_plugin(file);
    if (auto* existing = find(plugin->meta().name)) {
      refusals_.emplace_back(file.string(), "duplicate plugin name '" + plugin->meta().name +
                                                "', already loaded from " + (*existing)->meta().file +
                                                " (remove one of the two files)");
      return false;
    }
    plugins_.push_back(std::move(plugin));
    return true;
  } catch (const PluginLoadError& e) {
    refusals_.push_back(e);
    return false;
  }
}

const std::shared_ptr<LoadedPlugin>* PluginRegistry::find(std::string_view name) const {
  for (const auto& p : plugins_)
    if (p->meta().name == name) return &p;
  return nullptr;
}

const DisplayNames& PluginRegistry::display_names(std::string_view name) const {
  static const DisplayNames kNone;
  const auto* plugin = find(name);
  return plugin ? (*plugin)->meta().display_names : kNone;
}

std::vector<std::filesystem::path> plugin_search_path(const std::vector<std::string>& configured) {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("SOSEI_PLUGIN_PATH")) {
    std::stringstream ss(env);
    std::string item;
    while (std::getline(ss, item, ':'))
      if (!item.empty()) dirs.emplace_back(item);
  }
  for (const auto& d : configured) dirs.emplace_back(d);
  boost::dll::fs::error_code ec;
  auto exe_dir = std::filesystem::path(boost::dll::program_location(ec).parent_path().string());
  if (!ec) {
    dirs.push_back(exe_dir / "plugins");
    dirs.push_back((exe_dir / ".." / "lib" / "sosei" / "plugins").lexically_normal());
  }
  // The same folder reached twice is searched once.
  std::vector<std::filesystem::path> unique;
  for (auto& d : dirs) {
    std::error_code e;
    auto canon = std::filesystem::weakly_canonical(d, e);
    if (e) canon = d;
    if (std::find(unique.begin(), unique.end(), canon) == unique.end()) unique.push_back(canon);
  }
  return unique;
}

}  // namespace sosei::host
