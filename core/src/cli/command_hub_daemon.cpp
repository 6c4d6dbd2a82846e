// `sosei hub daemon --hub FILE`: the scheduled sources of every city of the hub in one process
// (daemon/hub_daemon.hpp), until SIGTERM/SIGINT; SIGHUP reloads each city's configuration.
#include <spdlog/sinks/sink.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/hub_file.hpp"
#include "daemon/hub_daemon.hpp"
#include "text/hub_messages.hpp"

namespace sosei::cli {

void add_hub_daemon_command(CLI::App& hub, CommandEnv env) {
  auto* daemon = hub.add_subcommand(
      "daemon",
      "Run the scheduled sources of every city with a config in the hub file, each as that city's own daemon "
      "would (its timers, retries, quarantines, webhooks, one worker process and one transaction per import), "
      "at most the hub's max_concurrent imports at a time over all cities, until SIGTERM/SIGINT; SIGHUP reloads "
      "every city's configuration. A city already scheduled by its own daemon is left to it.");
  auto hub_file = std::make_shared<std::string>("config/hub.yaml");
  daemon->add_option("--hub", *hub_file, "the hub file (default: config/hub.yaml)");
  daemon->add_option("--lang", env.session.locale_options().lang, "what people read in ja or en (default: ja)")
      ->check(CLI::IsMember({"ja", "en"}));
  daemon->callback([env, hub_file] {
    const text::Lang lang = env.session.reader_lang();
    const config::Hub hub = load_hub_file(*hub_file, env, lang);
    // A service's log is its stderr (journald): what each city's imports did, not only warnings. The
    // hub has no sosei.yaml of its own, so no configured level or log file: info on stderr.
    env.session.init_logging();
    if (!env.session.options().verbose) spdlog::default_logger()->sinks().front()->set_level(spdlog::level::info);
    daemon::HubDaemonOptions options;
    options.database_override = env.session.options().database;
    options.lang = lang;
    try {
      env.exit_code = daemon::HubDaemon(hub, options).run();
    } catch (const daemon::NoCityToSchedule&) {
      std::cerr << "sosei hub daemon: " << text::say(lang, &text::HubMessages::daemon_no_city, hub.file) << '\n';
      env.exit_code = kRunFailed;
    }
  });
}

}  // namespace sosei::cli
