// Every fixed text of a report in Japanese (the city's own headings) and English, and year labels
// (R7 or 2025). Data texts (goal names, KPI names, notes) are printed as the strategy wrote them.
#pragma once

#include <string>

#include "common/period.hpp"
#include "report/report_model.hpp"

namespace sosei::report {

struct Labels {
  // Titles.
  const char* project_table;  // 事業一覧
  const char* goal_summary;   // 基本目標達成状況等一覧表
  const char* numeric_targets;
  const char* drilldown;
  const char* as_of;
  const char* scheme;
  // Columns of the project table.
  const char* goal;
  const char* measure;
  const char* project;
  const char* kpi;
  const char* unit;
  const char* baseline;
  const char* actual;
  const char* achievement;
  const char* target;
  const char* department;
  const char* grade;
  const char* pace;
  const char* forecast;
  const char* notes;
  const char* formed;
  // Columns of the summary and the numeric targets.
  const char* kpi_count;
  const char* count;
  const char* share;
  const char* total;
  const char* projection;
  const char* basic_goal_prefix;  // "基本目標" → "基本目標1"
  // Words inside cells.
  const char* progress_suffix;  // "（進捗）"
  const char* achieved;
  const char* not_achieved;
  const char* off_track;
  const char* series_break;
  const char* calendar_year;  // a calendar-year value in a fiscal-year column: "2024年（暦年）"
  const char* months_summed;
  // HTML only.
  const char* filter_placeholder;
  const char* all;
  const char* sort_hint;
  const char* chart_legend_values;
  const char* chart_legend_target;
  const char* chart_legend_path;
  const char* chart_legend_forecast;
  const char* chart_legend_baseline;
  const char* chart_legend_projection;
  const char* no_chart;
  const char* shown;  // "12 / 16 KPIs shown"
};

const Labels& labels_for(Lang lang);

// R7 / H30 (era style) or 2025 (western) for a year.
std::string year_label(int year, YearStyle style);

// A status value for people: 未実施 / not carried out.
std::string status_text(ValueKind kind, Lang lang);

}  // namespace sosei::report
