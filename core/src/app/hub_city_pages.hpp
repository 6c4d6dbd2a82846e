// The cities whose own dashboards a hub serves under /city/{code}/ (docs/hub.md): each is the
// environment the city itself runs — its strategy, grading schemes, language, notation — read from the
// hub's copy of its configuration (`config:` of the hub file), with its data where the hub keeps them.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "app/environment.hpp"
#include "config/hub.hpp"

namespace sosei::app {

// The cities of the hub with a `config:`, by code. Throws config::ConfigError: the city's own file's
// problems at their line, or (at the hub file's city) a configuration whose city_code is another city's
// — or names none while the city's data are in a shared database, where it would read nobody's rows.
std::map<std::string, std::unique_ptr<Environment>> load_city_pages(const config::Hub& hub,
                                                                    const std::string& database_override,
                                                                    const Clock* clock = nullptr);

// One city's environment of those (`city.config` must not be empty); throws config::ConfigError as above.
std::unique_ptr<Environment> load_city_page(const config::Hub& hub, const config::HubCity& city,
                                            const std::string& database_override, const Clock* clock = nullptr);

// The same check for one city whose configuration `env` is, with its data at `location` (what the hub
// daemon checks before it schedules the city).
void check_city_configuration(const config::HubCity& city, const std::string& location, const Environment& env);

}  // namespace sosei::app
