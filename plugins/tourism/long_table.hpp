// The long shape of tourism statistics (観光入込客統計 open data): one row per year, month, region
// [, spot] and count, many regions in one file. Picks the city's rows and sums its months into years.
#pragma once

#include <sosei/csv.hpp>
#include <sosei/plugin.hpp>

#include <string>
#include <utility>
#include <vector>

#include "visitor_table.hpp"

namespace tourism {

struct LongSettings {
  ColumnNames names;  // spot, code, year and split columns, as in the wide table (row_total unused)
  std::string month_column;
  std::string count_column;
  // `where`: column = value pairs a row must all hold (地域コード=40227); values full-width folded.
  std::vector<std::pair<std::string, std::string>> where;
  bool fiscal_year = false;    // sum April–March instead of January–December
  bool allow_partial = false;  // total a year that lacks months anyway, with a note
  std::string kpi;
};

// "地域コード=40227, 地域名=飯塚市" → pairs; throws PluginError(SOSEI_ERR_CONFIG) on an item without '='.
std::vector<std::pair<std::string, std::string>> parse_where(const std::string& spec);

// Finds the header in the first rows of `reader`, reads every row after it, emits the monthly counts
// as they come and the yearly totals at the end. Throws PluginError or CsvError when the file is not
// a long table or the city's rows cannot be picked.
void import_long_table(const sosei::Context& ctx, sosei::CsvReader& reader, const std::string& file,
                       const LongSettings& settings);

}  // namespace tourism
