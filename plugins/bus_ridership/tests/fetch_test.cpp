// Fetch mode through the host's HTTP service against a local server: 200, 304 (unchanged), 500, a
// slow reply past the timeout, a truncated body and an HTML page instead of the data.
#include <gtest/gtest.h>

#include "kama_feed.hpp"
#include "support/http_test_server.hpp"

using namespace bus_ridership::test;
using sosei::host::RunResult;
using sosei::test_support::HttpTestServer;

namespace {

constexpr int kFy = SOSEI_PERIOD_FISCAL_YEAR;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The static feed stays local (feed_dir); board_alight.txt is fetched.
sosei::host::ResolvedSettings fetch_settings(const HttpTestServer& server, const std::string& path,
                                             const std::filesystem::path& feed) {
  return {{"url", server.url(path)}, {"feed_dir", feed.string()}};
}

}  // namespace

TEST(Fetch, OkThenNotModified) {
  HttpTestServer server;
  server.put("kama/board_alight.txt", kKamaBoardAlight);
  const auto feed = fixture_dir();
  write_kama_feed(feed);
  PluginRun first = run_plugin(fetch_settings(server, "/ok/kama/board_alight.txt", feed));
  ASSERT_EQ(first.result, RunResult::Succeeded) << first.error;
  EXPECT_EQ(first.value("city_bus_riders", kFy, 2025), 24);
  EXPECT_TRUE(has(first.sink.observations[0].file, "/ok/kama/board_alight.txt"));

  PluginRun second = run_plugin(fetch_settings(server, "/ok/kama/board_alight.txt", feed), false, first.sink.states);
  EXPECT_EQ(second.result, RunResult::Unchanged) << second.error;
  EXPECT_TRUE(second.sink.observations.empty());
}

TEST(Fetch, DailyExportByUrl) {
  HttpTestServer server;
  server.put("daily.csv", "date,route,boardings\n2025-04-01,山田線,120\n");
  PluginRun run = run_plugin({{"url", server.url("/ok/daily.csv")}, {"format", "daily_export"}});
  ASSERT_EQ(run.result, RunResult::Succeeded) << run.error;
  EXPECT_EQ(run.value("city_bus_riders", kFy, 2025), 120);
}

TEST(Fetch, ServerErrorFailsNamingTheUrl) {
  HttpTestServer server;
  const auto feed = fixture_dir();
  write_kama_feed(feed);
  PluginRun run = run_plugin(fetch_settings(server, "/status/500", feed));
  EXPECT_EQ(run.result, RunResult::Failed);
  EXPECT_TRUE(has(run.error, server.url("/status/500"))) << run.error;
  EXPECT_TRUE(run.sink.observations.empty());
}

TEST(Fetch, SlowReplyTimesOut) {
  HttpTestServer server;
  const auto feed = fixture_dir();
  write_kama_feed(feed);
  auto options = quick_fetch();
  options.timeout_ms = 200;
  options.attempts = 1;
  PluginRun run = run_plugin(fetch_settings(server, "/slow/1000", feed), false, {}, options);
  EXPECT_EQ(run.result, RunResult::Failed);
  EXPECT_TRUE(has(run.error, "/slow/1000")) << run.error;
}

TEST(Fetch, TruncatedBodyFails) {
  HttpTestServer server;
  server.put("board_alight.txt", kKamaBoardAlight);
  const auto feed = fixture_dir();
  write_kama_feed(feed);
  PluginRun run = run_plugin(fetch_settings(server, "/truncated/board_alight.txt", feed));
  EXPECT_EQ(run.result, RunResult::Failed);
  EXPECT_TRUE(run.sink.observations.empty());
}

TEST(Fetch, HtmlPageInsteadOfDataSaysSo) {
  HttpTestServer server;
  server.put("login", "<!DOCTYPE html>\n<html><head><title>ログイン</title></head><body>login</body></html>\n");
  const auto feed = fixture_dir();
  write_kama_feed(feed);
  PluginRun run = run_plugin(fetch_settings(server, "/ok/login", feed));
  EXPECT_EQ(run.result, RunResult::Failed);
  EXPECT_TRUE(has(run.error, "web page")) << run.error;
  EXPECT_TRUE(has(run.error, "check the URL")) << run.error;
}
