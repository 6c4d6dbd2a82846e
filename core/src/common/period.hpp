// Typed periods and observation values inside the core, and their canonical text forms
// ("FY2025", "2025", "2025-04", "2025-04-01") used by the store, the CLI and reports.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "sosei/sdk.h"

namespace sosei {

enum class PeriodKind { FiscalYear = 1, CalendarYear = 2, Month = 3, Date = 4 };

struct Period {
  PeriodKind kind = PeriodKind::FiscalYear;
  int year = 0;
  int month = 0;  // 1..12 for Month and Date
  int day = 0;    // 1..31 for Date

  static Period fiscal_year(int y) { return {PeriodKind::FiscalYear, y, 0, 0}; }
  static Period calendar_year(int y) { return {PeriodKind::CalendarYear, y, 0, 0}; }
  static Period month_of(int y, int m) { return {PeriodKind::Month, y, m, 0}; }
  static Period date_of(int y, int m, int d) { return {PeriodKind::Date, y, m, d}; }
  // The SDK's C period as it is (an unknown kind stays unknown: valid() says false), so a check
  // can still name what the plugin sent.
  static Period from(const sosei_period& p) { return {static_cast<PeriodKind>(p.kind), p.year, p.month, p.day}; }

  // Canonical text: FY2025, 2025, 2025-04, 2025-04-01.
  std::string str() const;
  // Parses the canonical text only (user notations are parsed by sosei/notation.hpp).
  static std::optional<Period> parse(std::string_view canonical);

  bool valid() const;
  // The fiscal year (April–March) the period falls in; for a calendar year, the one it starts in.
  int fiscal_year_of() const;
  // The calendar year the period falls in; for a fiscal year, the one it starts in.
  int calendar_year_of() const;
  // The last day of the period as (y, m, d), for "published by" arithmetic.
  void end_date(int& y, int& m, int& d) const;

  auto operator<=>(const Period&) const = default;
};

std::string to_string(PeriodKind);

enum class ValueKind { Number = 0, Missing = 1, NotCarriedOut = 2, NotStarted = 3, InProgress = 4, Done = 5 };

std::string to_string(ValueKind);  // "number", "missing", "not_carried_out", …
std::optional<ValueKind> value_kind_from(std::string_view);

// A stored value: a number or a status.
struct Value {
  ValueKind kind = ValueKind::Missing;
  double number = 0;  // meaningful when kind == Number

  static Value of(double n) { return {ValueKind::Number, n}; }
  static Value status(ValueKind k) { return {k, 0}; }
  // The SDK's value kind (sosei_value_kind) and number; the number counts for SOSEI_VALUE_NUMBER only.
  static Value from(int32_t value_kind, double number) {
    return value_kind == SOSEI_VALUE_NUMBER ? of(number) : status(static_cast<ValueKind>(value_kind));
  }
  bool is_number() const { return kind == ValueKind::Number; }
  bool operator==(const Value& o) const { return kind == o.kind && (kind != ValueKind::Number || number == o.number); }
  std::string str() const;  // "1234.5" (shortest round-trip) or the status name
};

}  // namespace sosei
