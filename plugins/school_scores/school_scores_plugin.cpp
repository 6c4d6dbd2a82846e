// The school_scores plugin (学校教育課): the national academic assessment's results per year, level and
// subject → standardized scores (national = 100), differences in points, level averages, and the KPI
// as the minimum of the level averages (the target needs 小 and 中 each at 100 or above).
#include <sosei/csv.hpp>
#include <sosei/notation.hpp>
#include <sosei/plugin.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "score_table.hpp"

namespace {

using school_scores::ScoreType;

constexpr std::array<sosei_setting_spec, 9> kSchoolScoresSettings{{
    {"kpi", SOSEI_SETTING_STRING, 0, "school_scores", "校種別の平均のうち最も低い値を入れる KPI の id"},
    {"levels", SOSEI_SETTING_STRING, 0, "小,中",
     "KPI に必要な校種をカンマ区切りで。どれか1つでも結果がない年度は、KPI の値を出しません"},
    {"year_column", SOSEI_SETTING_STRING, 0, "", "調査年度の列（省略時: 年度、調査年度、年 のいずれか）"},
    {"level_column", SOSEI_SETTING_STRING, 0, "", "校種の列（省略時: 校種、学校種、学校段階 のいずれか）"},
    {"subject_column", SOSEI_SETTING_STRING, 0, "", "教科の列（省略時: 教科、教科名、科目 のいずれか）"},
    {"city_column", SOSEI_SETTING_STRING, 0, "", "市の結果の列（省略時: 市平均正答率、本市平均正答率、市 など）"},
    {"national_column", SOSEI_SETTING_STRING, 0, "", "全国の結果の列（省略時: 全国平均正答率、全国 のいずれか）"},
    {"score_type_column", SOSEI_SETTING_STRING, 0, "",
     "行ごとの得点の種類 rate（正答率）か scaled（IRT 尺度得点）の列（省略時: score_type、得点種別 のいずれか。"
     "列がなければ 100 を超える値を尺度得点とみなします）"},
    {"school_column", SOSEI_SETTING_STRING, 0, "",
     "学校別の行の学校名の列（省略時: 学校名、学校 のいずれか。空欄の行は市全体）"},
}};
constexpr auto kSettings = sosei::join_settings(
    sosei::with_help(sosei::kInputSettings, "file",
                     "取り込む結果の表のファイル（CSV、TSV、XLSX）。ダウンロードするときは代わりに url を設定します"),
    kSchoolScoresSettings);

constexpr std::array<sosei_series_spec, 3> kSeries{{
    {"standardized_score", "点", "校種・教科ごとの 市 ÷ 全国 × 100（内訳 level、subject、学校別の行は school も）"},
    {"level_average", "点", "校種ごとの、正答率で出る教科の標準化得点の平均（内訳 level）"},
    {"difference_points", "点", "校種・教科ごとの 市 − 全国 のポイント差（△5.1 は 5.1 ポイント下回る）"},
}};

// What the report and dashboard show for the series, the dimensions and the school levels.
constexpr std::array<sosei_display_name, 8> kNames{{
    sosei::series_name("standardized_score", "標準化得点", "Standardized score"),
    sosei::series_name("level_average", "校種別平均標準化得点", "Mean standardized score per level"),
    sosei::series_name("difference_points", "全国平均との差", "Difference from the national average"),
    sosei::dimension_name("level", "校種", "School level"),
    sosei::dimension_name("subject", "教科", "Subject"),
    sosei::dimension_name("school", "学校", "School"),
    sosei::value_name("level", "小", "小学校", "Elementary school"),
    sosei::value_name("level", "中", "中学校", "Junior high school"),
}};

// The whole-city spellings of the school column: blank, 市全体, 全体, 市平均, 本市, 市, and the city's
// name before 平均 or 全体 (嘉麻市平均, 嘉麻市全体). The city's bare name (嘉麻市) is not taken: a table
// may set a neighbour (飯塚市) or a school district (山田中学校区) beside it, and the plugin does not know
// which name is the city's; a run that meets no city-wide row says so (warn_without_city_rows).
bool is_city_wide(std::string_view school) {
  const std::string s = sosei::normalize_header(school);
  if (s.empty() || s == "市全体" || s == "全体" || s == "市平均" || s == "本市" || s == "市") return true;
  for (const std::string_view tail : {"市平均", "町平均", "村平均", "市全体", "町全体", "村全体"})
    if (s.ends_with(tail)) return true;
  return false;
}

// A subject as the table names it, spaces dropped (国 語 is 国語); widths kept, as stored before.
std::string subject_of(std::string_view cell) {
  std::string s;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == ' ' || cell[i] == '\t') continue;
    if (cell.substr(i).starts_with("\u3000")) {
      i += 2;
      continue;
    }
    s.push_back(cell[i]);
  }
  return s;
}

