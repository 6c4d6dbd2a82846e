// Schedule: interval anchoring, cron slots, jitter bounds and stability, next run, retry backoff,
// and catch-up after a 40-day outage in each mode, with time from a ManualClock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "schedule/schedule.hpp"
#include "time_text.hpp"

namespace sosei::schedule {
namespace {

using config::ScheduleSpec;
using std::chrono::hours;
using std::chrono::minutes;
using testing::local;
using testing::shown;
using testing::utc;

const date::time_zone* tokyo() { return find_time_zone("Asia/Tokyo"); }

ScheduleSpec cron_spec(const std::string& cron, seconds jitter = seconds{0}) {
  ScheduleSpec s;
  s.cron = cron;
  s.jitter = jitter;
  return s;
}

ScheduleSpec every_spec(seconds every, seconds jitter = seconds{0}) {
  ScheduleSpec s;
  s.every = every;
  s.jitter = jitter;
  return s;
}

std::vector<std::string> slots(const Schedule& s, sys_seconds from, size_t n, const date::time_zone* zone) {
  std::vector<std::string> out;
  for (sys_seconds t = from; out.size() < n;) {
    t = s.next_slot(t, zone);
    out.push_back(shown(t, zone));
  }
  return out;
}

TEST(ScheduleInterval, IsAnchoredAtLocalMidnight1970) {
  const Schedule six(every_spec(hours{6}), "tourism");
  EXPECT_EQ(slots(six, local("2025-04-01 10:17", tokyo()), 3, tokyo()),
            (std::vector<std::string>{"2025-04-01 12:00 JST", "2025-04-01 18:00 JST", "2025-04-02 00:00 JST"}));
  const date::time_zone* utc_zone = find_time_zone("UTC");
  EXPECT_EQ(slots(six, utc("2025-04-01 10:17"), 2, utc_zone),
            (std::vector<std::string>{"2025-04-01 12:00 UTC", "2025-04-01 18:00 UTC"}));
  const Schedule daily(every_spec(hours{24}), "tourism");
  EXPECT_EQ(slots(daily, local("2025-04-01 00:00", tokyo()), 1, tokyo()),
            (std::vector<std::string>{"2025-04-02 00:00 JST"}));
}

TEST(ScheduleInterval, RestartsAnywhereKeepTheCadence) {
  // 7 hours does not divide a day: the grid still stays put whenever the daemon (re)starts.
  const Schedule s(every_spec(hours{7}), "bus");
  const sys_seconds first = s.next_slot(utc("2025-06-01 00:00"), tokyo());
  for (int minute = 0; minute < 7 * 60 * 3; minute += 13) {
    const sys_seconds restart = utc("2025-06-01 00:00") + minutes{minute};
    const sys_seconds next = s.next_slot(restart, tokyo());
    EXPECT_GT(next, restart);
    EXPECT_LE(next - restart, hours{7});
    EXPECT_EQ((next - first) % hours{7}, seconds{0}) << minute;
  }
}

TEST(ScheduleInterval, SlotIsStrictlyAfter) {
  const Schedule s(every_spec(hours{1}), "x");
  const date::time_zone* utc_zone = find_time_zone("UTC");
  EXPECT_EQ(s.next_slot(utc("2025-01-01 05:00"), utc_zone), utc("2025-01-01 06:00"));
  EXPECT_EQ(s.next_slot(utc("2025-01-01 04:59:59"), utc_zone), utc("2025-01-01 05:00"));
}

TEST(ScheduleCron, SlotsFollowTheConfiguredZone) {
  const Schedule s(cron_spec("30 6 * * *"), "kama_values");
  EXPECT_EQ(slots(s, local("2025-04-01 07:00", tokyo()), 2, tokyo()),
            (std::vector<std::string>{"2025-04-02 06:30 JST", "2025-04-03 06:30 JST"}));
}

TEST(ScheduleSpecCheck, NeedsExactlyOneOfCronAndEvery) {
  EXPECT_THROW(Schedule(ScheduleSpec{}, "x"), std::invalid_argument);
  ScheduleSpec both = cron_spec("@daily");
  both.every = hours{1};
  EXPECT_THROW(Schedule(both, "x"), std::invalid_argument);
  EXPECT_THROW(Schedule(cron_spec("61 * * * *"), "x"), CronError);
}

TEST(ScheduleJitter, StaysWithinBoundsForManySources) {
  const seconds jitter{600};
  std::set<std::int64_t> seen;
  std::int64_t low = jitter.count(), high = 0;
  for (int i = 0; i < 2000; ++i) {
    const Schedule s(cron_spec("0 5 * * *", jitter), "source_" + std::to_string(i));
    const sys_seconds slot = utc("2025-01-01 20:00") + hours{24 * (i % 50)};
    const seconds j = s.jitter_for(slot);
    ASSERT_GE(j.count(), 0) << i;
    ASSERT_LE(j.count(), jitter.count()) << i;
    seen.insert(j.count());
    low = std::min(low, j.count());
    high = std::max(high, j.count());
  }
  // Spread over the whole range, not clumped: 2000 draws from 601 values.
  EXPECT_LT(low, 10);
  EXPECT_GT(high, 590);
  EXPECT_GT(seen.size(), 400u);
}

TEST(ScheduleJitter, IsFixedPerSourceAndSlot) {
  const Schedule a(cron_spec("0 5 * * *", seconds{600}), "bus_ridership");
  const Schedule a_again(cron_spec("0 5 * * *", seconds{600}), "bus_ridership");
  const Schedule b(cron_spec("0 5 * * *", seconds{600}), "tourism");
  std::set<std::int64_t> per_slot;
  int differ = 0;
  for (int day = 0; day < 30; ++day) {
    const sys_seconds slot = utc("2025-01-01 20:00") + hours{24 * day};
    EXPECT_EQ(a.jitter_for(slot), a_again.jitter_for(slot));
    per_slot.insert(a.jitter_for(slot).count());
    differ += a.jitter_for(slot) != b.jitter_for(slot);
  }
  EXPECT_GT(per_slot.size(), 20u);  // the offset changes from slot to slot
  EXPECT_GT(differ, 25);            // and between sources
  // Known values pin the hash: changing it would move every deployed source's runs.
  EXPECT_EQ(a.jitter_for(utc("2025-01-01 20:00")).count(), 396);  // also computed outside C++ (FNV-1a + splitmix64 mix)
  EXPECT_EQ(b.jitter_for(utc("2025-01-01 20:00")).count(), 269);
}

TEST(ScheduleJitter, ZeroJitterIsZero) {
  const Schedule s(cron_spec("0 5 * * *"), "x");
  EXPECT_EQ(s.jitter_for(utc("2025-01-01 20:00")), seconds{0});
}

TEST(ScheduleNextRun, AddsTheSlotsJitter) {
  const Schedule s(cron_spec("0 5 * * *", seconds{600}), "bus_ridership");
  const sys_seconds after = local("2025-04-01 06:00", tokyo());
  const sys_seconds slot = local("2025-04-02 05:00", tokyo());
  EXPECT_EQ(s.next_run_slot(after, tokyo()), slot);
  EXPECT_EQ(s.next_run(after, tokyo()), slot + s.jitter_for(slot));
  EXPECT_GE(s.next_run(after, tokyo()), slot);
  EXPECT_LE(s.next_run(after, tokyo()), slot + minutes{10});
}

TEST(ScheduleNextRun, ASlotWhoseJitteredStartIsStillAheadComesFirst) {
  // Find a day whose jitter is at least 2 minutes, then ask one minute after its nominal slot: the
  // run of that slot has not started yet.
  const Schedule s(cron_spec("0 5 * * *", seconds{600}), "bus_ridership");
  sys_seconds slot = local("2025-04-02 05:00", tokyo());
  while (s.jitter_for(slot) < minutes{2}) slot += hours{24};
  EXPECT_EQ(s.next_run(slot + minutes{1}, tokyo()), s.due_at(slot));
  // Asked at its start, the run is the next day's.
  EXPECT_EQ(s.next_run_slot(s.due_at(slot), tokyo()), slot + hours{24});
}

TEST(ScheduleRetry, DoublesFromTheBackoffUpToSixHours) {
  ScheduleSpec spec = cron_spec("@daily");
  spec.backoff = seconds{60};
  const Schedule s(spec, "x");
  const std::vector<std::int64_t> expected = {60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600, 21600};
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(s.retry_delay(static_cast<int>(i) + 1).count(), expected[i]) << "attempt " << i + 1;
  EXPECT_EQ(s.retry_delay(1000), kMaxRetryDelay);  // no overflow
  EXPECT_THROW(s.retry_delay(0), std::invalid_argument);

  spec.backoff = hours{4};
  EXPECT_EQ(Schedule(spec, "x").retry_delay(1), hours{4});
  EXPECT_EQ(Schedule(spec, "x").retry_delay(2), hours{6});
  spec.backoff = seconds{0};
  EXPECT_EQ(Schedule(spec, "x").retry_delay(5), seconds{0});
}

// A daily 06:30 JST import that last ran on 2025-01-01; the daemon comes back 40 days later.
class CatchUp : public ::testing::Test {
 protected:
  Schedule daily(ScheduleSpec::CatchUp mode, seconds jitter = seconds{0}) const {
    ScheduleSpec spec = cron_spec("30 6 * * *", jitter);
    spec.catch_up = mode;
    return Schedule(spec, "kama_values");
  }
  std::vector<std::string> shown_all(const std::vector<sys_seconds>& v) const {
    std::vector<std::string> out;
    for (auto t : v) out.push_back(shown(t, tokyo()));
    return out;
  }

