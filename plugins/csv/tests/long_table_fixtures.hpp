// A national long table as the tourism-statistics open data publish it (年, 月, 地域コード, 地域名,
// 観光入込客数: one row per region and month), generated with counts a test can recompute.
#pragma once

#include <string>
#include <vector>

namespace csv_long_table {

struct Region {
  std::string code;
  std::string name;
};

inline const std::vector<Region>& regions() {
  static const std::vector<Region> list{{"13101", "千代田区"}, {"40227", "飯塚市"}, {"40228", "田川市"}};
  return list;
}

// The count of one region and month: distinct per region, year and month.
inline long long visitors(std::size_t region, int year, int month) {
  return 10000 + static_cast<long long>(region) * 1000 + (year - 2020) * 100 + month;
}

// Rows from (first_year, first_month) to (last_year, last_month) inclusive, every region each month.
inline std::string national_table(int first_year, int first_month, int last_year, int last_month) {
  std::string csv = "年,月,地域コード,地域名,観光入込客数\n";
  for (int y = first_year, m = first_month; y < last_year || (y == last_year && m <= last_month);) {
    for (std::size_t r = 0; r < regions().size(); ++r)
      csv += std::to_string(y) + "," + std::to_string(m) + "," + regions()[r].code + "," + regions()[r].name + "," +
             std::to_string(visitors(r, y, m)) + "\n";
    if (++m == 13) m = 1, ++y;
  }
  return csv;
}

// The sum of region r's months (year, month) for the fiscal year fy (April fy … March fy+1).
inline long long fiscal_sum(std::size_t region, int fy) {
  long long sum = 0;
  for (int m = 4; m <= 12; ++m) sum += visitors(region, fy, m);
  for (int m = 1; m <= 3; ++m) sum += visitors(region, fy + 1, m);
  return sum;
}

}  // namespace csv_long_table
