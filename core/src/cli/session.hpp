// What every command needs, loaded on first use: the application environment (configuration,
// plugins, clock), the store, and the global options (-c, --db, -v) parsed from the command line.
#pragma once

#include <CLI/CLI.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/environment.hpp"
#include "app/user_input.hpp"
#include "config/load.hpp"
#include "text/lang.hpp"

namespace sosei::cli {

// Exit codes scripts rely on.
enum ExitCode { kOk = 0, kRunFailed = 1, kUsageError = 2 };

// A configuration or usage problem: printed as is, exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Runs `request` (an application use case reading what the user typed); a request it cannot read
// becomes a UsageError prefixed by `what`. A broken configuration file (a grading scheme) passes as
// config::ConfigError: main() words it in the reader's language (Session::reader_lang) with exit 2.
template <class Request>
auto from_user_input(const text::Locale& locale, const std::string& what, Request&& request) {
  try {
    return request();
  } catch (const app::InputError& e) {
    const std::string message = e.message(locale);
    throw UsageError(what.empty() ? message : what + ": " + message);
  }
}

struct GlobalOptions {
  std::string config_path;  // -c/--config, else $SOSEI_CONFIG, else config/sosei.yaml
  std::string database;     // --db overrides the configured database
  bool verbose = false;
};

// --lang ja|en and --years era|western, on every command that prints for people; empty: the
// configuration's `locale` and `years` (Japanese with era years unless the city configured otherwise).
struct LocaleOptions {
  std::string lang;
  std::string years;
};

class Session;
// Adds --lang and --years to a command that prints for people.
void add_locale_options(CLI::App* command, Session& session);
// A KPI id of the strategy or a plugin's SOURCE/SERIES; else a UsageError saying what to give
// (a mistyped id would otherwise list nothing, as if all were well).
void require_known_series(Session& session, const std::string& series);
// --lang alone, for commands that run without a configuration (plugin new, plugin check: a
// department's plugin folder and its CI): Japanese unless --lang en.
void add_lang_option(CLI::App* command, Session& session);

class Session {
 public:
  // Keeps a reference: the options are filled by the parser before any command runs.
  explicit Session(const GlobalOptions& options) : options_(options) {}

  const GlobalOptions& options() const { return options_; }
  // Throws UsageError on a bad configuration, worded in reader_lang().
  const app::Environment& env();
  const config::AppConfig& config() { return env().config(); }
  // Opens (and migrates) the database. Every command says whether it may create it: only `import`,
  // `daemon`, `serve` and `init` do (app::StoreOpen::CreateIfMissing); for the others a missing file
  // is a UsageError naming the file and what to do.
  store::Store& store(app::StoreOpen open);
  const host::PluginRegistry& plugins() { return env().plugins(); }

  // How long a write waits for another process's writer before store::StoreBusy (5 s unless a
  // command, like `import --wait`, says otherwise before it opens the store), and what to do when a
  // wait starts (print that it waits).
  void wait_for_writer(std::chrono::milliseconds limit, std::function<void()> on_wait);
  std::chrono::milliseconds lock_wait() const { return lock_wait_; }

  LocaleOptions& locale_options() { return locale_options_; }
  // The reader's language and year notation: the options, else the configuration's.
  text::Locale locale();
  // The language of a configuration error: --lang when the command has it, else Japanese (a broken
  // configuration cannot tell us its own locale).
  text::Lang reader_lang() const;

  // Sets up logging (stderr, plus the configured rotating file) once the config is known.
  void init_logging();

 private:
  const GlobalOptions& options_;
  LocaleOptions locale_options_;
  std::unique_ptr<app::Environment> env_;
  std::unique_ptr<store::Store> store_;
  std::chrono::milliseconds lock_wait_{5000};
  std::function<void()> on_lock_wait_;
};

}  // namespace sosei::cli
