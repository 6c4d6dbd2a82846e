// Checks each source against its plugin: installed, settings accepted, input files present.
#include "app/validation.hpp"

#include <filesystem>

#include "host/settings.hpp"

namespace sosei::app {
namespace {

// Problems with one source's plugin and settings.
void check_source(const config::AppConfig& config, const host::PluginRegistry& plugins, const config::Source& source,
                  std::vector<std::string>& problems) {
  const auto* plugin = plugins.find(source.plugin);
  if (!plugin) {
    problems.push_back(source.where.str() + ": source '" + source.id + "' uses plugin '" + source.plugin +
                       "', which is not installed");
    return;
  }
  try {
    const auto settings = host::resolve_settings((*plugin)->meta(), source, config.base_dir);
    for (const auto& spec : (*plugin)->meta().settings) {
      const auto it = settings.find(spec.name);
      if (spec.type != SOSEI_SETTING_PATH || it == settings.end() || it->second.empty() ||
          std::filesystem::exists(it->second))
        continue;
      const auto written = source.settings.find(spec.name);
      problems.push_back((written != source.settings.end() ? written->second.where.str() + ": " : std::string()) +
                         "source '" + source.id + "': file not found: " + it->second);
    }
  } catch (const host::SettingsError& e) {
    problems.push_back(e.what());
  }
}

}  // namespace

std::vector<std::string> configuration_problems(const Environment& env) {
  const auto& plugins = env.plugins();
  std::vector<std::string> problems;
  for (const auto& r : plugins.refusals()) problems.push_back(r.what());
  for (const auto& source : env.config().sources) check_source(env.config(), plugins, source, problems);
  return problems;
}

}  // namespace sosei::app
