// What every command needs, loaded on first use: the configuration, the store, the plugins, and
// the global options (-c, --db, -v, --json) parsed from the command line.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "config/model.hpp"
#include "host/plugin_registry.hpp"
#include "store/store.hpp"

namespace sosei::cli {

// Exit codes scripts rely on.
enum ExitCode { kOk = 0, kRunFailed = 1, kUsageError = 2 };

// A configuration or usage problem: printed as is, exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct GlobalOptions {
  std::string config_path;  // -c/--config, else $SOSEI_CONFIG, else config/sosei.yaml
  std::string database;     // --db overrides the configured database
  bool verbose = false;
};

class Session {
 public:
  // Keeps a reference: the options are filled by the parser before any command runs.
  explicit Session(const GlobalOptions& options) : options_(options) {}

  const GlobalOptions& options() const { return options_; }
  const config::AppConfig& config();              // throws UsageError on a bad configuration
  store::Store& store();                          // opens (and migrates) the database
  const host::PluginRegistry& plugins();          // scans the plugin folders once
  std::string database_path();

  // Sets up logging (stderr, plus the configured rotating file) once the config is known.
  void init_logging();

 private:
  const GlobalOptions& options_;
  std::optional<config::AppConfig> config_;
  std::unique_ptr<store::Store> store_;
  std::optional<host::PluginRegistry> plugins_;
};

}  // namespace sosei::cli
