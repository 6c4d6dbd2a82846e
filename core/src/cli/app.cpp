// The `sosei` command tree (app.hpp).
#include "cli/app.hpp"

#include <string_view>

#include "cli/help_texts.hpp"
#include "cli/parse_refusal_ja.hpp"

namespace sosei::cli {
namespace {

// What a refusal of the command line says first, by CLI11's kind of error (its exit code: the error's
// name is sometimes the command's); CLI11's own sentence, which names the option or argument, follows
// in brackets.
std::string_view refusal_ja(int exit_code) {
  switch (static_cast<CLI::ExitCodes>(exit_code)) {
    case CLI::ExitCodes::RequiredError:
      return "必要な指定がありません";
    case CLI::ExitCodes::ExtrasError:
      return "使えない引数があります";
    case CLI::ExitCodes::ConversionError:
      return "値を読み取れません";
    case CLI::ExitCodes::ValidationError:
      return "値が正しくありません";
    case CLI::ExitCodes::ArgumentMismatch:
      return "引数の数が合いません";
    case CLI::ExitCodes::ExcludesError:
      return "一緒には使えない指定があります";
    case CLI::ExitCodes::RequiresError:
      return "一緒に必要な指定がありません";
    case CLI::ExitCodes::OptionNotFound:
      return "そのオプションはありません";
    default:
      return "コマンドラインを読み取れません";
  }
}

}  // namespace

void add_everything(CLI::App& app, GlobalOptions& globals, CommandEnv env, text::Lang lang) {
  app.set_version_flag(
      "--version", std::string("sosei ") + SOSEI_VERSION + " (plugin API " + std::to_string(SOSEI_API_VERSION) + ")");
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("-c,--config", globals.config_path,
                 "configuration file (default: $SOSEI_CONFIG, else config/sosei.yaml)");
  app.add_option("--db", globals.database,
                 "database file, or a postgresql:// connection URI (overrides the configuration)");
  app.add_flag("-v,--verbose", globals.verbose, "show debug messages on stderr");
  // Also before the command (`sosei --lang en status`), as people write the other global options.
  add_locale_options(&app, env.session);

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

  word_help(app, lang);
  if (lang == text::Lang::Ja)
    app.failure_message([](const CLI::App* top, const CLI::Error& e) {
      std::string command = "sosei";  // and the commands parsed, down to the one refused
      for (const CLI::App* a = top; !a->get_subcommands().empty();) {
        a = a->get_subcommands().front();
        command += " " + a->get_name();
      }
      // CLI11's sentence in Japanese where its form is known; else the kind of refusal, with CLI11's
      // English (which names the option) in brackets.
      const std::string worded = parse_refusal_ja(e.what());
      const std::string said =
          worded != e.what() ? worded : std::string(refusal_ja(e.get_exit_code())) + "（" + e.what() + "）";
      return "sosei: " + said + "。使い方は " + command + " --help\n";
    });
}

text::Lang help_lang(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--lang=en" || (arg == "--lang" && i + 1 < argc && std::string_view(argv[i + 1]) == "en"))
      return text::Lang::En;
  }
  return text::Lang::Ja;
}

}  // namespace sosei::cli
