// `sosei daemon` (run the schedules until stopped) and `sosei resume SOURCE` (lift a quarantine).
#include <spdlog/sinks/sink.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.hpp"
#include "daemon/daemon.hpp"
#include "store/store.hpp"
#include "text/phrase.hpp"

namespace sosei::cli {

void add_daemon_commands(CLI::App& app, CommandEnv env) {
  auto* daemon = app.add_subcommand(
      "daemon",
      "Run every source on its schedule until SIGTERM/SIGINT (graceful stop), SIGHUP reloads the configuration. "
      "One daemon per database.");
  add_locale_options(daemon, env.session);
  daemon->callback([env] {
    const auto& config = env.session.config();
    // A service's log is its stderr (journald): show the configured level there, not only warnings.
    if (!env.session.options().verbose)
      spdlog::default_logger()->sinks().front()->set_level(spdlog::level::from_str(config.log.level));
    daemon::DaemonOptions options;
    options.config_path = config.config_file;
    options.database_override = env.session.options().database;
    options.lang = env.session.locale().lang;
    try {
      env.exit_code = daemon::run_daemon(options);
    } catch (const store::AlreadyRunning& e) {
      std::cerr << "sosei daemon: " << e.what() << '\n';
      env.exit_code = kRunFailed;
    }
  });

  auto* resume = app.add_subcommand("resume", "Lift the quarantine of a source so the scheduler runs it again");
  auto source = std::make_shared<std::string>();
  resume->add_option("source", *source, "source id")->required();
  add_locale_options(resume, env.session);
  resume->callback([env, source] {
    const auto& config = env.session.config();
    const text::Lang lang = env.session.locale().lang;
    if (!config.find_source(*source))
      throw UsageError(text::say(lang, &text::Catalogue::resume_unknown, *source,
                                 config.sources_file.empty() ? config.config_file : config.sources_file));
    if (env.session.store(app::StoreOpen::MustExist).resume(*source))
      std::cout << text::say(lang, &text::Catalogue::resume_lifted, *source, *source) << '\n';
    else
      std::cout << text::say(lang, &text::Catalogue::resume_not_quarantined, *source) << '\n';
  });
}

}  // namespace sosei::cli
