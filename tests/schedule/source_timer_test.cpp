// The daemon's per-source plan with an injected clock: first run, retries with backoff then the next
// slot, catch-up after an outage (none, latest, all), and restoring from the run history.
#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "common/time_zone.hpp"
#include "schedule/source_timer.hpp"

using namespace sosei;
using namespace std::chrono_literals;
using schedule::SourceTimer;
using std::chrono::sys_seconds;

namespace {

const date::time_zone* tokyo() { return find_time_zone("Asia/Tokyo"); }

// 2026-11-28 06:00 JST = 2026-11-27T21:00Z
sys_seconds at(int y, unsigned m, unsigned d, int h, int min = 0) {
  return sys_seconds{date::sys_days{date::year{y} / m / d}} + std::chrono::hours{h} + std::chrono::minutes{min};
}

config::ScheduleSpec daily_at_6(config::ScheduleSpec::CatchUp catch_up = config::ScheduleSpec::CatchUp::Latest) {
  config::ScheduleSpec s;
  s.cron = "0 6 * * *";  // JST
  s.retries = 2;
  s.backoff = 60s;
  s.catch_up = catch_up;
  return s;
}

}  // namespace

TEST(SourceTimer, NeverRunImportsNowUnlessCatchUpIsNone) {
  ManualClock clock(at(2026, 11, 27, 12));  // 21:00 JST
  SourceTimer latest("bus", daily_at_6(), tokyo());
  latest.restore(std::nullopt, 0, clock.now());
  EXPECT_EQ(latest.due_at(), clock.now());

  SourceTimer none("bus", daily_at_6(config::ScheduleSpec::CatchUp::None), tokyo());
  none.restore(std::nullopt, 0, clock.now());
  EXPECT_EQ(none.due_at(), at(2026, 11, 27, 21));  // 06:00 JST next morning
}

TEST(SourceTimer, AFailureIsRetriedWithDoublingBackoffThenWaitsForTheNextSlot) {
  ManualClock clock(at(2026, 11, 27, 21));  // 06:00 JST
  SourceTimer t("bus", daily_at_6(), tokyo());
  t.restore(at(2026, 11, 26, 21), 0, clock.now() - 1s);
  EXPECT_EQ(t.due_at(), clock.now());

  t.finished(false, clock.now(), clock.now() + 10s);
  EXPECT_EQ(t.consecutive_failures(), 1);
  EXPECT_EQ(t.due_at(), clock.now() + 10s + 60s);  // first retry after the backoff
  clock.set(t.due_at());
  t.finished(false, clock.now(), clock.now() + 5s);
  EXPECT_EQ(t.due_at(), clock.now() + 5s + 120s);  // doubled
  clock.set(t.due_at());
  t.finished(false, clock.now(), clock.now() + 5s);
  EXPECT_EQ(t.consecutive_failures(), 3);
  EXPECT_EQ(t.due_at(), at(2026, 11, 28, 21));  // retries used up: tomorrow 06:00 JST
  t.finished(true, t.due_at(), t.due_at() + 30s);
  EXPECT_EQ(t.consecutive_failures(), 0);
  EXPECT_EQ(t.due_at(), at(2026, 11, 29, 21));
}

TEST(SourceTimer, CatchUpAfterAFortyDayOutage) {
  const sys_seconds last = at(2026, 10, 1, 21);  // last run 2026-10-02 06:00 JST
  const sys_seconds now = at(2026, 11, 10, 3);   // 40 days later, 12:00 JST
  SourceTimer none("bus", daily_at_6(config::ScheduleSpec::CatchUp::None), tokyo());
  none.restore(last, 0, now);
  EXPECT_EQ(none.due_at(), at(2026, 11, 10, 21));  // nothing now; next 06:00 JST

  SourceTimer latest("bus", daily_at_6(config::ScheduleSpec::CatchUp::Latest), tokyo());
  latest.restore(last, 0, now);
  EXPECT_EQ(latest.due_at(), now);
  latest.finished(true, now, now + 1s);
  EXPECT_EQ(latest.due_at(), at(2026, 11, 10, 21));  // one run, then back on schedule

  SourceTimer all("bus", daily_at_6(config::ScheduleSpec::CatchUp::All), tokyo());
  all.restore(last, 0, now);
  int runs = 0;
  sys_seconds t = now;
  while (all.due_at() <= t) {
    ++runs;
    t += 1s;
    all.finished(true, t - 1s, t);
  }
  EXPECT_EQ(runs, 39);  // every missed 06:00 from 10-03 to 11-10 (JST), one after another
  EXPECT_EQ(all.due_at(), at(2026, 11, 10, 21));
}

TEST(SourceTimer, RestoringAFailedHistoryResumesTheRetries) {
  const sys_seconds last = at(2026, 11, 27, 21);
  SourceTimer t("bus", daily_at_6(), tokyo());
  t.restore(last, 1, last + 10s);
  EXPECT_EQ(t.due_at(), last + 60s);  // first retry after the backoff from the failed run's start
  SourceTimer exhausted("bus", daily_at_6(), tokyo());
  exhausted.restore(last, 3, last + 10s);
  EXPECT_EQ(exhausted.due_at(), at(2026, 11, 28, 21));
}

TEST(SourceTimer, IntervalSchedulesKeepTheirCadenceAcrossRestarts) {
  config::ScheduleSpec every;
  every.every = 6h;
  SourceTimer t("tourism", every, tokyo());
  const sys_seconds last = at(2026, 11, 27, 21);  // 06:00 JST slot
  t.restore(last, 0, last + 2h);
  EXPECT_EQ(t.due_at(), at(2026, 11, 28, 3));  // 12:00 JST, whatever time the daemon restarted
}
