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
    {"delimiter", SOSEI_SETTING_STRING, 0, "auto",
     "区切り文字: auto（自動判定）、comma（カンマ）、tab（タブ）、semicolon（セミコロン）"},
    {"kpi", SOSEI_SETTING_STRING, 0, nullptr,
     "すべての行の値を入れる KPI の id（行ごとに KPI が違うなら代わりに kpi_column を設定）"},
    {"kpi_column", SOSEI_SETTING_STRING, 0, nullptr, "行ごとの KPI の id を持つ列"},
    {"period_column", SOSEI_SETTING_STRING, 1, nullptr, "期間を持つ列（2025、FY2025、R7、令和7年度、2025-04 など）"},
    {"value_column", SOSEI_SETTING_STRING, 1, nullptr, "値を持つ列（1,234 / 19.9万人 / ▲5 / 未実施 など）"},
    {"note_column", SOSEI_SETTING_STRING, 0, nullptr, "値と一緒に残す備考の列（省略可）"},
    {"dimension_columns", SOSEI_SETTING_STRING, 0, "",
     "内訳を 内訳名=列名 の組で、複数はカンマ区切り（例: route=路線,spot=地点）。セルが空の行は、その内訳の"
     "ない行（合計）として取り込みます"},
    {"period_type", SOSEI_SETTING_STRING, 0, "fiscal_year",
     "2025 や R7 のように年だけの期間の読み方: fiscal_year（年度）または calendar_year（暦年）"},
    {"series_break_column", SOSEI_SETTING_STRING, 0, nullptr,
     "統計の断絶を示す列（省略可）。セルが空でない行の値は、それより前の値と比較できないものとして扱います"},
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
        sosei::with_help(sosei::kInputSettings, "file",
                         "取り込むファイル（CSV、TSV、XLSX）。ダウンロードするときは代わりに url を設定します"),
        "url", "手元のファイルの代わりに、この URL からファイルをダウンロードして取り込みます"),
    kMappingSettings);

constexpr std::array<sosei_series_spec, 1> kSeries{{{"*", "", "取込元の kpis に書いた KPI（どれでも）"}}};

