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

std::string grade_text(const KpiRow& row) { return row.grade_symbol + " " + row.grade_label; }

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
