// "As of" dates and publication arithmetic: which observations were published by a date, and which
// fiscal year of the strategy each value is reported in.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "common/period.hpp"

namespace sosei::evaluate {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  std::string str() const;  // 2026-03-31
  auto operator<=>(const Date&) const = default;
};

// "2026-01-31", "FY2025", "2025", "R7", "令和7年度", "2025-12" → the last day of that period (a bare
// era year is a fiscal year, as in the city's tables). nullopt when unreadable; `error` says why.
std::optional<Date> parse_as_of(std::string_view text, std::string* error = nullptr);

// Today's date on this machine's clock (local time).
Date today();

Date last_day_of_fiscal_year(int fiscal_year);

// The day a value of `period` is published: the period's last day plus `lag_months` (kept at a month
// end when the period ends on one, so 2024 + 12 months is 2025-12-31).
Date published_on(const Period& period, int lag_months);

// The fiscal year a date falls in (April–March).
int fiscal_year_of(const Date& d);

}  // namespace sosei::evaluate
