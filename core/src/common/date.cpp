// Dates: today in a time zone, month lengths, publication arithmetic.
#include "common/date.hpp"

#include <date/tz.h>

#include <cstdio>

#include "common/time_zone.hpp"

namespace sosei {

std::string Date::str() const {
  char buf[40];  // room for any int the compiler imagines; 10 are used
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

Date today(const Clock& clock, std::string_view time_zone) {
  const date::zoned_time local{find_time_zone(time_zone), clock.now()};
  const date::year_month_day ymd{date::floor<date::days>(local.get_local_time())};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date end_of(const Period& p) {
  Date d;
  p.end_date(d.year, d.month, d.day);
  return d;
}

Date last_day_of_fiscal_year(int fiscal_year) { return {fiscal_year + 1, 3, 31}; }

Date published_on(const Period& period, int lag_months) {
  const Date end = end_of(period);
  const bool month_end = end.day == days_in_month(end.year, end.month);
  const int months = end.year * 12 + (end.month - 1) + lag_months;
  Date d{months / 12, months % 12 + 1, 0};
  const int last = days_in_month(d.year, d.month);
  d.day = month_end || end.day > last ? last : end.day;
  return d;
}

int fiscal_year_of(const Date& d) { return d.month >= 4 ? d.year : d.year - 1; }

}  // namespace sosei
