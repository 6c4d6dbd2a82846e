// `sosei daemon` as a process: faults contained while other sources keep their schedule, one daemon
// per database, SIGTERM with a run in flight, SIGHUP with a broken config, kill -9 of a worker and
// of the daemon mid-import, webhooks, `import --all-due` and `status`.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "daemon_fixture.hpp"
#include "webhook_receiver.hpp"

using namespace sosei;
using namespace sosei::test_support;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

using Daemon = DaemonFixture;

std::string error_of_first_failure(const std::vector<store::RunRecord>& runs) {
  for (const auto& r : runs)
    if (r.status == store::RunStatus::Failed) return r.error;
  return "";
}

}  // namespace

TEST_F(Daemon, EveryFaultIsContainedRecordedAndQuarantinedWhileOtherSourcesKeepRunning) {
  WebhookReceiver hooks;
  set_daemon("{max_concurrent: 4, grace_period: 5s, quarantine_after: 2, webhooks: ['" + hooks.url() + "']}");
  // Intervals are at least a minute, so faults repeat through retries: run at start, retry after 1 s.
  const std::string retrying = "{every: 1h, retries: 3, backoff: 1s, timeout: 2s}";
  set_sources(
      source("healthy", retrying, "{mode: none, count: '5'}") +
      source("crash", retrying, "{mode: segfault}", "events") + source("aborts", retrying, "{mode: abort}", "events") +
      source("throws", retrying, "{mode: throw}", "events") + source("exits", retrying, "{mode: exit3}", "events") +
      source("hangs", retrying, "{mode: hang}", "events") +
      // 20 MB of output takes a while under the sanitizers on two busy cores: no timeout here.
      source("floods", "{every: 1h, retries: 3, backoff: 1s, timeout: 60s}", "{mode: flood_stdout, count: '2'}",
             "events") +
      source("greedy", retrying, "{mode: allocate}", "events", "    memory_limit: 256MiB\n"));
  start_daemon();
  const std::vector<std::string> faulty{"crash", "aborts", "throws", "exits", "hangs", "greedy"};
  // The faulty sources are quarantined within seconds; the flood (20 MB through the worker's pipe)
  // may still be running then on busy cores, so its success is part of what is waited for.
  ASSERT_TRUE(wait_for(
      [&] {
        for (const auto& s : faulty)
          if (!quarantined(s)) return false;
        return count_runs("floods", store::RunStatus::Succeeded) == 1 &&
               count_runs("healthy", store::RunStatus::Succeeded) == 1;
      },
      120s))
      << log();

  EXPECT_NE(error_of_first_failure(runs("crash")).find("SIGSEGV"), std::string::npos);
  EXPECT_NE(error_of_first_failure(runs("aborts")).find("SIGABRT"), std::string::npos);
  EXPECT_NE(error_of_first_failure(runs("throws")).find("sent nonsense"), std::string::npos);
  EXPECT_NE(error_of_first_failure(runs("exits")).find(kSanitized ? "exited with code" : "exited with code 3"),
            std::string::npos);
  EXPECT_NE(error_of_first_failure(runs("hangs")).find("timed out after 2 s"), std::string::npos);
  EXPECT_NE(error_of_first_failure(runs("greedy")).find("memory"), std::string::npos);
  for (const auto& s : faulty)
    EXPECT_EQ(runs(s).size(), 2u) << s << "\n" << log();  // quarantined after the second failure
  EXPECT_EQ(count_runs("healthy", store::RunStatus::Succeeded), 1);
  EXPECT_EQ(count_runs("floods", store::RunStatus::Succeeded), 1) << error_of_first_failure(runs("floods"));
  EXPECT_FALSE(quarantined("healthy"));
  EXPECT_FALSE(quarantined("floods"));

  // A quarantined source is not run again, though its retries would be due: the daemon says so when
  // it passes over one that is due.
  ASSERT_TRUE(wait_for(
      [&] {
        const std::string l = log();
        for (const auto& s : faulty)
          if (l.find("[" + s + "] 実行の時刻ですが隔離中") == std::string::npos) return false;
        return true;
      },
      30s))
      << log();
  for (const auto& s : faulty) EXPECT_EQ(runs(s).size(), 2u) << s;

  ASSERT_TRUE(wait_for(
      [&] {
        for (const auto& s : faulty)
          if (hooks.count("quarantined", s) != 1) return false;
        return true;
      },
      30s));
  for (const auto& s : faulty) EXPECT_EQ(hooks.count("run_failed", s), 2) << s;
  const auto events = hooks.events();
  const auto q = std::find_if(events.begin(), events.end(), [](const auto& e) { return e["event"] == "quarantined"; });
  ASSERT_NE(q, events.end());
  EXPECT_EQ((*q)["city"], "テスト市");
  EXPECT_NE((*q)["message"].get<std::string>().find("sosei resume"), std::string::npos);

  // status shows the quarantines; resume lifts one.
  std::string out;
  EXPECT_EQ(sosei("status --json", &out), 0);
  const auto status = nlohmann::json::parse(out);
  EXPECT_EQ(status["quarantined"], 6);
  for (const auto& s : status["sources"])
    if (s["id"] == "crash") {
      EXPECT_FALSE(s["quarantine"].is_null());
      EXPECT_EQ(s["consecutive_failures"], 2);
    }
  EXPECT_EQ(sosei("status --check"), 1);
  EXPECT_EQ(sosei("resume crash", &out), 0);
  EXPECT_NE(out.find("crash: 隔離を解除しました"), std::string::npos) << out;
  EXPECT_FALSE(quarantined("crash"));

  // After all that the daemon still schedules: a source added by SIGHUP runs.
  set_sources(source("healthy", retrying, "{mode: none, count: '5'}") +
              source("late", retrying, "{mode: none}", "events"));
  ::kill(pid_, SIGHUP);
  ASSERT_TRUE(wait_for([&] { return count_runs("late", store::RunStatus::Succeeded) == 1; }, 30s)) << log();

  const int st = stop_daemon(SIGTERM);
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << log();
}

