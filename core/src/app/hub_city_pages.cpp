// The hub's city environments (hub_city_pages.hpp).
#include "app/hub_city_pages.hpp"

#include "config/load.hpp"
#include "text/hub_messages.hpp"

namespace sosei::app {

std::map<std::string, std::unique_ptr<Environment>> load_city_pages(const config::Hub& hub,
                                                                    const std::string& database_override,
                                                                    const Clock* clock) {
  std::map<std::string, std::unique_ptr<Environment>> out;
  for (const auto& city : hub.cities)
    if (!city.config.empty()) out.emplace(city.code, load_city_page(hub, city, database_override, clock));
  return out;
}

std::unique_ptr<Environment> load_city_page(const config::Hub& hub, const config::HubCity& city,
                                            const std::string& database_override, const Clock* clock) {
  const std::string& shared = database_override.empty() ? hub.database : database_override;
  const std::string location = hub.location_of(city, shared);
  auto env = std::make_unique<Environment>(
      EnvironmentOptions{.config_path = city.config, .database_override = location, .clock = clock});
  check_city_configuration(city, location, *env);
  return env;
}

void check_city_configuration(const config::HubCity& city, const std::string& location, const Environment& env) {
  const auto& code = env.config().strategy.city_code;
  // A single city's own SQLite file holds one city under no code; anywhere else the store must be
  // opened for this city's code, or it would show another city's rows, or none.
  const bool own_file = !city.database.empty() && location.find("://") == std::string::npos;
  if (code ? code->digits() != city.code : !own_file)
    throw config::ConfigError(city.where, text::phrase(&text::HubMessages::city_config_other, city.code, city.name,
                                                       city.config, code ? code->digits() : "-"));
}

}  // namespace sosei::app
