// The layout of a visitor-count table under the national common standard (観光入込客統計に関する共通基準):
// which columns hold the spot, its code, the year, the split (日帰り/宿泊, 県内/県外) and the twelve months.
#pragma once

#include <sosei/csv.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tourism {

// 1..12 for "1月", "01月", "１月", "1 月"; nullopt for anything else.
std::optional<int> month_of_header(std::string_view cell);

// Column names chosen in the settings; an empty name means "look for the usual spellings".
struct ColumnNames {
  std::string spot;
  std::string code;
  std::string year;
  std::string split;
  std::string row_total;
};

struct Layout {
  std::size_t spot = 0;
  std::optional<std::size_t> code;
  std::optional<std::size_t> year;
  std::optional<std::size_t> split;
  std::optional<std::size_t> row_total;  // a 年計 column, checked against the row's months
  std::array<std::size_t, 12> months{};  // column of 1月 … 12月
  std::string spot_header;               // as written, for messages
};

// The layout when this record is the header row (it has month columns), else nullopt (a title line).
// Throws CsvError when the record has some months but not all twelve, or lacks a spot column, or a
// column named in the settings.
std::optional<Layout> layout_of(const sosei::CsvReader& row, const ColumnNames& names);

// The split of a row, read from its 区分 cell: 日帰り / 宿泊 and 県内 / 県外, in any order and with any
// separator (日帰り・県外, 県外(宿泊) …). `subtotal` when the cell says 計 / 小計 / 合計.
struct Split {
  std::string stay;    // "day_trip", "overnight" or ""
  std::string origin;  // "in_prefecture", "out_of_prefecture" or ""
  bool subtotal = false;
  bool none() const { return stay.empty() && origin.empty(); }
  std::string key() const { return stay + "/" + origin; }
  std::string japanese() const;  // 日帰り・県外
};
// nullopt with `error` set when the cell names neither.
std::optional<Split> parse_split(std::string_view cell, std::string& error);

// One visitor count as prefectures write it (12,345, 12345人, full-width digits): true with `count`
// set, or left empty for a blank or — cell (not counted, never zero); false with `error` for a status
// (未実施), another unit or a negative number.
bool read_count(std::string_view text, std::optional<double>& count, std::string& error);

// 1..12 for a month cell of a long table (4, 04, 4月, ４月); nullopt for anything else.
std::optional<int> month_of_cell(std::string_view cell);

// Throws PluginError when the first record is an HTML/XML page (a portal's login or error page).
void refuse_html(const sosei::CsvReader& first, const std::string& file);

// A spot name that stands for the grand total of the table (合計, 計, 総計, 総数, 【合計】, 合計（人）…;
// sosei::row_total_kind).
bool is_totals_name(std::string_view spot);
// A spot name that stands for a total of some spots (小計, 地区小計, 嘉麻市計): skipped, neither data nor
// the table's total, since which spots it adds up the table does not say.
bool is_part_total_name(std::string_view spot);

// 240000 → "240,000"; 1234.5 → "1,234.5".
std::string format_count(double value);

}  // namespace tourism
