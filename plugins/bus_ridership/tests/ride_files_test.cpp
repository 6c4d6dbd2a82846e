// GTFS-ride as published, on the fake host with loose files: ride_feed_info.txt attributing an undated
// board_alight.txt to a fiscal year (or refusing it), ridership.txt's aggregate totals when there is
// no board_alight.txt, and errors that name the file. The specification's own sample files are copied
// from tests/conformance/gtfs-ride-more/ into a fixture folder under the names a fileset uses.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "plugin_run.hpp"

using namespace bus_ridership::test;

namespace {

constexpr int kFy = SOSEI_PERIOD_FISCAL_YEAR;

std::string slurp(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

// A fileset folder with the spec's sample static feed (CRLF, no final newline) and `files`.
std::filesystem::path fileset(const std::map<std::string, std::string>& files) {
  auto dir = fixture_dir();
  for (const char* name : {"routes.txt", "trips.txt"})
    write_file(dir / name, slurp(conformance(std::string("gtfs-ride-more/gtfs-sample/") + name)));
  for (const auto& [name, text] : files) write_file(dir / name, text);
  return dir;
}

std::string spec_file(const std::string& name) { return slurp(conformance("gtfs-ride-more/ride-specific/" + name)); }

const std::string kUndated =
    "trip_id,stop_id,stop_sequence,record_use,boardings\nT1,S_A,1,0,5\nT1,S_B,2,0,3\nT2,S_C,2,0,4\n";

std::string ride_feed_info(const std::string& start, const std::string& end) {
  return "ride_files,ride_start_date,ride_end_date,gtfs_feed_date,default_currency_type,ride_feed_version\r\n"
         "0," +
         start + "," + end + ",20240401,JPY,R6\r\n";
}

}  // namespace

// The spec's "simple" fileset: board_alight.txt has no service_date and ride_feed_info.txt's period
// 20100101..20101231 covers January–March of FY2009 and April–December of FY2010.
TEST(RideFeedInfo, SpecSimpleSampleSpansTwoFiscalYearsAndIsRefused) {
  const auto dir = fileset({{"board_alight.txt", spec_file("board_alight_simple.txt")},
                            {"ride_feed_info.txt", spec_file("ride_feed_info_all.txt")}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  EXPECT_EQ(run.result, SOSEI_ERR_INPUT);
  EXPECT_NE(run.error.find("board_alight.txt: service_date 列がありません"), std::string::npos) << run.error;
  EXPECT_NE(run.error.find("20100101..20101231 は 2009年度と 2010年度にまたがっています"), std::string::npos)
      << run.error;
  EXPECT_NE(run.error.find("ride_feed_info.txt"), std::string::npos) << run.error;
  EXPECT_NE(run.error.find("1つの年度（4月〜翌年3月）に収まるときだけ"), std::string::npos) << run.error;  // the rule
  EXPECT_TRUE(run.observations.empty());
}

TEST(RideFeedInfo, UndatedBoardingsInsideOneFiscalYearAreAttributedWithANote) {
  const auto dir =
      fileset({{"board_alight.txt", kUndated}, {"ride_feed_info.txt", ride_feed_info("20240401", "20250331")}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2024), 12);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2024, 0, "AD"), 8);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2024, 0, "DA"), 4);
  EXPECT_EQ(run.count("monthly_boardings"), 0u);  // no month can be told
  const auto note = run.note("city_bus_riders", kFy, 2024);
  ASSERT_TRUE(note);
  EXPECT_NE(note->find("service_date がないため"), std::string::npos) << *note;
  EXPECT_NE(note->find("2024-04-01〜2025-03-31）により 2024年度に計上"), std::string::npos) << *note;
  EXPECT_EQ(note->find("年度全体ではありません"), std::string::npos) << *note;
  EXPECT_NE(run.note("fiscal_year_boardings", kFy, 2024, 0, "AD")->find("10 A - D。service_date がないため"),
            std::string::npos);
}

