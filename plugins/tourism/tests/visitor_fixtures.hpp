// Generators of common-standard visitor tables (CSV text and XLSX) for the tourism tests. The counts
// follow simple rules so that every expected total in the tests can be checked by hand:
//   2023: 嘉麻市観光まちづくり拠点 10,000 a month (120,000), 馬見山キャンプ場 1,000 × month (78,000),
//         遊人の杜 3,500 a month (42,000)                                        → 240,000
//   2024: 嘉麻市観光まちづくり拠点 9,000 a month (108,000), 馬見山キャンプ場 500 × month (39,000),
//         碓井郷土館 4,000 a month and 8,000 in 12月 (52,000); 遊人の杜 dropped → 199,000
#pragma once

#include <xlsxwriter.h>

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace visitor_fixtures {

struct Row {
  std::string spot;
  std::string year;  // "" when the table has no year column
  std::array<std::string, 12> months;
  std::string split;  // the 区分 cell
  std::string code;
};

inline std::array<std::string, 12> months(const std::function<long(int month)>& count) {
  std::array<std::string, 12> out;
  for (int m = 1; m <= 12; ++m) out[m - 1] = std::to_string(count(m));
  return out;
}

inline std::vector<Row> kama_2023() {
  return {{"嘉麻市観光まちづくり拠点", "2023", months([](int) { return 10000; }), "", "40001"},
          {"馬見山キャンプ場", "2023", months([](int m) { return 1000L * m; }), "", "40002"},
          {"遊人の杜", "2023", months([](int) { return 3500; }), "", "40003"}};
}

inline std::vector<Row> kama_2024() {
  return {{"嘉麻市観光まちづくり拠点", "2024", months([](int) { return 9000; }), "", "40001"},
          {"馬見山キャンプ場", "2024", months([](int m) { return 500L * m; }), "", "40002"},
          {"碓井郷土館", "2024", months([](int m) { return m == 12 ? 8000 : 4000; }), "", "40004"}};
}

// The totals row of `rows` (spot 合計), month by month.
inline Row totals_of(const std::vector<Row>& rows, const std::string& year) {
  Row total{"合計", year, {}, "", ""};
  for (int m = 0; m < 12; ++m) {
    long sum = 0;
    for (const auto& r : rows)
      if (r.year == year && !r.months[m].empty()) sum += std::stol(r.months[m]);
    total.months[m] = std::to_string(sum);
  }
  return total;
}

struct Shape {
  bool year_column = true;
  bool code_column = false;
  bool split_column = false;
  bool full_width_months = false;          // １月 … １２月
  std::vector<std::string> lines_above{};  // title lines before the header
  std::vector<std::string> lines_below{};  // remarks after the table
  char delimiter = ',';
};

inline std::string month_header(int m, bool full_width) {
  if (!full_width) return std::to_string(m) + "月";
  static const char* kDigits[] = {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"};
  std::string s;
  for (char c : std::to_string(m)) s += kDigits[c - '0'];
  return s + "月";
}

inline std::vector<std::vector<std::string>> table(const std::vector<Row>& rows, const Shape& shape) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> header;
  if (shape.code_column) header.push_back("観光地点コード");
  header.push_back("観光地点名");
  if (shape.year_column) header.push_back("年");
  if (shape.split_column) header.push_back("区分");
  for (int m = 1; m <= 12; ++m) header.push_back(month_header(m, shape.full_width_months));
  out.push_back(header);
  for (const auto& r : rows) {
    std::vector<std::string> cells;
    if (shape.code_column) cells.push_back(r.code);
    cells.push_back(r.spot);
    if (shape.year_column) cells.push_back(r.year);
    if (shape.split_column) cells.push_back(r.split);
    cells.insert(cells.end(), r.months.begin(), r.months.end());
    out.push_back(cells);
  }
  return out;
}

inline std::string csv(const std::vector<Row>& rows, const Shape& shape = {}) {
  std::string text;
  for (const auto& line : shape.lines_above) text += line + "\r\n";
  for (const auto& cells : table(rows, shape)) {
    for (std::size_t i = 0; i < cells.size(); ++i) text += (i ? std::string(1, shape.delimiter) : "") + cells[i];
    text += "\r\n";
  }
  for (const auto& line : shape.lines_below) text += line + "\r\n";
  return text;
}

// A workbook with a cover sheet first and the table on `sheet`; counts are written as numbers.
inline bool xlsx(const std::string& path, const std::string& sheet, const std::vector<Row>& rows,
                 const Shape& shape = {}) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) return false;
  lxw_worksheet* cover = workbook_add_worksheet(book, "表紙");
  worksheet_write_string(cover, 0, 0, "観光入込客数調査（共通基準）", nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(book, sheet.c_str());
  lxw_row_t r = 0;
  for (const auto& line : shape.lines_above) worksheet_write_string(ws, r++, 0, line.c_str(), nullptr);
  for (const auto& cells : table(rows, shape)) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string& v = cells[c];
      const bool number =
          !v.empty() && v.find_first_not_of("0123456789") == std::string::npos && r > shape.lines_above.size();
      if (number)
        worksheet_write_number(ws, r, static_cast<lxw_col_t>(c), std::stod(v), nullptr);
      else if (!v.empty())
        worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), v.c_str(), nullptr);
    }
    ++r;
  }
  return workbook_close(book) == LXW_NO_ERROR;
}

}  // namespace visitor_fixtures
