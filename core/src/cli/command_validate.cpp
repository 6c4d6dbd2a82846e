// `sosei validate`: the configuration loads, every source's plugin loads and accepts its settings,
// and every input file a source names exists.
#include <iostream>

#include "app/validation.hpp"
#include "cli/commands.hpp"

namespace sosei::cli {

void add_validate_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("validate", "Check the configuration, the plugins and every source's settings");
  cmd->callback([env] {
    const auto& config = env.session.config();  // a broken config throws UsageError (exit 2)
    const auto problems = app::configuration_problems(env.session.env());
    for (const auto& p : problems) std::cerr << p << '\n';
    if (problems.empty()) {
      std::cout << config.config_file << ": ok — " << config.strategy.kpis.size() << " KPIs in "
                << config.strategy.goals.size() << " goals, " << config.sources.size() << " sources, "
                << env.session.plugins().plugins().size() << " plugins\n";
      env.exit_code = kOk;
    } else {
      std::cout << config.config_file << ": " << problems.size() << " problem(s)\n";
      env.exit_code = kRunFailed;
    }
  });
}

}  // namespace sosei::cli
