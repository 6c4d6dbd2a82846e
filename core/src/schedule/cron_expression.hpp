// A 5-field cron expression (minute hour day-of-month month day-of-week, Vixie cron syntax) and the
// next minute it matches in a time zone's local time.
#pragma once

#include <date/tz.h>

#include <bitset>
#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sosei::schedule {

// A cron text that cannot be used. what() says which field, the text and what is allowed:
// "field 3 (day of month): 32 is outside 1-31". field() is 1-5, or 0 for the whole expression.
class CronError : public std::invalid_argument {
 public:
  CronError(int field, const std::string& message) : std::invalid_argument(message), field_(field) {}
  int field() const { return field_; }

 private:
  int field_;
};

// Syntax, as Vixie cron (crontab(5)):
//   fields   minute 0-59, hour 0-23, day of month 1-31, month 1-12 or jan-dec, day of week 0-7 or
//            sun-sat (0 and 7 are Sunday); names are three letters, any case
//   items    `*`, `N`, `N-M`, any of these with `/STEP` (`*/15`, `1-30/2`; `5/10` = `5-59/10`),
//            and comma lists of them (`1,15,20-25`)
//   macros   @hourly @daily (= @midnight) @weekly @monthly @yearly (= @annually)
// Day rule: when both day fields are restricted, a day matches if EITHER matches (`0 0 1 * mon` runs
// on the 1st and on every Monday). As in Vixie cron, a day field that starts with `*` (also `*/2`)
// counts as unrestricted, and then both must match (`0 0 */2 * mon` = odd-numbered days that are
// Mondays).
// An expression that can never match (`0 0 30 feb *`, `0 0 31 apr,jun *`) is refused by parse().
class CronExpression {
 public:
  // Throws CronError.
  static CronExpression parse(std::string_view text);

  const std::string& text() const { return text_; }

  // The first instant strictly after `t` whose local time in `zone` matches, to the minute.
  // Time-zone transitions (a zone with daylight saving time; Asia/Tokyo has none):
  //   - a matching local time that does not exist (skipped by a spring-forward gap, e.g. 02:30 in
  //     America/New_York on 2025-03-09) runs once, at the first instant after the gap (03:00 EDT);
  //     several matches inside one gap collapse into that single run;
  //   - a local time that occurs twice (the fall-back overlap, 01:00-01:59 in New York on
  //     2025-11-02) runs once, at its first occurrence (EDT). A job every 15 minutes therefore pauses
  //     during the repeated hour instead of running twice.
  // The zone's rules come from the OS time-zone database (/usr/share/zoneinfo, Debian's tzdata).
  // Every parsed expression matches within 400 years; throws std::out_of_range only when the search
  // would pass the year 9999 (a start time near it, or a test feeding its own answers back for ever).
  std::chrono::sys_seconds next_after(std::chrono::sys_seconds t, const date::time_zone* zone) const;

  // Whether a local calendar day and a local time of day (minute precision) match.
  bool matches_day(date::year_month_day day) const;
  bool matches_time(int hour, int minute) const;

 private:
  CronExpression() = default;

  std::string text_;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_;     // 1-31
  std::bitset<13> months_;   // 1-12
  std::bitset<7> weekdays_;  // 0 = Sunday
  bool days_restricted_ = false;
  bool weekdays_restricted_ = false;
};

}  // namespace sosei::schedule