TEST_F(Daemon, ASecondDaemonOnTheSameDatabaseIsRefusedNamingTheFirst) {
  set_sources(source("healthy", "{every: 1h}", "{mode: none}"));
  start_daemon();
  ASSERT_TRUE(wait_for([&] { return log().find("sosei daemon を開始しました（pid") != std::string::npos; }, 30s))
      << log();
  std::string err;
  EXPECT_EQ(sosei("daemon", nullptr, &err), 1);
  EXPECT_NE(err.find("pid " + std::to_string(pid_)), std::string::npos) << err;
  EXPECT_NE(err.find("already running"), std::string::npos) << err;
}

TEST_F(Daemon, SigtermLetsARunningImportFinishWithinTheGracePeriod) {
  set_sources(source("slow", "{every: 1h}", "{mode: none, count: '5', sleep_ms: '1500'}"));
  start_daemon();
  ASSERT_TRUE(wait_for([&] { return log().find("[slow] 取込を始めます") != std::string::npos; }, 30s)) << log();
  const int st = stop_daemon(SIGTERM);
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << log();
  EXPECT_EQ(count_runs("slow", store::RunStatus::Succeeded), 1) << log();
}

TEST_F(Daemon, SigtermAbortsAnImportThatOutlivesTheGracePeriod) {
  set_daemon("{max_concurrent: 2, grace_period: 1s, quarantine_after: 2}");
  set_sources(source("stuck", "{every: 1h}", "{mode: none, count: '5', sleep_ms: '600000'}"));
  start_daemon();
  ASSERT_TRUE(wait_for([&] { return log().find("[stuck] 取込を始めます") != std::string::npos; }, 30s)) << log();
  const int st = stop_daemon(SIGTERM);
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << log();
  const auto r = runs("stuck");
  ASSERT_EQ(r.size(), 1u) << log();
  EXPECT_EQ(r[0].status, store::RunStatus::Aborted);
  auto s = store::open_store({database().string()});
  EXPECT_TRUE(s->values({"startups", std::nullopt, std::nullopt}).empty());
  EXPECT_FALSE(quarantined("stuck"));  // an abort is not a failure of the source
}

