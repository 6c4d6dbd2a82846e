// Bad input: each bad row names file:line and why; on_bad_row: skip counts them and keeps the rest;
// configuration mistakes and missing columns fail the run with a sentence.
#include <gtest/gtest.h>

#include "kama_feed.hpp"
#include "plugin_run.hpp"

using namespace bus_ridership::test;

namespace {

constexpr int kFy = SOSEI_PERIOD_FISCAL_YEAR;

// The Kama feed plus five bad rows (lines 9–13) after its seven good ones.
const std::string kWithBadRows = kKamaBoardAlight +
                                 "X9_9999,S1,1,0,6,0,20250401\n"    // 9: unknown trip
                                 "Y1_0700,S1,1,0,abc,0,20250401\n"  // 10: not a number
                                 "Y1_0700,S1,1,0,-3,0,20250401\n"   // 11: negative
                                 "Y1_0700,S1,1,0,2,0,2025-04-01\n"  // 12: not YYYYMMDD
                                 "Y1_0700,S1,1,0,2,0,20250231\n";   // 13: no such day

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(BadRows, UnknownTripFailsTheRunWithFileAndLine) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir(), kWithBadRows)}});
  EXPECT_EQ(run.result, SOSEI_ERR_REJECTED);
  EXPECT_TRUE(has(run.error, "board_alight.txt:9")) << run.error;
  EXPECT_TRUE(has(run.error, "trip_id の「X9_9999」が GTFS 静的データの trips.txt にありません")) << run.error;
  EXPECT_TRUE(run.observations.empty());
}

TEST(BadRows, SkipModeReportsEachAndKeepsTheGoodRows) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir(), kWithBadRows)}}, true);
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  ASSERT_EQ(run.rejections.size(), 5u);
  const std::pair<int, std::string> expected[] = {
      {9, "trip_id の「X9_9999」が GTFS 静的データの trips.txt にありません"},
      {10, "boardings の「abc」は人数（0 以上の整数）ではありません"},
      {11, "boardings の「-3」は人数"},
      {12, "service_date の「2025-04-01」は YYYYMMDD 形式の日付ではありません"},
      {13, "service_date の「20250231」は YYYYMMDD 形式"}};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_TRUE(has(where(run.rejections[i]), "board_alight.txt:" + std::to_string(expected[i].first)))
        << where(run.rejections[i]);
    EXPECT_TRUE(has(run.rejections[i].reason, expected[i].second)) << run.rejections[i].reason;
  }
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 24);  // the good rows only
}

// A long value is quoted cut short, between characters: 30 three-byte characters are 90 bytes, over
// the 80 the reason quotes, and 80 is not a character boundary (26 characters are 78 bytes).
TEST(BadRows, ALongJapaneseValueIsCutBetweenCharacters) {
  std::string trip;
  for (int i = 0; i < 30; ++i) trip += "便";
  PluginRun run =
      run_plugin({{"file", write_kama_feed(fixture_dir(), kKamaBoardAlight + trip + ",S1,1,0,6,0,20250401\n")}}, true);
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  ASSERT_EQ(run.rejections.size(), 1u);
  std::string cut;
  for (int i = 0; i < 26; ++i) cut += "便";
  EXPECT_TRUE(has(run.rejections[0].reason, "trip_id の「" + cut + "…」が GTFS 静的データ"))
      << run.rejections[0].reason;
}

TEST(BadRows, TripOnAnUnknownRouteIsATripsTxtRow) {
  const std::string trips = kKamaTrips + "Z9,WD,Z9_1000\n";
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir(), kKamaBoardAlight, trips)}});
  EXPECT_EQ(run.result, SOSEI_ERR_REJECTED);
  EXPECT_TRUE(has(run.error, "trips.txt:5")) << run.error;
  EXPECT_TRUE(has(run.error, "trip_id「Z9_1000」の route_id「Z9」が routes.txt にありません")) << run.error;
}

TEST(BadRows, MissingColumnNamesItAndTheColumnsPresent) {
  PluginRun run =
      run_plugin({{"file", write_kama_feed(fixture_dir(), "trip_id,stop_id,service_date\nY1_0700,S1,20250401\n")}});
  EXPECT_EQ(run.result, SOSEI_ERR_INPUT);
  EXPECT_TRUE(has(run.error, "missing column \"boardings\"")) << run.error;
  EXPECT_TRUE(has(run.error, "\"trip_id\", \"stop_id\", \"service_date\"")) << run.error;
}

TEST(BadRows, MissingStaticFeedNamesTheFile) {
  const auto dir = fixture_dir();
  const std::string file = write_file(dir / "board_alight.txt", kKamaBoardAlight);
  PluginRun run = run_plugin({{"file", file}});
  EXPECT_EQ(run.result, SOSEI_ERR_IO);
  EXPECT_TRUE(has(run.error, (dir / "routes.txt").string())) << run.error;
}

