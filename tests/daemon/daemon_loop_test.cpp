// The daemon's loop in this process, driven tick by tick on a ManualClock: what runs when is decided
// by the injected clock, and "not run" is proved right after a tick instead of by waiting.

#include <sstream>
#include <tuple>

#include "common/clock.hpp"
#include "daemon/daemon_loop.hpp"
#include "daemon_fixture.hpp"

using namespace sosei;
using namespace sosei::test_support;

namespace {

using DaemonLoop = DaemonFixture;

// Half past an hour: `every: 1h` slots are on the hour.
constexpr std::chrono::sys_seconds kHalfPast =
    date::sys_days{date::year{2026} / 11 / 28} + std::chrono::hours{5} + std::chrono::minutes{30};
// 2026-07-31 14:30 UTC is 23:30 in Tokyo, the last half hour of the KPIs' data_due day.
constexpr std::chrono::sys_seconds kTokyoJuly31At2330 =
    date::sys_days{date::year{2026} / 7 / 31} + std::chrono::hours{14} + std::chrono::minutes{30};

daemon::DaemonOptions options_for(const fs::path& config, const Clock& clock) {
  daemon::DaemonOptions o;
  o.config_path = config.string();
  o.worker_executable = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei";
  o.clock = &clock;
  return o;
}

// Ticks until the runs in flight have been handled; a run finishing rings the loop, so this waits
// for the event, not for a fixed time.
void finish_runs(daemon::Daemon& d) {
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (d.running() > 0 && std::chrono::steady_clock::now() < deadline) {
    d.wait(1s);
    d.tick();
  }
  ASSERT_EQ(d.running(), 0u) << "runs still in flight after 60 s";
}

// Captures the default logger's output while alive.
}  // namespace

TEST_F(DaemonLoop, ASourceRunsAtStartThenOnlyWhenTheClockReachesItsNextSlot) {
  set_sources(source("hourly", "{every: 1h}", "{mode: none}"));
  ManualClock clock(kHalfPast);
  daemon::Daemon d(options_for(config(), clock));
  d.tick();  // never run: imported at once
  ASSERT_EQ(d.running(), 1u);
  finish_runs(d);
  EXPECT_EQ(count_runs("hourly", store::RunStatus::Succeeded), 1);

  clock.advance(29min);
  d.tick();
  EXPECT_EQ(d.running(), 0u);  // not yet due: decided by this tick, nothing to wait for
  clock.advance(1min);         // 06:00, the next slot
  d.tick();
  EXPECT_EQ(d.running(), 1u);
  finish_runs(d);
  EXPECT_EQ(count_runs("hourly", store::RunStatus::Succeeded), 2);
}

TEST_F(DaemonLoop, AQuarantinedSourceIsNotRunAgainThoughItsRetryIsDue) {
  set_sources(source("throws", "{every: 1h, retries: 3, backoff: 1m}", "{mode: throw}"));
  ManualClock clock(kHalfPast);
  daemon::Daemon d(options_for(config(), clock));
  d.tick();
  finish_runs(d);
  clock.advance(1min);  // the first retry
  d.tick();
  ASSERT_EQ(d.running(), 1u);
  finish_runs(d);
  ASSERT_TRUE(quarantined("throws"));  // quarantine_after: 2

  clock.advance(2min);  // the second retry would be due now
  d.tick();
  EXPECT_EQ(d.running(), 0u);
  EXPECT_EQ(runs("throws").size(), 2u);
}

TEST_F(DaemonLoop, OverdueIsJudgedOnTheClocksDateInTheConfiguredTimeZone) {
  // Data for FY2020..FY2024 (no schedule: imported by hand); FY2025's are due by 2026-07-31 in Tokyo.
  set_sources("  - id: manual\n    plugin: fault\n    kpis: [startups]\n    settings: {mode: none, count: '5'}\n");
  std::string out;
  ASSERT_EQ(sosei("import manual", &out), 0) << out;

  LogCapture log;
  {
    ManualClock clock(kTokyoJuly31At2330);  // July 31 in Tokyo and in UTC
    daemon::Daemon d(options_for(config(), clock));
    d.tick();
  }
  EXPECT_EQ(log.text().find("期限超過: KPI startups"), std::string::npos) << log.text();
  {
    ManualClock clock(kTokyoJuly31At2330 + std::chrono::seconds{3600});  // August 1 in Tokyo, still July 31 in UTC
    daemon::Daemon d(options_for(config(), clock));
    d.tick();
  }
  EXPECT_NE(log.text().find("期限超過: KPI startups"), std::string::npos) << log.text();
}

// The daemon's lines are the reader's: Japanese by default, English with --lang en (DaemonOptions::lang).
TEST_F(DaemonLoop, ItsLogLinesAreInTheDaemonsLanguage) {
  set_sources(source("hourly", "{every: 1h}", "{mode: none}"));
  for (const auto& [lang, started, finished] :
       {std::tuple{text::Lang::Ja, "[hourly] 取込を始めます", "[hourly] 成功 — 受理 "},
        std::tuple{text::Lang::En, "[hourly] starting import", "[hourly] succeeded — "}}) {
    LogCapture log;
    // The second daemon an hour later: the first one's run made the source due again then.
    ManualClock clock(lang == text::Lang::Ja ? kHalfPast : kHalfPast + 1h);
    auto options = options_for(config(), clock);
    options.lang = lang;
    daemon::Daemon d(options);
    d.announce();
    d.tick();
    finish_runs(d);
    d.tick();
    EXPECT_NE(log.text().find(started), std::string::npos) << log.text();
    EXPECT_NE(log.text().find(finished), std::string::npos) << log.text();
    const std::string next = lang == text::Lang::Ja ? "[hourly] 次の実行 " : "[hourly] next run ";
    const auto at = log.text().find(next);
    ASSERT_NE(at, std::string::npos) << log.text();
    // In the city's time with its offset, as `sosei status` shows it, not UTC ISO-8601.
    const std::string line = log.text().substr(at, log.text().find('\n', at) - at);
    EXPECT_NE(line.find(" +09:00"), std::string::npos) << line;
    EXPECT_EQ(line.find('Z'), std::string::npos) << line;
  }
}