TEST_F(Daemon, SighupWithABrokenConfigKeepsTheOldOneAndAGoodOneIsApplied) {
  set_sources(source("healthy", "{every: 1h}", "{mode: none}"));
  start_daemon();
  ASSERT_TRUE(wait_for([&] { return !runs("healthy").empty(); }, 30s)) << log();
  write(dir_ / "sources.yaml",
        "sources:\n  - id: healthy\n    plugin: fault\n    kpis: [startups]\n    schedule: {every: soon}\n");
  ::kill(pid_, SIGHUP);
  ASSERT_TRUE(wait_for([&] { return log().find("設定の読み直しを拒否") != std::string::npos; }, 30s)) << log();
  EXPECT_NE(log().find("sources.yaml:5:"), std::string::npos) << log();  // the error says where
  EXPECT_EQ(::kill(pid_, 0), 0);                                         // still running, on the old configuration

  set_sources(source("healthy", "{every: 1h}", "{mode: none}") +
              source("second", "{every: 1h}", "{mode: none}", "events"));
  ::kill(pid_, SIGHUP);
  ASSERT_TRUE(wait_for([&] { return !runs("second").empty(); }, 30s)) << log();
  EXPECT_NE(log().find("から読み直しました"), std::string::npos);
  EXPECT_EQ(runs("healthy").size(), 1u);  // the reload did not re-run what had just run
}

TEST_F(Daemon, KillingTheWorkerFailsOnlyThatRunAndTheRetryStoresOneCleanRun) {
  set_sources(source("slow", "{every: 1h, retries: 1, backoff: 1s}",
                     "{mode: none, count: '50', sleep_ms: '1500', marker: '" + marker().string() + "'}"));
  start_daemon();
  // The worker writes the marker once the observations are in the open transaction.
  ASSERT_TRUE(wait_for([&] { return fs::exists(marker()); }, 30s)) << log();
  const pid_t worker = marker_pid();
  const auto w = workers();
  ASSERT_NE(std::find(w.begin(), w.end(), worker), w.end()) << "not the daemon's worker: " << worker;
  ::kill(worker, SIGKILL);
  ASSERT_TRUE(wait_for([&] { return count_runs("slow", store::RunStatus::Succeeded) == 1; }, 60s)) << log();
  const auto r = runs("slow");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].status, store::RunStatus::Failed);
  EXPECT_NE(r[1].error.find("SIGKILL"), std::string::npos) << r[1].error;
  EXPECT_EQ(r[0].inserted, 50);
  auto s = store::open_store({database().string()});
  EXPECT_EQ(s->values({"startups", std::nullopt, std::nullopt}).size(), 50u);
}

TEST_F(Daemon, KillMinus9OfTheDaemonMidImportLeavesNoPartialRun) {
  set_sources(source("slow", "{every: 1h}",
                     "{mode: none, count: '50', sleep_ms: '3000', marker: '" + marker().string() + "'}"));
  start_daemon();
  // The worker writes the marker once the observations are in the open transaction.
  ASSERT_TRUE(wait_for([&] { return fs::exists(marker()); }, 30s)) << log();
  const pid_t worker = marker_pid();
  stop_daemon(SIGKILL);
  // The worker dies with its parent.
  EXPECT_TRUE(wait_for([&] { return ::kill(worker, 0) != 0; }, 10s));
  {
    auto s = store::open_store({database().string()});
    EXPECT_TRUE(s->runs().empty());
    EXPECT_TRUE(s->series().empty());
    EXPECT_EQ(s->integrity_problems(), std::vector<std::string>{});
  }

  // The next daemon takes the lock and completes the run: exactly one clean run.
  start_daemon();
  ASSERT_TRUE(wait_for([&] { return count_runs("slow", store::RunStatus::Succeeded) == 1; }, 60s)) << log();
  auto s = store::open_store({database().string()});
  EXPECT_EQ(s->runs().size(), 1u);
  EXPECT_EQ(s->runs()[0].inserted, 50);
  EXPECT_EQ(s->values({"startups", std::nullopt, std::nullopt}).size(), 50u);
}

