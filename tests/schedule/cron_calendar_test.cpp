// Calendar edges of cron matching in UTC: month ends, leap days, the day-of-month / day-of-week OR
// rule (and its AND form when a day field starts with `*`).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "schedule/cron_expression.hpp"
#include "time_text.hpp"

namespace sosei::schedule {
namespace {

using testing::shown_utc;
using testing::utc;

std::vector<std::string> days_of_runs(const std::string& expression, const std::string& from, size_t count) {
  const CronExpression cron = CronExpression::parse(expression);
  const date::time_zone* zone = find_time_zone("UTC");
  std::vector<std::string> out;
  std::chrono::sys_seconds t = utc(from);
  while (out.size() < count) {
    t = cron.next_after(t, zone);
    out.push_back(shown_utc(t).substr(0, 10));
  }
  return out;
}

struct Case {
  const char* name;
  const char* expression;
  const char* from;
  std::vector<std::string> days;
};

class CronCalendar : public ::testing::TestWithParam<Case> {};

TEST_P(CronCalendar, RunsOnTheseDays) {
  const Case& c = GetParam();
  EXPECT_EQ(days_of_runs(c.expression, c.from, c.days.size()), c.days) << c.expression;
}

INSTANTIATE_TEST_SUITE_P(
    MonthEnds, CronCalendar,
    ::testing::Values(
        // The 31st exists in 7 months: February and the 30-day months are skipped, not moved.
        Case{"day31",
             "0 0 31 * *",
             "2025-01-31 00:00",
             {"2025-03-31", "2025-05-31", "2025-07-31", "2025-08-31", "2025-10-31", "2025-12-31", "2026-01-31"}},
        Case{"day30SkipsFebruary", "0 0 30 * *", "2025-01-30 00:00", {"2025-03-30", "2025-04-30"}},
        Case{"day29InANonLeapYear", "0 0 29 * *", "2025-01-29 00:00", {"2025-03-29"}},
        Case{"day29InALeapYear", "0 0 29 * *", "2024-01-29 00:00", {"2024-02-29", "2024-03-29"}},
        Case{"lastDayOfYear", "0 0 31 12 *", "2025-06-01 00:00", {"2025-12-31", "2026-12-31"}},
        Case{"day31OfMonthsWith31", "0 0 31 1-12 *", "2025-04-01 00:00", {"2025-05-31", "2025-07-31"}}),
    [](const auto& info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(
    LeapDays, CronCalendar,
    ::testing::Values(Case{"from2025", "0 0 29 2 *", "2025-01-01 00:00", {"2028-02-29", "2032-02-29", "2036-02-29"}},
                      Case{"fromALeapDay", "0 0 29 2 *", "2024-02-29 00:00", {"2028-02-29"}},
                      Case{"beforeItInALeapYear", "0 0 29 feb *", "2024-02-28 23:59", {"2024-02-29"}},
                      // 2100 is not a leap year (divisible by 100, not by 400); 2000 was.
                      Case{"centuryIsNotLeap", "0 0 29 2 *", "2096-03-01 00:00", {"2104-02-29"}},
                      Case{"year2000WasLeap", "0 0 29 2 *", "1999-01-01 00:00", {"2000-02-29", "2004-02-29"}},
                      // AND form: Feb 29 that is a Sunday: 2032, 2060, 2088, then 2128 (no 2100).
                      Case{"leapDayOnASunday",
                           "0 0 29 2 */7",
                           "2025-01-01 00:00",
                           {"2032-02-29", "2060-02-29", "2088-02-29", "2128-02-29"}}),
    [](const auto& info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(
    DayFields, CronCalendar,
    ::testing::Values(
        // Both restricted: the 13th OR any Friday (2025-01-03, 10 and 17 are Fridays, the 13th a Monday).
        Case{"orRule", "0 0 13 * fri", "2025-01-01 00:00", {"2025-01-03", "2025-01-10", "2025-01-13", "2025-01-17"}},
        Case{"orRuleWithNames",
             "0 0 1,15 * sat",
             "2025-02-01 00:00",
             {"2025-02-08", "2025-02-15", "2025-02-22", "2025-03-01"}},
        // Feb 30 never exists but Mondays in February do: with the OR rule this is valid.
        Case{"orRuleRescuesAMissingDay", "0 0 30 feb mon", "2025-01-01 00:00", {"2025-02-03", "2025-02-10"}},
        // Day of month `*`: only the weekday counts.
        Case{"weekdayOnly", "0 0 * * mon", "2025-01-01 00:00", {"2025-01-06", "2025-01-13"}},
        // Day of week `*`: only the day of month counts.
        Case{"dayOfMonthOnly", "0 0 13 * *", "2025-01-01 00:00", {"2025-01-13", "2025-02-13"}},
        // A day field starting with `*` counts as unrestricted (Vixie): both must match. Odd days that
        // are Mondays: Jan 13 and 27, Feb 3 and 17.
        Case{"starStepMeansAnd",
             "0 0 */2 * mon",
             "2025-01-01 00:00",
             {"2025-01-13", "2025-01-27", "2025-02-03", "2025-02-17"}},
        // The 1st only when it is a Sunday: `*/7` (= Sunday) starts with `*`, so both must match.
        Case{"sundayThe1stViaStarStep", "0 0 1 * */7", "2025-01-01 00:00", {"2025-06-01", "2026-02-01"}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(CronCalendar, SearchStopsAtTheYear9999) {
  const date::time_zone* zone = find_time_zone("UTC");
  EXPECT_EQ(testing::shown_utc(CronExpression::parse("0 0 1 1 *").next_after(utc("9998-06-01 00:00"), zone)),
            "9999-01-01 00:00 UTC");
  // Feb 29 on a Sunday after 9996 would be in 10000 or later.
  EXPECT_THROW(CronExpression::parse("0 0 29 2 */7").next_after(utc("9997-01-01 00:00"), zone), std::out_of_range);
}

TEST(CronCalendar, MatchesDayAndTimeDirectly) {
  const CronExpression cron = CronExpression::parse("30 6 13 * fri");
  using date::year;
  EXPECT_TRUE(cron.matches_day(year{2025} / 6 / 13));   // a Friday and the 13th
  EXPECT_TRUE(cron.matches_day(year{2025} / 1 / 13));   // the 13th (a Monday)
  EXPECT_TRUE(cron.matches_day(year{2025} / 1 / 3));    // a Friday
  EXPECT_FALSE(cron.matches_day(year{2025} / 1 / 14));  // neither
  EXPECT_TRUE(cron.matches_time(6, 30));
  EXPECT_FALSE(cron.matches_time(6, 31));
  EXPECT_FALSE(cron.matches_time(7, 30));
  EXPECT_FALSE(cron.matches_time(24, 30));
}

}  // namespace
}  // namespace sosei::schedule
