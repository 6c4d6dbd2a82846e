// The evaluation benchmark: evaluates (KPIs, rollups per goal, department and total) every city of
// city_strategies.hpp with a grading scheme as of the end of FY2029, and times only the evaluate()
// calls. No store: the values are built in memory first, as load_observations would return them.
//   bench_evaluate [--cities N] [--grading DIR] [--scheme NAME]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "city_strategies.hpp"
#include "evaluate/scheme_loader.hpp"

namespace {

struct Options {
  int cities = 1741;  // Japan's municipalities (市区町村), 2024
  std::string grading = SOSEI_BENCH_GRADING_DIR;
  std::string scheme = "kama";
};

int usage(const char* self, std::FILE* to) {
  std::fprintf(to,
               "usage: %s [--cities N] [--grading DIR] [--scheme NAME]\n"
               "Evaluates N generated cities (20 KPIs x 10 years each; default 1741) as of FY2029 and prints\n"
               "the seconds spent in evaluate() and the grade totals. Default grading folder: %s\n",
               self, SOSEI_BENCH_GRADING_DIR);
  return to == stdout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") return usage(argv[0], stdout);
    if (i + 1 >= argc) return usage(argv[0], stderr);
    if (arg == "--cities")
      o.cities = std::atoi(argv[++i]);
    else if (arg == "--grading")
      o.grading = argv[++i];
    else if (arg == "--scheme")
      o.scheme = argv[++i];
    else
      return usage(argv[0], stderr);
  }
  if (o.cities < 1) return usage(argv[0], stderr);
  try {
    const auto scheme = sosei::evaluate::load_scheme_named(o.grading, o.scheme);
    const auto cities = bench::make_cities(o.cities);
    const auto as_of = sosei::last_day_of_fiscal_year(2029);

    std::vector<int> grades(scheme.other_index() + 1, 0);
    std::size_t kpis = 0, observations = 0;
    const auto started = std::chrono::steady_clock::now();
    for (const auto& city : cities) {
      const auto evaluation = sosei::evaluate::evaluate(city.strategy, city.observations, scheme, as_of);
      // Read the result, so the work cannot be left out, and print it, so a change shows.
      for (std::size_t i = 0; i < evaluation.total.grades.size(); ++i) grades[i] += evaluation.total.grades[i].count;
      kpis += evaluation.kpis.size();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    for (const auto& city : cities)
      for (const auto& [kpi, values] : city.observations) observations += values.size();

    std::printf("cities\t%d\nkpis\t%zu\nobservations\t%zu\nseconds\t%.6f\n", o.cities, kpis, observations, seconds);
    for (std::size_t i = 0; i < grades.size(); ++i)
      std::printf("grade\t%s\t%d\n", scheme.grade(i).symbol.c_str(), grades[i]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_evaluate: %s\n", e.what());
    return 1;
  }
  return 0;
}
