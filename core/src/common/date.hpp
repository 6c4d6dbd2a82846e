// Calendar dates of the core: today in the configured time zone, fiscal years (April–March) and the
// publication arithmetic that decides which values were out by a date.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/period.hpp"
#include "sosei/notation.hpp"  // days_in_month, is_leap_year

namespace sosei {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  std::string str() const;  // 2026-03-31
  auto operator<=>(const Date&) const = default;
};

// Today's date in `time_zone` (the configuration's, "Asia/Tokyo"), never the process's local time:
// a server running in UTC still evaluates on the city's calendar day.
Date today(const Clock& clock, std::string_view time_zone);

// The last day of `period`.
Date end_of(const Period& period);

Date last_day_of_fiscal_year(int fiscal_year);

// The day a value of `period` is published: the period's last day plus `lag_months` (kept at a month
// end when the period ends on one, so 2024 + 12 months is 2025-12-31).
Date published_on(const Period& period, int lag_months);

// The fiscal year a date falls in (April–March).
int fiscal_year_of(const Date& d);

}  // namespace sosei
