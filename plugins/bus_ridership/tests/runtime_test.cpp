// The real bus_ridership.so through the real host, for what the fake host does not do: CP932
// detection, XLSX date cells, members of a zipped GTFS feed, and HTTP (ETag, timeouts, truncated
// bodies). The plugin's logic is unit-tested on the fake host in the other *_test.cpp files.
#include <gtest/gtest.h>
#include <minizip/zip.h>
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

// The specification's simple fileset, flat (its current zip) and as first published (in a sub-folder
// beside macOS __MACOSX/._* entries): board_alight.txt has no service_date and ride_feed_info.txt's
// period 20100101..20101231 spans two fiscal years, so both are refused with the rule, naming the member.
TEST_F(BusRidershipRuntime, SpecSimpleZipsAreRefusedForTheirTwoFiscalYears) {
  for (const char* zip : {"ride_sample_simple.zip", "ride_sample_simple_2017-07-06.zip"}) {
    EXPECT_EQ(run({{"file", conformance(std::string("gtfs-ride-more/") + zip).string()}}), RunResult::Failed) << zip;
    EXPECT_NE(error().find("board_alight.txt]: service_date 列がありません"), std::string::npos) << error();
    EXPECT_NE(error().find("は 2009年度と 2010年度にまたがっています"), std::string::npos) << error();
  }
  EXPECT_NE(error().find("ride_sample_simple_2017-07-06.zip[ride_sample_simple/board_alight.txt]"), std::string::npos)
      << error();
}

// The first published ride_sample_all.zip: the feed in ride_sample_all/, AppleDouble ._* entries in
// __MACOSX/, and board_alight.txt's short line 6, named by its member.
TEST_F(BusRidershipRuntime, SubFolderZipWithMacEntriesIsRead) {
  const std::string zip = conformance("gtfs-ride-more/ride_sample_all_2017-07-06.zip").string();
  EXPECT_EQ(run({{"file", zip}}), RunResult::Failed);
  EXPECT_NE(error().find("[ride_sample_all/board_alight.txt]:6"), std::string::npos) << error();
  ASSERT_EQ(run({{"file", zip}}, /*skip=*/true), RunResult::Succeeded) << error();
  EXPECT_EQ(value("fiscal_year_boardings", 2010, "AD"), 10);
  EXPECT_EQ(value("fiscal_year_boardings", 2010, "DA"), 7);
  EXPECT_EQ(value("city_bus_riders", 2010), 17);
}

namespace {

void write_zip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& entries) {
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  ASSERT_NE(zip, nullptr);
  for (const auto& [name, content] : entries) {
    zip_fileinfo info{};
    ASSERT_EQ(zipOpenNewFileInZip(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                  Z_DEFAULT_COMPRESSION),
              ZIP_OK);
    ASSERT_EQ(zipWriteInFileInZip(zip, content.data(), static_cast<unsigned>(content.size())), ZIP_OK);
    ASSERT_EQ(zipCloseFileInZip(zip), ZIP_OK);
  }
  ASSERT_EQ(zipClose(zip, nullptr), ZIP_OK);
}

}  // namespace

// A city's zip as people make it: the feed in a sub-folder, Finder's junk beside it, no
// board_alight.txt but ridership.txt with a month per route: its totals feed the KPI.
TEST_F(BusRidershipRuntime, RidershipOnlyZipInASubFolder) {
  const std::string junk("\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X", 16);
  const auto zip = dir_ / "kama_ride_2025.zip";
  write_zip(
      zip,
      {{"kama_ride_2025/", ""},
       {"kama_ride_2025/routes.txt", "route_id,route_short_name,route_long_name\r\nY,山田線,\r\nI,稲築線,\r\n"},
       {"kama_ride_2025/trips.txt", "route_id,service_id,trip_id\r\nY,平日,Y1\r\nI,平日,I1\r\n"},
       {"kama_ride_2025/ride_feed_info.txt", "ride_files,ride_start_date,ride_end_date\r\n2,20250401,20260331\r\n"},
       {"kama_ride_2025/ridership.txt",
        "\xEF\xBB\xBFtotal_boardings,total_alightings,ridership_start_date,ridership_end_date,route_id\r\n"
        "\"8,000\",8000,20250401,20250430,Y\r\n"  // a number as Excel writes it: a bad row
        "8000,8000,20250401,20250430,Y\r\n"
        "8100,8100,20250501,20250531,Y\r\n"
        "3000,3000,20250401,20250430,I\r\n"},
       {"__MACOSX/kama_ride_2025/._ridership.txt", junk},
       {"__MACOSX/kama_ride_2025/._trips.txt", junk}});
  ASSERT_EQ(run({{"file", zip.string()}}, /*skip=*/true), RunResult::Succeeded) << error();
  EXPECT_EQ(value("fiscal_year_boardings", 2025, "Y"), 16100);
  EXPECT_EQ(value("fiscal_year_boardings", 2025, "I"), 3000);
  EXPECT_EQ(value("city_bus_riders", 2025), 19100);
  ASSERT_EQ(sink_.rejections.size(), 1u);
  EXPECT_NE(sink_.rejections[0].first.find("[kama_ride_2025/ridership.txt]:2"), std::string::npos)
      << sink_.rejections[0].first;
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
