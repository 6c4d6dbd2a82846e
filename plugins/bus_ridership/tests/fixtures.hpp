// Helpers of the bus_ridership tests: a fresh folder per test, files from text, CP932 via iconv, and
// one run of the real plugin through the host into a CaptureSink, with lookups of what it emitted.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "host/run_context.hpp"
#include "support/capture_sink.hpp"

namespace bus_ridership::test {

// An empty folder under the build tree named after the running test.
std::filesystem::path fixture_dir();
std::string write_file(const std::filesystem::path& path, const std::string& bytes);
std::string to_cp932(const std::string& utf8);
std::filesystem::path conformance(const std::string& relative);

struct PluginRun {
  sosei::host::RunResult result = sosei::host::RunResult::Failed;
  std::string error;
  sosei::test_support::CaptureSink sink;

  // The value of one observation, nullopt when it was not emitted (more than one: the test fails).
  std::optional<double> value(const std::string& series, int kind, int year, int month = 0,
                              const std::string& route = "") const;
  std::optional<std::string> note(const std::string& series, int kind, int year, int month = 0,
                                  const std::string& route = "") const;
  // Sum of one series over all its observations.
  double total(const std::string& series) const;
  // route → fiscal-year boardings of one fiscal year.
  std::map<std::string, double> routes_of_year(int fiscal_year) const;
  std::size_t count(const std::string& series) const;
};

// Fetch options for tests: two tries 10 ms apart, so failure replies do not take seconds.
sosei::host::FetchOptions quick_fetch();

// Runs the plugin once with these settings; `previous_states` carries states (ETags) of an earlier run.
PluginRun run_plugin(const sosei::host::ResolvedSettings& settings, bool skip_bad_rows = false,
                     const std::map<std::string, std::string>& previous_states = {},
                     const sosei::host::FetchOptions& fetch = quick_fetch());

}  // namespace bus_ridership::test
