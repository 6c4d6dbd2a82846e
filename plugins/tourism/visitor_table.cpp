// Reading the header and the special cells of a visitor-count table (see visitor_table.hpp).
#include "visitor_table.hpp"

#include <sosei/notation.hpp>
#include <sosei/plugin.hpp>

#include <cmath>
#include <cstdio>

namespace tourism {
namespace {

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

}  // namespace

std::optional<int> month_of_header(std::string_view cell) {
  const std::string s = sosei::header_without_unit(cell);  // 「1月（人）」 too
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2 || std::string_view(s).substr(digits) != "月") return std::nullopt;
  const int month = std::stoi(s.substr(0, digits));
  if (month < 1 || month > 12) return std::nullopt;
  return month;
}

std::optional<Layout> layout_of(const sosei::CsvReader& row, const ColumnNames& names) {
  const sosei::ColumnFinder header(row);
  Layout layout;
  std::array<bool, 12> seen{};
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto month = month_of_header(header.name(i));
    if (!month) continue;
    // Two blocks of months side by side (令和4年 | 令和5年, 日帰り | 宿泊, 入込客数 | 前年比): which block
    // is the year's count, the header does not say; reading one would store another's under it.
    if (seen[*month - 1])
      throw sosei::CsvError(row.line(), "見出しに " + std::to_string(*month) + "月 の列が2つあります（" +
                                            std::to_string(layout.months[*month - 1] + 1) + " 列目と " +
                                            std::to_string(i + 1) +
                                            " 列目）。月の列が1組だけの表にしてください（2年分や 日帰り・宿泊、"
                                            "前年比 を横に並べた表は、1組ずつの表に分けるか、年・区分の列を設けて"
                                            "1行に1組の月を書いてください）");
    seen[*month - 1] = true;
    layout.months[*month - 1] = i;
  }
  int found = 0;
  for (bool s : seen) found += s;
  if (found == 0) return std::nullopt;  // a title line above the table
  if (found < 12) {
    std::string missing;
    for (int m = 0; m < 12; ++m)
      if (!seen[m]) missing.append(missing.empty() ? "" : "、").append(std::to_string(m + 1)).append("月");
    throw sosei::CsvError(row.line(), "見出しに月の列がありますが、12か月そろっていません（ない列: " + missing +
                                          "）。共通基準の表には 1月 から 12月 までの列があります");
  }

  // A fiscal-year table (its months from 4月 to 3月, or a 年度 column) puts 1〜3月 in the next calendar
  // year, which this layout cannot say: read as it stands, it moved January to March a year back.
  std::optional<std::size_t> fiscal_column;
  for (std::size_t i = 0; i < header.size() && !fiscal_column; ++i)
    if (header.name(i).find("年度") != std::string::npos) fiscal_column = i;
  if (fiscal_column || layout.months[3] < layout.months[0])
    throw sosei::CsvError(
        row.line(), (fiscal_column ? "見出しに「" + header.name(*fiscal_column) + "」の列があります"
                                   : std::string("月の列が 4月 から始まっています")) +
                        "。年度（4月〜翌年3月）の表は、1〜3月が翌年に入るため、この横長の表（暦年の 1月〜12月）とし"
                        "ては読めません。年度と月を1行ずつ書いた表（layout: long、年度の列と月の列）にするか、暦年の"
                        "表にしてください");

  auto spot = header.find(names.spot, {"観光地点名", "観光地点", "地点名", "地点", "観光地名"}, "spot_column");
  if (!spot)
    throw sosei::CsvError(row.line(),
                          "見出しに月の列はありますが、地点の列（観光地点名、観光地点、地点名、地点）が"
                          "ありません。地点名を持つ列の名前を 'spot_column' に設定してください");
  layout.spot = *spot;
  layout.spot_header = header.name(*spot);
  layout.code = header.find(names.code, {"観光地点コード", "地点コード", "地点番号", "観光地点番号"}, "code_column");
  layout.year = header.find(names.year, {"年", "暦年", "調査年", "対象年"}, "year_column");
  layout.split = header.find(names.split, {"区分", "内訳", "日帰り・宿泊区分", "宿泊区分"}, "split_column");
  layout.row_total = header.find(names.row_total, {"年計", "年間計", "年間合計", "合計", "計"}, "row_total_column");
  return layout;
}

