// Resolving and applying the csv plugin's column mapping.
#include "column_mapping.hpp"

#include <sosei/notation.hpp>

#include <algorithm>

namespace csv_plugin {
namespace {

char delimiter_from(const std::string& d) {
  if (d == "auto" || d.empty()) return 0;
  if (d == "comma" || d == ",") return ',';
  if (d == "tab" || d == "\\t" || d == "\t") return '\t';
  if (d == "semicolon" || d == ";") return ';';
  throw sosei::PluginError(
      SOSEI_ERR_CONFIG,
      "設定 'delimiter' の「" + d + "」は使えません。auto, comma, tab, semicolon のいずれかを指定してください");
}

std::vector<std::pair<std::string, std::string>> parse_dimension_columns(const std::string& spec) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    const std::string item(sosei::trim(std::string_view(spec).substr(start, end - start)));
    if (!item.empty()) {
      const auto eq = item.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
        throw sosei::PluginError(SOSEI_ERR_CONFIG, "設定 'dimension_columns' の「" + item +
                                                       "」は 名前=列名 の形ではありません（例: route=路線）");
      out.emplace_back(sosei::trim(std::string_view(item).substr(0, eq)),
                       sosei::trim(std::string_view(item).substr(eq + 1)));
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

MappingSettings read_settings(const sosei::Context& ctx) {
  MappingSettings s;
  s.encoding = ctx.string_setting("encoding");
  s.sheet = ctx.string_setting("sheet");
  s.delimiter = delimiter_from(ctx.string_setting("delimiter"));
  s.kpi = ctx.string_setting("kpi");
  s.kpi_column = ctx.string_setting("kpi_column");
  if (s.kpi.empty() == s.kpi_column.empty())
    throw sosei::PluginError(
        SOSEI_ERR_CONFIG,
        "'kpi'（すべての行に同じ KPI）か 'kpi_column'（行ごとの KPI の列）のどちらか1つだけを設定してください");
  s.period_column = ctx.required_setting("period_column");
  s.month_column = ctx.string_setting("month_column");
  s.value_column = ctx.required_setting("value_column");
  s.note_column = ctx.string_setting("note_column");
  s.series_break_column = ctx.string_setting("series_break_column");
  s.dimension_columns = parse_dimension_columns(ctx.string_setting("dimension_columns"));
  const std::string type = ctx.string_setting("period_type");
  if (type == "fiscal_year")
    s.bare_year_kind = SOSEI_PERIOD_FISCAL_YEAR;
  else if (type == "calendar_year")
    s.bare_year_kind = SOSEI_PERIOD_CALENDAR_YEAR;
  else
    throw sosei::PluginError(SOSEI_ERR_CONFIG, "設定 'period_type' の「" + type +
                                                   "」は使えません。fiscal_year か calendar_year を指定してください");
  s.where = parse_where(ctx.string_setting("where"));
  s.aggregate = parse_aggregate(ctx.string_setting("aggregate"));
  const std::string by = ctx.string_setting("aggregate_by");
  if (by != "year")
    throw sosei::PluginError(SOSEI_ERR_CONFIG, "設定 'aggregate_by' の「" + by +
                                                   "」は使えません。いまは year（年度、または period_type: "
                                                   "calendar_year のとき暦年）だけです");
  s.allow_partial = ctx.boolean_setting("allow_partial");
  if (s.allow_partial && s.aggregate != AggregateOp::Sum)
    throw sosei::PluginError(SOSEI_ERR_CONFIG, "設定 'allow_partial' は aggregate: sum のときだけ意味があります");
  return s;
}

ColumnMapping::ColumnMapping(const MappingSettings& s, const sosei::CsvHeader& header, const std::string& input_name)
    : kpi_(s.kpi), bare_year_kind_(s.bare_year_kind) {
  auto require = [&](const std::string& column, const char* what) {
    std::size_t i = header.require(column, what);
    needed_ = std::max(needed_, i + 1);
    return i;
  };
  (void)input_name;
  if (!s.kpi_column.empty()) kpi_column_ = require(s.kpi_column, "KPI の id（kpi_column）");
  period_column_ = require(s.period_column, "期間（period_column）");
  if (!s.month_column.empty()) month_column_ = require(s.month_column, "月（month_column）");
  // Beside a month column, a year column headed 年度 holds fiscal years (2023 or R5 with 1月 is January 2024).
  month_year_fiscal_ = month_column_ && sosei::normalize_header(s.period_column).find("年度") != std::string::npos;
  value_column_ = require(s.value_column, "値（value_column）");
  if (!s.note_column.empty()) note_column_ = require(s.note_column, "注記（note_column）");
  if (!s.series_break_column.empty())
    break_column_ = require(s.series_break_column, "統計の断絶の印（series_break_column）");
  for (const auto& [name, column] : s.dimension_columns)
    dimensions.push_back({name, require(column, "内訳（dimension_columns）")});
}

bool ColumnMapping::is_totals_row(const sosei::CsvReader& row) const {
  if (sosei::row_total_kind(row.cell(period_column_)) != sosei::RowTotal::None) return true;
  if (month_column_ && sosei::row_total_kind(row.cell(*month_column_)) != sosei::RowTotal::None) return true;
  const bool no_period = row.cell(period_column_).empty();  // a total over the years (合計,,19)
  for (const auto& d : dimensions) {
    const sosei::RowTotal kind = sosei::row_total_kind(row.cell(d.column));
    if (kind == sosei::RowTotal::Subtotal || (kind == sosei::RowTotal::Total && no_period)) return true;
  }
  return false;
}

const std::optional<std::string>& ColumnMapping::unit_of(std::string_view kpi) const {
  auto it = units_.find(kpi);
  if (it == units_.end()) it = units_.emplace(std::string(kpi), unit_lookup_ ? unit_lookup_(kpi) : std::nullopt).first;
  return it->second;
}

bool ColumnMapping::fill(const sosei::CsvReader& row, sosei::Observation& o, std::vector<sosei_dimension>& dims,
                         std::string& error) const {
  if (row.size() < needed_) {
    error = "この行の列は " + std::to_string(row.size()) + " 個です。設定した列を読むには " + std::to_string(needed_) +
            " 個以上必要です（行が途中で切れていないか確かめてください）";
    return false;
  }
  o.series = kpi_column_ ? row.cell(*kpi_column_) : std::string_view(kpi_);
  if (o.series.empty()) {
    error = "KPI の列（kpi_column）が空欄です。KPI の id を書いてください";
    return false;
  }
  if (month_column_) {
    if (!fill_month(row, o, error)) return false;
  } else {
    auto period = sosei::parse_period(row.field(period_column_), bare_year_kind_, &error);
    if (!period) return false;
    o.period = *period;
  }
  const std::optional<std::string>& declared = unit_of(o.series);
  const std::string_view units[] = {declared ? std::string_view(*declared) : std::string_view()};
  auto value = sosei::parse_value(row.field(value_column_), units, &error);
  if (!value) return false;
  // A value in another unit than its KPI's is another quantity: storing its digits would be silently
  // wrong by a factor (85.3% of a KPI kept as a ratio is 0.853, 13,650,000円 of one in 千円 is 13,650).
  if (declared && !sosei::fits_unit(row.field(value_column_), *value, *declared)) {
    const std::string written(sosei::trim(row.field(value_column_)));
    error = declared->empty()
                ? "値「" + written + "」には単位「" + std::string(value->unit) + "」がありますが、KPI「" +
                      std::string(o.series) +
                      "」は単位のない数です（戦略の KPI に単位が書かれていません）。割合などを単位のない数"
                      "で記録しているなら、0.853 のように単位を付けずに書いてください"
                : "値「" + written + "」は KPI「" + std::string(o.series) + "」の単位「" + *declared +
                      "」で書かれていません。列や KPI を確かめ、" + *declared + " で書いてください";
    return false;
  }
  o.value_kind = static_cast<sosei_value_kind>(value->kind);
  o.number = value->number;
  if (note_column_) o.note = row.field(*note_column_);
  if (break_column_ && !row.cell(*break_column_).empty()) o.flags |= SOSEI_OBS_SERIES_BREAK;
  // An empty cell, or one naming the table's total (合計, 総数): the row has no such dimension (a KPI's
  // total beside its parts).
  std::size_t n = 0;
  for (const auto& d : dimensions) {
    const std::string_view value = row.field(d.column);
    if (!value.empty() && sosei::row_total_kind(value) != sosei::RowTotal::Total)
      dims[n++] = sosei::dimension(d.name, value);
  }
  o.dimensions = std::span<const sosei_dimension>(dims.data(), n);
  return true;
}

// A long table's 年 and 月 in two columns: the year is a calendar year (2024, 2024年, 令和6年) or, in a
// column headed 年度 or written so (令和6年度, FY2024), a fiscal year whose 1〜3月 fall in the next
// calendar year; the month 1–12 (4, 04, 4月, ４月).
bool ColumnMapping::fill_month(const sosei::CsvReader& row, sosei::Observation& o, std::string& error) const {
  const std::string_view year_text = row.cell(period_column_);
  auto year = sosei::parse_period(year_text, month_year_fiscal_ ? SOSEI_PERIOD_FISCAL_YEAR : SOSEI_PERIOD_CALENDAR_YEAR,
                                  &error);
  if (!year) return false;
  if (year->kind != SOSEI_PERIOD_CALENDAR_YEAR && year->kind != SOSEI_PERIOD_FISCAL_YEAR) {
    error =
        "年「" + std::string(year_text) +
        "」は年でも年度でもありません。month_column と組む年の列には 2024、2024年、令和6年、令和6年度 のように書きます";
    return false;
  }
  std::string month_text = sosei::fold_full_width(row.cell(*month_column_));
  if (month_text.ends_with("月")) month_text.resize(month_text.size() - std::string_view("月").size());
  int month = 0;
  const bool digits = !month_text.empty() && month_text.size() <= 2 &&
                      std::all_of(month_text.begin(), month_text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) month = std::stoi(month_text);
  if (month < 1 || month > 12) {
    error =
        "月「" + std::string(row.cell(*month_column_)) + "」は 1〜12 の月ではありません（4、04、4月 のように書きます）";
    return false;
  }
  const int calendar_year = year->kind == SOSEI_PERIOD_FISCAL_YEAR && month < 4 ? year->year + 1 : year->year;
  o.period = {SOSEI_PERIOD_MONTH, calendar_year, month, 0};
  return true;
}

}  // namespace csv_plugin
