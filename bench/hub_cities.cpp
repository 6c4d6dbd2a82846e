// The hub benchmark's cities (issue 16): N generated cities (city_strategies.hpp: 20 KPIs × 10 years
// each) stored into one PostgreSQL database as a hub holds them — each city its own rows under its
// local government code, imported and evaluated (the evaluation saved) through the store as a city's
// own sosei does — and the hub file that lists them. The first 60 are one prefecture's (福岡県, 40),
// the rest spread over the other 46. tools/run-bench then times `sosei hub summary` on them.
//   bench_hub_cities --database URI --cities N --hub FILE [--grading DIR]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "city_strategies.hpp"
#include "common/city_code.hpp"
#include "common/date.hpp"
#include "evaluate/scheme_loader.hpp"
#include "evaluate/store_input.hpp"
#include "store/store.hpp"

namespace {

constexpr int kPrefectureCities = 60;  // the "generated prefecture"

struct Options {
  std::string database;
  int cities = 1741;
  std::string hub;
  std::string grading = SOSEI_BENCH_GRADING_DIR;
};

int usage(const char* self, std::FILE* to) {
  std::fprintf(to,
               "usage: %s --database URI --cities N --hub FILE [--grading DIR]\n"
               "Stores N generated cities (20 KPIs x 10 years, evaluated as of FY2029) in the PostgreSQL\n"
               "database URI, each under its own city code, and writes the hub file listing them. The first\n"
               "60 cities are prefecture 40's. Prints the seconds the loading took.\n",
               self);
  return to == stdout ? 0 : 2;
}

// The code of city `index`: prefecture 40 for the first 60, then the other prefectures in turn.
std::string city_code(int index) {
  int prefecture = 40, municipality = 100 + index * 5;
  if (index >= kPrefectureCities) {
    const int rest = index - kPrefectureCities;
    prefecture = 1 + rest % 46;
    if (prefecture >= 40) ++prefecture;  // 40 holds the first 60 only
    municipality = 100 + (rest / 46) * 3;
  }
  const std::string five = (prefecture < 10 ? "0" : "") + std::to_string(prefecture) + std::to_string(municipality);
  return five + sosei::city_code_check_digit(five);
}

void store_city(const Options& o, int index, const bench::CityData& city,
                const sosei::evaluate::GradingScheme& scheme) {
  sosei::store::StoreConfig config;
  config.location = o.database;
  config.city = city_code(index);
  auto store = sosei::store::open_store(config);
  auto run = store->begin_import({"bench_kpis", "bench", "1.0.0"});
  for (const auto& [kpi, values] : city.observations)
    for (const auto& v : values) run->put(v.key, v.data);
  run->commit();
  const auto stored = sosei::evaluate::load_observations(*store, city.strategy);
  const auto evaluation =
      sosei::evaluate::evaluate(city.strategy, stored, scheme, sosei::last_day_of_fiscal_year(2029));
  sosei::evaluate::save_evaluation(*store, evaluation);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") return usage(argv[0], stdout);
    if (i + 1 >= argc) return usage(argv[0], stderr);
    if (arg == "--database")
      o.database = argv[++i];
    else if (arg == "--cities")
      o.cities = std::atoi(argv[++i]);
    else if (arg == "--hub")
      o.hub = argv[++i];
    else if (arg == "--grading")
      o.grading = argv[++i];
    else
      return usage(argv[0], stderr);
  }
  if (o.database.empty() || o.hub.empty() || o.cities < 1 || o.cities > 46 * 300 + kPrefectureCities)
    return usage(argv[0], stderr);
  try {
    const auto scheme = sosei::evaluate::load_scheme_named(o.grading, "kama");
    std::ofstream hub(o.hub, std::ios::trunc);
    hub << "hub:\n  name: bench hub\n  database: " << o.database << "\ncities:\n";
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < o.cities; ++i) {
      store_city(o, i, bench::make_city(i), scheme);
      hub << "  - {code: \"" << city_code(i) << "\", name: city" << i << "}\n";
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::printf("seconds\t%.3f\ncities\t%d\n", took.count(), o.cities);
    return hub ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_hub_cities: %s\n", e.what());
    return 1;
  }
}
