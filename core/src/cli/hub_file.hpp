// What the `sosei hub …` commands share: the hub file, read and checked, and the hub's token commands.
#pragma once

#include <string>

#include "app/hub_summary.hpp"
#include "cli/commands.hpp"
#include "config/hub.hpp"
#include "text/lang.hpp"

namespace sosei::cli {

// The hub file, checked; with --db, that no two cities would share one SQLite file. Throws UsageError
// naming file:line:column in `lang`.
config::Hub load_hub_file(const std::string& path, CommandEnv env, text::Lang lang);

// hub token create, list, revoke (command_hub_token.cpp).
void add_hub_token_commands(CLI::App& hub, CommandEnv env);
// hub indicators (command_hub_indicators.cpp).
void add_hub_indicator_command(CLI::App& hub, CommandEnv env);
// hub daemon (command_hub_daemon.cpp).
void add_hub_daemon_command(CLI::App& hub, CommandEnv env);
// hub evaluate (command_hub_evaluate.cpp).
void add_hub_evaluate_command(CLI::App& hub, CommandEnv env);

// The line over a hub view: the hub, the scope and how many cities it holds.
std::string hub_scope_line(const config::Hub& hub, const app::HubScope& scope, std::size_t cities, text::Lang lang);

}  // namespace sosei::cli
