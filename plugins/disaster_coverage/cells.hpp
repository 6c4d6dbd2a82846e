// Reading the cells of the two department files: district codes (as the register and the roster
// write them), lists of codes in one cell, dates in the city's notations, and header aliases.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sosei/csv.hpp>
#include <sosei/notation.hpp>

namespace disaster_coverage {

// A calendar date; key() is yyyymmdd, so that dates compare as integers.
struct Date {
  int32_t year = 0;
  int32_t month = 0;
  int32_t day = 0;
  int32_t key() const { return year * 10000 + month * 100 + day; }
  std::string str() const;  // 2025-04-01
  friend bool operator==(const Date&, const Date&) = default;
};

// Fiscal year (April–March) a date falls in: 2026-03-31 → 2025.
inline int32_t fiscal_year_of(const Date& d) { return d.month >= 4 ? d.year : d.year - 1; }

// The code as a lookup key: full-width letters and digits folded to ASCII, spaces trimmed, and
// leading zeros dropped from an all-digit code, because the register writes 001 where the roster
// writes 1 (or a spreadsheet dropped them). "" for a blank cell.
std::string district_key(std::string_view code);

// Trims ASCII and ideographic spaces.
using sosei::trim;

// The district codes of a roster cell, split at 、 , ， ・ ･ ; ； and spaces (ASCII or ideographic).
std::vector<std::string_view> split_codes(std::string_view cell);

// A date: 2025-04-01, 2025/4/1, 20250401, 令和7年4月1日, R7.4.1, H31.4.1, or an Excel serial day
// number (45748), which is how an XLSX date cell arrives. nullopt with *error saying what was expected.
std::optional<Date> parse_date(std::string_view text, std::string* error);

// The month-day of the reference date within a fiscal year: 04-01, 4/1, 4月1日 (year left 0).
std::optional<Date> parse_month_day(std::string_view text);

// That month-day in fiscal year `fy` (January–March fall in the next calendar year).
Date in_fiscal_year(const Date& month_day, int32_t fy);

// The first header column named any of `aliases` (header.find(aliases)), but a missing column is a
// PluginError naming the file, the accepted names and the columns present (and saying so when the
// "table" is an HTML page).
std::size_t require_column(const sosei::ColumnFinder& header, std::initializer_list<std::string_view> aliases,
                           const std::string& file, uint64_t line, std::string_view what_for);

// The column `chosen` names (the value of the setting `setting`) when it is set, which must then
// exist (else a PluginError naming the file, the setting and the columns present); else the first
// of `aliases` present, if any.
std::optional<std::size_t> find_column(const sosei::ColumnFinder& header, const std::string& chosen,
                                       std::initializer_list<std::string_view> aliases, const std::string& file,
                                       uint64_t line, std::string_view setting);

// require_column, but the column `chosen` names when the setting `setting` is set.
std::size_t require_column(const sosei::ColumnFinder& header, const std::string& chosen,
                           std::initializer_list<std::string_view> aliases, const std::string& file, uint64_t line,
                           std::string_view what_for, std::string_view setting);

}  // namespace disaster_coverage