TEST(RideFeedInfo, APartOfOneFiscalYearIsAttributedAndSaysSo) {
  const auto dir =
      fileset({{"board_alight.txt", kUndated}, {"ride_feed_info.txt", ride_feed_info("20250601", "20250630")}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 12);
  EXPECT_NE(run.note("city_bus_riders", kFy, 2025)->find("期間は年度全体ではありません"), std::string::npos);
}

TEST(RideFeedInfo, MarchToAprilIsRefused) {
  const auto dir =
      fileset({{"board_alight.txt", kUndated}, {"ride_feed_info.txt", ride_feed_info("20250301", "20250430")}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  EXPECT_EQ(run.result, SOSEI_ERR_INPUT);
  EXPECT_NE(run.error.find("20250301..20250430 は 2024年度と 2025年度にまたがっています"), std::string::npos)
      << run.error;
}

TEST(RideFeedInfo, NoRideFeedInfoIsRefusedNamingTheRule) {
  const auto dir = fileset({{"board_alight.txt", kUndated}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  EXPECT_EQ(run.result, SOSEI_ERR_INPUT);
  EXPECT_NE(run.error.find("board_alight.txt: service_date 列がありません"), std::string::npos) << run.error;
  EXPECT_NE(run.error.find("同じ場所にも feed_dir にも ride_feed_info.txt がありません"), std::string::npos)
      << run.error;
}

TEST(RideFeedInfo, MissingRideEndDateIsRefused) {
  const auto dir = fileset({{"board_alight.txt", kUndated}, {"ride_feed_info.txt", ride_feed_info("20240401", "")}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  EXPECT_EQ(run.result, SOSEI_ERR_INPUT);
  EXPECT_NE(run.error.find("ride_feed_info.txt に ride_end_date がありません"), std::string::npos) << run.error;
}

TEST(RideFeedInfo, BadDateNamesFileAndLine) {
  const auto dir =
      fileset({{"board_alight.txt", kUndated}, {"ride_feed_info.txt", ride_feed_info("2024-04-01", "20250331")}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  EXPECT_EQ(run.result, SOSEI_ERR_INPUT);
  EXPECT_NE(
      run.error.find("ride_feed_info.txt:2: ride_start_date の「2024-04-01」は YYYYMMDD 形式の日付ではありません"),
      std::string::npos)
      << run.error;
}

// A service_date column with some fields empty: those rows go to the period's fiscal year, the dated
// ones to their months; without a usable period each empty one is a bad row.
TEST(RideFeedInfo, EmptyServiceDateFieldsFollowTheSameRule) {
  const std::string mixed = "trip_id,stop_id,record_use,boardings,service_date\nT1,S_A,0,5,20240510\nT2,S_B,0,4,\n";
  auto dir = fileset({{"board_alight.txt", mixed}, {"ride_feed_info.txt", ride_feed_info("20240401", "20250331")}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2024), 9);
  EXPECT_EQ(run.value("monthly_boardings", SOSEI_PERIOD_MONTH, 2024, 5, "AD"), 5);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2024, 0, "DA"), 4);

  dir = fileset({{"board_alight.txt", mixed}});
  run = run_plugin({{"file", dir.string()}}, true);
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  ASSERT_EQ(run.rejections.size(), 1u);
  EXPECT_NE(where(run.rejections[0]).find("board_alight.txt:3"), std::string::npos);
  EXPECT_NE(run.rejections[0].reason.find("service_date が空欄です。"), std::string::npos) << run.rejections[0].reason;
  EXPECT_NE(run.rejections[0].reason.find("ride_feed_info.txt がありません"), std::string::npos)
      << run.rejections[0].reason;
}

TEST(RideFeedInfo, RideFilesNotListingBoardAlightIsOnlyAWarning) {
  auto info = ride_feed_info("20240401", "20250331");
  info.replace(info.find("\r\n0,") + 2, 1, "2");
  const auto dir = fileset({{"board_alight.txt", kUndated}, {"ride_feed_info.txt", info}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2024), 12);
}

// The spec's ridership_simple.txt: two system-wide monthly totals (June 150, July 175, 2010).
TEST(Ridership, SpecSimpleTotalsFeedTheKpiWhenThereIsNoBoardAlight) {
  const auto dir = fileset({{"ridership.txt", spec_file("ridership_simple.txt")},
                            {"ride_feed_info.txt", spec_file("ride_feed_info_all.txt")}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2010), 325);
  EXPECT_EQ(run.count("fiscal_year_boardings"), 0u);  // system-wide: no route to name
  const auto note = run.note("city_bus_riders", kFy, 2010);
  ASSERT_TRUE(note);
  EXPECT_NE(note->find("ridership.txt の合計から"), std::string::npos) << *note;
  EXPECT_NE(note->find("365日のうち 61日分の合計"), std::string::npos) << *note;
}

// The spec's ridership_all.txt: a weekday 8–10 count at one stop and a Sunday 16–20 count of one
// trip. Neither is a total of a route or the system, so nothing is counted and the run says so.
TEST(Ridership, SpecAllRowsArePartialCountsAndAreNotSummed) {
  const auto dir = fileset({{"ridership.txt", spec_file("ridership_all.txt")}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  EXPECT_EQ(run.result, SOSEI_ERR_INPUT);
  EXPECT_NE(run.error.find("取り込める乗車人数がありません"), std::string::npos) << run.error;
  EXPECT_TRUE(run.rejections.empty());
}

// Route rows, trip rows and system rows in one file: each route counts once per fiscal year (its
// whole-route rows when it has any, else its trips'), the KPI is the system rows' total when there
// are any, else the routes' sum.
TEST(Ridership, EachRouteCountsOnceAndSystemRowsGiveTheKpi) {
  const std::string header =
      "total_boardings,total_alightings,ridership_start_date,ridership_end_date,service_id,monday,tuesday,wednesday,"
      "thursday,friday,saturday,sunday,route_id,direction_id,trip_id,stop_id\n";
  const std::string rows =
      "1000,1000,20240401,20250331,,,,,,,,,AD,,,\n"  // FY2024 AD: route row
      "400,400,20240401,20240930,,,,,,,,,,,T1,\n"    // T1 is on AD: covered by AD's route row
      "300,300,20240401,20240930,,,,,,,,,,,T2,\n"    // FY2024 DA: trips only
      "200,200,20241001,20250331,,,,,,,,,,,T2,\n"
      "50,50,20240401,20250331,,,,,,,,,AD,0,,\n"          // one direction: partial
      "70,70,20240401,20250331,,1,1,1,1,1,0,0,DA,,,\n"    // weekdays: partial
      "9,9,20240401,20250331,,1,1,1,1,1,1,1,,,,S_A\n"     // a stop: partial
      "800,800,20250401,20260331,,1,1,1,1,1,1,1,AD,,,\n"  // FY2025, every day
      "2000,2000,20250401,20260331,,,,,,,,,,,,\n";        // FY2025 system-wide
  const auto dir = fileset({{"ridership.txt", header + rows}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2024, 0, "AD"), 1000);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2024, 0, "DA"), 500);
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2024), 1500);
  EXPECT_EQ(run.value("fiscal_year_boardings", kFy, 2025, 0, "AD"), 800);
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 2000);
  EXPECT_EQ(run.note("city_bus_riders", kFy, 2024), (dir / "ridership.txt").string() + " の合計から（路線の合計）");
  EXPECT_TRUE(run.rejections.empty());
}

TEST(Ridership, ARowSpanningTwoFiscalYearsIsRefusedNamingTheLine) {
  const std::string text =
      "total_boardings,total_alightings,ridership_start_date,ridership_end_date,route_id\n"
      "100,100,20240401,20240430,AD\n"
      "300,300,20250301,20250430,AD\n";
  const auto dir = fileset({{"ridership.txt", text}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  EXPECT_EQ(run.result, SOSEI_ERR_REJECTED);
  EXPECT_NE(run.error.find("ridership.txt:3"), std::string::npos) << run.error;
  EXPECT_NE(run.error.find("期間 20250301..20250430 は 2024年度と 2025年度にまたがっています"), std::string::npos)
      << run.error;
  EXPECT_NE(run.error.find("3月31日で行を分けてください"), std::string::npos) << run.error;
}

TEST(Ridership, OverlappingPeriodsOfOneRouteAreRefused) {
  const std::string text =
      "total_boardings,total_alightings,ridership_start_date,ridership_end_date,route_id,trip_id\n"
      "100,100,20240401,20240430,AD,\n"
      "300,300,20240415,20240515,AD,\n"
      "7,7,20240401,20240430,ZZ,\n"
      "8,8,20240401,20240430,,T9\n"
      "x,8,20240501,20240531,DA,\n";
  const auto dir = fileset({{"ridership.txt", text}});
  PluginRun run = run_plugin({{"file", dir.string()}}, true);
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  ASSERT_EQ(run.rejections.size(), 4u);
  EXPECT_NE(run.rejections[0].reason.find("同じ路線の 2 行目の期間と重なっています"), std::string::npos)
      << run.rejections[0].reason;
  EXPECT_EQ(run.rejections[0].line, 3u);
  EXPECT_NE(run.rejections[1].reason.find("route_id の「ZZ」が GTFS 静的データの routes.txt にありません"),
            std::string::npos);
  EXPECT_NE(run.rejections[2].reason.find("trip_id の「T9」が GTFS 静的データの trips.txt にありません"),
            std::string::npos);
  EXPECT_NE(run.rejections[3].reason.find("total_boardings の「x」は人数（0 以上の整数）ではありません"),
            std::string::npos);
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2024), 100);
}

// The missing-column error says which file, line 1, and the columns the header has.
TEST(FileErrors, MissingColumnNamesFileLineAndColumnsPresent) {
  const auto dir = fileset({{"board_alight.txt", "trip,stop_id,boardings\nT1,S_A,5\n"}});
  PluginRun run = run_plugin({{"file", dir.string()}});
  EXPECT_EQ(run.result, SOSEI_ERR_INPUT);
  EXPECT_NE(run.error.find((dir / "board_alight.txt").string() + ": line 1: missing column \"trip_id\""),
            std::string::npos)
      << run.error;
  EXPECT_NE(run.error.find("\"trip\", \"stop_id\", \"boardings\""), std::string::npos) << run.error;

  const auto feed = fileset({{"board_alight.txt", kUndated}});
  write_file(feed / "trips.txt", "route,trip_id\nAD,T1\n");
  run = run_plugin({{"file", feed.string()}});
  EXPECT_NE(run.error.find("trips.txt: line 1: missing column \"route_id\""), std::string::npos) << run.error;

  const auto totals = fileset({{"ridership.txt", "total_boardings,ridership_start_date\n5,20240401\n"}});
  run = run_plugin({{"file", totals.string()}});
  EXPECT_NE(run.error.find("ridership.txt: line 1: missing column \"ridership_end_date\""), std::string::npos)
      << run.error;
}
