// Fetch mode on the fake host's canned replies: 200, 304 (unchanged), 500 and an HTML page instead
// of the data. Timeouts and truncated bodies are the real host's: runtime_test.cpp.
#include <gtest/gtest.h>

#include "kama_feed.hpp"
#include "plugin_run.hpp"

using namespace bus_ridership::test;
using sosei::testing::HttpReply;

namespace {

constexpr int kFy = SOSEI_PERIOD_FISCAL_YEAR;
const std::string kUrl = "https://opendata.example.lg.jp/bus/board_alight.txt";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The static feed stays local (feed_dir); board_alight.txt is fetched.
PluginRun fetch(const HttpReply& reply) {
  const auto feed = fixture_dir();
  write_kama_feed(feed);
  return run_plugin({{"url", kUrl}, {"feed_dir", feed.string()}}, false, {{kUrl, reply}});
}

}  // namespace

TEST(Fetch, OkThenNotModified) {
  PluginRun first = fetch({200, kKamaBoardAlight});
  ASSERT_EQ(first.result, SOSEI_OK) << first.error;
  EXPECT_EQ(first.value("city_bus_riders", kFy, 2025), 24);
  EXPECT_EQ(first.observations[0].file, kUrl);

  PluginRun second = fetch({304, ""});
  EXPECT_EQ(second.result, SOSEI_UNCHANGED) << second.error;
  EXPECT_TRUE(second.observations.empty());
}

TEST(Fetch, DailyExportByUrl) {
  const std::string url = "https://opendata.example.lg.jp/bus/daily.csv";
  PluginRun run = run_plugin({{"url", url}, {"format", "daily_export"}}, false,
                             {{url, {200, "date,route,boardings\n2025-04-01,山田線,120\n"}}});
  ASSERT_EQ(run.result, SOSEI_OK) << run.error;
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 120);
}

TEST(Fetch, ServerErrorFailsNamingTheUrl) {
  PluginRun run = fetch({500, "oops"});
  EXPECT_EQ(run.result, SOSEI_ERR_IO);
  EXPECT_TRUE(has(run.error, kUrl)) << run.error;
  EXPECT_TRUE(run.observations.empty());
}

TEST(Fetch, HtmlPageInsteadOfDataSaysSo) {
  PluginRun run =
      fetch({200, "<!DOCTYPE html>\n<html><head><title>ログイン</title></head><body>login</body></html>\n"});
  EXPECT_EQ(run.result, SOSEI_ERR_INPUT);
  EXPECT_TRUE(has(run.error, "GTFS-ride の board_alight.txt ではなく、Web ページ（HTML）です")) << run.error;
  EXPECT_TRUE(has(run.error, "URL を確かめてください")) << run.error;
}