class CsvImport : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {"csv",        "1.0.0",
            "総合政策課", "CSV・TSV・XLSX の表から KPI の値を取り込みます（どの列を読むかは設定で指定）",
            kSettings,    kSeries};
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
  // A table exported for people has a title above its header (「令和7年度 KPI 実績一覧」, a unit line):
  // the header is the first row, among the first few, that has the period column; the rows above it
  // are skipped and said so. Without such a row the first row stays the header, and its missing
  // column is named as before.
  static void skip_title_rows(const sosei::Context& ctx, const csv_plugin::MappingSettings& settings,
                              sosei::CsvReader& reader, const std::string& name) {
    constexpr uint64_t kMostTitleRows = 10;
    const auto has_period_column = [&] {
      for (std::size_t i = 0; i < reader.size(); ++i)  // compared as CsvHeader finds it
        if (reader.cell(i) == settings.period_column ||
            sosei::normalize_header(reader.cell(i)) == sosei::normalize_header(settings.period_column))
          return true;
      return false;
    };
    if (settings.period_column.empty() || has_period_column()) return;
    // Only a title row (sosei::is_title_row) is passed over: a header with other names is the header,
    // and its missing column is the error to show. Rows are counted, not lines: blank lines between
    // (an XLSX's empty rows) are no titles.
    uint64_t passed = 0;
    while (sosei::is_title_row(reader) && passed < kMostTitleRows) {
      if (!reader.next())
        throw sosei::PluginError(
            SOSEI_ERR_INPUT, name + ": 表題の行だけで、列「" + settings.period_column + "」のある見出し行がありません");
      ++passed;
      if (has_period_column()) {
        ctx.info(name + ": 見出しを " + std::to_string(reader.line()) + " 行目に見つけました（その上の " +
                 std::to_string(passed) + " 行は表題として読み飛ばしました）");
        return;
      }
    }
  }

  // A unit row under the header says what the figures are counted in: the value column's own cell
  // (「,（千人）」), or one cell for the whole table (「（単位：千人）,」). When it states another unit than
  // the KPI's (千人 for a KPI in 人), every value would be stored wrong by a factor while reading as
  // plain numbers: with one KPI (`kpi`) the import is refused before any row is read; with a KPI per
  // row (`kpi_column`) each row of another KPI's unit is refused. Returns the unit stated, or "".
  static std::string read_unit_row(const sosei::Context& ctx, const csv_plugin::MappingSettings& settings,
                                   const csv_plugin::ColumnMapping& mapping, const sosei::CsvReader& reader,
                                   const std::string& name) {
    std::string stated = sosei::stated_unit(reader.cell(mapping.value_column()));
    std::size_t filled = 0;
    for (std::size_t i = 0; i < reader.size(); ++i) filled += reader.cell(i).empty() ? 0 : 1;
    if (stated.empty() && filled == 1)
      for (std::size_t i = 0; i < reader.size() && stated.empty(); ++i) stated = sosei::stated_unit(reader.cell(i));
    const std::string where = name + ":" + std::to_string(reader.line()) + ": ";
    const auto declared = settings.kpi.empty() ? std::nullopt : ctx.kpi_unit(settings.kpi);
    if (!stated.empty() && declared && !sosei::same_unit(stated, *declared))
      throw sosei::PluginError(SOSEI_ERR_INPUT,
                               where + other_unit(stated, settings.value_column, settings.kpi, *declared, true));
    ctx.info(where + "単位の行として読み飛ばしました" +
             (stated.empty() ? std::string() : "（値の列の単位: " + stated + "）"));
    return stated;
  }

  static std::string other_unit(const std::string& stated, const std::string& column, std::string_view kpi,
                                const std::string& declared, bool unit_row) {
    return std::string(unit_row ? "見出しの下の単位の行では" : "見出しでは") + "値の列「" + column + "」の単位は「" +
           stated + "」ですが、KPI「" + std::string(kpi) + "」" +
           (declared.empty() ? std::string("は単位のない数です") : "の単位は「" + declared + "」です") +
           "。このままでは値が単位の分だけ違って記録されます。表を KPI の単位に直すか、戦略の KPI の単位を確かめて"
           "ください";
  }

  static void read_table(const sosei::Context& ctx, const csv_plugin::MappingSettings& settings,
                         sosei::CsvReader& reader, const std::string& name) {
    if (!reader.next())
      throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": ファイルが空です。1行目に見出し行が必要です");
    skip_title_rows(ctx, settings, reader, name);
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
    // What the header (「利用者数（人）」) or a unit row under it says of the value column's unit.
    std::string stated_unit = sosei::header_unit(header.name(mapping.value_column()));
    bool stated_in_unit_row = false;
    if (!stated_unit.empty() && !settings.kpi.empty())
      if (const auto declared = ctx.kpi_unit(settings.kpi); declared && !sosei::same_unit(stated_unit, *declared))
        throw sosei::PluginError(SOSEI_ERR_INPUT,
                                 name + ":" + std::to_string(header.line()) + ": " +
                                     other_unit(stated_unit, settings.value_column, settings.kpi, *declared, false));
    uint64_t rows = 0, matched = 0;
    while (reader.next()) {
      if (++rows % 65536 == 0) ctx.progress(rows, 0);
      if (rows == 1 && sosei::is_unit_row(reader)) {  // 「,（人）,（件）」 under the header
        if (std::string row_unit = read_unit_row(ctx, settings, mapping, reader, name); !row_unit.empty()) {
          stated_unit = std::move(row_unit);
          stated_in_unit_row = true;
        }
        continue;
      }
      // Other regions' rows are not this city's data: skipped unread, whatever they hold.
      if (filter.active() && !filter.matches(reader)) continue;
      if (sosei::is_blank_row(reader) || sosei::is_note_row(reader)) continue;  // ※ under a published table
      if (mapping.is_totals_row(reader)) continue;  // 合計 under the months, 小計 between the parts
      ++matched;
      if (auto why = sosei::split_thousands(reader, header.size(), mapping.value_column(),
                                            header.named_width())) {  // 1,234 unquoted
        ctx.reject(name, reader.line(), *why);
        continue;
      }
      sosei::Observation o;
      if (!mapping.fill(reader, o, dimensions, error)) {
        ctx.reject(name, reader.line(), error);
        continue;
      }
      if (!stated_unit.empty() && settings.kpi.empty())  // a KPI per row: each checked against the unit row
        if (const auto declared = ctx.kpi_unit(o.series); declared && !sosei::same_unit(stated_unit, *declared)) {
          ctx.reject(name, reader.line(),
                     other_unit(stated_unit, settings.value_column, o.series, *declared, stated_in_unit_row));
          continue;
        }
      if (yearly && !yearly->add(o, reader.line(), error)) {
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
