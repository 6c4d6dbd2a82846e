// The report as data, independent of any format: the project table (事業一覧), the goal summary
// (基本目標達成状況等一覧表), the basic goals' numeric targets, and per KPI a chart and drill-downs.
// Built once from an evaluation; the writers (html, xlsx, csv, md, json) only lay it out.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/display_names.hpp"
#include "config/model.hpp"
#include "evaluate/evaluation.hpp"
#include "store/store.hpp"
#include "text/lang.hpp"

namespace sosei::report {

using text::Lang;
using text::YearStyle;

struct ReportOptions {
  Lang lang = Lang::Ja;
  YearStyle years = YearStyle::Era;
  // KPIs whose actual came from a period with an open data-quality flag (app::flagged_kpis): their
  // actual carries ※ and their notes the legend, in every format (docs/quality.md).
  std::set<std::string> flagged_kpis;
  // The largest rows a drill-down shows (by the latest year); the rest are summed into one row, so that
  // a series of thousands of bus stops stays a readable table and a page of bounded size. 0: every row.
  std::size_t drilldown_rows = 30;
};

// A value as the report prints it and as a spreadsheet stores it.
struct Figure {
  std::string text;              // "130,108", "未実施", "—"
  std::optional<double> number;  // none for a status or no value
};

struct YearColumn {
  int year = 0;       // fiscal year (a calendar-year drill-down: calendar year)
  std::string label;  // "R7" or "2025"
};

// One year's value of a KPI in the table.
struct YearCell {
  Figure value;        // text "" and no number when the year has no value
  std::string period;  // set when the value's own period is not that fiscal year: "2024年（暦年）"
  bool series_break = false;
  std::string note;
  std::optional<Period> stored_period;  // the stored value's own period (none: no value), for sign-off
};

// The achievement: a ratio, a progress (vs projection, formula progress), or achieved / not.
struct Achievement {
  enum class Kind { None, Ratio, Progress, Achieved };
  Kind kind = Kind::None;
  std::optional<double> fraction;  // ratio or progress as shown: truncated to 0.1 % like the text
  std::string text;                // "20.0%", "80.0%（進捗）", "達成", "—"
};

struct ChartPoint {
  int year = 0;
  double value = 0;
};

// What a KPI's chart draws. Years are the values' own years (tourism: calendar 2024).
struct Chart {
  enum class Kind { None, Level, Cumulative };  // None: a status KPI (done / not done)
  Kind kind = Kind::None;
  int from_year = 0;
  int to_year = 0;
  std::optional<ChartPoint> baseline;
  std::vector<ChartPoint> values;  // yearly values; Cumulative: running totals over the window
  std::optional<double> target;    // Level: a horizontal line; Cumulative: where the path ends
  int target_year = 0;
  std::vector<ChartPoint> target_path;  // Cumulative: the even path from 0 to the target
  std::optional<double> projection;     // vs_projection: the projection's total
  std::vector<ChartPoint> forecast;     // dashed: the last value → the forecast for the target year
  std::string unit;
  bool calendar_years = false;  // years are calendar years: labelled 2024 in both year styles
};

// A breakdown of a KPI's source by dimension (bus by route, tourism by spot, coverage by district).
struct DrilldownRow {
  std::vector<std::string> dimensions;        // one per Drilldown::dimension_keys, as stored ("yes")
  std::vector<std::string> labels;            // the same as a person reads them ("組織あり"), else as stored
  std::vector<std::optional<double>> values;  // one per Drilldown::years
};

// The rows of a drill-down beyond ReportOptions::drilldown_rows, summed per year.
struct DrilldownOthers {
  std::size_t rows = 0;                       // how many rows were summed
  std::string label;                          // 「その他（4,980件）」, "Others (4,980)"
  std::vector<std::optional<double>> values;  // one per Drilldown::years
};

struct Drilldown {
  std::string series;  // as stored: "bus_ridership/fiscal_year_boardings"
  std::string unit;    // from the plugin's declaration, when it is loaded
  std::string help;
  std::string name;     // the series' display name in the report's language, else `series`
  std::string caption;  // 「観光入込客数（月別・観光地点別）」, "Visitors by month and spot"
  std::vector<std::string> dimension_keys;   // shown keys (a code twin of a name is left out)
  std::vector<std::string> dimension_names;  // one per key: its display name ("観光地点"), else the key
  std::vector<YearColumn> years;
  std::vector<DrilldownRow> rows;         // the largest latest value first
  std::optional<DrilldownOthers> others;  // set when there were more rows than shown
  bool months_summed = false;             // a year's cell is the sum of its months
};

// A text the council report carries beside a KPI's figures (docs/signoff.md): its newest version.
struct KpiComment {
  int year = 0;            // fiscal year
  std::string year_label;  // "R7" or "2025"
  std::string kind;        // "why", "next", "committee" (stable, for JSON)
  std::string kind_label;  // 要因分析, 今後の方向性, 推進会議の意見
  std::string text;
  int version = 0;
};

struct KpiRow {
  std::string id;
  int goal_no = 0;
  std::string goal, measure, project;
  std::string name;  // --lang en: name_en when the strategy has one
  std::string unit, department;
  Figure baseline;
  std::string baseline_period;  // "R5", a multi-year total: "H27→R2"
  std::vector<YearCell> years;  // one per column of its table
  Figure actual;
  std::string formed;    // how the actual was formed (the evaluation's words)
  bool flagged = false;  // the actual has an open data-quality flag: shown with ※
  Figure target;
  std::string target_period;  // "R11", "R8→R12"
  Figure projection;          // numeric targets only
  Achievement achievement;
  std::size_t grade_index = 0;
  std::string grade_symbol, grade_label, grade_basis;
  Figure pace;  // the pace ratio, truncated like the achievement
  bool off_track = false;
  Figure forecast;
  std::vector<std::string> notes;  // the strategy's note first, then the evaluation's
  std::string strategy_note;       // the strategy's own note (also in `notes`), kept when the row is 未確定
  int decimals = -1;               // the KPI's display rule: digits after the point (-1: up to two)
  double scale = 1;                // `display: 万人`: texts are divided by it (spreadsheets too)
  Chart chart;
  std::vector<Drilldown> drilldowns;
  std::vector<KpiComment> comments;  // by year, then why / next / committee
  // --approved-only: a shown value is not approved yet, so the row shows 未確定 instead of an actual,
  // an achievement and a grade (and is counted as 未確定 in the goal summary).
  bool unconfirmed = false;
};

struct GradeColumn {
  std::string symbol, label;
};

struct GradeTally {
  int count = 0;
  int share_percent = 0;  // whole percent, rounded half up (the evaluation's rollup)
};

struct SummaryRow {
  std::string key;   // goal number, or "total"
  std::string name;  // "基本目標1 …", "合計"
  int kpis = 0;
  std::vector<GradeTally> grades;  // one per ReportModel::grades
  bool total = false;
};

struct ReportModel {
  ReportOptions options;
  std::string city, strategy;
  std::string as_of;       // ISO date (JSON)
  std::string as_of_text;  // as a person reads it: 2026年3月31日 (English: 2026-03-31)
  std::string scheme, scheme_title;
  std::vector<YearColumn> years;  // the strategy's years: R7…R11
  std::vector<KpiRow> projects;   // project KPIs in strategy order
  std::vector<GradeColumn> grades;
  std::vector<SummaryRow> goal_summary;  // per basic goal, then the total
  std::vector<YearColumn> target_years;  // the numeric targets' windows (R8…R12)
  std::vector<KpiRow> numeric_targets;
  bool approved_only = false;  // built with --approved-only: grades only for approved values
};

// What the sign-off adds to a report: the current commentary, and with --approved-only the approved
// periods (values of any other period show as 未確定, never graded).
struct SignoffInput {
  std::vector<store::Comment> comments;
  bool approved_only = false;
  std::vector<store::Approval> approved;
};

// A dimensioned plugin series of a KPI's source, with every stored observation of it.
struct DimensionedSeries {
  std::string series;
  std::string unit, help;
  std::vector<store::DimensionTotal> totals;  // Store::dimension_totals: summed per dimension set and month
  DisplayName name{};    // the series' display names (the plugin's, else as recorded at import); may be empty
  DisplayNames names{};  // the plugin's names of dimension keys and values (its `series` map is not used)
};
using DrilldownInput = std::map<std::string, std::vector<DimensionedSeries>>;  // KPI id → series

ReportModel build_report(const evaluate::Evaluation& evaluation, const config::Strategy& strategy,
                         const DrilldownInput& drilldowns, const ReportOptions& options,
                         const SignoffInput& signoff = {});

}  // namespace sosei::report
