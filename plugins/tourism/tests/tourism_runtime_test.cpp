// The real tourism.so through the real host, for what the fake host does not do: CP932 detection,
// XLSX sheets, and HTTP (ETag, timeouts, truncated bodies). The plugin's logic is unit-tested on the
// fake host in tourism_test.cpp.
#include <gtest/gtest.h>

#include "support/cp932.hpp"
#include "support/http_test_server.hpp"
#include "support/plugin_harness.hpp"
#include "visitor_fixtures.hpp"

using namespace sosei;
using namespace visitor_fixtures;

namespace {

class TourismRuntime : public plugin_test::PluginHarness {
 protected:
  const char* plugin_name() const override { return "tourism"; }
  const char* plugin_file() const override { return PLUGIN_FILE; }

  // The KPI value of a calendar year; fails the test when there is not exactly one.
  double year_total(int year) {
    const auto totals = of("tourism_visitors");
    double total = -1;
    int found = 0;
    for (const auto& o : totals)
      if (o.period.year == year) total = o.number, ++found;
    EXPECT_EQ(found, 1) << year;
    return total;
  }

  const test_support::CapturedObservation* month(const std::string& spot, int year, int m) const {
    for (const auto& o : sink_.observations)
      if (o.series == "monthly_visitors" && o.dimensions.count("spot") && o.dimensions.at("spot") == spot &&
          o.period.year == year && o.period.month == m)
        return &o;
    return nullptr;
  }
};

TEST_F(TourismRuntime, ShiftJisTableWithSpotCodes) {
  const auto file = write("sjis.csv", test_support::to_cp932(csv(kama_2023(), {.code_column = true})));
  ASSERT_EQ(run({{"file", file}, {"encoding", "auto"}}), host::RunResult::Succeeded) << error();
  EXPECT_EQ(year_total(2023), 240000);
  const auto* m = month("馬見山キャンプ場", 2023, 12);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->number, 12000);
  EXPECT_EQ(m->dimensions.at("spot_code"), "40002");
}

TEST_F(TourismRuntime, XlsxNamedSheet) {
  const auto file = path("visitors.xlsx");
  auto rows = kama_2023();
  for (auto& r : kama_2024()) rows.push_back(r);
  ASSERT_TRUE(xlsx(file, "観光入込客数", rows, {.lines_above = {"観光地点別 月別 観光入込客数"}}));
  ASSERT_EQ(run({{"file", file}, {"sheet", "観光入込客数"}}), host::RunResult::Succeeded) << error();
  EXPECT_EQ(year_total(2023), 240000);
  EXPECT_EQ(year_total(2024), 199000);
  EXPECT_EQ(month("馬見山キャンプ場", 2024, 6)->number, 3000);

  EXPECT_EQ(run({{"file", file}}), host::RunResult::Failed);  // the cover sheet has no table
  EXPECT_NE(error().find("1月"), std::string::npos) << error();
}

TEST_F(TourismRuntime, FetchOkThenUnchanged) {
  test_support::HttpTestServer server;
  server.put("visitors.csv", csv(kama_2024()), "\"r6-1\"");
  const std::string url = server.url("/ok/visitors.csv");
  ASSERT_EQ(run({{"url", url}}), host::RunResult::Succeeded) << error();
  EXPECT_EQ(year_total(2024), 199000);
  const auto states = sink_.states;
  EXPECT_EQ(states.at("http.etag " + url), "\"r6-1\"");

  EXPECT_EQ(run({{"url", url}}, false, 5000, states), host::RunResult::Unchanged) << error();
  EXPECT_TRUE(sink_.observations.empty());
}

TEST_F(TourismRuntime, SlowAndTruncatedRepliesFailNamingTheUrl) {
  test_support::HttpTestServer server;
  server.put("visitors.csv", csv(kama_2024()));
  EXPECT_EQ(run({{"url", server.url("/slow/3000")}}, false, 300), host::RunResult::Failed);
  EXPECT_NE(error().find("/slow/3000"), std::string::npos) << error();

  EXPECT_EQ(run({{"url", server.url("/truncated/visitors.csv")}}), host::RunResult::Failed);
  EXPECT_TRUE(of("tourism_visitors").empty());
}

}  // namespace
