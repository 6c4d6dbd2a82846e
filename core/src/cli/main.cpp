// The `sosei` command: global options, subcommands, exit codes (0 ok, 1 run or check failed,
// 2 usage or configuration error).
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/app.hpp"
#include "cli/session.hpp"
#include "text/catalogue.hpp"
#include "text/numbers.hpp"
#include "text/phrase.hpp"

int main(int argc, char** argv) {
  using namespace sosei::cli;
  CLI::App app{"sosei — regional-revitalization KPIs from data to council report", "sosei"};
  GlobalOptions globals;
  Session session(globals);
  int exit_code = kOk;
  // The session reads `globals` when a command runs, after parsing filled it.
  add_everything(app, globals, CommandEnv{session, exit_code}, help_lang(argc, argv));

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
