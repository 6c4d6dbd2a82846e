// A million generated board_alight rows import with the totals the generator counted while writing,
// well under the time a per-row allocation or a per-row lookup of the whole file would take.
#include <gtest/gtest.h>

#include <chrono>

#include "board_alight_generator.hpp"
#include "plugin_run.hpp"

using namespace bus_ridership::test;

TEST(LargeFeed, MillionRowsImportWithTheGeneratedTotals) {
  const auto dir = fixture_dir();
  // 6 routes × 8 trips × 20 stops = 960 rows a day: 1M rows run through FY2024 and FY2025 and wrap.
  const auto expected = bus_ridership::generator::generate_feed(dir, 1'000'000, 6, 8);
  ASSERT_EQ(expected.by_fiscal_year.size(), 2u);
  ASSERT_EQ(expected.by_month.size(), 24u);
  const auto started = std::chrono::steady_clock::now();
  PluginRun run = run_plugin({{"file", (dir / "board_alight.txt").string()}});
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  for (const auto& [year, boardings] : expected.by_fiscal_year)
    EXPECT_EQ(run.value("city_bus_riders", SOSEI_PERIOD_FISCAL_YEAR, year), static_cast<double>(boardings)) << year;
  for (const auto& [key, boardings] : expected.by_route_and_fiscal_year)
    EXPECT_EQ(run.value("fiscal_year_boardings", SOSEI_PERIOD_FISCAL_YEAR, key.second, 0, key.first),
              static_cast<double>(boardings))
        << key.first << " FY" << key.second;
  std::map<int, double> by_month;
  for (const auto& o : run.observations)
    if (o.series == "monthly_boardings") by_month[o.period.year * 100 + o.period.month] += o.number;
  ASSERT_EQ(by_month.size(), expected.by_month.size());
  for (const auto& [month, boardings] : expected.by_month)
    EXPECT_EQ(by_month[month], static_cast<double>(boardings)) << month;
  EXPECT_TRUE(run.rejections.empty());
  // Speed is measured by the benchmarks, not asserted here (a busy or sanitized build varies a lot);
  // the time is recorded for the test report only.
  RecordProperty("import_seconds", std::to_string(seconds));
}
