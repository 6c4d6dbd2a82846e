// The real bus_ridership.so through the real host, for what the fake host does not do: CP932
// detection, XLSX date cells, members of a zipped GTFS feed, and HTTP (ETag, timeouts, truncated
// bodies). The plugin's logic is unit-tested on the fake host in the other *_test.cpp files.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <optional>

#include "kama_feed.hpp"
#include "support/cp932.hpp"
#include "support/http_test_server.hpp"
#include "support/plugin_harness.hpp"

using namespace bus_ridership::test;
using sosei::host::RunResult;
using sosei::test_support::to_cp932;

namespace {

constexpr int kFy = SOSEI_PERIOD_FISCAL_YEAR;

class BusRidershipRuntime : public plugin_test::PluginHarness {
 protected:
  const char* plugin_name() const override { return "bus_ridership"; }
  const char* plugin_file() const override { return BUS_RIDERSHIP_PLUGIN_FILE; }

  // The value of one observation (route "" = none), nullopt when it was not emitted.
  std::optional<double> value(const std::string& series, int year, const std::string& route = "") const {
    std::optional<double> found;
    for (const auto& o : of(series)) {
      auto it = o.dimensions.find("route");
      if (o.period.year == year &&
          (route.empty() ? it == o.dimensions.end() : it != o.dimensions.end() && it->second == route)) {
        EXPECT_FALSE(found.has_value()) << "emitted twice: " << series << " " << year << " " << route;
        found = o.number;
      }
    }
    return found;
  }

  // Daily export: 山田線 FY2025 = 120 + 1,030 = 1,150, FY2024 = 9; 碓井線 FY2025 = 22 (as import_test.cpp).
  void expect_daily_totals() const {
    EXPECT_EQ(value("fiscal_year_boardings", 2025, "山田線"), 1150);
    EXPECT_EQ(value("fiscal_year_boardings", 2024, "山田線"), 9);
    EXPECT_EQ(value("fiscal_year_boardings", 2025, "碓井線"), 22);
    EXPECT_EQ(value("city_bus_riders", 2025), 1172);
    EXPECT_TRUE(sink_.rejections.empty());
  }
};

TEST_F(BusRidershipRuntime, Cp932FeedFilesAreDetected) {
  write_file(dir_ / "routes.txt", to_cp932(kKamaRoutes));
  write_file(dir_ / "trips.txt", kKamaTrips);
  const std::string file = write_file(dir_ / "board_alight.txt", kKamaBoardAlight);
  ASSERT_EQ(run({{"file", file}, {"route_key", "parent_route"}}), RunResult::Succeeded) << error();
  EXPECT_EQ(value("fiscal_year_boardings", 2025, "山田線"), 14);
}

TEST_F(BusRidershipRuntime, DailyExportInCp932WithJapaneseHeaders) {
  const std::string text =
      "日付,路線名,乗車人数\r\n2025-04-01,山田線,120\r\n2025/4/2,山田線,\"1,030\"\r\n"
      "20250430,碓井線,15\r\n2026-03-31,碓井線,7\r\n2025-05-01,山田線,\r\n2025-03-31,山田線,9\r\n";
  ASSERT_EQ(run({{"file", write("daily_sjis.csv", to_cp932(text))}, {"format", "daily_export"}}), RunResult::Succeeded)
      << error();
  expect_daily_totals();
}

TEST_F(BusRidershipRuntime, DailyExportXlsxWithDateCellsAndNumbers) {
  const std::string file = path("daily.xlsx");
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
  ASSERT_EQ(run({{"file", file}, {"format", "daily_export"}, {"sheet", "日報"}}), RunResult::Succeeded) << error();
  expect_daily_totals();
}

// The zipped feed's board_alight.txt is well formed and differs from the loose copy in a few counts:
// T1: 5+3+2+1 = 11; T2: 1+4+2+1 = 8.
TEST_F(BusRidershipRuntime, ZippedFeedIsReadThroughTheHost) {
  ASSERT_EQ(run({{"file", conformance("gtfs-ride/ride_sample_all.zip").string()}}), RunResult::Succeeded) << error();
  EXPECT_EQ(value("fiscal_year_boardings", 2010, "AD"), 11);
  EXPECT_EQ(value("fiscal_year_boardings", 2010, "DA"), 8);
  EXPECT_EQ(value("city_bus_riders", 2010), 19);
  ASSERT_FALSE(sink_.observations.empty());
  EXPECT_NE(sink_.observations[0].file.find("ride_sample_all.zip[board_alight.txt]"), std::string::npos)
      << sink_.observations[0].file;
}

TEST_F(BusRidershipRuntime, LooseBoardAlightWithTheZipAsFeed) {
  ASSERT_EQ(run({{"file", conformance("gtfs-ride/board_alight.txt").string()},
                 {"feed_dir", conformance("gtfs-ride/ride_sample_all.zip").string()}},
                /*skip=*/true),
            RunResult::Succeeded)
      << error();
  EXPECT_EQ(value("city_bus_riders", 2010), 17);
}

class BusRidershipFetchRuntime : public BusRidershipRuntime {
 protected:
  // The static feed stays local (feed_dir); board_alight.txt is fetched.
  sosei::host::ResolvedSettings fetch_settings(const std::string& path) {
    write_kama_feed(dir_);
    return {{"url", server_.url(path)}, {"feed_dir", dir_.string()}};
  }
  sosei::test_support::HttpTestServer server_;
};

TEST_F(BusRidershipFetchRuntime, OkThenNotModified) {
  server_.put("kama/board_alight.txt", kKamaBoardAlight);
  ASSERT_EQ(run(fetch_settings("/ok/kama/board_alight.txt")), RunResult::Succeeded) << error();
  EXPECT_EQ(value("city_bus_riders", 2025), 24);
  EXPECT_NE(sink_.observations[0].file.find("/ok/kama/board_alight.txt"), std::string::npos);

  EXPECT_EQ(run(fetch_settings("/ok/kama/board_alight.txt"), false, 5000, sink_.states), RunResult::Unchanged)
      << error();
  EXPECT_TRUE(sink_.observations.empty());
}

TEST_F(BusRidershipFetchRuntime, SlowReplyTimesOut) {
  EXPECT_EQ(run(fetch_settings("/slow/1000"), false, /*timeout_ms=*/200), RunResult::Failed);
  EXPECT_NE(error().find("/slow/1000"), std::string::npos) << error();
}

TEST_F(BusRidershipFetchRuntime, TruncatedBodyFails) {
  server_.put("board_alight.txt", kKamaBoardAlight);
  EXPECT_EQ(run(fetch_settings("/truncated/board_alight.txt")), RunResult::Failed);
  EXPECT_TRUE(sink_.observations.empty());
}

}  // namespace
