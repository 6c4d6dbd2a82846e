// `sosei validate`: the configuration loads, every source's plugin loads and accepts its settings,
// and every input file a source names exists.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "host/settings.hpp"

namespace sosei::cli {

void add_validate_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("validate", "Check the configuration, the plugins and every source's settings");
  cmd->callback([env] {
    const auto& config = env.session.config();  // a broken config throws UsageError (exit 2)
    const auto& plugins = env.session.plugins();
    std::vector<std::string> problems;
    for (const auto& r : plugins.refusals()) problems.push_back(r.what());
    for (const auto& source : config.sources) {
      const auto* plugin = plugins.find(source.plugin);
      if (!plugin) {
        problems.push_back(source.where.str() + ": source '" + source.id + "' uses plugin '" + source.plugin +
                           "', which is not installed");
        continue;
      }
      try {
        auto settings = host::resolve_settings((*plugin)->meta(), source, config.base_dir);
        for (const auto& spec : (*plugin)->meta().settings) {
          auto it = settings.find(spec.name);
          if (spec.type == SOSEI_SETTING_PATH && it != settings.end() && !it->second.empty() &&
              !std::filesystem::exists(it->second))
            problems.push_back(source.settings.count(spec.name)
                                   ? source.settings.at(spec.name).where.str() + ": source '" + source.id +
                                         "': file not found: " + it->second
                                   : "source '" + source.id + "': file not found: " + it->second);
        }
      } catch (const host::SettingsError& e) {
        problems.push_back(e.what());
      }
    }
    for (const auto& p : problems) std::cerr << p << '\n';
    if (problems.empty()) {
      std::cout << config.config_file << ": ok — " << config.strategy.kpis.size() << " KPIs in "
                << config.strategy.goals.size() << " goals, " << config.sources.size() << " sources, "
                << plugins.plugins().size() << " plugins\n";
      env.exit_code = kOk;
    } else {
      std::cout << config.config_file << ": " << problems.size() << " problem(s)\n";
      env.exit_code = kRunFailed;
    }
  });
}

}  // namespace sosei::cli
