// Dates of boardings: GTFS service_date (YYYYMMDD) on the per-row hot path, and the looser forms of a
// daily export (2025-04-01, 2025/4/1, 20250401, an Excel serial day, and what sosei::parse_period reads
// as a day: 2025/4/1 0:00, 令和7年4月1日). Pure, allocation-free.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

#include <sosei/notation.hpp>

namespace bus_ridership {

struct YearMonth {
  int32_t year = 0;
  int32_t month = 0;  // 1..12
  int32_t day = 0;    // 1..31 where the date named one (a daily export's repeated day is a bad row)
};

inline std::optional<YearMonth> checked(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > sosei::days_in_month(year, month))
    return std::nullopt;
  return YearMonth{year, month, day};
}

// YYYYMMDD exactly, as GTFS writes dates; nullopt for anything else or a day that does not exist.
inline std::optional<YearMonth> parse_gtfs_date(std::string_view s) {
  if (s.size() != 8) return std::nullopt;
  int digits[8];
  for (int i = 0; i < 8; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    digits[i] = s[i] - '0';
  }
  return checked(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3], digits[4] * 10 + digits[5],
                 digits[6] * 10 + digits[7]);
}

// The month of an Excel serial day (1900 date system: from serial 61 on, days since 1899-12-30).
inline std::optional<YearMonth> from_excel_serial(long serial) {
  if (serial < 61 || serial > 2958465) return std::nullopt;
  // Days since 1970-01-01, then the usual civil-from-days conversion.
  const long z = serial - 25569 + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  return YearMonth{year, month, day};
}

// 2025-04-01, 2025/4/1, 20250401, or an Excel serial day such as 45748 (a date cell of an XLSX export).
inline std::optional<YearMonth> parse_export_date(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (auto compact = parse_gtfs_date(s)) return compact;
  const char* p = s.data();
  const char* end = p + s.size();
  int year = 0, month = 0, day = 0;
  auto r = std::from_chars(p, end, year);
  if (r.ec == std::errc{} && r.ptr == end) return r.ptr - p == 5 ? from_excel_serial(year) : std::nullopt;
  if (r.ec == std::errc{} && r.ptr - p == 4 && (*r.ptr == '-' || *r.ptr == '/')) {  // the usual forms, quickly
    const char separator = *r.ptr;
    r = std::from_chars(r.ptr + 1, end, month);
    if (r.ec == std::errc{} && r.ptr != end && *r.ptr == separator) {
      r = std::from_chars(r.ptr + 1, end, day);
      if (r.ec == std::errc{} && r.ptr == end) return checked(year, month, day);
    }
  }
  // Any other form of a day the SDK reads: a spreadsheet's 2025/4/1 0:00, 令和7年4月1日, R7.4.1.
  const auto period = sosei::parse_period(s, SOSEI_PERIOD_FISCAL_YEAR);
  if (!period || period->kind != SOSEI_PERIOD_DATE) return std::nullopt;
  return checked(period->year, period->month, period->day);
}

// A non-negative whole number of boardings (ASCII digits, surrounding spaces allowed).
inline std::optional<int64_t> parse_count(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty() || s.front() == '-' || s.front() == '+') return std::nullopt;
  int64_t value = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), value);
  if (r.ec != std::errc{} || r.ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

}  // namespace bus_ridership