TEST_F(Daemon, ImportAllDueRunsWhatIsDueThenNothingUntilTheNextSlot) {
  WebhookReceiver hooks(1);  // the first delivery fails: retried
  set_daemon("{quarantine_after: 1, webhooks: ['" + hooks.url() + "']}");
  set_sources(source("hourly", "{every: 1h}", "{mode: none}") +
              source("broken", "{every: 1h, retries: 0}", "{mode: throw}", "events") +
              "  - id: manual\n    plugin: fault\n    kpis: [events]\n    settings: {mode: none, series: events}\n");
  std::string out;
  EXPECT_EQ(sosei("import --all-due", &out), 1);  // one failed
  EXPECT_NE(out.find("予定の取込 2 件を実行、失敗 1 件"), std::string::npos) << out;
  EXPECT_EQ(count_runs("hourly", store::RunStatus::Succeeded), 1);
  EXPECT_TRUE(runs("manual").empty());  // no schedule: only `sosei import manual`
  EXPECT_TRUE(quarantined("broken"));
  EXPECT_EQ(hooks.count("quarantined", "broken"), 1);
  EXPECT_GE(hooks.requests(), 3);  // one 500, then run_failed and quarantined delivered

  EXPECT_EQ(sosei("import --all-due", &out), 0);
  EXPECT_NE(out.find("予定の取込 0 件を実行、失敗 0 件"), std::string::npos) << out;
  EXPECT_EQ(runs("hourly").size(), 1u);
}

TEST_F(Daemon, StatusShowsOverdueKpiData) {
  set_sources(source("hourly", "{every: 1h}", "{mode: none, count: '5'}"));  // FY2020..FY2024
  std::string out;
  ASSERT_EQ(sosei("import hourly", &out), 0) << out;
  ASSERT_EQ(sosei("status --json --as-of 2025-07-31", &out), 0);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["overdue"], 1);  // events has no data at all; FY2024 is not due before 2025-07-31 ends
  for (const auto& k : j["kpis"]) {
    if (k["id"] == "startups") {
      EXPECT_EQ(k["latest"], "FY2024");
      EXPECT_EQ(k["expected"], "FY2023");
      EXPECT_FALSE(k["overdue"]);
    }
  }
  ASSERT_EQ(sosei("status --json --as-of 2026-08-01", &out), 0);
  j = nlohmann::json::parse(out);
  EXPECT_EQ(j["overdue"], 2);
  for (const auto& k : j["kpis"])
    if (k["id"] == "startups") {
      EXPECT_EQ(k["expected"], "FY2025");
      EXPECT_EQ(k["due"], "2026-07-31");
      EXPECT_TRUE(k["overdue"]);
    }
  EXPECT_EQ(sosei("status --check --as-of 2026-08-01"), 1);
  ASSERT_EQ(sosei("status --as-of 2026-08-01", &out), 0);
  EXPECT_NE(out.find("遅延"), std::string::npos) << out;
  EXPECT_NE(out.find("1時間ごと"), std::string::npos) << out;  // the interval schedule in words
}

TEST_F(Daemon, RunsTheBundledKamaSourcesOnTheirSchedules) {
  // The bundled configuration, copied: every source has a schedule and has never run, so each is
  // imported at start (catch_up: latest), in a worker process, then waits for its next slot.
  fs::copy(fs::path(SOSEI_TEST_SOURCE_DIR) / "config", dir_ / "kama", fs::copy_options::recursive);
  const auto cfg = dir_ / "kama" / "sosei.yaml";
  pid_ = ::fork();
  ASSERT_GE(pid_, 0);
  if (pid_ == 0) {
    const std::string log_path = (dir_ / "daemon.log").string();
    std::freopen(log_path.c_str(), "a", stderr);
    const std::string exe = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei";
    ::execl(exe.c_str(), exe.c_str(), "--config", cfg.c_str(), "daemon", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const auto db = dir_ / "out" / "sosei.db";
  const std::vector<std::string> sources{"kama_values", "disaster_coverage", "bus_ridership", "tourism",
                                         "school_scores"};
  ASSERT_TRUE(wait_for(
      [&] {
        if (!fs::exists(db)) return false;
        auto s = store::open_store({db.string()});
        for (const auto& id : sources) {
          const auto r = s->runs(0, id);
          if (r.size() != 1 || r[0].status != store::RunStatus::Succeeded) return false;
        }
        return true;
      },
      120s))
      << log();
  for (const auto& id : sources) EXPECT_NE(log().find("[" + id + "] 次の実行"), std::string::npos) << id;
  const int st = stop_daemon(SIGTERM);
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << log();
  auto s = store::open_store({db.string()});
  EXPECT_EQ(s->values({"city_bus_riders", std::nullopt, std::nullopt}).size(), 2u);  // FY2023, FY2025
}
