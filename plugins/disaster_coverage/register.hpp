// The households register (住民基本台帳): households per district, for one or several fiscal years.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <sosei/plugin.hpp>

#include "coverage.hpp"

namespace disaster_coverage {

struct YearRegister {
  int32_t fiscal_year = 0;
  Date reference_date;                   // the 基準日 column, else the configured month-day in this year
  std::vector<District> districts;       // in file order
  std::optional<uint64_t> stated_total;  // a 合計 row, checked against the sum
  uint64_t stated_total_line = 0;
};

struct RegisterOptions {
  // The fiscal year of rows without a 年度 / 基準日 cell (and of every row when the file has neither
  // column).
  std::optional<int32_t> fiscal_year;
  Date reference_month_day{0, 4, 1};
  // Columns named by settings (empty: the usual names, see README), as tourism and school_scores do.
  struct Columns {
    std::string code, name, households, year, date, city;
  } columns;
  // The city's 全国地方公共団体コード: rows of other municipalities are skipped. Empty: the file must
  // describe one municipality.
  std::string city_code;
};

// Reads the whole table; bad rows go through ctx.reject (file:line and why). Missing columns and a
// file without any year are PluginErrors.
std::map<int32_t, YearRegister> read_register(const sosei::Context& ctx, sosei::ByteReader& in, const std::string& name,
                                              const RegisterOptions& options);

}  // namespace disaster_coverage
