// Schedules in words (text/schedule_text.hpp): the common shapes worded in both languages, everything
// else left as the expression, never paraphrased wrongly.
#include "text/schedule_text.hpp"

#include <gtest/gtest.h>

namespace sosei::text {
namespace {

struct Case {
  const char* cron;
  const char* ja;
  const char* en;
};

TEST(ScheduleText, CommonShapesReadAsWords) {
  const Case cases[] = {
      {"30 6 * * *", "毎日 6:30", "daily 06:30"},
      {"0 7 * * mon", "毎週月曜 7:00", "Mondays 07:00"},
      {"0 7 * * MON", "毎週月曜 7:00", "Mondays 07:00"},
      {"0 5 * * 1,4", "毎週月・木曜 5:00", "Mondays, Thursdays 05:00"},
      {"0 5 * * sun,sat", "毎週土・日曜 5:00", "Saturdays, Sundays 05:00"},
      {"0 5 * * 7", "毎週日曜 5:00", "Sundays 05:00"},
      {"15 8 * * mon-fri", "毎週月〜金曜 8:15", "Mondays to Fridays 08:15"},
      {"15 8 * * 0-6", "毎日 8:15", "daily 08:15"},
      {"0 7 5 * *", "毎月5日 7:00", "monthly, day 5, 07:00"},
      {"0 7 1 sep *", "毎年9月1日 7:00", "yearly, 1 Sep, 07:00"},
      {"0 23 28 2 *", "毎年2月28日 23:00", "yearly, 28 Feb, 23:00"},
      {"0  6   * *  *", "毎日 6:00", "daily 06:00"},
      {"@daily", "毎日 0:00", "daily 00:00"},
      {"@midnight", "毎日 0:00", "daily 00:00"},
      {"@weekly", "毎週日曜 0:00", "Sundays 00:00"},
      {"@monthly", "毎月1日 0:00", "monthly, day 1, 00:00"},
      {"@yearly", "毎年1月1日 0:00", "yearly, 1 Jan, 00:00"},
      {"every 21600s", "6時間ごと", "every 6 h"},
      {"every 86400s", "1日ごと", "every 1 day"},
      {"every 172800s", "2日ごと", "every 2 days"},
      {"every 5400s", "90分ごと", "every 90 min"},
      {"every 45s", "45秒ごと", "every 45 s"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(schedule_text(c.cron, Lang::Ja), c.ja) << c.cron;
    EXPECT_EQ(schedule_text(c.cron, Lang::En), c.en) << c.cron;
  }
}

TEST(ScheduleText, OtherShapesStayAsWritten) {
  // Steps, lists and ranges of minutes or hours, both day fields (cron's either-day rule), a weekday
  // in some months, a day step, @hourly: a paraphrase would be long or wrong, the expression is exact.
  for (const char* cron : {"*/15 * * * *",
                           "0 6,18 * * *",
                           "0 8-18/2 * * *",
                           "0 0 1 * mon",
                           "0 7 * 4 mon",
                           "0 0 */2 * *",
                           "0 0 1-7 * *",
                           "0 0 1 1,4 *",
                           "0 7 * * mon/2",
                           "@hourly",
                           "0 7 * *",
                           "0 7 * * * *",
                           "",
                           "60 7 * * *",
                           "0 24 * * *",
                           "0 7 32 * *",
                           "0 7 1 13 *",
                           "0 7 * * fri-mon",
                           "0 7 1 foo *",
                           "every 0s",
                           "every s",
                           "every 6h",
                           "every -5s"}) {
    EXPECT_EQ(schedule_text(cron, Lang::Ja), cron);
    EXPECT_EQ(schedule_text(cron, Lang::En), cron);
  }
}

}  // namespace
}  // namespace sosei::text
