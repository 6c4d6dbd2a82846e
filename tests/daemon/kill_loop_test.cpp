// Issue 18 §3: kill -9 of `sosei import` and of `sosei daemon` at seeded random points of a large
// import. After every kill the database passes its integrity check, holds no run that is half there
// (a run is either absent or complete) and either none or all of the import's values; the run after
// the last kill stores every value exactly once.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iostream>
#include <random>

#include "daemon_fixture.hpp"

namespace sosei::test_support {
namespace {

using KillLoop = DaemonFixture;

constexpr int kRows = 60000;

TEST_F(KillLoop, SeededKillsOfImportsAndOfTheDaemonNeverLeaveAPartialRun) {
  set_sources(source("big", "{every: 1h}", "{mode: none, count: '" + std::to_string(kRows) + "'}"));
  // A whole import's time on this machine (into a throwaway database) spreads the kill points over
  // the run, whatever the build: before the first value, mid-run, around the commit, after it.
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(sosei("--db '" + (dir_ / "timing.db").string() + "' import big"), 0);
  const auto whole = std::chrono::steady_clock::now() - started;

  std::mt19937 random(18);  // seeded: the same points, as fractions of a run, every time
  std::uniform_real_distribution<double> fraction(0.02, 1.2);
  const std::string exe = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei";
  const std::string cfg = config().string();
  int before_commit = 0, after_commit = 0;
  for (int kill = 0; kill < 8; ++kill) {
    const auto at = std::chrono::duration_cast<std::chrono::milliseconds>(whole * fraction(random));
    // The kill point is the test's input, not a wait for something: sleeping until it is the point.
    if (kill % 2 == 0) {
      const pid_t importer = ::fork();
      ASSERT_GE(importer, 0);
      if (importer == 0) {
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        ::execl(exe.c_str(), exe.c_str(), "--config", cfg.c_str(), "import", "big", static_cast<char*>(nullptr));
        ::_exit(127);
      }
      std::this_thread::sleep_for(at);
      ::kill(importer, SIGKILL);
      ::waitpid(importer, nullptr, 0);
    } else {
      start_daemon();
      std::this_thread::sleep_for(at);
      stop_daemon(SIGKILL);
    }
    auto s = store::open_store({database().string()});
    EXPECT_EQ(s->integrity_problems(), std::vector<std::string>{}) << "after kill " << kill << " at " << at.count();
    int succeeded = 0;
    int64_t inserted = 0;  // over the complete runs: the first inserts every value, a later one none
    for (const auto& r : s->runs(0, "big")) {
      EXPECT_NE(r.status, store::RunStatus::Running) << "run " << r.id << " after kill " << kill;
      if (r.status == store::RunStatus::Succeeded) ++succeeded;
      inserted += r.inserted;
    }
    const auto stored = s->values({"startups", std::nullopt, std::nullopt}).size();
    EXPECT_EQ(stored, succeeded ? std::size_t{kRows} : 0u) << "after kill " << kill << " at " << at.count() << " ms";
    EXPECT_EQ(inserted, static_cast<int64_t>(stored)) << "after kill " << kill;
    (stored ? after_commit : before_commit) += 1;
  }
  // Where the kills fell, for the log (the points are fractions of this machine's run time).
  std::cout << "kills before a commit: " << before_commit << ", after one: " << after_commit << '\n';

  // Nothing killed now: the values are all there, each once.
  ASSERT_EQ(sosei("import big"), 0);
  auto s = store::open_store({database().string()});
  EXPECT_EQ(s->values({"startups", std::nullopt, std::nullopt}).size(), std::size_t{kRows});
  int64_t inserted = 0;
  for (const auto& r : s->runs(0, "big")) inserted += r.inserted;
  EXPECT_EQ(inserted, kRows);  // stored exactly once over all the runs that completed
  EXPECT_EQ(s->integrity_problems(), std::vector<std::string>{});
}

}  // namespace
}  // namespace sosei::test_support
