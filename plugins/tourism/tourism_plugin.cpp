// The tourism plugin (産業振興課): visitor counts by sightseeing spot and month as prefectures collect
// them under the national common standard → monthly detail per spot and the calendar-year KPI total.
#include <sosei/csv.hpp>
#include <sosei/notation.hpp>
#include <sosei/plugin.hpp>

#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "long_table.hpp"
#include "visitor_table.hpp"

namespace {

constexpr std::array<sosei_setting_spec, 13> kTourismSettings{{
    {"year", SOSEI_SETTING_INTEGER, 0, nullptr, "表に 年 の列がないとき、すべての行の暦年（例: 2024）"},
    {"kpi", SOSEI_SETTING_STRING, 0, "tourism_visitors", "暦年の合計を入れる KPI の id"},
    {"spot_column", SOSEI_SETTING_STRING, 0, "",
     "観光地点名の列（省略時: 観光地点名、観光地点、地点名、地点 のいずれか）"},
    {"code_column", SOSEI_SETTING_STRING, 0, "",
     "観光地点コードの列（省略時: 観光地点コード、地点コード のいずれか。なくても可）"},
    {"year_column", SOSEI_SETTING_STRING, 0, "", "年の列（省略時: 年、暦年、調査年 のいずれか。なくても可）"},
    {"split_column", SOSEI_SETTING_STRING, 0, "",
     "日帰り/宿泊 と 県内/県外 の区分を書いた列（省略時: 区分、内訳 のいずれか。なくても可）"},
    {"row_total_column", SOSEI_SETTING_STRING, 0, "",
     "行ごとの年間の合計の列。月の合計と照合します（省略時: 年計、合計 のいずれか。なくても可）"},
    // The long shape: one row per month (and region, spot), as national open data publish it.
    {"layout", SOSEI_SETTING_STRING, 0, "wide",
     "表の形: wide（共通基準の横長の表。1地点1行で 1月 … 12月 が列）または long（縦長の表。1か月1行）"},
    {"month_column", SOSEI_SETTING_STRING, 0, "",
     "long: 月の列（省略時: 月。年 の列に 2024-04 のように月まで書いてあれば、なくても可）"},
    {"count_column", SOSEI_SETTING_STRING, 0, "",
     "long: 人数の列（省略時: 観光入込客数、入込客数、観光客数、入込数、延べ人数、人数 のいずれか）"},
    {"where", SOSEI_SETTING_STRING, 0, "",
     "long: 取り込む行の条件を 列名=値 で、複数はカンマ区切り（すべてに合う行だけ取り込みます。例: "
     "地域コード=40227 や 地域名=飯塚市）"},
    {"period_type", SOSEI_SETTING_STRING, 0, "calendar_year",
     "long: 月を合計する年の区切り: calendar_year（暦年、1月〜12月）または fiscal_year（年度、4月〜3月）"},
    {"allow_partial", SOSEI_SETTING_BOOLEAN, 0, "false",
     "long: 欠けた月がある年も合計する（欠けた月を注記）。既定（false）では、そのような年の合計は出しません"},
}};
constexpr auto kSettings = sosei::join_settings(sosei::kInputSettings, kTourismSettings);

constexpr std::array<sosei_series_spec, 1> kSeries{{
    {"monthly_visitors", "人",
     "観光地点・月ごとの入込客数（内訳 spot、あれば spot_code、区分があれば stay と origin）"},
}};

// What the report and dashboard show for the series, its dimensions and the split codes.
constexpr std::array<sosei_display_name, 9> kNames{{
    sosei::series_name("monthly_visitors", "観光入込客数", "Visitors"),
    sosei::dimension_name("spot", "観光地点", "Spot"),
    sosei::dimension_name("spot_code", "観光地点コード", "Spot code"),
    sosei::dimension_name("stay", "日帰り・宿泊", "Day trip or overnight"),
    sosei::dimension_name("origin", "発地", "Origin"),
    sosei::value_name("stay", "day_trip", "日帰り", "Day trip"),
    sosei::value_name("stay", "overnight", "宿泊", "Overnight"),
    sosei::value_name("origin", "in_prefecture", "県内", "In the prefecture"),
    sosei::value_name("origin", "out_of_prefecture", "県外", "Outside the prefecture"),
}};

// Rows searched for the header: prefecture tables carry a title and a unit line above it.
constexpr uint64_t kHeaderSearchRows = 30;

using Months = std::array<std::optional<double>, 12>;

// Month sums of the rows one totals row must match.
struct MonthSums {
  std::array<double, 12> sum{};
  std::array<int, 12> missing{};  // rows left blank
};

struct TotalsRow {
  std::string key;  // what it totals (see totals_key)
  std::string label;
  int year = 0;
  uint64_t line = 0;
  Months months;
};

struct YearTotal {
  double sum = 0;
  std::set<std::string> spots;
  std::vector<std::string> missing;  // "馬見山キャンプ場 3月"
};

// year + spot ("" = every spot) + split key ("*" = every split).
std::string totals_key(int year, const std::string& spot, const std::string& split) {
  return std::to_string(year) + "\x1f" + spot + "\x1f" + split;
}

class TourismImport : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {
        "tourism", "1.0.0", "産業振興課", "観光地点別・月別の観光入込客数（観光入込客統計 共通基準）→ 年間観光入込客数",
        kSettings, kSeries, kNames};
  }

  void run(sosei::Context& ctx) override {
    ctx_ = &ctx;
    kpi_ = ctx.string_setting("kpi");
    if (kpi_.empty())
      throw sosei::PluginError(SOSEI_ERR_CONFIG, "設定 'kpi' が空です。値を入れる KPI の id を書いてください");
    const tourism::ColumnNames names{ctx.string_setting("spot_column"), ctx.string_setting("code_column"),
                                     ctx.string_setting("year_column"), ctx.string_setting("split_column"),
                                     ctx.string_setting("row_total_column")};
    const std::string layout = ctx.string_setting("layout");
    if (layout != "wide" && layout != "long")
      throw sosei::PluginError(SOSEI_ERR_CONFIG,
                               "設定 'layout' の「" + layout + "」は使えません。wide か long を指定してください");
    std::optional<tourism::LongSettings> long_table;
    if (layout == "long")
      long_table = long_settings(ctx, names);
    else
      check_wide_settings(ctx);
    sosei::Input input = ctx.open_configured_input();
    file_ = input.name();
    sosei::CsvReader reader(input);
    try {
      if (long_table) return tourism::import_long_table(ctx, reader, file_, *long_table);
      import_wide(ctx, names, reader);
    } catch (const sosei::CsvError& e) {
      throw sosei::PluginError(SOSEI_ERR_INPUT, file_ + ": " + e.what());  // CsvError knows no file
    }
  }

 private:
  static void check_wide_settings(const sosei::Context& ctx) {
    for (const char* name : {"month_column", "count_column", "where"})
      if (!ctx.string_setting(name).empty())
        throw sosei::PluginError(
            SOSEI_ERR_CONFIG,
            std::string("設定 '") + name + "' は縦長の表（1か月1行）のための設定です。layout: long を設定してください");
    if (ctx.string_setting("period_type") != "calendar_year")
      throw sosei::PluginError(SOSEI_ERR_CONFIG,
                               "period_type: fiscal_year には layout: long が要ります。1月 … 12月 を列に持つ"
                               "共通基準の表は暦年（1月〜12月）で数えます");
  }

  tourism::LongSettings long_settings(const sosei::Context& ctx, const tourism::ColumnNames& names) const {
    tourism::LongSettings s;
    s.names = names;
    s.month_column = ctx.string_setting("month_column");
    s.count_column = ctx.string_setting("count_column");
    s.where = tourism::parse_where(ctx.string_setting("where"));
    const std::string period_type = ctx.string_setting("period_type");
    if (period_type != "calendar_year" && period_type != "fiscal_year")
      throw sosei::PluginError(SOSEI_ERR_CONFIG, "設定 'period_type' の「" + period_type +
                                                     "」は使えません。calendar_year か fiscal_year を指定してください");
    s.fiscal_year = period_type == "fiscal_year";
    s.allow_partial = ctx.boolean_setting("allow_partial");
    s.kpi = kpi_;
    if (!ctx.string_setting("year").empty())
      throw sosei::PluginError(SOSEI_ERR_CONFIG,
                               "設定 'year' は 年 の列がない横長の表のための設定です。縦長の表は行ごとの年を"
                               "読むので、'year' を外してください");
    return s;
  }

  void import_wide(sosei::Context& ctx, const tourism::ColumnNames& names, sosei::CsvReader& reader) {
    find_header(reader, names);
    const bool year_setting = !ctx.string_setting("year").empty();
    if (!layout_.year) {
      if (!year_setting)
        throw sosei::PluginError(SOSEI_ERR_CONFIG, file_ +
                                                       ": 表に 年 の列がありません。表が数えている暦年を "
                                                       "'year' に設定してください（例: 2024）");
      fixed_year_ = static_cast<int>(ctx.integer_setting("year"));
      if (fixed_year_ < 1900 || fixed_year_ > 2200)
        throw sosei::PluginError(SOSEI_ERR_CONFIG, "設定 'year' は " + std::to_string(fixed_year_) +
                                                       " です。2024 のような西暦の暦年を書いてください");
    } else if (year_setting) {
      ctx.warn(file_ + ": 表に年の列があるため、設定 'year' は使いません");
    }

    uint64_t rows = 0;
    while (reader.next()) {
      if (++rows % 1024 == 0) ctx.progress(rows, 0);
      read_row(reader);
    }
    check_totals();
    if (restated_rows_ > 0)
      ctx.info(file_ + ": 再掲・うちの行 " + std::to_string(restated_rows_) +
               " 行は、ほかの行に含まれる人数のため合計に入れません");
    emit_year_totals();
    ctx.progress(rows, rows);
  }

  void find_header(sosei::CsvReader& reader, const tourism::ColumnNames& names) {
    uint64_t seen = 0;
    for (; seen < kHeaderSearchRows && reader.next(); ++seen) {
      if (seen == 0) tourism::refuse_html(reader, file_);
      if (auto layout = tourism::layout_of(reader, names)) {
        layout_ = *layout;
        header_width_ = reader.size();
        named_width_ = sosei::named_width(reader);
        return;
      }
    }
    if (seen == 0) throw sosei::PluginError(SOSEI_ERR_INPUT, file_ + ": ファイルが空です");
    throw sosei::PluginError(SOSEI_ERR_INPUT, file_ + ": 最初の " + std::to_string(kHeaderSearchRows) +
                                                  " 行に、月の列（1月 … 12月）のある見出し行がありません。共通基準の表"
                                                  "（観光地点名、1月 … 12月）を読みます。1か月1行の表なら layout: long "
                                                  "を設定してください");
  }

  // The twelve counts of a row; nullopt after rejecting it.
  std::optional<Months> months_of(const sosei::CsvReader& row) const {
    Months months;
    for (int m = 0; m < 12; ++m) {
      std::string error;
      if (!tourism::read_count(row.cell(layout_.months[m]), months[m], error)) {
        ctx_->reject(file_, row.line(), std::to_string(m + 1) + "月: " + error);
        return std::nullopt;
      }
    }
    return months;
  }

  void read_row(const sosei::CsvReader& row) {
    if (row.blank()) return;
    const uint64_t line = row.line();
    if (auto why = sosei::split_thousands(row, header_width_, std::nullopt, named_width_))
      return ctx_->reject(file_, line, *why);
    const std::string spot(row.cell(layout_.spot));
    const auto months = months_of(row);
    if (!months) return;
    bool any_count = false;
    for (const auto& m : *months) any_count = any_count || m.has_value();
    if (spot.empty()) {
      if (!any_count) return;  // a spacer row with only a code or a split
      return ctx_->reject(file_, line, layout_.spot_header + ": 地点名が空です");
    }
    if (!any_count && sosei::is_note_text(spot)) return;  // ※… under the table
    // 県外（再掲）, うち道の駅: people already counted in the rows above, shown again.
    if (sosei::is_restated(spot) || (layout_.split && sosei::is_restated(row.cell(*layout_.split)))) {
      ++restated_rows_;
      return;
    }

    const std::optional<int> year = year_of(row);
    if (!year) return;
    tourism::Split split;
    if (layout_.split) {
      std::string error;
      auto parsed = tourism::parse_split(row.cell(*layout_.split), error);
      if (!parsed) return ctx_->reject(file_, line, error);
      split = *parsed;
    }

    if (tourism::is_part_total_name(spot)) return;
    if (tourism::is_totals_name(spot) || split.subtotal) {
      const bool grand = tourism::is_totals_name(spot);
      const std::string of_split = split.none() ? "*" : split.key();
      const std::string split_text = layout_.split ? std::string(row.cell(*layout_.split)) : std::string();
      totals_.push_back({grand ? totals_key(*year, "", of_split) : totals_key(*year, spot, "*"),
                         split_text.empty() ? spot : spot + " " + split_text, *year, line, *months});
      return;
    }

    const std::string code = layout_.code ? std::string(row.cell(*layout_.code)) : std::string();
    const std::string identity = std::to_string(*year) + "\x1f" + (code.empty() ? spot : code) + "\x1f" + split.key();
    if (auto [it, fresh] = first_line_.emplace(identity, line); !fresh)
      return ctx_->reject(file_, line,
                          "地点「" + spot + "」" + (split.none() ? "" : "（" + split.japanese() + "）") + "の " +
                              std::to_string(*year) + "年の行が2度目です（最初は " + std::to_string(it->second) +
                              " 行目）。同じ地点・年の行は1つにしてください");
    check_row_total(row, spot, *months);
    emit_months(*year, spot, code, split, *months, line);
    accumulate(*year, spot, split, *months);
  }

  std::optional<int> year_of(const sosei::CsvReader& row) const {
    if (!layout_.year) return fixed_year_;
    const std::string_view text = row.cell(*layout_.year);
    std::string error;
    auto period = sosei::parse_period(text, SOSEI_PERIOD_CALENDAR_YEAR, &error);
    if (!period) {
      ctx_->reject(
          file_, row.line(),
          "年: " + (text.empty() ? std::string("空欄です。2024、2024年、令和6年 のように年を書いてください") : error));
      return std::nullopt;
    }
    if (period->kind != SOSEI_PERIOD_CALENDAR_YEAR) {
      ctx_->reject(file_, row.line(),
                   "年: 「" + std::string(text) +
                       "」は暦年ではありません。共通基準は1月〜12月で数えます（年度ではなく 2024、2024年、"
                       "令和6年 のように書いてください）");
      return std::nullopt;
    }
    return period->year;
  }

  void check_row_total(const sosei::CsvReader& row, const std::string& spot, const Months& months) const {
    if (!layout_.row_total) return;
    auto total = sosei::parse_value(row.cell(*layout_.row_total));
    if (!total || total->kind != SOSEI_VALUE_NUMBER) return;
    double sum = 0;
    for (const auto& m : months) {
      if (!m) return;  // an incomplete row cannot be checked
      sum += *m;
    }
    if (std::fabs(sum - total->number) > 0.5)
      ctx_->warn(file_ + ":" + std::to_string(row.line()) + ": " + spot + ": 行の年計は " +
                 tourism::format_count(total->number) + " ですが、月の合計は " + tourism::format_count(sum) +
                 " です。表の数値を確かめてください");
  }

  void emit_months(int year, const std::string& spot, const std::string& code, const tourism::Split& split,
                   const Months& months, uint64_t line) const {
    std::vector<sosei_dimension> dims{sosei::dimension("spot", spot)};
    if (!code.empty()) dims.push_back(sosei::dimension("spot_code", code));
    if (!split.stay.empty()) dims.push_back(sosei::dimension("stay", split.stay));
    if (!split.origin.empty()) dims.push_back(sosei::dimension("origin", split.origin));
    for (int m = 0; m < 12; ++m) {
      sosei::Observation o;
      o.series = "monthly_visitors";
      o.period = {SOSEI_PERIOD_MONTH, year, m + 1, 0};
      o.dimensions = dims;
      if (months[m]) {
        o.number = *months[m];
      } else {
        o.value_kind = SOSEI_VALUE_MISSING;  // blank is "not counted", never zero
        o.note = "表の空欄（未集計）";
      }
      o.file = file_;
      o.line = line;
      ctx_->emit(o);
    }
  }

  void accumulate(int year, const std::string& spot, const tourism::Split& split, const Months& months) {
    YearTotal& total = years_[year];
    total.spots.insert(spot);
    // A totals row may total every split (合計), one split (合計 宿泊・県外) or half of one (合計 宿泊).
    std::set<std::string> keys{totals_key(year, "", "*"), totals_key(year, spot, "*")};
    if (!split.none()) {
      keys.insert(totals_key(year, "", split.key()));
      keys.insert(totals_key(year, "", split.stay + "/"));
      keys.insert(totals_key(year, "", "/" + split.origin));
    }
    std::vector<MonthSums*> targets;
    targets.reserve(keys.size());
    for (const auto& key : keys) targets.push_back(&sums_[key]);
    for (int m = 0; m < 12; ++m) {
      for (MonthSums* t : targets) {
        if (months[m])
          t->sum[m] += *months[m];
        else
          ++t->missing[m];
      }
      if (months[m]) {
        total.sum += *months[m];
      } else {
        total.missing.push_back(spot + (split.none() ? "" : "（" + split.japanese() + "）") + " " +
                                std::to_string(m + 1) + "月");
      }
    }
  }

  // A totals row is a check, not data: a mismatch is worth a warning naming the row, never a failure.
  void check_totals() const {
    for (const TotalsRow& t : totals_) {
      const std::string where =
          file_ + ":" + std::to_string(t.line) + ": 合計行「" + t.label + "」（" + std::to_string(t.year) + "年）";
      auto it = sums_.find(t.key);
      if (it == sums_.end()) {
        ctx_->warn(where + "と照らし合わせる地点の行がありません");
        continue;
      }
      std::string mismatches;
      for (int m = 0; m < 12; ++m) {
        const MonthSums& s = it->second;
        if (!t.months[m] || std::fabs(s.sum[m] - *t.months[m]) <= 0.5) continue;
        mismatches.append(mismatches.empty() ? "" : "、")
            .append(std::to_string(m + 1) + "月（合計行 " + tourism::format_count(*t.months[m]) + "、地点の行の合計 " +
                    tourism::format_count(s.sum[m]));
        if (s.missing[m] > 0) mismatches.append("、空欄 " + std::to_string(s.missing[m]) + " 件");
        mismatches.append("）");
      }
      if (!mismatches.empty())
        ctx_->warn(where + "が地点の行の合計と合いません: " + mismatches + "。表の数値を確かめてください");
    }
  }

  void emit_year_totals() const {
    for (const auto& [year, total] : years_) {
      std::string note;
      if (!total.missing.empty()) {
        const std::size_t n = total.missing.size();
        note = std::to_string(n) + "か月分がないため、わかっている月の合計です（";
        for (std::size_t i = 0; i < n && i < 5; ++i) note.append(i ? "、" : "").append(total.missing[i]);
        note.append(n > 5 ? "、…）" : "）");
        ctx_->warn(file_ + ": " + std::to_string(year) + ": " + note);
      }
      ctx_->info(file_ + ": " + std::to_string(year) + ": 観光入込客数 " + tourism::format_count(total.sum) + " 人（" +
                 std::to_string(total.spots.size()) + " 地点）");
      sosei::Observation o;
      o.series = kpi_;
      o.period = {SOSEI_PERIOD_CALENDAR_YEAR, year, 0, 0};
      o.number = total.sum;
      o.note = note;
      o.file = file_;
      ctx_->emit(o);
    }
  }

  const sosei::Context* ctx_ = nullptr;
  std::string kpi_;
  std::string file_;
  tourism::Layout layout_;
  std::size_t header_width_ = 0;
  std::size_t named_width_ = 0;  // up to the header's last named column
  uint64_t restated_rows_ = 0;
  int fixed_year_ = 0;
  std::map<std::string, uint64_t> first_line_;  // year + spot + split → line, to catch a row given twice
  std::map<std::string, MonthSums> sums_;       // what totals rows are checked against
  std::vector<TotalsRow> totals_;
  std::map<int, YearTotal> years_;
};

}  // namespace

SOSEI_PLUGIN(TourismImport)