  const sys_seconds last_run = local("2025-01-01 06:30", tokyo());
  ManualClock clock{last_run};
};

TEST_F(CatchUp, NoneRunsNothingButSaysSlotsWereMissed) {
  clock.advance(hours{24 * 40} + hours{5});  // 2025-02-10 11:30 JST
  const MissedRuns m = daily(ScheduleSpec::CatchUp::None).missed_runs(last_run, clock.now(), tokyo());
  EXPECT_TRUE(m.slots.empty());
  EXPECT_TRUE(m.skipped);
  EXPECT_EQ(shown(daily(ScheduleSpec::CatchUp::None).next_run(clock.now(), tokyo()), tokyo()), "2025-02-11 06:30 JST");
}

TEST_F(CatchUp, LatestRunsTheNewestMissedSlotOnce) {
  clock.advance(hours{24 * 40} + hours{5});
  const MissedRuns m = daily(ScheduleSpec::CatchUp::Latest).missed_runs(last_run, clock.now(), tokyo());
  EXPECT_EQ(shown_all(m.slots), (std::vector<std::string>{"2025-02-10 06:30 JST"}));
  EXPECT_TRUE(m.skipped);  // 39 older ones are not run
}

TEST_F(CatchUp, AllRunsEveryMissedSlotOldestFirst) {
  clock.advance(hours{24 * 40} + hours{5});
  const MissedRuns m = daily(ScheduleSpec::CatchUp::All).missed_runs(last_run, clock.now(), tokyo());
  ASSERT_EQ(m.slots.size(), 40u);
  EXPECT_EQ(shown(m.slots.front(), tokyo()), "2025-01-02 06:30 JST");
  EXPECT_EQ(shown(m.slots.back(), tokyo()), "2025-02-10 06:30 JST");
  for (size_t i = 1; i < m.slots.size(); ++i) EXPECT_EQ(m.slots[i] - m.slots[i - 1], hours{24});
  EXPECT_FALSE(m.skipped);
}

TEST_F(CatchUp, AllKeepsTheNewestHundred) {
  ScheduleSpec spec = every_spec(hours{1});
  spec.catch_up = ScheduleSpec::CatchUp::All;
  const Schedule hourly(spec, "x");
  clock.advance(hours{24 * 40});  // 960 hourly slots missed
  const MissedRuns m = hourly.missed_runs(last_run, clock.now(), tokyo());
  ASSERT_EQ(m.slots.size(), kMaxCatchUpRuns);
  EXPECT_TRUE(m.skipped);
  EXPECT_EQ(shown(m.slots.back(), tokyo()), "2025-02-10 06:00 JST");
  EXPECT_EQ(m.slots.back() - m.slots.front(), hours{99});
}

TEST_F(CatchUp, MinutelyScheduleOverYearsStaysCheap) {
  // 400 days of a minutely schedule are 576,000 slots; only the newest hundred are looked for.
  ScheduleSpec spec = cron_spec("* * * * *");
  spec.catch_up = ScheduleSpec::CatchUp::All;
  clock.advance(hours{24 * 400});
  const MissedRuns m = Schedule(spec, "x").missed_runs(last_run, clock.now(), tokyo());
  ASSERT_EQ(m.slots.size(), kMaxCatchUpRuns);
  EXPECT_EQ(m.slots.back(), clock.now());
  EXPECT_TRUE(m.skipped);
}

TEST_F(CatchUp, NothingMissedBeforeTheNextSlot) {
  clock.advance(hours{23});  // 2025-01-02 05:30 JST: the next slot (06:30) is ahead
  for (auto mode : {ScheduleSpec::CatchUp::None, ScheduleSpec::CatchUp::Latest, ScheduleSpec::CatchUp::All}) {
    const MissedRuns m = daily(mode).missed_runs(last_run, clock.now(), tokyo());
    EXPECT_TRUE(m.slots.empty());
    EXPECT_FALSE(m.skipped);
  }
  EXPECT_TRUE(daily(ScheduleSpec::CatchUp::All).missed_runs(last_run, last_run, tokyo()).slots.empty());
}

TEST_F(CatchUp, ASlotIsMissedOnlyOnceItsJitteredStartHasPassed) {
  const Schedule s = daily(ScheduleSpec::CatchUp::All, minutes{30});
  const sys_seconds jittered_last = s.due_at(last_run);  // with jitter, the last run started here
  const sys_seconds slot = local("2025-01-02 06:30", tokyo());
  clock.set(s.due_at(slot) - seconds{1});
  EXPECT_TRUE(s.missed_runs(jittered_last, clock.now(), tokyo()).slots.empty());
  clock.advance(seconds{1});
  EXPECT_EQ(s.missed_runs(jittered_last, clock.now(), tokyo()).slots, (std::vector<sys_seconds>{slot}));
  // Counted from the nominal 06:30 instead, the previous day's jittered start was missed too.
  EXPECT_EQ(s.missed_runs(last_run, clock.now(), tokyo()).slots.size(), 2u);
}

TEST(Clocks, ManualClockMovesOnlyWhenTold) {
  ManualClock c(utc("2025-01-01 00:00"));
  EXPECT_EQ(c.now(), utc("2025-01-01 00:00"));
  c.advance(hours{25});
  EXPECT_EQ(c.now(), utc("2025-01-02 01:00"));
  c.set(utc("2030-06-01 12:00"));
  const Clock& as_clock = c;
  EXPECT_EQ(as_clock.now(), utc("2030-06-01 12:00"));
}

TEST(Clocks, SystemClockIsWholeSecondsOfTheSystemTime) {
  const SystemClock c;
  const auto before = std::chrono::floor<seconds>(std::chrono::system_clock::now());
  const sys_seconds now = c.now();
  const auto after = std::chrono::system_clock::now();
  EXPECT_GE(now, before);
  EXPECT_LE(now, after);
}

}  // namespace
}  // namespace sosei::schedule
