// The environment every front-end (the CLI, the daemon, `sosei serve`) works in: the configuration
// with its strategy, sources and grading folder, the plugins, the clock and the store's address.
// Loaded the same way for all three, so none of them assembles the core on its own.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "config/model.hpp"
#include "host/plugin_registry.hpp"
#include "store/store.hpp"

namespace sosei::app {

// Whether a use case may create the store: writers that start a database (imports, the daemon, the
// server, `sosei init`) may; others must find it, so a mistyped path is refused, not made empty.
// ReadOnly: must find it, and only reads it (status, values, reports): a SQLite file is opened
// read-only, so these keep working on a full disk or a read-only file or folder.
enum class StoreOpen { CreateIfMissing, MustExist, ReadOnly };

struct EnvironmentOptions {
  std::string config_path;        // empty: $SOSEI_CONFIG, else config/sosei.yaml
  std::string database_override;  // --db; empty: the configuration's database
  const Clock* clock = nullptr;   // null: the system clock
};

// The configuration file a front-end reads when none is named: $SOSEI_CONFIG, else config/sosei.yaml.
std::string default_config_path();

class Environment {
 public:
  // Loads and checks the configuration (config::ConfigError naming file:line:column on any problem,
  // an unknown time zone included). Plugins are scanned on first use: most commands never load one.
  explicit Environment(EnvironmentOptions options);
  // An environment around a configuration built in code (tests, tools): database from `config`.
  explicit Environment(config::AppConfig config, const Clock* clock = nullptr);
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  const config::AppConfig& config() const { return config_; }
  const std::string& config_path() const { return config_.config_file; }
  // The installed plugins; scanned once, safe to call from several threads.
  const host::PluginRegistry& plugins() const;

  const Clock& clock() const { return *clock_; }
  // Today in the configured time zone (the city's calendar day, whatever the server's zone).
  Date today() const;

  // Where the store is: --db, else the configuration's `database`.
  const std::string& database() const { return database_; }
  // Whether database() came from --db rather than the configuration.
  bool database_overridden() const { return database_overridden_; }
  store::StoreConfig store_config(std::chrono::milliseconds lock_wait = std::chrono::milliseconds(5000),
                                  StoreOpen open = StoreOpen::CreateIfMissing) const;
  // Opens (creating it on first use unless `open` is MustExist, and migrating) the store. Throws
  // store::StoreError, store::NoDatabase when it must exist and does not.
  std::unique_ptr<store::Store> open_store(std::chrono::milliseconds lock_wait = std::chrono::milliseconds(5000),
                                           StoreOpen open = StoreOpen::CreateIfMissing) const;

 private:
  config::AppConfig config_;
  std::string database_;
  bool database_overridden_ = false;
  const Clock* clock_;
  mutable std::once_flag plugins_scanned_;
  mutable std::optional<host::PluginRegistry> plugins_;
};

}  // namespace sosei::app
