// Fixture generators for the disaster_coverage tests: the hand-computed five-district case as CSV
// text, and converters to CP932 (iconv) and XLSX (libxlsxwriter). Deterministic; nothing is committed.
#pragma once

#include <iconv.h>
#include <xlsxwriter.h>

#include <stdexcept>
#include <string>
#include <vector>

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

inline std::string to_cp932(const std::string& utf8) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv has no CP932");
  std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  size_t il = in.size(), ol = out.size();
  const size_t rc = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) throw std::runtime_error("cannot convert a fixture to CP932");
  out.resize(out.size() - ol);
  return out;
}

// One cell of an XLSX fixture: text, a number, or a date (written as an Excel date cell).
struct XlsxCell {
  enum Kind { Text, Number, Date } kind = Text;
  std::string text;
  double number = 0;
  int year = 0, month = 0, day = 0;
};
inline XlsxCell text(std::string t) { return {XlsxCell::Text, std::move(t)}; }
inline XlsxCell number(double n) { return {XlsxCell::Number, {}, n}; }
inline XlsxCell date(int y, int m, int d) { return {XlsxCell::Date, {}, 0, y, m, d}; }

inline void write_xlsx(const std::string& path, const std::string& sheet,
                       const std::vector<std::vector<XlsxCell>>& rows) {
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  lxw_format* date_format = workbook_add_format(wb);
  format_set_num_format(date_format, "yyyy/mm/dd");
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const XlsxCell& cell = rows[r][c];
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      if (cell.kind == XlsxCell::Text && !cell.text.empty())
        worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
      if (cell.kind == XlsxCell::Number) worksheet_write_number(ws, row, col, cell.number, nullptr);
      if (cell.kind == XlsxCell::Date) {
        lxw_datetime when{cell.year, cell.month, cell.day, 0, 0, 0};
        worksheet_write_datetime(ws, row, col, &when, date_format);
      }
    }
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path);
}

// The same register and roster as XLSX, with numbers as number cells and dates as date cells.
inline void write_households_xlsx(const std::string& path) {
  std::vector<std::vector<XlsxCell>> rows{{text("年度"), text("行政区コード"), text("行政区名"), text("世帯数")}};
  const int counts[2][5] = {{120, 80, 200, 50, 150}, {118, 80, 205, 50, 147}};
  const char* names[5] = {"北町", "南町", "東町", "西町", "中町"};
  for (int y = 0; y < 2; ++y)
    for (int d = 0; d < 5; ++d)
      rows.push_back({number(2024 + y), text("0" + std::to_string(d + 1)), text(names[d]), number(counts[y][d])});
  write_xlsx(path, "世帯数", rows);
}

inline void write_roster_xlsx(const std::string& path) {
  write_xlsx(path, "名簿",
             {{text("組織名"), text("行政区コード"), text("結成日"), text("解散日")},
              {text("北南自主防災会"), text("1、2"), date(2019, 4, 1), text("")},
              {text("南東防災会"), text("2・3"), date(2024, 5, 1), text("")},
              {text("中町防災会"), number(5), date(2018, 6, 10), date(2025, 3, 31)},
              {text("西町防災クラブ"), text("０４"), date(2025, 4, 1), text("")}});
}

}  // namespace disaster_coverage::fixtures
