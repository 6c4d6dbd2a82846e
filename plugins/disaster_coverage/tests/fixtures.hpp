// Fixture generators for the disaster_coverage tests: the hand-computed five-district case as CSV
// text (xlsx_fixtures.hpp writes it as XLSX). Deterministic; nothing is committed.
#pragma once

#include <string>

namespace disaster_coverage::fixtures {

// Five districts, two fiscal years (the register as of 1 April 2024 and 1 April 2025):
//                 FY2024  FY2025
//   01 北町         120     118
//   02 南町          80      80
//   03 東町         200     205
//   04 西町          50      50
//   05 中町         150     147
//   total           600     600
inline std::string households_csv() {
  return "年度,行政区コード,行政区名,世帯数\n"
         "2024,01,北町,120\n"
         "2024,02,南町,80\n"
         "2024,03,東町,200\n"
         "2024,04,西町,50\n"
         "2024,05,中町,150\n"
         "R7,01,北町,118\n"
         "R7,02,南町,80\n"
         "R7,03,東町,\"205\"\n"
         "R7,04,西町,50世帯\n"
         "R7,05,中町,147\n";
}

// Organizations (codes as a roster writes them: without leading zeros, full-width, mixed separators):
//   北南自主防災会  01,02    est. 平成31年4月1日                → active both years
//   南東防災会      02・03   est. R6.5.1 (after 2024-04-01)   → 2025 only; 02 is then covered twice
//   中町防災会      5        est. 2018-06-10, dissolved 2025-03-31 → 2024 only
//   西町防災クラブ  ０４     est. 2025-04-01 (on the date)     → 2025 only
// FY2024 (2024-04-01): covered 01 02 05 = 120+80+150 = 350 of 600 → 58.333…%
// FY2025 (2025-04-01): covered 01 02 03 04 = 118+80+205+50 = 453 of 600 → 75.5%
inline std::string roster_csv() {
  return "組織名,行政区コード,結成日,解散日\n"
         "北南自主防災会,\"1,2\",平成31年4月1日,\n"
         "南東防災会,2・3,R6.5.1,\n"
         "中町防災会,5,2018-06-10,2025-03-31\n"
         "西町防災クラブ,０４,2025/4/1,\n";
}

}  // namespace disaster_coverage::fixtures