// A row of the subjects' average or total (平均, 教科平均, 合計): the plugin averages the subjects itself,
// so such a row is not one more subject.
bool is_not_a_subject(std::string_view subject) {
  const std::string s = sosei::normalize_header(subject);
  return s.ends_with("平均") || sosei::row_total_kind(s) != sosei::RowTotal::None;
}

class SchoolScoresImport : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {"school_scores", "1.0.0",
            "学校教育課",    "全国学力・学習状況調査の結果 → 校種・教科ごとの標準化得点（全国 = 100）",
            kSettings,       kSeries,
            kNames};
  }

  void run(sosei::Context& ctx) override {
    ctx_ = &ctx;
    kpi_ = ctx.string_setting("kpi");
    levels_ = required_levels(ctx.string_setting("levels"));
    const school_scores::ColumnNames names{
        ctx.string_setting("year_column"),     ctx.string_setting("level_column"),
        ctx.string_setting("subject_column"),  ctx.string_setting("city_column"),
        ctx.string_setting("national_column"), ctx.string_setting("score_type_column"),
        ctx.string_setting("school_column")};
    sosei::Input input = ctx.open_configured_input();
    file_ = input.name();
    sosei::CsvReader reader(input);
    try {
      read_table(ctx, reader, names);
    } catch (const sosei::CsvError& e) {
      throw sosei::PluginError(SOSEI_ERR_INPUT, file_ + ": " + e.what());  // CsvError knows only the line
    }
  }

 private:
  void read_table(const sosei::Context& ctx, sosei::CsvReader& reader, const school_scores::ColumnNames& names) {
    if (!reader.next())
      throw sosei::PluginError(SOSEI_ERR_INPUT, file_ + ": ファイルが空です。1行目に見出し行が必要です");
    reject_html(reader);
    if (const uint64_t titles = sosei::skip_title_rows(reader))
      ctx.info(file_ + ": 見出しの上の " + std::to_string(titles) + " 行は表題として読み飛ばしました");
    layout_ = school_scores::layout_of(reader, names);
    const std::size_t header_width = reader.size(), named_width = sosei::named_width(reader);

    uint64_t rows = 0;
    while (reader.next()) {
      ++rows;
      if (sosei::is_blank_row(reader) || sosei::is_note_row(reader)) continue;  // ※ under the published table
      if (auto why = sosei::split_thousands(reader, header_width, std::nullopt,
                                            named_width)) {  // 62.8 and 1,234 without quotes
        ctx.reject(file_, reader.line(), *why);
        continue;
      }
      read_row(reader);
    }
    emit_aggregates();
    warn_without_city_rows();
    ctx.progress(rows, rows);
  }

  static std::vector<std::string> required_levels(const std::string& spec) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= spec.size()) {
      std::size_t end = spec.find(',', start);
      if (end == std::string::npos) end = spec.size();
      const std::string item = sosei::normalize_header(spec.substr(start, end - start));
      if (!item.empty()) {
        auto level = school_scores::level_of(item);
        if (!level)
          throw sosei::PluginError(
              SOSEI_ERR_CONFIG,
              "設定 'levels' の「" + item + "」は 小 でも 中 でもありません。小,中 のように書いてください");
        out.push_back(*level);
      }
      start = end + 1;
    }
    if (out.empty()) throw sosei::PluginError(SOSEI_ERR_CONFIG, "設定 'levels' が空です。小,中 のように書いてください");
    return out;
  }

  void reject_html(const sosei::CsvReader& reader) const {
    const std::string first = sosei::normalize_header(reader.field(0));
    if (first.starts_with("<!DOCTYPE") || first.starts_with("<!doctype") || first.starts_with("<html") ||
        first.starts_with("<HTML") || first.starts_with("<?xml"))
      throw sosei::PluginError(SOSEI_ERR_INPUT, file_ +
                                                    ": 結果の表（CSV、TSV、XLSX）ではなく HTML/XML のページです。"
                                                    "URL を確かめてください（ポータルサイトはログイン画面や"
                                                    "エラー画面を返すことがあります）");
  }

  // A result cell: a number (65.0, 65.0%, 497点), or blank / — when not reported.
  std::optional<std::optional<double>> result(const sosei::CsvReader& row, std::size_t column, const char* what) {
    std::string error;
    auto v = sosei::parse_value(row.cell(column), &error);
    if (!v) {
      ctx_->reject(file_, row.line(), std::string(what) + ": " + error);
      return std::nullopt;
    }
    if (v->kind == SOSEI_VALUE_MISSING) return std::optional<double>();
    if (v->kind != SOSEI_VALUE_NUMBER || v->number < 0 || (!v->unit.empty() && v->unit != "%" && v->unit != "点")) {
      ctx_->reject(file_, row.line(),
                   std::string(what) + ": 「" + std::string(row.cell(column)) +
                       "」は平均正答率（65.0 や 65.0%）でもスコア（497）でもありません。結果を公表していない"
                       "ときは空欄か — にしてください");
      return std::nullopt;
    }
    return std::optional<double>(v->number);
  }

  void read_row(const sosei::CsvReader& row) {
    if (row.blank()) return;
    const uint64_t line = row.line();

    std::string error;
    const std::string_view year_text = row.cell(layout_.year);
    auto period = sosei::parse_period(year_text, SOSEI_PERIOD_FISCAL_YEAR, &error);
    // The survey runs in April, so 2024年 and 2024年度 name the same survey.
    if (!period || (period->kind != SOSEI_PERIOD_FISCAL_YEAR && period->kind != SOSEI_PERIOD_CALENDAR_YEAR))
      return ctx_->reject(
          file_, line,
          "年度: " + (year_text.empty() ? std::string("空欄です。2024、R6、令和6年度 のように書いてください")
                      : period ? "「" + std::string(year_text) +
                                     "」は調査の年度ではありません（2024、R6、令和6年度 のように書いてください）"
                               : error));
    const int year = period->year;
    auto level = school_scores::level_of(row.cell(layout_.level));
    if (!level)
      return ctx_->reject(file_, line,
                          "校種: 「" + std::string(row.cell(layout_.level)) +
                              "」は校種ではありません。小（小学校）か 中（中学校）を書いてください");
    const std::string subject = subject_of(row.cell(layout_.subject));
    if (subject.empty()) return ctx_->reject(file_, line, "教科: 空欄です。教科名を書いてください");
    if (is_not_a_subject(subject)) return;
    const std::string school = layout_.school ? std::string(row.cell(*layout_.school)) : std::string();
    const bool city_wide = is_city_wide(school);

    auto city = result(row, layout_.city, "市");
    if (!city) return;
    auto national = result(row, layout_.national, "全国");
    if (!national) return;

    std::optional<ScoreType> type;
    if (*city && *national) {
      if (**national == 0)
        return ctx_->reject(file_, line,
                            "全国: 全国の結果が 0 のため、標準化得点を計算できません（0 "
                            "で割ることになります）。表の値を確かめてください");
      type = school_scores::score_type_of(layout_.score_type ? row.cell(*layout_.score_type) : "", **city, **national,
                                          error);
      if (!type) return ctx_->reject(file_, line, error);
    }
    // Only a row that is otherwise good claims its key, so a skipped bad row does not hide its correction.
    const std::string key =
        std::to_string(year) + "\x1f" + *level + "\x1f" + subject + "\x1f" + (city_wide ? "" : school);
    if (auto [it, fresh] = first_line_.emplace(key, line); !fresh)
      return ctx_->reject(file_, line,
                          std::to_string(year) + "年度 " + *level + " " + subject + (city_wide ? "" : " " + school) +
                              " の行が2度目です（最初は " + std::to_string(it->second) +
                              " 行目）。同じ年度・校種・教科の行は1つにしてください");

    std::vector<sosei_dimension> dims{sosei::dimension("level", *level), sosei::dimension("subject", subject)};
    if (!city_wide) {
      dims.push_back(sosei::dimension("school", school));
      school_years_.insert(year);
    }

    if (!type) {
      emit_missing(year, dims, line,
                   !*city ? (city_wide ? "市の結果が公表されていません" : "この学校の結果は公表されていません")
                          : "全国の結果が公表されていません");
      if (city_wide) seen_levels_[year].insert({*level, true});
      return;
    }
    const double score = school_scores::standardized(**city, **national);
    const uint32_t flags = *type == ScoreType::Scaled ? SOSEI_OBS_SERIES_BREAK : 0u;
    const std::string note =
        *type == ScoreType::Scaled ? "IRT 尺度得点（CBT）のため、正答率の年度とは比較できません" : std::string();
    emit(kStandardizedSeries, year, dims, score, flags, note, line);
    emit(kDifferenceSeries, year, dims, **city - **national, flags, note, line);
    if (city_wide) {
      subjects_[year][*level].push_back({subject, score, *type});
      seen_levels_[year].insert({*level, true});
    }
  }

  void emit(std::string_view series, int year, const std::vector<sosei_dimension>& dims, double value, uint32_t flags,
            const std::string& note, uint64_t line) const {
    sosei::Observation o;
    o.series = series;
    o.period = {SOSEI_PERIOD_FISCAL_YEAR, year, 0, 0};
    o.dimensions = dims;
    o.number = value;
    o.flags = flags;
    o.note = note;
    o.file = file_;
    o.line = line;
    ctx_->emit(o);
  }

  void emit_missing(int year, const std::vector<sosei_dimension>& dims, uint64_t line, const std::string& note) const {
    for (std::string_view series : {kStandardizedSeries, kDifferenceSeries}) {
      sosei::Observation o;
      o.series = series;
      o.period = {SOSEI_PERIOD_FISCAL_YEAR, year, 0, 0};
      o.dimensions = dims;
      o.value_kind = SOSEI_VALUE_MISSING;
      o.note = note;
      o.file = file_;
      o.line = line;
      ctx_->emit(o);
    }
  }

  // A year with rows by school but none for the whole city has no KPI value: say so, naming the
  // spellings that mark the city's row, instead of leaving the KPI silently empty.
  void warn_without_city_rows() const {
    for (const int year : school_years_)
      if (!seen_levels_.contains(year))
        ctx_->warn(file_ + ": " + std::to_string(year) +
                   "年度: 市全体の行がないため、KPI の値を出していません。市全体の結果は 学校名 の列を空欄か "
                   "市全体・市平均・本市（または 嘉麻市平均 のように 市名＋平均）にしてください");
  }

  void emit_aggregates() const {
    for (const auto& [year, levels] : seen_levels_) {
      std::map<std::string, school_scores::LevelAverage> averages;
      auto by_level = subjects_.find(year);
      for (const auto& [level, _] : levels) {
        std::vector<school_scores::SubjectScore> subjects;
        if (by_level != subjects_.end())
          if (auto it = by_level->second.find(level); it != by_level->second.end()) subjects = it->second;
        const sosei_dimension dim = sosei::dimension("level", level);
        sosei::Observation o;
        o.series = "level_average";
        o.period = {SOSEI_PERIOD_FISCAL_YEAR, year, 0, 0};
        o.dimensions = {&dim, 1};
        o.file = file_;
        auto average = school_scores::level_average(subjects);
        if (!average) {
          o.value_kind = SOSEI_VALUE_MISSING;
          o.note = "どの教科の結果もありません";
          ctx_->emit(o);
          continue;
        }
        o.number = average->value;
        o.flags = average->series_break ? SOSEI_OBS_SERIES_BREAK : 0u;
        o.note = average->note;
        ctx_->emit(o);
        averages.emplace(level, *average);
      }
      emit_kpi(year, averages);
    }
  }

  // The target is "小・中それぞれ 100以上": both levels must reach it, so the lower level decides.
  void emit_kpi(int year, const std::map<std::string, school_scores::LevelAverage>& averages) const {
    sosei::Observation o;
    o.series = kpi_;
    o.period = {SOSEI_PERIOD_FISCAL_YEAR, year, 0, 0};
    o.file = file_;
    std::string note, missing;
    const school_scores::LevelAverage* lowest = nullptr;
    std::string lowest_level;
    bool any_break = false;
    for (const auto& level : levels_) {
      auto it = averages.find(level);
      if (it == averages.end()) {
        missing.append(missing.empty() ? "" : "・").append(level);
        continue;
      }
      any_break = any_break || it->second.series_break;
      note.append(note.empty() ? "" : "・").append(level + " " + school_scores::display(it->second.value));
      if (!lowest || it->second.value < lowest->value) {
        lowest = &it->second;
        lowest_level = level;
      }
    }
    if (!missing.empty() || !lowest) {
      o.value_kind = SOSEI_VALUE_MISSING;
      const std::string why = std::to_string(year) + "年度: " + missing +
                              "の結果がありません（KPI は levels のすべての学校段階、小・中それぞれの値で決まります）";
      o.note = why;
      ctx_->warn(file_ + ": " + why);
      ctx_->emit(o);
      return;
    }
    note += " の低い方 " + school_scores::display(lowest->value) + "（" + lowest_level + "）";
    if (any_break) note += "。統計の断絶: この年度は IRT 尺度得点を含み、前年度までと比較できません";
    o.number = lowest->value;
    o.flags = any_break ? SOSEI_OBS_SERIES_BREAK : 0u;
    o.note = note;
    ctx_->emit(o);
  }

  static constexpr std::string_view kStandardizedSeries = "standardized_score";
  static constexpr std::string_view kDifferenceSeries = "difference_points";

  const sosei::Context* ctx_ = nullptr;
  std::string kpi_;
  std::vector<std::string> levels_;
  std::string file_;
  school_scores::Layout layout_;
  std::map<std::string, uint64_t> first_line_;
  // City-wide subject scores by year and level; levels seen (also with blank results) by year.
  std::map<int, std::map<std::string, std::vector<school_scores::SubjectScore>>> subjects_;
  std::map<int, std::map<std::string, bool>> seen_levels_;
  std::set<int> school_years_;  // years with a row for one school
};

}  // namespace

SOSEI_PLUGIN(SchoolScoresImport)
