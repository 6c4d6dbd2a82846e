// Inline SVG for the HTML report: a KPI's chart (values, target line or path, forecast dashed,
// baseline) and a goal's grade distribution bar. Every mark carries its number in data-* attributes
// and a <title>, so it can be read without seeing colours (and checked by the browser test).
#pragma once

#include <string>
#include <vector>

#include "report/labels.hpp"
#include "report/report_model.hpp"

namespace sosei::report {

// Numbers read as the tables print them in `lang` (△1,089 in Japanese).
std::string svg_chart(const Chart& chart, const std::string& kpi_id, const std::string& kpi_name, const Labels& labels,
                      YearStyle style, Lang lang);

// The legend of a chart's marks, as HTML (only the marks the chart has).
std::string chart_legend(const Chart& chart, const Labels& labels);

// A stacked bar of grade counts with the symbol and count written on each part.
std::string svg_grade_bar(const SummaryRow& row, const std::vector<GradeColumn>& grades);

// CSS class of a grade by its place in the scheme: grade-best, grade-mid, grade-low, grade-other.
std::string grade_class(std::size_t index, std::size_t grade_count);

}  // namespace sosei::report
