// Import of hand-computed fixtures: the small Kama feed per route and per line, the record_use
// filter, and the daily export as CSV (as CP932 and XLSX in runtime_test.cpp). Expected numbers are
// worked out in the comments.
#include <gtest/gtest.h>

#include "kama_feed.hpp"
#include "plugin_run.hpp"
#include "service_date.hpp"

extern "C" const sosei_plugin_descriptor* sosei_plugin_entry(void);

using namespace bus_ridership::test;

namespace {

constexpr int kFy = SOSEI_PERIOD_FISCAL_YEAR;
constexpr int kMonth = SOSEI_PERIOD_MONTH;

}  // namespace

TEST(KamaFeed, PerRouteAcrossTheFiscalYearBoundary) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir())}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2024, 0, "Y1"), 5);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "Y1"), 7);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "Y2"), 7);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "U1"), 10);  // not the record_use 1 row's 50
  EXPECT_EQ(run.value("monthly_boardings", kMonth, 2025, 3, "Y1"), 5);
  EXPECT_EQ(run.value("monthly_boardings", kMonth, 2026, 3, "Y2"), 4);
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2024), 5);
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 24);
  EXPECT_EQ(run.note("fiscal_year_boardings", kFy, 2025, 0, "Y2"), "山田線（下り）");
  EXPECT_TRUE(run.rejections.empty());
}

TEST(KamaFeed, KpiHasNoDimensionsAndDeclaredSeriesDo) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir())}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  for (const auto& o : run.observations) {
    if (o.series == "city_bus_riders") {
      EXPECT_TRUE(o.dimensions.empty());
      EXPECT_EQ(o.period.kind, kFy);
    } else {
      EXPECT_FALSE(o.dimension("route").empty()) << o.series;
    }
  }
}

TEST(KamaFeed, SeriesAndTheRouteDimensionHaveDisplayNames) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir())}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  const sosei_plugin_descriptor* d = sosei_plugin_entry();
  EXPECT_EQ(sosei::testing::unnamed_keys(d, run.observations), std::vector<std::string>{});
  const auto* route = sosei::testing::find_display_name(d, SOSEI_NAME_DIMENSION, "route");
  ASSERT_NE(route, nullptr);
  EXPECT_STREQ(route->name_ja, "路線");
  EXPECT_STREQ(route->name_en, "Route");
  EXPECT_STREQ(sosei::testing::find_display_name(d, SOSEI_NAME_SERIES, "fiscal_year_boardings")->name_ja, "乗車人員");
}

TEST(KamaFeed, ParentRouteGroupsDirectionVariants) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir())}, {"route_key", "parent_route"}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2024, 0, "山田線"), 5);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "山田線"), 14);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "碓井線"), 10);
  EXPECT_EQ(run.value("monthly_boardings", kMonth, 2025, 4, "山田線"), 10);  // 7 + 3
  EXPECT_FALSE(run.value("fiscal_year_boardings", kFy, 2025, 0, "Y1"));
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 24);
}

TEST(KamaFeed, RecordUseAnyCountsCancellationRowsToo) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir())}, {"record_use", "any"}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 74);  // 24 + 50
  PluginRun only_one = run_plugin({{"file", write_kama_feed(fixture_dir())}, {"record_use", "1"}});
  ASSERT_EQ(only_one.result, SOSEI_OK) << only_one.error;
  EXPECT_EQ(only_one.value("city_bus_riders", kFy, 2025), 50);
  EXPECT_FALSE(only_one.value("city_bus_riders", kFy, 2024));
}

// Daily export: 山田線 FY2025 = 120 + 1,030 = 1,150 (all 2025-04), FY2024 = 9 (2025-03-31);
// 碓井線 FY2025 = 15 (2025-04) + 7 (2026-03) = 22; the blank 2025-05-01 is missing, not zero.
// KPI: FY2024 9, FY2025 1,172.
const std::string kDailyExport =
    "date,route,boardings\r\n"
    "2025-04-01,山田線,120\r\n"
    "2025/4/2,山田線,\"1,030\"\r\n"
    "20250430,碓井線,15\r\n"
    "2026-03-31,碓井線,7\r\n"
    "2025-05-01,山田線,\r\n"
    "2025-03-31,山田線,9\r\n";

void expect_daily_totals(const PluginRun& run) {
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "山田線"), 1150);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2024, 0, "山田線"), 9);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "碓井線"), 22);
  EXPECT_EQ(run.value("monthly_boardings", kMonth, 2025, 4, "山田線"), 1150);
  EXPECT_FALSE(run.value("monthly_boardings", kMonth, 2025, 5, "山田線"));
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2024), 9);
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 1172);
  EXPECT_TRUE(run.rejections.empty());
}

TEST(DailyExport, CsvInUtf8) {
  const std::string file = write_file(fixture_dir() / "daily.csv", kDailyExport);
  expect_daily_totals(run_plugin({{"file", file}, {"format", "daily_export"}}));
}

TEST(ServiceDate, FormsAndRejections) {
  using bus_ridership::parse_export_date;
  using bus_ridership::parse_gtfs_date;
  EXPECT_EQ(parse_gtfs_date("20250401")->month, 4);
  EXPECT_FALSE(parse_gtfs_date("20250231"));
  EXPECT_FALSE(parse_gtfs_date("2025-04-01"));
  EXPECT_EQ(parse_gtfs_date("20240229")->month, 2);
  EXPECT_FALSE(parse_gtfs_date("20250229"));
  EXPECT_EQ(parse_export_date("2025/4/1")->year, 2025);
  EXPECT_EQ(parse_export_date("45748")->month, 4);  // Excel serial of 2025-04-01
  EXPECT_EQ(parse_export_date("45747")->month, 3);  // 2025-03-31
  EXPECT_FALSE(parse_export_date("2025-4/1"));
  // What the SDK reads as a day counts as one: a spreadsheet's time of day, the city's eras.
  EXPECT_EQ(parse_export_date("R7.4.1")->day, 1);
  EXPECT_EQ(parse_export_date("2025/4/2 0:00")->day, 2);
  EXPECT_EQ(parse_export_date("令和7年4月3日")->day, 3);
  EXPECT_FALSE(parse_export_date("2025-04"));  // a month is not a day
  EXPECT_FALSE(parse_export_date("R7"));
  EXPECT_EQ(bus_ridership::parse_count(" 12 "), 12);
  EXPECT_FALSE(bus_ridership::parse_count("-3"));
  EXPECT_FALSE(bus_ridership::parse_count("1.5"));
}
