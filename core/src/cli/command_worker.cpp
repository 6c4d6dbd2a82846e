// `sosei worker`: the process a scheduled or isolated import runs its plugin in. Started by sosei
// itself with the protocol on fds 3 and 4; hidden from the command list, but documented in --help.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/commands.hpp"
#include "worker/worker_main.hpp"

namespace sosei::cli {

void add_worker_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand(
      "worker",
      "Run one plugin for a parent sosei process (internal: started by `sosei import` and `sosei daemon`; "
      "reads its request on fd 4 and answers on fd 3)");
  cmd->group("");  // not listed: people never run it by hand
  cmd->callback([env] {
    // "<level letter> <message>" lines on stderr: the parent relays them into its own log.
    auto logger = spdlog::stderr_logger_st("worker");
    logger->set_pattern("%L %v");
    logger->set_level(spdlog::level::info);
    spdlog::set_default_logger(logger);
    env.exit_code = worker::run_worker();
  });
}

}  // namespace sosei::cli
