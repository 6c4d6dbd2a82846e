// The real disaster_coverage.so through the real host, for what the fake host does not do: CP932
// detection, XLSX date cells, and HTTP (ETag and Last-Modified per URL, timeouts, truncated bodies).
// The plugin's logic is unit-tested on the fake host in disaster_coverage_test.cpp.
#include <gtest/gtest.h>

#include <cmath>

#include "fixtures.hpp"
#include "support/cp932.hpp"
#include "support/http_test_server.hpp"
#include "support/plugin_harness.hpp"
#include "xlsx_fixtures.hpp"

using namespace sosei;
namespace fixtures = disaster_coverage::fixtures;

namespace {

class DisasterCoverageRuntime : public plugin_test::PluginHarness {
 protected:
  const char* plugin_name() const override { return "disaster_coverage"; }
  const char* plugin_file() const override { return DISASTER_COVERAGE_PLUGIN_FILE; }

  double value(const std::string& name, int fy) const {
    double v = NAN;
    int found = 0;
    for (const auto& o : of(name))
      if (o.period.year == fy) v = o.number, ++found;
    EXPECT_EQ(found, 1) << name << " FY" << fy;
    return v;
  }
  // The hand-computed numbers of fixtures.hpp.
  void expect_hand_computed() const {
    EXPECT_NEAR(value("disaster_coverage", 2024), 350.0 * 100 / 600, 1e-9);
    EXPECT_NEAR(value("disaster_coverage", 2025), 75.5, 1e-9);
    EXPECT_EQ(value("total_households", 2025), 600);
  }
};

TEST_F(DisasterCoverageRuntime, HandComputedFromCp932) {
  ASSERT_EQ(run({{"households_file", write("h.csv", test_support::to_cp932(fixtures::households_csv()))},
                 {"roster_file", write("r.csv", test_support::to_cp932(fixtures::roster_csv()))}}),
            host::RunResult::Succeeded)
      << error();
  expect_hand_computed();
  bool north = false;
  for (const auto& o : of("district_households")) north = north || o.dimensions.at("district_name") == "北町";
  EXPECT_TRUE(north);
}

TEST_F(DisasterCoverageRuntime, HandComputedFromXlsxWithDateCells) {
  fixtures::write_households_xlsx(path("h.xlsx"));
  fixtures::write_roster_xlsx(path("r.xlsx"));
  ASSERT_EQ(run({{"households_file", path("h.xlsx")}, {"roster_file", path("r.xlsx")}}), host::RunResult::Succeeded)
      << error();
  expect_hand_computed();
}

class DisasterCoverageFetchRuntime : public DisasterCoverageRuntime {
 protected:
  void SetUp() override {
    DisasterCoverageRuntime::SetUp();
    server_.put("h.csv", fixtures::households_csv());
    server_.put("r.csv", fixtures::roster_csv());
  }
  host::ResolvedSettings urls(const std::string& households, const std::string& roster) {
    return {{"households_url", server_.url(households)}, {"roster_url", server_.url(roster)}};
  }
  test_support::HttpTestServer server_;
};

TEST_F(DisasterCoverageFetchRuntime, FetchesBothThenUnchangedThenOnlyTheRosterChanged) {
  ASSERT_EQ(run(urls("/ok/h.csv", "/ok/r.csv")), host::RunResult::Succeeded) << error();
  expect_hand_computed();
  EXPECT_EQ(sink_.states.at("http.etag " + server_.url("/ok/h.csv")), "\"v1\"");

  ASSERT_EQ(run(urls("/ok/h.csv", "/ok/r.csv"), false, 2000, sink_.states), host::RunResult::Unchanged) << error();
  EXPECT_TRUE(sink_.observations.empty());

  // HttpTestServer answers 304 when If-Modified-Since matches even if If-None-Match does not (its
  // Last-Modified never changes; RFC 9110 says If-None-Match wins). A changed file is simulated by
  // also dropping the kept Last-Modified, as for a server that sends none.
  server_.put("r.csv", fixtures::roster_csv() + "東町防災会,3,2023-10-01,\n", "\"v2\"");
  auto states = sink_.states;
  states.erase("http.last_modified " + server_.url("/ok/r.csv"));
  ASSERT_EQ(run(urls("/ok/h.csv", "/ok/r.csv"), false, 2000, states), host::RunResult::Succeeded) << error();
  EXPECT_NEAR(value("disaster_coverage", 2024), 550.0 * 100 / 600, 1e-9);  // the register came from the kept copy
}

TEST_F(DisasterCoverageFetchRuntime, SlowReplyPastTheTimeoutFails) {
  EXPECT_EQ(run(urls("/slow/1500", "/ok/r.csv"), false, /*timeout_ms=*/200), host::RunResult::Failed);
  EXPECT_NE(error().find(server_.url("/slow/1500")), std::string::npos) << error();
  EXPECT_NE(error().find("timed out"), std::string::npos) << error();
}

TEST_F(DisasterCoverageFetchRuntime, TruncatedBodyFails) {
  EXPECT_EQ(run(urls("/ok/h.csv", "/truncated/r.csv")), host::RunResult::Failed);
  EXPECT_NE(error().find(server_.url("/truncated/r.csv")), std::string::npos) << error();
  EXPECT_TRUE(sink_.observations.empty());
}

}  // namespace
