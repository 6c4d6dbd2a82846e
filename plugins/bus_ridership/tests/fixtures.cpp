// Fixture helpers and the one way the tests run the plugin: host::load_plugin + host::RunContext.
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "host/plugin_library.hpp"

namespace fs = std::filesystem;

namespace bus_ridership::test {

fs::path fixture_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path dir = fs::path(BUS_RIDERSHIP_FIXTURE_DIR) / (std::string(info->test_suite_name()) + "." + info->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

std::string to_cp932(const std::string& utf8) {
  const fs::path dir = fs::path(BUS_RIDERSHIP_FIXTURE_DIR) / "iconv";
  fs::create_directories(dir);
  const fs::path in = dir / "in.txt", out = dir / "out.txt";
  write_file(in, utf8);
  const std::string command = "iconv -f UTF-8 -t CP932 '" + in.string() + "' > '" + out.string() + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream file(out, std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

fs::path conformance(const std::string& relative) { return fs::path(BUS_RIDERSHIP_CONFORMANCE_DIR) / relative; }

namespace {

bool matches(const sosei::test_support::CapturedObservation& o, const std::string& series, int kind, int year,
             int month, const std::string& route) {
  if (o.series != series || o.period.kind != kind || o.period.year != year || o.period.month != month) return false;
  auto it = o.dimensions.find("route");
  return route.empty() ? it == o.dimensions.end() : it != o.dimensions.end() && it->second == route;
}

}  // namespace

std::optional<double> PluginRun::value(const std::string& series, int kind, int year, int month,
                                       const std::string& route) const {
  std::optional<double> found;
  for (const auto& o : sink.observations) {
    if (!matches(o, series, kind, year, month, route)) continue;
    EXPECT_FALSE(found.has_value()) << "emitted twice: " << series << " " << year << "-" << month << " " << route;
    found = o.number;
  }
  return found;
}

std::optional<std::string> PluginRun::note(const std::string& series, int kind, int year, int month,
                                           const std::string& route) const {
  for (const auto& o : sink.observations)
    if (matches(o, series, kind, year, month, route)) return o.note;
  return std::nullopt;
}

double PluginRun::total(const std::string& series) const {
  double sum = 0;
  for (const auto& o : sink.observations)
    if (o.series == series) sum += o.number;
  return sum;
}

std::map<std::string, double> PluginRun::routes_of_year(int fiscal_year) const {
  std::map<std::string, double> routes;
  for (const auto& o : sink.observations)
    if (o.series == "fiscal_year_boardings" && o.period.year == fiscal_year)
      routes[o.dimensions.at("route")] += o.number;
  return routes;
}

std::size_t PluginRun::count(const std::string& series) const {
  std::size_t n = 0;
  for (const auto& o : sink.observations) n += o.series == series;
  return n;
}

sosei::host::FetchOptions quick_fetch() {
  sosei::host::FetchOptions options;
  options.attempts = 2;
  options.backoff_ms = 10;
  options.connect_timeout_ms = 2000;
  options.timeout_ms = 10'000;
  return options;
}

PluginRun run_plugin(const sosei::host::ResolvedSettings& settings, bool skip_bad_rows,
                     const std::map<std::string, std::string>& previous_states,
                     const sosei::host::FetchOptions& fetch) {
  PluginRun run;
  run.sink.skip_bad_rows = skip_bad_rows;
  run.sink.states = previous_states;
  sosei::host::RunSettings rs;
  rs.source_id = "bus_ridership";
  rs.settings = settings;
  rs.fetch = fetch;
  sosei::host::RunContext context(sosei::host::load_plugin(BUS_RIDERSHIP_PLUGIN_FILE), rs, run.sink);
  run.result = context.run();
  run.error = context.error();
  return run;
}

}  // namespace bus_ridership::test
