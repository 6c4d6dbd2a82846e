// CronExpression matching and the search for the next matching minute in a zone's local time.
#include "schedule/cron_expression.hpp"

#include <algorithm>
#include <stdexcept>

namespace sosei::schedule {

bool CronExpression::matches_day(date::year_month_day day) const {
  if (!months_[static_cast<unsigned>(day.month())]) return false;
  const bool dom = days_[static_cast<unsigned>(day.day())];
  const bool dow = weekdays_[date::weekday(day).c_encoding()];
  return days_restricted_ && weekdays_restricted_ ? (dom || dow) : (dom && dow);
}

bool CronExpression::matches_time(int hour, int minute) const {
  return hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && hours_[static_cast<size_t>(hour)] &&
         minutes_[static_cast<size_t>(minute)];
}

std::chrono::sys_seconds CronExpression::next_after(std::chrono::sys_seconds t, const date::time_zone* zone) const {
  using std::chrono::hours;
  using std::chrono::minutes;
  // Candidates are local minutes in increasing order. Mapping a local time to an instant (earliest
  // occurrence; a time in a gap → the end of the gap) never goes backwards, so no local time before
  // the one `t` shows can map after `t`, and the first candidate that maps after `t` is the answer.
  // Candidates that map to `t` or earlier (the repeated hour's second pass, or several times in one
  // gap) were due already and are skipped: each local time runs once.
  const date::local_seconds start = date::floor<minutes>(zone->to_local(t));
  date::local_days day = date::floor<date::days>(start);
  // Every parsed expression matches within one 400-year Gregorian cycle (parse() refuses the rest).
  // The calendar arithmetic is only valid up to year 9999, which also bounds absurd start times.
  const date::local_days stop =
      std::min(day + date::days{146097 + 1}, date::local_days{date::year{9999} / date::December / 31});
  while (day < stop) {
    const date::year_month_day ymd{day};
    if (!months_[static_cast<unsigned>(ymd.month())]) {
      day = date::local_days{date::year_month_day{ymd.year() / ymd.month() / 1} + date::months{1}};
      continue;
    }
    if (matches_day(ymd)) {
      for (int h = 0; h < 24; ++h) {
        if (!hours_[static_cast<size_t>(h)]) continue;
        for (int m = 0; m < 60; ++m) {
          if (!minutes_[static_cast<size_t>(m)]) continue;
          const date::local_seconds local = day + hours{h} + minutes{m};
          if (local < start) continue;
          const std::chrono::sys_seconds at = zone->to_sys(local, date::choose::earliest);
          if (at > t) return at;
        }
      }
    }
    day += date::days{1};
  }
  throw std::out_of_range("cron expression '" + text_ + "' has no match before the year 10000");
}

}  // namespace sosei::schedule
