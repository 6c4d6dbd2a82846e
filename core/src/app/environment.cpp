// Loading the environment: configuration (its loader checks the time zone), lazy plugin scan, the store's address.
#include "app/environment.hpp"

#include <cstdlib>

#include "config/load.hpp"

namespace sosei::app {

std::string default_config_path() {
  const char* env = std::getenv("SOSEI_CONFIG");
  return env && *env ? env : "config/sosei.yaml";
}

Environment::Environment(EnvironmentOptions options)
    : config_(config::load_config(options.config_path.empty() ? default_config_path() : options.config_path)),
      database_(options.database_override.empty() ? config_.database : options.database_override),
      database_overridden_(!options.database_override.empty()),
      clock_(options.clock ? options.clock : &system_clock()) {}

Environment::Environment(config::AppConfig config, const Clock* clock)
    : config_(std::move(config)), database_(config_.database), clock_(clock ? clock : &system_clock()) {}

const host::PluginRegistry& Environment::plugins() const {
  std::call_once(plugins_scanned_,
                 [this] { plugins_ = host::PluginRegistry::scan(host::plugin_search_path(config_.plugin_dirs)); });
  return *plugins_;
}

Date Environment::today() const { return sosei::today(*clock_, config_.timezone); }

store::StoreConfig Environment::store_config(std::chrono::milliseconds lock_wait, StoreOpen open) const {
  store::StoreConfig c;
  c.location = database_;
  c.clock = clock_;
  c.lock_wait = lock_wait;
  c.create_if_missing = open == StoreOpen::CreateIfMissing;
  c.read_only = open == StoreOpen::ReadOnly;
  // A city's rows in a shared store are its own (docs/hub.md); its own store ignores the code.
  if (config_.strategy.city_code) c.city = config_.strategy.city_code->digits();
  return c;
}

std::unique_ptr<store::Store> Environment::open_store(std::chrono::milliseconds lock_wait, StoreOpen open) const {
  return store::open_store(store_config(lock_wait, open));
}

}  // namespace sosei::app
