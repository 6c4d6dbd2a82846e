// The one way the unit tests run the plugin: sosei_plugin_entry() on a FakeHost.
#include "plugin_run.hpp"

#include <gtest/gtest.h>

extern "C" const sosei_plugin_descriptor* sosei_plugin_entry(void);

namespace bus_ridership::test {

namespace {

bool matches(const sosei::testing::CapturedObservation& o, const std::string& series, int kind, int year, int month,
             const std::string& route) {
  if (o.series != series || o.period.kind != kind || o.period.year != year || o.period.month != month) return false;
  return o.dimension("route") == route;
}

}  // namespace

std::optional<double> PluginRun::value(const std::string& series, int kind, int year, int month,
                                       const std::string& route) const {
  std::optional<double> found;
  for (const auto& o : observations) {
    if (!matches(o, series, kind, year, month, route)) continue;
    EXPECT_FALSE(found.has_value()) << "emitted twice: " << series << " " << year << "-" << month << " " << route;
    found = o.number;
  }
  return found;
}

std::optional<std::string> PluginRun::note(const std::string& series, int kind, int year, int month,
                                           const std::string& route) const {
  for (const auto& o : observations)
    if (matches(o, series, kind, year, month, route)) return o.note;
  return std::nullopt;
}

std::map<std::string, double> PluginRun::routes_of_year(int fiscal_year) const {
  std::map<std::string, double> routes;
  for (const auto& o : observations)
    if (o.series == "fiscal_year_boardings" && o.period.year == fiscal_year) routes[o.dimension("route")] += o.number;
  return routes;
}

std::size_t PluginRun::count(const std::string& series) const {
  std::size_t n = 0;
  for (const auto& o : observations) n += o.series == series;
  return n;
}

PluginRun run_plugin(const Settings& settings, bool skip_bad_rows,
                     const std::map<std::string, sosei::testing::HttpReply>& replies) {
  sosei::testing::FakeHost host;
  for (const auto& [name, value] : settings) host.setting(name, value);
  for (const auto& [url, reply] : replies) host.http(url, reply);
  host.skip_bad_rows(skip_bad_rows);
  PluginRun run;
  run.result = host.run(sosei_plugin_entry());
  run.error = host.error();
  run.observations = host.observations();
  run.rejections = host.rejections();
  return run;
}

}  // namespace bus_ridership::test
