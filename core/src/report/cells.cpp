// Shared cell texts of the text formats (cells.hpp).
#include "report/cells.hpp"

#include "report/labels.hpp"

namespace sosei::report {

std::string year_cell_text(const YearCell& cell, Lang lang) {
  std::string s = cell.value.text;
  if (!cell.period.empty()) s += " ※" + cell.period;
  if (cell.series_break) s += std::string(" ※") + labels_for(lang).series_break;
  return s;
}

std::string with_period(const Figure& figure, const std::string& period) {
  return period.empty() ? figure.text : figure.text + " (" + period + ")";
}

std::string grade_text(const KpiRow& row) {
  return row.grade_label.empty() ? row.grade_symbol : row.grade_symbol + " " + row.grade_label;
}

std::vector<std::string> comment_header(Lang lang) {
  const Labels& l = labels_for(lang);
  return {l.kpi, l.fiscal_year, l.comment_kind_column, l.comment_text_column, l.comment_version_column};
}

std::vector<std::vector<std::string>> comment_rows(const ReportModel& m) {
  std::vector<std::vector<std::string>> rows;
  for (const auto* kpis : {&m.projects, &m.numeric_targets})
    for (const auto& r : *kpis)
      for (const auto& c : r.comments)
        rows.push_back({r.name + " (" + r.id + ")", c.year_label, c.kind_label, c.text, std::to_string(c.version)});
  return rows;
}

std::string tally_text(const GradeTally& tally) {
  return std::to_string(tally.count) + " (" + std::to_string(tally.share_percent) + "%)";
}

std::string goal_heading(int goal_no, Lang lang) {
  return labels_for(lang).basic_goal_prefix + std::to_string(goal_no);
}

std::string goal_heading(const SummaryRow& row, Lang lang) {
  return row.total ? row.name : labels_for(lang).basic_goal_prefix + row.key;
}

}  // namespace sosei::report