TEST(BadRows, DailyExportBadDateAndNumber) {
  const std::string file = write_file(fixture_dir() / "daily.csv",
                                      "date,route,boardings\n2025-04-01,山田線,5\n2025-13-01,山田線,5\n"
                                      "2025-04-02,山田線,多数\n2025-04-03,,4\n");
  PluginRun fail = run_plugin({{"file", file}, {"format", "daily_export"}});
  EXPECT_EQ(fail.result, SOSEI_ERR_REJECTED);
  EXPECT_TRUE(has(fail.error, "daily.csv:3")) << fail.error;
  EXPECT_TRUE(has(fail.error, "「date」の「2025-13-01」は日付として読めません")) << fail.error;
  PluginRun skip = run_plugin({{"file", file}, {"format", "daily_export"}}, true);
  ASSERT_EQ(skip.result, SOSEI_OK) << skip.error;
  ASSERT_EQ(skip.rejections.size(), 3u);
  EXPECT_TRUE(has(where(skip.rejections[1]), "daily.csv:4"));
  EXPECT_TRUE(has(skip.rejections[2].reason, "「route」（路線）が空欄です"));
  EXPECT_EQ(skip.value("city_bus_riders", kFy, 2025), 5);
}

// An export as a spreadsheet writes it: Japanese column names (named in the refusals), days with a time
// of day, a 合計 row and a note under the days, and 1,000 without quotes — refused, where it was read as
// 1 boarding (with a trailing empty column too, which hid the pushed-out 000).
TEST(BadRows, DailyExportAsASpreadsheetWritesIt) {
  const std::string file =
      write_file(fixture_dir() / "daily.csv",
                 "運行日,路線名,乗車人数,\n2025/4/1 0:00,山田線,100,\n2025/4/2 0:00,稲築線,1,000,\n"
                 "令和7年4月3日,山田線,120,\n2025/4/31,山田線,5,\n合計,,\"1,220\",\n※ 速報値,,,\n");
  PluginRun skip = run_plugin({{"file", file}, {"format", "daily_export"}}, true);
  ASSERT_EQ(skip.result, SOSEI_OK) << skip.error;
  ASSERT_EQ(skip.rejections.size(), 2u);
  EXPECT_EQ(skip.rejections[0].line, 3u);
  EXPECT_TRUE(has(skip.rejections[0].reason, "\"1\" followed by \"000\"")) << skip.rejections[0].reason;
  EXPECT_TRUE(has(skip.rejections[1].reason, "「運行日」の「2025/4/31」は日付として読めません"))
      << skip.rejections[1].reason;
  EXPECT_EQ(skip.value("city_bus_riders", kFy, 2025), 100 + 120);
}

// Issue 14 §1: a day's row of a route coming again is refused (naming both lines), never summed twice.
TEST(BadRows, DailyExportRepeatedDateAndRoute) {
  const std::string file = write_file(fixture_dir() / "daily.csv",
                                      "date,route,boardings\n2025-04-01,山田線,5\n2025-04-02,山田線,6\n"
                                      "2025/4/1,山田線,7\n2025-04-01,稲築線,8\n");
  PluginRun fail = run_plugin({{"file", file}, {"format", "daily_export"}});
  EXPECT_EQ(fail.result, SOSEI_ERR_REJECTED);
  EXPECT_TRUE(has(fail.error, "daily.csv:4")) << fail.error;
  EXPECT_TRUE(has(fail.error, "daily.csv:2")) << fail.error;
  EXPECT_TRUE(has(fail.error, "route「山田線」の 2025/4/1 の行が、")) << fail.error;
  EXPECT_TRUE(has(fail.error, "1日・1路線につき1行にしてください")) << fail.error;
  PluginRun skip = run_plugin({{"file", file}, {"format", "daily_export"}}, true);
  ASSERT_EQ(skip.result, SOSEI_OK) << skip.error;
  ASSERT_EQ(skip.rejections.size(), 1u);
  EXPECT_EQ(skip.value("city_bus_riders", kFy, 2025), 5 + 6 + 8);
}

TEST(BadRows, ConfigurationMistakes) {
  const std::string file = write_kama_feed(fixture_dir());
  EXPECT_TRUE(has(run_plugin({{"file", file}, {"format", "gtfs"}}).error, "設定 'format' の「gtfs」は使えません"));
  EXPECT_TRUE(
      has(run_plugin({{"file", file}, {"route_key", "line"}}).error, "設定 'route_key' の「line」は使えません"));
  EXPECT_TRUE(has(run_plugin({{"file", file}, {"record_use", "2"}}).error, "設定 'record_use' の「2」は使えません"));
  EXPECT_TRUE(has(run_plugin({{"url", "http://127.0.0.1:9/board_alight.txt"}}).error,
                  "設定 'feed_dir' に trips.txt と routes.txt のあるフォルダ"));
  EXPECT_TRUE(has(run_plugin({}).error,
                  "'file'（ファイルを取り込む）か 'url'（ダウンロードして取り込む）のどちらかを設定してください"));
}

TEST(BadRows, HeaderOnlyFileHasNothingToImport) {
  PluginRun run = run_plugin({{"file", write_kama_feed(fixture_dir(), "trip_id,boardings,service_date\n")}});
  EXPECT_EQ(run.result, SOSEI_ERR_INPUT);
  EXPECT_TRUE(has(run.error, "取り込める乗車人数がありません")) << run.error;
}
