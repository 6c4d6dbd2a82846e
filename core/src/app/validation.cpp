// Checks each source against its plugin: installed, settings accepted, input files present.
#include "app/validation.hpp"

#include <algorithm>
#include <filesystem>

#include "config/load.hpp"
#include "evaluate/scheme_loader.hpp"
#include "host/settings.hpp"
#include "text/config_messages.hpp"
#include "text/import_messages.hpp"

namespace sosei::app {
namespace {

// Problems with one source's plugin and settings.
void check_source(const config::AppConfig& config, text::Lang lang, const host::PluginRegistry& plugins,
                  const config::Source& source, std::vector<std::string>& problems) {
  const auto* plugin = plugins.find(source.plugin);
  if (!plugin) {
    problems.push_back(
        text::say(lang, &text::ImportMessages::plugin_not_installed, source.where.str(), source.id, source.plugin, [&] {
          std::string names;
          for (const auto& p : plugins.plugins()) names += (names.empty() ? "" : ", ") + p->meta().name;
          return names.empty() ? std::string("-") : names;
        }()));
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
    problems.push_back(e.message(lang));
  }
}

// The grading folder exists, holds the default scheme, and every scheme in it loads: evaluate and
// report would otherwise fail on the first run that grades, long after validate said all was well.
void check_grading(const config::AppConfig& config, text::Lang lang, std::vector<std::string>& problems) {
  using text::ConfigMessages;
  const auto say = [&](const text::Phrase& p) { problems.push_back(p(text::Locale{lang, text::YearStyle::Era})); };
  std::error_code ec;
  if (!std::filesystem::is_directory(config.grading_dir, ec)) {
    say(text::phrase(&ConfigMessages::grading_dir_missing, config.grading_dir));
    return;
  }
  const auto names = evaluate::scheme_names(config.grading_dir);
  if (std::find(names.begin(), names.end(), config.default_scheme) == names.end())
    say(text::phrase(&ConfigMessages::default_scheme_no_file, config.default_scheme, config.grading_dir,
                     config.default_scheme));
  for (const auto& name : names) {
    try {
      evaluate::load_scheme_named(config.grading_dir, name);
    } catch (const config::ConfigError& e) {
      say(text::phrase(&ConfigMessages::grading_scheme_unreadable, name, e.message(lang)));
    }
  }
}

}  // namespace

std::vector<std::string> configuration_problems(const Environment& env, text::Lang lang) {
  const auto& plugins = env.plugins();
  std::vector<std::string> problems;
  check_grading(env.config(), lang, problems);
  for (const auto& r : plugins.refusals()) problems.push_back(r.what());
  for (const auto& source : env.config().sources) check_source(env.config(), lang, plugins, source, problems);
  return problems;
}

}  // namespace sosei::app
