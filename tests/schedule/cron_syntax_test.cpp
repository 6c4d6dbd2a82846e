// Every cron syntax form, shown by the runs it produces in UTC, and every parse error with its field
// and message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "schedule/cron_expression.hpp"
#include "time_text.hpp"

namespace sosei::schedule {
namespace {

using ::testing::HasSubstr;
using testing::shown_utc;
using testing::utc;

// The first runs of `expression` strictly after `from`, in UTC.
std::vector<std::string> runs(const std::string& expression, const std::string& from, size_t count) {
  const CronExpression cron = CronExpression::parse(expression);
  const date::time_zone* zone = find_time_zone("UTC");
  std::vector<std::string> out;
  std::chrono::sys_seconds t = utc(from);
  while (out.size() < count) {
    t = cron.next_after(t, zone);
    out.push_back(shown_utc(t).substr(0, 16));
  }
  return out;
}

struct Runs {
  const char* expression;
  const char* from;  // UTC; 2025-01-01 is a Wednesday
  std::vector<std::string> expected;
};

class CronSyntax : public ::testing::TestWithParam<Runs> {};

TEST_P(CronSyntax, ProducesTheseRuns) {
  const Runs& r = GetParam();
  EXPECT_EQ(runs(r.expression, r.from, r.expected.size()), r.expected) << r.expression;
}

INSTANTIATE_TEST_SUITE_P(
    Fields, CronSyntax,
    ::testing::Values(
        Runs{"* * * * *", "2025-01-01 00:00", {"2025-01-01 00:01", "2025-01-01 00:02", "2025-01-01 00:03"}},
        // Strictly after: a start on a matching minute is not returned; seconds are dropped.
        Runs{"0 6 * * *", "2025-01-01 06:00", {"2025-01-02 06:00"}},
        Runs{"0 6 * * *", "2025-01-01 05:59:59", {"2025-01-01 06:00"}},
        Runs{"0 6 * * *", "2025-01-01 06:00:01", {"2025-01-02 06:00"}},
        Runs{"*/15 * * * *",
             "2025-01-01 00:00",
             {"2025-01-01 00:15", "2025-01-01 00:30", "2025-01-01 00:45", "2025-01-01 01:00"}},
        Runs{"1-30/10 * * * *",
             "2025-01-01 00:00",
             {"2025-01-01 00:01", "2025-01-01 00:11", "2025-01-01 00:21", "2025-01-01 01:01"}},
        Runs{"5/20 * * * *",
             "2025-01-01 00:00",
             {"2025-01-01 00:05", "2025-01-01 00:25", "2025-01-01 00:45", "2025-01-01 01:05"}},
        Runs{"0,30 9-10 * * *",
             "2025-01-01 00:00",
             {"2025-01-01 09:00", "2025-01-01 09:30", "2025-01-01 10:00", "2025-01-01 10:30", "2025-01-02 09:00"}},
        Runs{"0 8,12-13,20 * * *",
             "2025-01-01 00:00",
             {"2025-01-01 08:00", "2025-01-01 12:00", "2025-01-01 13:00", "2025-01-01 20:00"}},
        Runs{"0 0 */10 * *",
             "2025-01-01 00:00",
             {"2025-01-11 00:00", "2025-01-21 00:00", "2025-01-31 00:00", "2025-02-01 00:00"}},
        Runs{"00 06 * * *", "2025-01-01 00:00", {"2025-01-01 06:00"}},        // leading zeros
        Runs{"  0\t6  * *   *  ", "2025-01-01 00:00", {"2025-01-01 06:00"}},  // any blanks between fields
        Runs{"0 12 * * mon-fri", "2025-01-03 13:00", {"2025-01-06 12:00", "2025-01-07 12:00"}},
        Runs{"0 12 * * SAT,sun", "2025-01-01 00:00", {"2025-01-04 12:00", "2025-01-05 12:00", "2025-01-11 12:00"}},
        Runs{"0 0 * * */2",
             "2025-01-01 00:00",  // 0,2,4,6: Sun Tue Thu Sat
             {"2025-01-02 00:00", "2025-01-04 00:00", "2025-01-05 00:00", "2025-01-07 00:00"}},
        Runs{"0 0 * * 5-7",
             "2025-01-01 00:00",
             {"2025-01-03 00:00", "2025-01-04 00:00", "2025-01-05 00:00", "2025-01-10 00:00"}},
        Runs{"0 0 * jan,Jul *", "2025-02-01 00:00", {"2025-07-01 00:00", "2025-07-02 00:00"}},
        Runs{"0 0 1 JAN-mar *", "2025-01-15 00:00", {"2025-02-01 00:00", "2025-03-01 00:00", "2026-01-01 00:00"}},
        Runs{"0 0 1 */4 *", "2025-01-01 00:00", {"2025-05-01 00:00", "2025-09-01 00:00", "2026-01-01 00:00"}},
        Runs{"59 23 31 12 *", "2025-01-01 00:00", {"2025-12-31 23:59", "2026-12-31 23:59"}}));

// Day of week 0, 7 and sun are the same day.
INSTANTIATE_TEST_SUITE_P(
    Sunday, CronSyntax,
    ::testing::Values(Runs{"0 0 * * 0", "2025-01-01 00:00", {"2025-01-05 00:00", "2025-01-12 00:00"}},
                      Runs{"0 0 * * 7", "2025-01-01 00:00", {"2025-01-05 00:00", "2025-01-12 00:00"}},
                      Runs{"0 0 * * sun", "2025-01-01 00:00", {"2025-01-05 00:00", "2025-01-12 00:00"}},
                      Runs{"0 0 * * 0,7", "2025-01-01 00:00", {"2025-01-05 00:00", "2025-01-12 00:00"}},
                      Runs{"0 0 * * 6-7", "2025-01-01 00:00", {"2025-01-04 00:00", "2025-01-05 00:00"}},
                      Runs{"0 0 * * */7", "2025-01-01 00:00", {"2025-01-05 00:00", "2025-01-12 00:00"}}));

INSTANTIATE_TEST_SUITE_P(
    Macros, CronSyntax,
    ::testing::Values(Runs{"@hourly", "2025-01-01 00:10", {"2025-01-01 01:00", "2025-01-01 02:00"}},
                      Runs{"@daily", "2025-01-01 00:10", {"2025-01-02 00:00", "2025-01-03 00:00"}},
                      Runs{"@midnight", "2025-01-01 00:10", {"2025-01-02 00:00"}},
                      Runs{"@DAILY", "2025-01-01 00:10", {"2025-01-02 00:00"}},
                      Runs{" @weekly ", "2025-01-01 00:00", {"2025-01-05 00:00", "2025-01-12 00:00"}},
                      Runs{"@monthly", "2025-01-01 00:00", {"2025-02-01 00:00", "2025-03-01 00:00"}},
                      Runs{"@yearly", "2025-01-01 00:00", {"2026-01-01 00:00"}},
                      Runs{"@annually", "2025-01-01 00:00", {"2026-01-01 00:00"}}));

TEST(CronText, IsKeptTrimmed) {
  EXPECT_EQ(CronExpression::parse("  30 6 * * *\t").text(), "30 6 * * *");
  EXPECT_EQ(CronExpression::parse("@daily").text(), "@daily");
}

struct Refused {
  const char* expression;
  int field;  // 0: the whole expression
  const char* message;
};

class CronErrors : public ::testing::TestWithParam<Refused> {};

TEST_P(CronErrors, SayWhichFieldAndWhatIsAllowed) {
  const Refused& r = GetParam();
  try {
    CronExpression::parse(r.expression);
    ADD_FAILURE() << "'" << r.expression << "' was accepted";
  } catch (const CronError& e) {
    EXPECT_EQ(e.field(), r.field) << e.what();
    EXPECT_THAT(e.what(), HasSubstr(r.message)) << r.expression;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Syntax, CronErrors,
    ::testing::Values(
        Refused{"", 0, "empty cron expression; expected 5 fields"}, Refused{"   ", 0, "empty cron expression"},
        Refused{"* * * *", 0, "expected 5 fields (minute hour day-of-month month day-of-week), found 4"},
        Refused{"0 * * * * *", 0, "found 6"}, Refused{"@daily extra", 0, "found 2"},
        Refused{"@reboot", 0, "unknown macro '@reboot'; expected one of @hourly"},
        Refused{"@daily * * * *", 1, "field 1 (minute): '@daily' is not a number; expected 0-59"},
        Refused{"60 * * * *", 1, "field 1 (minute): 60 is outside 0-59"},
        Refused{"9999999999 * * * *", 1, "field 1 (minute): 9999999999 is outside 0-59"},
        Refused{"-1 * * * *", 1, "field 1 (minute): a value is missing; expected 0-59"},
        Refused{"jan * * * *", 1, "field 1 (minute): 'jan' is not a number; expected 0-59"},
        Refused{"* 24 * * *", 2, "field 2 (hour): 24 is outside 0-23"},
        Refused{"0 0 32 * *", 3, "field 3 (day of month): 32 is outside 1-31"},
        Refused{"0 0 0 * *", 3, "field 3 (day of month): 0 is outside 1-31"},
        Refused{"0 0 L * *", 3, "field 3 (day of month): 'L' is not a number; expected 1-31"},
        Refused{"0 0 ? * *", 3, "'?' is not a number"},
        Refused{"0 0 * 13 *", 4, "field 4 (month): 13 is outside 1-12 or jan-dec"},
        Refused{"0 0 * 0 *", 4, "field 4 (month): 0 is outside 1-12 or jan-dec"},
        Refused{"0 0 * foo *", 4, "field 4 (month): 'foo' is not a number or a name; expected 1-12 or jan-dec"},
        Refused{"0 0 * january *", 4, "'january' is not a number or a name"},
        Refused{"0 0 * * 8", 5, "field 5 (day of week): 8 is outside 0-7 or sun-sat, 0 and 7 being Sunday"},
        Refused{"0 0 * * monday", 5, "field 5 (day of week): 'monday' is not a number or a name"}));

INSTANTIATE_TEST_SUITE_P(
    ListsRangesSteps, CronErrors,
    ::testing::Values(
        Refused{"1,,2 * * * *", 1, "field 1 (minute): empty item in a list"},
        Refused{"1, * * * *", 1, "empty item in a list"}, Refused{",1 * * * *", 1, "empty item in a list"},
        Refused{"1- * * * *", 1, "a value is missing"},
        Refused{"1-2-3 * * * *", 1, "'1-2-3' is not a range; write N-M"},
        Refused{"*-5 * * * *", 1, "'*-5': '*' cannot be part of a range"},
        Refused{"30-10 * * * *", 1, "range 30-10 goes backwards (cron ranges do not wrap around); write 30-59,0-10"},
        Refused{"0 22-2 * * *", 2, "range 22-2 goes backwards (cron ranges do not wrap around); write 22-23,0-2"},
        Refused{"0 0 * nov-feb *", 4, "write nov-dec,jan-feb"},
        Refused{"0 0 * * fri-mon", 5, "field 5 (day of week): range fri-mon goes backwards"},
        Refused{"0 0 * * fri-mon", 5, "write fri-sat,sun-mon"},
        Refused{"*/0 * * * *", 1, "field 1 (minute): step 0 is outside 1-59"},
        Refused{"*/60 * * * *", 1, "step 60 is outside 1-59"},
        Refused{"0 */24 * * *", 2, "field 2 (hour): step 24 is outside 1-23"},
        Refused{"0 0 * * */8", 5, "step 8 is outside 1-7"},
        Refused{"*/x * * * *", 1, "step 'x' is not a number; expected 1-59"},
        Refused{"*/ * * * *", 1, "step '' is not a number"}, Refused{"/5 * * * *", 1, "a value is missing"},
        Refused{"1/2/3 * * * *", 1, "'1/2/3' has more than one '/'"}));

// Refused at parse time because no date ever has them; the search would otherwise run for ever.
INSTANTIATE_TEST_SUITE_P(
    NeverMatches, CronErrors,
    ::testing::Values(Refused{"0 0 30 feb *", 0,
                              "never matches: no month in field 4 ('feb') has a day in field 3 ('30')"},
                      Refused{"0 0 30,31 2 *", 0, "never matches"},
                      Refused{"0 0 31 apr,jun,sep,nov *", 0, "never matches"},
                      // `*/7` starts with `*`: both day fields must match, and Feb 31 never exists.
                      Refused{"0 0 31 2 */7", 0, "never matches"}));

}  // namespace
}  // namespace sosei::schedule
