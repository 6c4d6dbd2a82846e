// `sosei serve [--bind 127.0.0.1] [--port 8080]`: the dashboard, JSON API, /metrics and hand entry
// (docs/serve.md) until SIGTERM or SIGINT, which let requests in flight finish.
#include <signal.h>
#include <spdlog/sinks/sink.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/serve_loop.hpp"
#include "common/signals.hpp"
#include "serve/server.hpp"

namespace sosei::cli {

void add_serve_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand(
      "serve",
      "Serve the dashboard (/), the JSON API (/api/…), Prometheus metrics (/metrics) and hand entry (/entry) "
      "until SIGTERM/SIGINT (docs/serve.md)");
  auto options = std::make_shared<serve::ServeOptions>();
  cmd->add_option("--bind", options->bind,
                  "address to listen on; anything but loopback needs a department token first (sosei token create)")
      ->capture_default_str();
  cmd->add_option("--port", options->port, "TCP port (0: any free port, printed at start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->callback([env, options] {
    const auto& config = env.session.config();
    // A server's log is its stderr (journald): entries are logged at info, so show the configured level.
    if (!env.session.options().verbose)
      spdlog::default_logger()->sinks().front()->set_level(spdlog::level::from_str(config.log.level));
    env.session.store(
        app::StoreOpen::CreateIfMissing);  // creates and migrates the database before the server opens its connections
    // A client that hangs up mid-response must cost one response, not the process.
    signal(SIGPIPE, SIG_IGN);
    // Blocked before the server's threads start, so a stop waits for the loop below instead of
    // killing the process mid-request.
    BlockedSignals signals({SIGTERM, SIGINT});
    serve::Server server(env.session.env(), *options);
    int port = 0;
    try {
      port = server.bind();
    } catch (const serve::ServeRefused& e) {
      throw UsageError(std::string("serve: ") + e.what());
    } catch (const serve::ServeError& e) {
      std::cerr << "sosei serve: " << e.what() << '\n';
      env.exit_code = kRunFailed;
      return;
    }
    const std::string base =
        "http://" + (options->bind.find(':') != std::string::npos ? "[" + options->bind + "]" : options->bind) + ":" +
        std::to_string(port);
    const text::Lang lang = env.session.locale().lang;
    std::cout << text::say(lang, &text::Catalogue::serve_started, base, base, base, base) << std::endl;

    env.exit_code = serve_until_signal(server, signals, "sosei serve", lang);
  });
}

}  // namespace sosei::cli