std::string Split::japanese() const {
  std::string s = stay == "day_trip" ? "日帰り" : stay == "overnight" ? "宿泊" : "";
  if (!origin.empty()) s += (s.empty() ? "" : "・") + std::string(origin == "in_prefecture" ? "県内" : "県外");
  return s;
}

std::optional<Split> parse_split(std::string_view cell, std::string& error) {
  const std::string s = sosei::normalize_header(cell);
  Split split;
  if (s.empty()) return split;
  if (s == "計" || s == "小計" || s == "合計" || s == "総計") {
    split.subtotal = true;
    return split;
  }
  const bool day = contains(s, "日帰"), overnight = contains(s, "宿泊");
  const bool in = contains(s, "県内"), out = contains(s, "県外");
  if (day && overnight) {
    error = "区分「" + std::string(cell) + "」に 日帰り と 宿泊 の両方が書かれています。どちらか一方にしてください";
    return std::nullopt;
  }
  if (in && out) {
    error = "区分「" + std::string(cell) + "」に 県内 と 県外 の両方が書かれています。どちらか一方にしてください";
    return std::nullopt;
  }
  if (!day && !overnight && !in && !out) {
    error = "区分「" + std::string(cell) +
            "」は共通基準の区分ではありません。日帰り か 宿泊、県内 か 県外（またはその組み合わせ）、または 計 "
            "を書いてください";
    return std::nullopt;
  }
  split.stay = day ? "day_trip" : overnight ? "overnight" : "";
  split.origin = in ? "in_prefecture" : out ? "out_of_prefecture" : "";
  return split;
}

bool read_count(std::string_view text, std::optional<double>& count, std::string& error) {
  count.reset();
  auto value = sosei::parse_value(text, &error);
  if (!value) return false;
  if (value->kind == SOSEI_VALUE_MISSING) return true;
  if (value->kind != SOSEI_VALUE_NUMBER)
    error =
        "「" + std::string(text) + "」は状況を表す言葉で、人数ではありません（集計していない月は空欄にしてください）";
  else if (!value->unit.empty() && value->unit != "人")
    error = "「" + std::string(text) + "」の単位は " + std::string(value->unit) + " です。人数（人）を書いてください";
  else if (value->number < 0)
    error = "人数 " + format_count(value->number) + " がマイナスです。表の数値を確かめてください";
  if (!error.empty()) return false;
  count = value->number;
  return true;
}

std::optional<int> month_of_cell(std::string_view cell) {
  std::string s = sosei::normalize_header(cell);
  if (s.ends_with("月")) s.resize(s.size() - std::string_view("月").size());
  if (s.empty() || s.size() > 2 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const int month = std::stoi(s);
  if (month < 1 || month > 12) return std::nullopt;
  return month;
}

void refuse_html(const sosei::CsvReader& first, const std::string& file) {
  const std::string cell = sosei::normalize_header(first.cell(0));
  if (cell.starts_with("<!DOCTYPE") || cell.starts_with("<!doctype") || cell.starts_with("<html") ||
      cell.starts_with("<HTML") || cell.starts_with("<?xml"))
    throw sosei::PluginError(SOSEI_ERR_INPUT, file +
                                                  ": 観光入込客数の表（CSV、TSV、XLSX）ではなく HTML/XML のページです。"
                                                  "URL を確かめてください（ポータルサイトはログイン画面やエラー画面を"
                                                  "返すことがあります）");
}

bool is_totals_name(std::string_view spot) { return sosei::row_total_kind(spot) == sosei::RowTotal::Total; }

bool is_part_total_name(std::string_view spot) { return sosei::row_total_kind(spot) == sosei::RowTotal::Subtotal; }

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
