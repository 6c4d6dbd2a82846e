// `sosei validate`: the configuration loads, every source's plugin loads and accepts its settings,
// and every input file a source names exists.
#include <iostream>

#include "app/validation.hpp"
#include "cli/commands.hpp"
#include "text/phrase.hpp"

namespace sosei::cli {

void add_validate_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("validate", "Check the configuration, the plugins and every source's settings");
  add_locale_options(cmd, env.session);
  cmd->callback([env] {
    const auto& config = env.session.config();  // a broken config throws UsageError (exit 2)
    const auto problems = app::configuration_problems(env.session.env(), env.session.locale().lang);
    for (const auto& p : problems) std::cerr << p << '\n';
    if (problems.empty()) {
      std::cout << text::say(env.session.locale().lang, &text::Catalogue::validate_ok, config.config_file,
                             config.strategy.kpis.size(), config.strategy.goals.size(), config.sources.size(),
                             env.session.plugins().plugins().size())
                << '\n';
      env.exit_code = kOk;
    } else {
      std::cout << text::say(env.session.locale().lang, &text::Catalogue::validate_problems, config.config_file,
                             problems.size())
                << '\n';
      env.exit_code = kRunFailed;
    }
  });
}

}  // namespace sosei::cli
