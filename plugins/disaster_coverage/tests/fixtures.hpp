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

// The standard open-data set 「地域・年齢別人口」 as a city publishes it, for city 402273 (written with
// its check digit), with rows of a neighbour (402281) in the same file:
//                                     FY2024 (2025-03-31)  FY2025 (2025/4/1, 令和7年4月1日)
//   本町一丁目   (no 地域コード)              100                102
//   本町2丁目    (no 地域コード)              200                198
//   山野         (no 地域コード)              300                300
//   稲築町 山野  (no 地域コード)              150                150
//   新町         0501                          80                 80
//   新町         0902                          70                 70
//   total                                     900                900
// `full_width`: the names' digits as ２ rather than 2 (the other file then writes them half-width).
// Population columns follow 世帯数, as in the published set; the plugin ignores them.
inline std::string standard_set_csv(bool full_width = false) {
  const std::string two = full_width ? "２" : "2";
  std::string out = "全国地方公共団体コード,地域コード,地域名,調査年月日,世帯数,総人口,総人口_男,総人口_女\n";
  const std::string fy2024 = "2025-03-31";
  out += "402273,,本町一丁目," + fy2024 + ",100,210,100,110\n";
  out += "402273,,本町" + two + "丁目," + fy2024 + ",200,420,200,220\n";
  out += "402281,,本町一丁目,2025-03-31,999,2000,1000,1000\n";  // the neighbour: same name, other city
  out += "402273,,山野," + fy2024 + ",300,700,350,350\n";
  out += "402273,,稲築町 山野," + fy2024 + ",150,320,160,160\n";
  out += "402273,0501,新町," + fy2024 + ",80,170,80,90\n";
  out += "402273,0902,新町," + fy2024 + ",70,150,70,80\n";
  out += "402273,,本町一丁目,2025/4/1,102,212,101,111\n";
  out += "402273,,本町" + two + "丁目,2025/4/1,198,410,195,215\n";
  out += "402273,,山野,2025/4/1,300,690,345,345\n";
  out += "402281,,山野,2025/4/1,50,100,50,50\n";
  out += "402273,,稲築町 山野,令和7年4月1日,150,318,159,159\n";
  out += "402273,0501,新町,令和7年4月1日,80,168,79,89\n";
  out += "402273,0902,新町,令和7年4月1日,70,149,70,79\n";
  return out;
}

// A roster naming the standard set's districts by name (and one by code):
//   本町自主防災会  本町１丁目・本町２   est. 2020-04-01 → both years
//   稲築防災会      稲築町山野           est. 2025-04-01 → FY2025 only
//   新町防災会      0902                 est. 2019-01-01 → both years (the 新町 coded 0902 only)
// FY2024 (2025-03-31): 100+200+70 = 370 of 900; FY2025 (2025-04-01): 102+198+150+70 = 520 of 900.
inline std::string standard_roster_csv(bool full_width = true) {
  const std::string one = full_width ? "１" : "1", two = full_width ? "２" : "2";
  return "組織名,対象地域,結成日,解散日\n"
         "本町自主防災会,本町" +
         one + "丁目・本町" + two +
         ",2020-04-01,\n"
         "稲築防災会,稲築町山野,2025-04-01,\n"
         "新町防災会,0902,2019-01-01,\n";
}

}  // namespace disaster_coverage::fixtures
