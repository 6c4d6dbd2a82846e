// A hub's own configuration (config/hub.yaml, docs/hub.md): the cities one server holds, each by its
// local government code, and the groups that cross prefectures' lines (定住自立圏 such as 嘉飯圏域,
// 広域連合). The prefecture of a city is not configured: it is the code's first two digits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "config/model.hpp"

namespace sosei::config {

// A municipality merged into a city of the hub (合併): its code, and the day the city it became began.
// Its history — its rows under its own code, in the hub's database or its own file — continues the
// city's for the periods that began before that day.
struct Predecessor {
  std::string code;           // six digits, check digit verified
  std::string name;           // 山田市
  Date merged;                // the first day of the city it merged into
  std::string database = {};  // its own file, absolute; empty: the hub's database
  Location where = {};
};

struct HubCity {
  std::string code;  // six digits, check digit verified
  std::string name;  // as the city writes it: 嘉麻市
  // Where this city's data are when not in the hub's database: a city's own SQLite file copied to
  // the hub, or another server. Empty: the hub's database. Absolute when a path.
  std::string database;
  Location where;
  // The city's own configuration (its sosei.yaml: strategy, grading scheme, language) as the hub keeps
  // it, absolute; the hub's server shows the city's dashboard and API under /city/{code}/ from it.
  // Empty: the hub shows the city in its summary only.
  std::string config = {};
  // The public key (PEM) the city signs its bundles with (`sosei bundle keygen`, docs/hub.md), absolute.
  // Empty: the hub imports no bundle of this city.
  std::string key = {};
  // The municipalities merged into it, with the day; their histories continue its own.
  std::vector<Predecessor> predecessors = {};
};

struct CityGroup {
  std::string name;                  // 嘉飯圏域
  std::string kind;                  // 定住自立圏, 広域連合 … as the hub writes it; may be empty
  std::vector<std::string> members;  // city codes, each listed in the hub's cities
  Location where;
};

// How a shared indicator's city values add up the hierarchy (prefecture, group, nation).
enum class IndicatorAggregate {
  Sum,    // counts (人, 件): the cities' values summed
  Ratio,  // rates: each city's numerator and denominator summed, then divided — never a mean of rates
  Level,  // levels (a price, an average score): not aggregated, shown per city
};
std::string to_string(IndicatorAggregate);  // "sum", "ratio", "level"

// An indicator defined once at the hub that cities' KPIs report (`indicator:` in their strategies).
struct SharedIndicator {
  std::string id;       // net_migration
  std::string name;     // 社会増減数
  std::string name_en;  // optional
  std::string unit;     // 人, %, …
  Direction direction = Direction::HigherIsBetter;
  IndicatorAggregate aggregate = IndicatorAggregate::Sum;
  double scale = 1;  // a ratio's quotient times this (100: a percentage)
  Location where;
};

struct Hub {
  std::string file;      // the hub file as the caller named it
  std::string name;      // 福岡県 地方創生 KPI ハブ
  std::string database;  // the shared database (a postgresql:// URI, or a path made absolute)
  // The hub's own tokens (prefecture, nation, group: `sosei hub token`), absolute: `tokens:` under
  // `hub:`, else NAME.tokens.json beside the hub file NAME.yaml. Empty: the hub keeps none (built in code).
  std::string tokens_file;
  // Imports `sosei hub daemon` runs at once over all its cities (`max_concurrent:` under `hub:`, 1–64);
  // each city's own daemon.max_concurrent still bounds its share.
  int max_concurrent = 4;
  std::vector<HubCity> cities;  // in the file's order
  std::vector<CityGroup> groups;
  std::vector<SharedIndicator> indicators;  // in the file's order

  const HubCity* city(const std::string& code) const;
  const SharedIndicator* indicator(const std::string& id) const;
  // Where a city's data are: its own database, else `shared` (the hub's, or --db).
  std::string location_of(const HubCity& city, const std::string& shared) const;
  const CityGroup* group(const std::string& name) const;
};

// Two cities whose data would be read from one SQLite file (which holds one city and ignores the city
// code), with `shared` as the hub's database: the file and the two names, else nullopt.
struct SharedFile {
  std::string file;
  std::string first;
  std::string second;
};
std::optional<SharedFile> cities_sharing_a_file(const Hub& hub, const std::string& shared);

// Reads a hub file. Throws ConfigError naming file:line:column: a code that is not a city code (with
// the code probably meant), a prefecture outside 01–47, a city without a database or two sharing one
// SQLite file, a city or group listed twice, a group member
// that is not one of the cities, unknown keys.
Hub load_hub(const std::string& path);

}  // namespace sosei::config
