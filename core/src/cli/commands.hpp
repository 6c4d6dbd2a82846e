// One function per `sosei` subcommand group; each adds its subcommand(s) to the app. The callback
// stores its exit code in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/session.hpp"

namespace sosei::cli {

struct CommandEnv {
  Session& session;
  int& exit_code;
};

void add_init_command(CLI::App& app, CommandEnv env);  // init: create or migrate the database
void add_validate_command(CLI::App& app, CommandEnv env);
void add_plugins_command(CLI::App& app, CommandEnv env);
void add_import_command(CLI::App& app, CommandEnv env);
void add_runs_command(CLI::App& app, CommandEnv env);
void add_values_commands(CLI::App& app, CommandEnv env);  // values, history
void add_evaluate_command(CLI::App& app, CommandEnv env);
void add_evaluations_command(CLI::App& app, CommandEnv env);
void add_report_command(CLI::App& app, CommandEnv env);
void add_serve_command(CLI::App& app, CommandEnv env);
void add_token_commands(CLI::App& app, CommandEnv env);    // token create, list, revoke
void add_flags_commands(CLI::App& app, CommandEnv env);    // flags, flags resolve
void add_worker_command(CLI::App& app, CommandEnv env);    // internal: one isolated plugin run
void add_daemon_commands(CLI::App& app, CommandEnv env);   // daemon, resume
void add_token_commands(CLI::App& app, CommandEnv env);    // token create, list, revoke
void add_signoff_commands(CLI::App& app, CommandEnv env);  // submit, approve, unlock, comment, audit
void add_worker_command(CLI::App& app, CommandEnv env);    // internal: one isolated plugin run
void add_daemon_commands(CLI::App& app, CommandEnv env);   // daemon, resume
void add_status_command(CLI::App& app, CommandEnv env);
void add_plugin_commands(CLI::App& app, CommandEnv env);  // plugin new, plugin check
void add_store_commands(CLI::App& app, CommandEnv env);   // store copy
void add_hub_commands(CLI::App& app, CommandEnv env);     // hub summary
void add_bundle_commands(CLI::App& app, CommandEnv env);  // bundle keygen, export, import

}  // namespace sosei::cli
