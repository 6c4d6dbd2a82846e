// Cell texts the text formats share (Markdown, CSV, HTML): a year's value with its markers, the
// baseline with its year, a grade with its label, a grade count with its share.
#pragma once

#include <string>
#include <vector>

#include "report/report_model.hpp"

namespace sosei::report {

// "199,000 ※2024年（暦年）", "98.29 ※比較困難"; "" for a year without a value.
std::string year_cell_text(const YearCell& cell, Lang lang);
// "5 (R5)", "-1,305 (H27→R2)".
std::string with_period(const Figure& figure, const std::string& period);
// "○ 概ね目標達成": the symbol always comes first, so the grade never depends on colour.
std::string grade_text(const KpiRow& row);
// "3 (19%)".
std::string tally_text(const GradeTally& tally);
// "基本目標1" / "Basic goal 1"; the total row's own name.
std::string goal_heading(const SummaryRow& row, Lang lang);
std::string goal_heading(int goal_no, Lang lang);

// The commentary of every row as a table (KPI, year, kind, text, version), projects then numeric
// targets; empty when no KPI has a comment.
std::vector<std::string> comment_header(Lang lang);
std::vector<std::vector<std::string>> comment_rows(const ReportModel& model);

}  // namespace sosei::report
