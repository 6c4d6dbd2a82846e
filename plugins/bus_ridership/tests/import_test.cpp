// Import of hand-computed fixtures: the small Kama feed per route and per line, the record_use
// filter, and the daily export as CSV, CP932 and XLSX. Expected numbers are worked out in the comments.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "kama_feed.hpp"
#include "service_date.hpp"

using namespace bus_ridership::test;
using sosei::host::RunResult;

namespace {

constexpr int kFy = SOSEI_PERIOD_FISCAL_YEAR;
constexpr int kMonth = SOSEI_PERIOD_MONTH;

}  // namespace

TEST(KamaFeed, PerRouteAcrossTheFiscalYearBoundary) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir())}});
  ASSERT_EQ(run.result, RunResult::Succeeded) << run.error;
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2024, 0, "Y1"), 5);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "Y1"), 7);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "Y2"), 7);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "U1"), 10);  // not the record_use 1 row's 50
  EXPECT_EQ(run.value("monthly_boardings", kMonth, 2025, 3, "Y1"), 5);
  EXPECT_EQ(run.value("monthly_boardings", kMonth, 2026, 3, "Y2"), 4);
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2024), 5);
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 24);
  EXPECT_EQ(run.note("fiscal_year_boardings", kFy, 2025, 0, "Y2"), "山田線（下り）");
  EXPECT_TRUE(run.sink.rejections.empty());
}

TEST(KamaFeed, KpiHasNoDimensionsAndDeclaredSeriesDo) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir())}});
  ASSERT_EQ(run.result, RunResult::Succeeded) << run.error;
  for (const auto& o : run.sink.observations) {
    if (o.series == "city_bus_riders") {
      EXPECT_TRUE(o.dimensions.empty());
      EXPECT_EQ(o.period.kind, kFy);
    } else {
      EXPECT_EQ(o.dimensions.count("route"), 1u) << o.series;
    }
  }
}

TEST(KamaFeed, ParentRouteGroupsDirectionVariants) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir())}, {"route_key", "parent_route"}});
  ASSERT_EQ(run.result, RunResult::Succeeded) << run.error;
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2024, 0, "山田線"), 5);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "山田線"), 14);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "碓井線"), 10);
  EXPECT_EQ(run.value("monthly_boardings", kMonth, 2025, 4, "山田線"), 10);  // 7 + 3
  EXPECT_FALSE(run.value("fiscal_year_boardings", kFy, 2025, 0, "Y1"));
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 24);
}

TEST(KamaFeed, RecordUseAnyCountsCancellationRowsToo) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir())}, {"record_use", "any"}});
  ASSERT_EQ(run.result, RunResult::Succeeded) << run.error;
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 74);  // 24 + 50
  PluginRun only_one = run_plugin({{"file", write_kama_feed(fixture_dir())}, {"record_use", "1"}});
  ASSERT_EQ(only_one.result, RunResult::Succeeded) << only_one.error;
  EXPECT_EQ(only_one.value("city_bus_riders", kFy, 2025), 50);
  EXPECT_FALSE(only_one.value("city_bus_riders", kFy, 2024));
}

TEST(KamaFeed, Cp932FilesAreDetected) {
  const auto dir = fixture_dir();
  write_file(dir / "routes.txt", to_cp932(kKamaRoutes));
  write_file(dir / "trips.txt", kKamaTrips);
  const std::string file = write_file(dir / "board_alight.txt", kKamaBoardAlight);
  PluginRun run = run_plugin({{"file", file}, {"route_key", "parent_route"}});
  ASSERT_EQ(run.result, RunResult::Succeeded) << run.error;
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "山田線"), 14);
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
  ASSERT_EQ(run.result, RunResult::Succeeded) << run.error;
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "山田線"), 1150);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2024, 0, "山田線"), 9);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "碓井線"), 22);
  EXPECT_EQ(run.value("monthly_boardings", kMonth, 2025, 4, "山田線"), 1150);
  EXPECT_FALSE(run.value("monthly_boardings", kMonth, 2025, 5, "山田線"));
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2024), 9);
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 1172);
  EXPECT_TRUE(run.sink.rejections.empty());
}

TEST(DailyExport, CsvInUtf8) {
  const std::string file = write_file(fixture_dir() / "daily.csv", kDailyExport);
  expect_daily_totals(run_plugin({{"file", file}, {"format", "daily_export"}}));
}

TEST(DailyExport, Cp932WithJapaneseHeaders) {
  std::string text = kDailyExport;
  text.replace(0, std::string("date,route,boardings").size(), "日付,路線名,乗車人数");
  const std::string file = write_file(fixture_dir() / "daily_sjis.csv", to_cp932(text));
  expect_daily_totals(run_plugin({{"file", file}, {"format", "daily_export"}}));
}

TEST(DailyExport, XlsxWithDateCellsAndNumbers) {
  const std::string file = (fixture_dir() / "daily.xlsx").string();
  lxw_workbook* book = workbook_new(file.c_str());
  workbook_add_worksheet(book, "表紙");
  lxw_worksheet* sheet = workbook_add_worksheet(book, "日報");
  lxw_format* date_format = workbook_add_format(book);
  format_set_num_format(date_format, "yyyy/mm/dd");
  worksheet_write_string(sheet, 0, 0, "日付", nullptr);
  worksheet_write_string(sheet, 0, 1, "路線", nullptr);
  worksheet_write_string(sheet, 0, 2, "乗車人数", nullptr);
  struct Row {
    int y, m, d;
    const char* route;
    double boardings;  // < 0: blank
  };
  const Row rows[] = {{2025, 4, 1, "山田線", 120}, {2025, 4, 2, "山田線", 1030}, {2025, 4, 30, "碓井線", 15},
                      {2026, 3, 31, "碓井線", 7},  {2025, 5, 1, "山田線", -1},   {2025, 3, 31, "山田線", 9}};
  int r = 1;
  for (const Row& row : rows) {
    lxw_datetime when{row.y, row.m, row.d, 0, 0, 0};
    worksheet_write_datetime(sheet, r, 0, &when, date_format);  // stored as an Excel serial day
    worksheet_write_string(sheet, r, 1, row.route, nullptr);
    if (row.boardings >= 0) worksheet_write_number(sheet, r, 2, row.boardings, nullptr);
    ++r;
  }
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
  expect_daily_totals(run_plugin({{"file", file}, {"format", "daily_export"}, {"sheet", "日報"}}));
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
  EXPECT_FALSE(parse_export_date("R7.4.1"));
  EXPECT_EQ(bus_ridership::parse_count(" 12 "), 12);
  EXPECT_FALSE(bus_ridership::parse_count("-3"));
  EXPECT_FALSE(bus_ridership::parse_count("1.5"));
}
