// The `sosei` command: global options, subcommands, exit codes (0 ok, 1 run or check failed,
// 2 usage or configuration error).
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "text/catalogue.hpp"
#include "text/numbers.hpp"
#include "text/phrase.hpp"

int main(int argc, char** argv) {
  using namespace sosei::cli;
  CLI::App app{"sosei — regional-revitalization KPIs from data to council report", "sosei"};
  app.set_version_flag(
      "--version", std::string("sosei ") + SOSEI_VERSION + " (plugin API " + std::to_string(SOSEI_API_VERSION) + ")");
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions globals;
  app.add_option("-c,--config", globals.config_path,
                 "configuration file (default: $SOSEI_CONFIG, else config/sosei.yaml)");
  app.add_option("--db", globals.database,
                 "database file, or a postgresql:// connection URI (overrides the configuration)");
  app.add_flag("-v,--verbose", globals.verbose, "show debug messages on stderr");

  Session session(globals);
  int exit_code = kOk;
  // The session reads `globals` when a command runs, after parsing filled it.
  CommandEnv env{session, exit_code};
  add_init_command(app, env);
  add_validate_command(app, env);
  add_plugins_command(app, env);
  add_import_command(app, env);
  add_runs_command(app, env);
  add_values_commands(app, env);
  add_evaluate_command(app, env);
  add_evaluations_command(app, env);
  add_report_command(app, env);
  add_serve_command(app, env);
  add_token_commands(app, env);
  add_flags_commands(app, env);
  add_signoff_commands(app, env);
  add_daemon_commands(app, env);
  add_status_command(app, env);
  add_plugin_commands(app, env);
  add_store_commands(app, env);
  add_hub_commands(app, env);
  add_bundle_commands(app, env);
  add_worker_command(app, env);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // A word where a command belongs that is none (a typo): name it and list the commands, rather than
    // CLI11's "A subcommand is required" or "arguments were not expected".
    if (app.get_subcommands().empty() && !app.remaining().empty() && !app.remaining().front().starts_with("-")) {
      std::string commands;
      for (const auto* sub : static_cast<const CLI::App&>(app).get_subcommands([](const CLI::App*) { return true; }))
        if (!sub->get_group().empty()) commands += (commands.empty() ? "" : ", ") + sub->get_name();
      std::cerr << "sosei: 「" << app.remaining().front() << "」というコマンドはありません。コマンド: " << commands
                << "（詳しくは sosei --help）\n";
      return kUsageError;
    }
    const int rc = app.exit(e);
    return rc == 0 ? kOk : kUsageError;
  } catch (const UsageError& e) {
    std::cerr << "sosei: " << e.what() << '\n';
    return kUsageError;
  } catch (const sosei::config::ConfigError& e) {
    // A grading scheme read by a command (see from_user_input): a configuration error like any other.
    std::cerr << "sosei: " << e.message(session.reader_lang()) << '\n';
    return kUsageError;
  } catch (const sosei::store::StoreBusy& e) {
    // Another process's import held the database longer than this command waits.
    spdlog::debug("{}", e.what());
    const sosei::text::Lang lang = session.reader_lang();
    const auto waited = std::chrono::duration_cast<std::chrono::seconds>(session.lock_wait()).count();
    std::string what =
        sosei::text::say(lang, &sosei::text::Catalogue::store_busy, sosei::text::duration_text(waited, lang));
    if (app.got_subcommand("import")) what += sosei::text::catalogue(lang).store_busy_import;
    std::cerr << "sosei: " << what << '\n';
    return kRunFailed;
  } catch (const sosei::store::StoreError& e) {
    std::cerr << "sosei: " << e.message(session.reader_lang()) << '\n';
    return kRunFailed;
  } catch (const std::exception& e) {
    std::cerr << "sosei: " << e.what() << '\n';
    return kRunFailed;
  }
  return exit_code;
}
