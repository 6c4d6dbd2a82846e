// As-of parsing and the date arithmetic that decides what was published by then.
#include "evaluate/as_of.hpp"

#include <cstdio>
#include <ctime>

#include "sosei/notation.hpp"

namespace sosei::evaluate {
namespace {

int days_in(int y, int m) { return days_in_month(y, m); }

Date end_of(const Period& p) {
  Date d;
  p.end_date(d.year, d.month, d.day);
  return d;
}

}  // namespace

std::string Date::str() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> parse_as_of(std::string_view text, std::string* error) {
  if (auto p = Period::parse(text)) return end_of(*p);
  // A bare era year (R7) means the fiscal year: the city's tables count in fiscal years.
  std::string why;
  auto p = parse_period(text, SOSEI_PERIOD_FISCAL_YEAR, &why);
  if (!p) {
    if (error)
      *error = "cannot read the as-of date '" + std::string(text) + "' (" + why +
               "); write 2026-01-31, FY2025, R7 or 令和7年度";
    return std::nullopt;
  }
  return end_of(Period{static_cast<PeriodKind>(p->kind), p->year, p->month, p->day});
}

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

Date last_day_of_fiscal_year(int fiscal_year) { return {fiscal_year + 1, 3, 31}; }

Date published_on(const Period& period, int lag_months) {
  const Date end = end_of(period);
  const bool month_end = end.day == days_in(end.year, end.month);
  const int months = end.year * 12 + (end.month - 1) + lag_months;
  Date d{months / 12, months % 12 + 1, 0};
  const int last = days_in(d.year, d.month);
  d.day = month_end || end.day > last ? last : end.day;
  return d;
}

int fiscal_year_of(const Date& d) { return d.month >= 4 ? d.year : d.year - 1; }

}  // namespace sosei::evaluate
