// The fixed texts of reports in both languages, and era / western year labels.
#include "report/labels.hpp"

namespace sosei::report {
namespace {

constexpr Labels kJapanese{
    .project_table = "事業一覧",
    .goal_summary = "基本目標達成状況等一覧表",
    .numeric_targets = "基本目標の数値目標",
    .drilldown = "内訳",
    .as_of = "基準日",
    .scheme = "評価基準",
    .goal = "基本目標",
    .measure = "施策",
    .project = "事業",
    .kpi = "KPI",
    .unit = "単位",
    .baseline = "基準値",
    .actual = "実績",
    .achievement = "目標比",
    .target = "目標値",
    .department = "担当課",
    .grade = "評価",
    .pace = "進捗ペース",
    .forecast = "見通し",
    .notes = "備考",
    .formed = "実績の算出",
    .kpi_count = "KPI数",
    .count = "件数",
    .share = "割合",
    .total = "合計",
    .projection = "推計値",
    .basic_goal_prefix = "基本目標",
    .progress_suffix = "（進捗）",
    .achieved = "達成",
    .not_achieved = "未達成",
    .off_track = "遅れ",
    .series_break = "比較困難",
    .calendar_year = "暦年",
    .months_summed = "月の合計",
    .filter_placeholder = "KPI名・事業・担当課で絞り込み",
    .all = "すべて",
    .sort_hint = "見出しをクリックで並べ替え",
    .chart_legend_values = "実績",
    .chart_legend_target = "目標値",
    .chart_legend_path = "目標までの道筋",
    .chart_legend_forecast = "見通し（点線）",
    .chart_legend_baseline = "基準値",
    .chart_legend_projection = "推計値",
    .no_chart = "定性的なKPI（グラフなし）",
    .shown = "KPI表示中",
};

constexpr Labels kEnglish{
    .project_table = "Projects and KPIs",
    .goal_summary = "Achievement by basic goal",
    .numeric_targets = "Numeric targets of the basic goals",
    .drilldown = "Breakdown",
    .as_of = "As of",
    .scheme = "Grading",
    .goal = "Basic goal",
    .measure = "Measure",
    .project = "Project",
    .kpi = "KPI",
    .unit = "Unit",
    .baseline = "Baseline",
    .actual = "Actual",
    .achievement = "vs target",
    .target = "Target",
    .department = "Department",
    .grade = "Grade",
    .pace = "Pace",
    .forecast = "Forecast",
    .notes = "Notes",
    .formed = "How the actual was formed",
    .kpi_count = "KPIs",
    .count = "count",
    .share = "share",
    .total = "Total",
    .projection = "Projection",
    .basic_goal_prefix = "Basic goal ",
    .progress_suffix = " (progress)",
    .achieved = "achieved",
    .not_achieved = "not achieved",
    .off_track = "off track",
    .series_break = "not comparable",
    .calendar_year = "calendar year",
    .months_summed = "sum of months",
    .filter_placeholder = "Filter by KPI, project or department",
    .all = "All",
    .sort_hint = "Click a heading to sort",
    .chart_legend_values = "Actual",
    .chart_legend_target = "Target",
    .chart_legend_path = "Path to the target",
    .chart_legend_forecast = "Forecast (dashed)",
    .chart_legend_baseline = "Baseline",
    .chart_legend_projection = "Projection",
    .no_chart = "Qualitative KPI (no chart)",
    .shown = "KPIs shown",
};

}  // namespace

const Labels& labels_for(Lang lang) { return lang == Lang::En ? kEnglish : kJapanese; }

std::string year_label(int year, YearStyle style) {
  if (style == YearStyle::Western) return std::to_string(year);
  // Years are fiscal years: 令和 starts with FY2019 (令和元年度), 平成 with FY1989.
  if (year >= 2019) return "R" + std::to_string(year - 2018);
  if (year >= 1989) return "H" + std::to_string(year - 1988);
  return std::to_string(year);
}

std::string status_text(ValueKind kind, Lang lang) {
  const bool ja = lang == Lang::Ja;
  switch (kind) {
    case ValueKind::Number:
      return "";
    case ValueKind::Missing:
      return ja ? "欠測" : "missing";
    case ValueKind::NotCarriedOut:
      return ja ? "未実施" : "not carried out";
    case ValueKind::NotStarted:
      return ja ? "未着手" : "not started";
    case ValueKind::InProgress:
      return ja ? "実施中" : "in progress";
    case ValueKind::Done:
      return ja ? "実施" : "done";
  }
  return "";
}

}  // namespace sosei::report
