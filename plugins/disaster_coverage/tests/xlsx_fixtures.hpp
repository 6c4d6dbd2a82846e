// The hand-computed case of fixtures.hpp as XLSX workbooks (libxlsxwriter), with numbers as number
// cells and dates as date cells, for the runtime tests through the real host.
#pragma once

#include <xlsxwriter.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace disaster_coverage::fixtures {

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
