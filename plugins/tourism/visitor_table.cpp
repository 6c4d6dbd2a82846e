// Reading the header and the special cells of a visitor-count table (see visitor_table.hpp).
#include "visitor_table.hpp"

#include <sosei/notation.hpp>

#include <cmath>
#include <cstdio>
#include <initializer_list>

namespace tourism {
namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::optional<std::size_t> find_column(const std::vector<std::string>& header,
                                       std::initializer_list<std::string_view> names) {
  for (auto name : names)
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
  return std::nullopt;
}

// The column the settings name (must exist), or the first of the usual spellings (may be absent).
std::optional<std::size_t> resolve(const std::vector<std::string>& header, const std::string& configured,
                                   std::initializer_list<std::string_view> usual, const char* setting,
                                   const sosei::CsvReader& row) {
  if (configured.empty()) return find_column(header, usual);
  const std::string wanted = normalize(configured);
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == wanted) return i;
  std::string present;
  for (const auto& h : header) present.append(present.empty() ? "" : ", ").append(h);
  throw sosei::CsvError(row.line(), "the header has no column \"" + configured + "\" (setting '" + setting +
                                        "'); its columns are " + present);
}

}  // namespace

std::string normalize(std::string_view cell) {
  if (cell.starts_with("\xEF\xBB\xBF")) cell.remove_prefix(3);
  std::string out;
  while (!cell.empty()) {
    char c = 0;
    std::size_t n = sosei::notation_detail::fold_ascii(cell, c);
    if (n > 0) {
      if (c != ' ' && c != '\t') out.push_back(c);
      cell.remove_prefix(n);
    } else if (cell.starts_with(kIdeographicSpace)) {
      cell.remove_prefix(kIdeographicSpace.size());
    } else {
      out.push_back(cell.front());
      cell.remove_prefix(1);
    }
  }
  return out;
}

std::optional<int> month_of_header(std::string_view cell) {
  const std::string s = normalize(cell);
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2 || std::string_view(s).substr(digits) != "月") return std::nullopt;
  const int month = std::stoi(s.substr(0, digits));
  if (month < 1 || month > 12) return std::nullopt;
  return month;
}

std::optional<Layout> layout_of(const sosei::CsvReader& row, const ColumnNames& names) {
  std::vector<std::string> header;
  header.reserve(row.size());
  for (std::size_t i = 0; i < row.size(); ++i) header.push_back(normalize(row.field(i)));

  Layout layout;
  std::array<bool, 12> seen{};
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (auto month = month_of_header(header[i]); month && !seen[*month - 1]) {
      seen[*month - 1] = true;
      layout.months[*month - 1] = i;
    }
  }
  int found = 0;
  for (bool s : seen) found += s;
  if (found == 0) return std::nullopt;  // a title line above the table
  if (found < 12) {
    std::string missing;
    for (int m = 0; m < 12; ++m)
      if (!seen[m]) missing.append(missing.empty() ? "" : ", ").append(std::to_string(m + 1)).append("月");
    throw sosei::CsvError(row.line(), "the header has month columns but not all twelve: " + missing +
                                          " missing (the common standard reports 1月 to 12月)");
  }

  auto spot = resolve(header, names.spot, {"観光地点名", "観光地点", "地点名", "地点", "観光地名"}, "spot_column", row);
  if (!spot)
    throw sosei::CsvError(row.line(),
                          "the header has the month columns but no spot column (観光地点名, 観光地点, "
                          "地点名 or 地点); set 'spot_column' to the column holding the spot names");
  layout.spot = *spot;
  layout.spot_header = header[*spot];
  layout.code =
      resolve(header, names.code, {"観光地点コード", "地点コード", "地点番号", "観光地点番号"}, "code_column", row);
  layout.year = resolve(header, names.year, {"年", "暦年", "調査年", "対象年"}, "year_column", row);
  layout.split = resolve(header, names.split, {"区分", "内訳", "日帰り・宿泊区分", "宿泊区分"}, "split_column", row);
  layout.row_total =
      resolve(header, names.row_total, {"年計", "年間計", "年間合計", "合計", "計"}, "row_total_column", row);
  return layout;
}

std::string Split::japanese() const {
  std::string s = stay == "day_trip" ? "日帰り" : stay == "overnight" ? "宿泊" : "";
  if (!origin.empty()) s += (s.empty() ? "" : "・") + std::string(origin == "in_prefecture" ? "県内" : "県外");
  return s;
}

std::optional<Split> parse_split(std::string_view cell, std::string& error) {
  const std::string s = normalize(cell);
  Split split;
  if (s.empty()) return split;
  if (s == "計" || s == "小計" || s == "合計" || s == "総計") {
    split.subtotal = true;
    return split;
  }
  const bool day = contains(s, "日帰"), overnight = contains(s, "宿泊");
  const bool in = contains(s, "県内"), out = contains(s, "県外");
  if (day && overnight) {
    error = "区分 \"" + std::string(cell) + "\" names both 日帰り and 宿泊";
    return std::nullopt;
  }
  if (in && out) {
    error = "区分 \"" + std::string(cell) + "\" names both 県内 and 県外";
    return std::nullopt;
  }
  if (!day && !overnight && !in && !out) {
    error = "区分 \"" + std::string(cell) +
            "\" is not a split of the common standard: expected 日帰り or 宿泊 and/or 県内 or 県外 (or 計)";
    return std::nullopt;
  }
  split.stay = day ? "day_trip" : overnight ? "overnight" : "";
  split.origin = in ? "in_prefecture" : out ? "out_of_prefecture" : "";
  return split;
}

bool is_totals_name(std::string_view spot) {
  const std::string s = normalize(spot);
  return s == "合計" || s == "計" || s == "総計" || s == "総合計" || s == "全地点計";
}

bool is_remark(std::string_view spot) {
  const std::string s = normalize(spot);
  return s.starts_with("※") || s.starts_with("注") || s.starts_with("(注") || s.starts_with("資料") ||
         s.starts_with("出典");
}

std::string format_count(double value) {
  char digits[64];
  const bool whole = std::floor(value) == value && std::fabs(value) < 1e15;
  std::snprintf(digits, sizeof digits, whole ? "%.0f" : "%.1f", std::fabs(value));
  std::string s(digits);
  const std::size_t point = s.find('.');
  const std::size_t end = point == std::string::npos ? s.size() : point;
  for (std::size_t i = end; i > 3; i -= 3) s.insert(i - 3, ",");
  return value < 0 ? "-" + s : s;
}

}  // namespace tourism
