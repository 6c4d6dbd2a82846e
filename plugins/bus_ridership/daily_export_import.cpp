// Reading the daily export: a few columns found by name (English or Japanese), a row per day and route.
#include "daily_export_import.hpp"

#include "header_checks.hpp"

#include <sosei/csv.hpp>
#include <sosei/notation.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace bus_ridership {
namespace {

// 1234, or a figure as Excel writes it (1,234 / 1,234人).
std::optional<int64_t> parse_boardings(std::string_view text) {
  if (auto plain = parse_count(text)) return plain;
  auto value = sosei::parse_value(text);
  if (!value || value->kind != SOSEI_VALUE_NUMBER || value->number < 0 || value->number != std::floor(value->number) ||
      (!value->unit.empty() && value->unit != "人"))
    return std::nullopt;
  return static_cast<int64_t>(value->number);
}

}  // namespace

ImportCounts import_daily_export(const sosei::Context& ctx, sosei::Input& input, const std::string& name,
                                 RouteIndex& routes, BoardingsTable& table) {
  sosei::CsvReader reader(input);
  if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": ファイルが空です。1行目に見出し行が必要です");
  refuse_html(reader, name, "日次データ（date,route,boardings）");
  const sosei::ColumnFinder header(reader);
  const std::size_t date_column = header.require({"date", "日付", "運行日"}, "乗車日");
  const std::size_t route_column = header.require({"route", "路線", "路線名"}, "路線");
  const std::size_t boardings_column = header.require({"boardings", "乗車人数", "利用者数", "乗車数"}, "乗車人数");
  const std::size_t needed = std::max({date_column, route_column, boardings_column}) + 1;

  ImportCounts counts;
  // Route and day → the line that counted them. A day's row coming again would be summed into the
  // month without a trace (issue 14 §1); the map grows with routes × days, never with rows.
  std::unordered_map<std::string, uint64_t> counted_at;
  std::string day_key;
  auto reject = [&](const std::string& reason) {
    ++counts.rejected;
    ctx.reject(name, reader.line(), reason);
  };
  while (reader.next()) {
    ++counts.rows;
    if (sosei::is_blank_row(reader) || sosei::is_note_row(reader)) continue;  // ※ under the export
    // The export's 合計 row under the days: its figure is theirs again, not another day.
    if (sosei::row_total_kind(reader.cell(date_column)) != sosei::RowTotal::None ||
        sosei::row_total_kind(reader.cell(route_column)) != sosei::RowTotal::None)
      continue;
    if (auto why = sosei::split_thousands(reader, header.size(), boardings_column, header.named_width())) {
      reject(*why);  // 1,000 without quotes: read as it stands, 1 boarding
      continue;
    }
    if (reader.size() < needed) {
      reject("この行の項目は " + std::to_string(reader.size()) + " 個しかありません（見出し行の項目は " +
             std::to_string(header.size()) + " 個）。行が途中で切れていないか確かめてください");
      continue;
    }
    const std::string_view boardings_text = reader.cell(boardings_column);
    if (boardings_text.empty()) {  // a blank day is missing, not zero
      ++counts.without_boardings;
      continue;
    }
    const auto boardings = parse_boardings(boardings_text);
    if (!boardings) {
      reject("「" + header.name(boardings_column) + "」の「" + std::string(boardings_text) +
             "」は人数（0 以上の整数）ではありません");
      continue;
    }
    const std::string_view date = reader.field(date_column);
    const auto month = parse_export_date(date);
    if (!month) {
      reject("「" + header.name(date_column) + "」の「" + std::string(date) +
             "」は日付として読めません。2025-04-01、2025/4/1、20250401 のように書いてください");
      continue;
    }
    const std::string_view route = reader.cell(route_column);
    if (route.empty()) {
      reject("「" + header.name(route_column) + "」（路線）が空欄です。路線名を書いてください");
      continue;
    }
    day_key.assign(route).push_back('\x1f');
    day_key.append(std::to_string((month->year * 100 + month->month) * 100 + month->day));
    if (const auto [first, fresh] = counted_at.emplace(day_key, reader.line()); !fresh) {
      reject("route「" + std::string(route) + "」の " + std::string(date) + " の行が、" + name + ":" +
             std::to_string(first->second) + " に続いてもう一度あります（1日・1路線につき1行にしてください）");
      continue;
    }
    table.add(routes.group(route, route), *month, *boardings);
    ++counts.counted;
    counts.boardings += *boardings;
  }
  ctx.progress(counts.rows, counts.rows);
  return counts;
}

}  // namespace bus_ridership
