// One run of the bus_ridership plugin on sosei/testing.hpp's fake host, with lookups of what it
// emitted: how the unit tests run the plugin.
#pragma once

#include <sosei/testing.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fixtures.hpp"

namespace bus_ridership::test {

using Settings = std::map<std::string, std::string>;

struct PluginRun {
  int32_t result = SOSEI_ERR_INTERNAL;  // sosei_status
  std::string error;
  std::vector<sosei::testing::CapturedObservation> observations;
  std::vector<sosei::testing::CapturedRejection> rejections;

  // The value of one observation, nullopt when it was not emitted (more than one: the test fails).
  std::optional<double> value(const std::string& series, int kind, int year, int month = 0,
                              const std::string& route = "") const;
  std::optional<std::string> note(const std::string& series, int kind, int year, int month = 0,
                                  const std::string& route = "") const;
  // route → fiscal-year boardings of one fiscal year.
  std::map<std::string, double> routes_of_year(int fiscal_year) const;
  std::size_t count(const std::string& series) const;
};

// "file:line" of a rejected row.
inline std::string where(const sosei::testing::CapturedRejection& r) { return r.file + ":" + std::to_string(r.line); }

// Runs the plugin once on a fresh fake host with these settings; `replies` are its canned HTTP replies.
PluginRun run_plugin(const Settings& settings, bool skip_bad_rows = false,
                     const std::map<std::string, sosei::testing::HttpReply>& replies = {});

}  // namespace bus_ridership::test
