// Cron in a zone's local time: Asia/Tokyo against UTC, and daylight-saving gaps and overlaps in
// America/New_York (spring forward 2025-03-09 02:00→03:00, fall back 2025-11-02 02:00→01:00).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "schedule/cron_expression.hpp"
#include "time_text.hpp"

namespace sosei::schedule {
namespace {

using testing::local;
using testing::shown;
using testing::utc;

// Runs of `expression` in `zone` strictly after `from` (UTC) up to and including `until` (UTC),
// shown in the zone.
std::vector<std::string> runs_between(const std::string& expression, const char* zone_name, const std::string& from,
                                      const std::string& until) {
  const CronExpression cron = CronExpression::parse(expression);
  const date::time_zone* zone = find_time_zone(zone_name);
  std::vector<std::string> out;
  for (auto t = cron.next_after(utc(from), zone); t <= utc(until); t = cron.next_after(t, zone))
    out.push_back(shown(t, zone));
  return out;
}

TEST(CronZone, TokyoIsNineHoursAheadOfUtc) {
  const CronExpression cron = CronExpression::parse("30 6 * * *");
  const auto from = utc("2025-04-01 00:00");  // 09:00 JST: today's 06:30 JST has passed
  const auto tokyo = cron.next_after(from, find_time_zone("Asia/Tokyo"));
  const auto in_utc = cron.next_after(from, find_time_zone("UTC"));
  EXPECT_EQ(testing::shown_utc(tokyo), "2025-04-01 21:30 UTC");
  EXPECT_EQ(shown(tokyo, find_time_zone("Asia/Tokyo")), "2025-04-02 06:30 JST");
  EXPECT_EQ(testing::shown_utc(in_utc), "2025-04-01 06:30 UTC");
}

TEST(CronZone, DayAndMonthFollowLocalTime) {
  // 2025-02-28 16:00 UTC is already March 1st 01:00 in Tokyo: the monthly run on the 1st at 00:00
  // JST happened 1 hour earlier, at 15:00 UTC on Feb 28.
  const CronExpression cron = CronExpression::parse("0 0 1 * *");
  const date::time_zone* tokyo = find_time_zone("Asia/Tokyo");
  EXPECT_EQ(testing::shown_utc(cron.next_after(utc("2025-02-28 14:59"), tokyo)), "2025-02-28 15:00 UTC");
  EXPECT_EQ(shown(cron.next_after(utc("2025-02-28 16:00"), tokyo), tokyo), "2025-04-01 00:00 JST");
  // Weekdays too: Monday 00:30 JST is Sunday 15:30 UTC.
  const CronExpression monday = CronExpression::parse("30 0 * * mon");
  EXPECT_EQ(testing::shown_utc(monday.next_after(utc("2025-01-01 00:00"), tokyo)), "2025-01-05 15:30 UTC");
}

TEST(CronZone, ATimeInTheSpringGapRunsOnceWhenTheGapEnds) {
  // 02:30 does not exist on 2025-03-09 in New York: the job runs at 03:00 EDT, then normally.
  EXPECT_EQ(runs_between("30 2 * * *", "America/New_York", "2025-03-08 12:00", "2025-03-10 12:00"),
            (std::vector<std::string>{"2025-03-09 03:00 EDT", "2025-03-10 02:30 EDT"}));
  const date::time_zone* ny = find_time_zone("America/New_York");
  EXPECT_EQ(CronExpression::parse("30 2 * * *").next_after(utc("2025-03-09 06:59"), ny), utc("2025-03-09 07:00"));
}

TEST(CronZone, SeveralTimesInTheGapCollapseIntoOneRun) {
  // 02:00, 02:15, 02:30, 02:45 and 03:00 all map to 03:00 EDT: one run there, none lost after it.
  EXPECT_EQ(runs_between("*/15 * * * *", "America/New_York", "2025-03-09 06:30", "2025-03-09 07:30"),
            (std::vector<std::string>{"2025-03-09 01:45 EST", "2025-03-09 03:00 EDT", "2025-03-09 03:15 EDT",
                                      "2025-03-09 03:30 EDT"}));
}

TEST(CronZone, ATimeInTheRepeatedHourRunsOnceAtItsFirstOccurrence) {
  // 01:30 happens twice on 2025-11-02 (EDT, then EST): one run, at 01:30 EDT = 05:30 UTC.
  EXPECT_EQ(runs_between("30 1 * * *", "America/New_York", "2025-11-01 12:00", "2025-11-03 12:00"),
            (std::vector<std::string>{"2025-11-02 01:30 EDT", "2025-11-03 01:30 EST"}));
  // Asked from inside the second 01:xx hour, the run already happened: the next one is tomorrow.
  const date::time_zone* ny = find_time_zone("America/New_York");
  EXPECT_EQ(testing::shown_utc(CronExpression::parse("30 1 * * *").next_after(utc("2025-11-02 06:10"), ny)),
            "2025-11-03 06:30 UTC");
}

TEST(CronZone, FrequentJobsPauseDuringTheRepeatedHour) {
  // Each local time runs once, so after 01:30 EDT the next run is 02:00 EST, 90 minutes later.
  EXPECT_EQ(runs_between("*/30 * * * *", "America/New_York", "2025-11-02 04:45", "2025-11-02 07:30"),
            (std::vector<std::string>{"2025-11-02 01:00 EDT", "2025-11-02 01:30 EDT", "2025-11-02 02:00 EST",
                                      "2025-11-02 02:30 EST"}));
}

TEST(CronZone, HourlyRunsPerLocalDayAcrossTransitions) {
  const date::time_zone* ny = find_time_zone("America/New_York");
  auto count_day = [&](const std::string& day, const std::string& next_day) {
    const CronExpression cron = CronExpression::parse("0 * * * *");
    const auto begin = local(day + " 00:00", ny) - std::chrono::seconds{1};
    const auto end = local(next_day + " 00:00", ny);
    int n = 0;
    for (auto t = cron.next_after(begin, ny); t < end; t = cron.next_after(t, ny)) ++n;
    return n;
  };
  EXPECT_EQ(count_day("2025-03-08", "2025-03-09"), 24);
  EXPECT_EQ(count_day("2025-03-09", "2025-03-10"), 23);  // 23-hour day: 02:00 does not exist
  EXPECT_EQ(count_day("2025-11-02", "2025-11-03"), 24);  // 25-hour day: 01:00 runs once
}

TEST(CronZone, UnknownZoneNamesTheZoneAndTheFix) {
  try {
    find_time_zone("Asia/Tokio");
    ADD_FAILURE() << "Asia/Tokio was found";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("unknown time zone 'Asia/Tokio'"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("such as Asia/Tokyo"));
  }
}

}  // namespace
}  // namespace sosei::schedule
