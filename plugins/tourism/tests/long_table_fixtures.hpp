// Long tourism tables as national open data publish them (年, 月, 地域コード, 地域名 [, 観光地点名],
// 観光入込客数: one row per region and month), generated with counts a test can recompute.
#pragma once

#include <string>
#include <vector>

namespace long_fixtures {

struct Region {
  std::string code;
  std::string name;
};

inline const std::vector<Region>& regions() {
  static const std::vector<Region> list{{"40226", "宮若市"}, {"40227", "嘉麻市"}, {"40228", "朝倉市"}};
  return list;
}
inline constexpr std::size_t kKama = 1;  // the city under test

// The count of one region, year and month: distinct for each, so a wrong row shows in a sum.
inline long long visitors(std::size_t region, int year, int month) {
  return 20000 + static_cast<long long>(region) * 1000 + (year - 2020) * 100 + month;
}

// Every region's row for each month from (first_year, first_month) to (last_year, last_month).
inline std::string national_table(int first_year, int first_month, int last_year, int last_month) {
  std::string csv = "年,月,地域コード,地域名,観光入込客数\r\n";
  for (int y = first_year, m = first_month; y < last_year || (y == last_year && m <= last_month);) {
    for (std::size_t r = 0; r < regions().size(); ++r)
      csv += std::to_string(y) + "," + std::to_string(m) + "," + regions()[r].code + "," + regions()[r].name + "," +
             std::to_string(visitors(r, y, m)) + "\r\n";
    if (++m == 13) m = 1, ++y;
  }
  return csv;
}

// The sum of region r's months of calendar year `year`, or of fiscal year `fy` (April fy … March fy+1).
inline long long calendar_sum(std::size_t region, int year) {
  long long sum = 0;
  for (int m = 1; m <= 12; ++m) sum += visitors(region, year, m);
  return sum;
}
inline long long fiscal_sum(std::size_t region, int fy) {
  long long sum = 0;
  for (int m = 4; m <= 12; ++m) sum += visitors(region, fy, m);
  for (int m = 1; m <= 3; ++m) sum += visitors(region, fy + 1, m);
  return sum;
}

}  // namespace long_fixtures
