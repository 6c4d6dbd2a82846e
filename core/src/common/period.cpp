// Canonical text forms and calendar arithmetic of periods and values.
#include "common/period.hpp"

#include <charconv>
#include <cstdio>

#include "sosei/notation.hpp"  // days_in_month

namespace sosei {
namespace {

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

std::string Period::str() const {
  char buf[32];
  switch (kind) {
    case PeriodKind::FiscalYear:
      std::snprintf(buf, sizeof buf, "FY%04d", year);
      break;
    case PeriodKind::CalendarYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
    case PeriodKind::Month:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      break;
    case PeriodKind::Date:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      break;
  }
  return buf;
}

std::optional<Period> Period::parse(std::string_view s) {
  std::optional<Period> p;
  if (s.size() == 6 && s.substr(0, 2) == "FY") {
    if (auto y = parse_int(s.substr(2))) p = fiscal_year(*y);
  } else if (s.size() == 4) {
    if (auto y = parse_int(s)) p = calendar_year(*y);
  } else if (s.size() == 7 && s[4] == '-') {
    auto y = parse_int(s.substr(0, 4)), m = parse_int(s.substr(5, 2));
    if (y && m) p = month_of(*y, *m);
  } else if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    auto y = parse_int(s.substr(0, 4)), m = parse_int(s.substr(5, 2)), d = parse_int(s.substr(8, 2));
    if (y && m && d) p = date_of(*y, *m, *d);
  }
  if (p && !p->valid()) return std::nullopt;
  return p;
}

bool Period::valid() const {
  if (year < 1 || year > 9999) return false;
  switch (kind) {
    case PeriodKind::FiscalYear:
    case PeriodKind::CalendarYear:
      return month == 0 && day == 0;
    case PeriodKind::Month:
      return month >= 1 && month <= 12 && day == 0;
    case PeriodKind::Date:
      return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
  }
  return false;
}

int Period::fiscal_year_of() const {
  switch (kind) {
    case PeriodKind::FiscalYear:
    case PeriodKind::CalendarYear:
      return year;
    case PeriodKind::Month:
    case PeriodKind::Date:
      return month >= 4 ? year : year - 1;
  }
  return year;
}

int Period::calendar_year_of() const { return year; }

void Period::end_date(int& y, int& m, int& d) const {
  switch (kind) {
    case PeriodKind::FiscalYear:
      y = year + 1;
      m = 3;
      d = 31;
      return;
    case PeriodKind::CalendarYear:
      y = year;
      m = 12;
      d = 31;
      return;
    case PeriodKind::Month:
      y = year;
      m = month;
      d = days_in_month(year, month);
      return;
    case PeriodKind::Date:
      y = year;
      m = month;
      d = day;
      return;
  }
}

std::string to_string(PeriodKind k) {
  switch (k) {
    case PeriodKind::FiscalYear:
      return "fiscal_year";
    case PeriodKind::CalendarYear:
      return "calendar_year";
    case PeriodKind::Month:
      return "month";
    case PeriodKind::Date:
      return "date";
  }
  return "?";
}

std::string to_string(ValueKind k) {
  switch (k) {
    case ValueKind::Number:
      return "number";
    case ValueKind::Missing:
      return "missing";
    case ValueKind::NotCarriedOut:
      return "not_carried_out";
    case ValueKind::NotStarted:
      return "not_started";
    case ValueKind::InProgress:
      return "in_progress";
    case ValueKind::Done:
      return "done";
  }
  return "?";
}

std::optional<ValueKind> value_kind_from(std::string_view s) {
  for (auto k : {ValueKind::Number, ValueKind::Missing, ValueKind::NotCarriedOut, ValueKind::NotStarted,
                 ValueKind::InProgress, ValueKind::Done}) {
    if (to_string(k) == s) return k;
  }
  return std::nullopt;
}

std::string Value::str() const {
  if (kind != ValueKind::Number) return to_string(kind);
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, number);
  return std::string(buf, ec == std::errc{} ? p : buf);
}

}  // namespace sosei
