// The csv plugin: imports any CSV, TSV or XLSX sheet with a column mapping from its settings. Values
// and periods may use the city's notations (19.9万人, ▲1,833, R7, 令和7年度 …).
#include <sosei/csv.hpp>
#include <sosei/notation.hpp>
#include <sosei/plugin.hpp>

#include <array>
#include <optional>
#include <vector>

#include "column_mapping.hpp"
#include "row_filter.hpp"
#include "yearly_aggregate.hpp"

namespace {

constexpr std::array<sosei_setting_spec, 14> kMappingSettings{{
    {"delimiter", SOSEI_SETTING_STRING, 0, "auto", "auto, comma, tab or semicolon"},
    {"kpi", SOSEI_SETTING_STRING, 0, nullptr, "the KPI every row feeds (or set kpi_column)"},
    {"kpi_column", SOSEI_SETTING_STRING, 0, nullptr, "the column holding each row's KPI id"},
    {"period_column", SOSEI_SETTING_STRING, 1, nullptr,
     "the column holding the period (2025, FY2025, R7, 令和7年度, 2025-04 …)"},
    {"value_column", SOSEI_SETTING_STRING, 1, nullptr,
     "the column holding the value (1,234 / 19.9万人 / ▲5 / 未実施 …)"},
    {"note_column", SOSEI_SETTING_STRING, 0, nullptr, "an optional column with a note kept with each value"},
    {"dimension_columns", SOSEI_SETTING_STRING, 0, "",
     "dimensions as name=column pairs separated by commas, e.g. route=路線,spot=地点; an empty cell: "
     "the row has no such dimension (a total)"},
    {"period_type", SOSEI_SETTING_STRING, 0, "fiscal_year",
     "what a bare year such as 2025 or R7 means: fiscal_year or calendar_year"},
    {"series_break_column", SOSEI_SETTING_STRING, 0, nullptr,
     "an optional column; a non-empty cell marks the value as not comparable with earlier ones"},
    // Long tables (a national table of every region and month) feed one city's yearly KPI.
    {"month_column", SOSEI_SETTING_STRING, 0, nullptr,
     "縦長の表で月（1〜12、4月）を持つ列。年は period_column の列（2024、令和6年）から読みます"},
    {"where", SOSEI_SETTING_STRING, 0, "",
     "取り込む行の条件を 列名=値 で、複数はカンマ区切り（すべてに合う行だけ）: 地域コード=40227 や 地域名=飯塚市"},
    {"aggregate", SOSEI_SETTING_STRING, 0, "",
     "月ごとの行を年の値にまとめる方法: sum（合計）, last（最後の月）, mean（平均）, max（最大）; 空: まとめない"},
    {"aggregate_by", SOSEI_SETTING_STRING, 0, "year",
     "まとめる単位: year（period_type が fiscal_year なら4〜3月の年度、calendar_year なら1〜12月の暦年）"},
    {"allow_partial", SOSEI_SETTING_BOOLEAN, 0, "false",
     "aggregate: sum で12か月そろわない年も途中までの合計として取り込む（ない月を注記）; 既定は行の誤りとして拒否"},
}};
constexpr auto kSettings = sosei::join_settings(
    sosei::with_help(
        sosei::with_help(sosei::kInputSettings, "file", "the file to import (CSV, TSV or XLSX); or set url"), "url",
        "fetch the file from this URL instead of reading a local file"),
    kMappingSettings);

constexpr std::array<sosei_series_spec, 1> kSeries{{{"*", "", "any KPI the source is bound to"}}};

class CsvImport : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {"csv",     "1.0.0", "総合政策課", "Imports KPI values from CSV, TSV or XLSX with a column mapping",
            kSettings, kSeries};
  }

  void run(sosei::Context& ctx) override {
    const csv_plugin::MappingSettings settings = csv_plugin::read_settings(ctx);
    sosei::Input input = ctx.open_configured_input(settings.encoding, settings.sheet);
    const std::string name = input.name();
    sosei::CsvReader reader(input, settings.delimiter);
    try {
      read_table(ctx, settings, reader, name);
    } catch (const sosei::CsvError& e) {
      throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": " + e.what());  // CsvError knows only the line
    }
  }

 private:
  static void read_table(const sosei::Context& ctx, const csv_plugin::MappingSettings& settings,
                         sosei::CsvReader& reader, const std::string& name) {
    if (!reader.next())
      throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": ファイルが空です。1行目に見出し行が必要です");
    const sosei::CsvHeader header(reader);
    csv_plugin::ColumnMapping mapping(settings, header, name);
    mapping.set_unit_lookup([&ctx](std::string_view kpi) { return ctx.kpi_unit(kpi); });
    const csv_plugin::RowFilter filter(settings.where, header);
    std::optional<csv_plugin::YearlyAggregate> yearly;
    if (settings.aggregate)
      yearly.emplace(csv_plugin::AggregateSettings{
          *settings.aggregate, settings.bare_year_kind == SOSEI_PERIOD_FISCAL_YEAR, settings.allow_partial});

    std::vector<sosei_dimension> dimensions(mapping.dimensions.size());
    std::string error;
    uint64_t rows = 0, matched = 0;
    while (reader.next()) {
      if (++rows % 65536 == 0) ctx.progress(rows, 0);
      // Other regions' rows are not this city's data: skipped unread, whatever they hold.
      if (filter.active() && !filter.matches(reader)) continue;
      ++matched;
      sosei::Observation o;
      if (!mapping.fill(reader, o, dimensions, error) || (yearly && !yearly->add(o, reader.line(), error))) {
        ctx.reject(name, reader.line(), error);
        continue;
      }
      if (yearly) continue;
      o.file = name;
      o.line = reader.line();
      ctx.emit(o);
    }
    if (filter.active() && matched == 0)
      throw sosei::PluginError(
          SOSEI_ERR_INPUT,
          name + ": where（" + filter.describe() + "）に合う行が " + std::to_string(rows) +
              " 行の中に1つもありません。コードや名前の書き方（桁数、全角・半角）を表と見比べてください");
    if (yearly) yearly->finish(ctx, name);
    ctx.progress(rows, rows);
  }
};

}  // namespace

SOSEI_PLUGIN(CsvImport)
