// The report as Markdown: the goal summary, the numeric targets, the project table, then the notes.
#include <sstream>
#include <vector>

#include "report/cells.hpp"
#include "report/labels.hpp"
#include "report/writers.hpp"

namespace sosei::report {
namespace {

// A table cell: `|` would end the cell, a newline the row, and `<` could open HTML in a renderer.
std::string md(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\\')
      out += "\\\\";
    else if (c == '<')
      out += "&lt;";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

void table(std::ostream& out, const std::vector<std::string>& header, const std::vector<bool>& right,
           const std::vector<std::vector<std::string>>& rows) {
  out << '|';
  for (const auto& h : header) out << ' ' << md(h) << " |";
  out << "\n|";
  for (std::size_t i = 0; i < header.size(); ++i) out << (i < right.size() && right[i] ? "---:|" : "---|");
  out << '\n';
  for (const auto& row : rows) {
    out << '|';
    for (const auto& cell : row) out << ' ' << md(cell) << " |";
    out << '\n';
  }
}

void goal_summary(std::ostream& out, const ReportModel& m, const Labels& l) {
  std::vector<std::string> header = {l.goal, l.kpi_count};
  std::vector<bool> right = {false, true};
  for (const auto& g : m.grades) {
    header.push_back(g.label.empty() ? g.symbol : g.symbol + " " + g.label);
    right.push_back(true);
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : m.goal_summary) {
    std::vector<std::string> row = {goal_heading(s, m.options.lang) + (s.total ? "" : " " + s.name),
                                    std::to_string(s.kpis)};
    for (const auto& t : s.grades) row.push_back(tally_text(t));
    rows.push_back(std::move(row));
  }
  out << "## " << l.goal_summary << "\n\n";
  table(out, header, right, rows);
}

void numeric_targets(std::ostream& out, const ReportModel& m, const Labels& l) {
  if (m.numeric_targets.empty()) return;
  std::vector<std::string> header = {l.goal, l.kpi, l.unit, l.baseline, l.projection, l.target};
  std::vector<bool> right = {false, false, false, true, true, true};
  for (const auto& y : m.target_years) {
    header.push_back(y.label);
    right.push_back(true);
  }
  for (const char* h : {l.actual, l.achievement, l.grade}) {
    header.push_back(h);
    right.push_back(true);
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : m.numeric_targets) {
    std::vector<std::string> row = {goal_heading(r.goal_no, m.options.lang),
                                    r.name,
                                    r.unit,
                                    with_period(r.baseline, r.baseline_period),
                                    r.projection.text,
                                    with_period(r.target, r.target_period)};
    for (const auto& c : r.years) row.push_back(year_cell_text(c, m.options.lang));
    row.push_back(r.actual.text);
    row.push_back(r.achievement.text);
    row.push_back(grade_text(r));
    rows.push_back(std::move(row));
  }
  out << "\n## " << l.numeric_targets << "\n\n";
  table(out, header, right, rows);
}

void projects(std::ostream& out, const ReportModel& m, const Labels& l) {
  std::vector<std::string> header = {l.goal, l.measure, l.project, l.kpi, l.unit, l.baseline};
  std::vector<bool> right = {false, false, false, false, false, true};
  for (const auto& y : m.years) {
    header.push_back(y.label);
    right.push_back(true);
  }
  for (const char* h : {l.actual, l.achievement, l.target, l.department, l.grade, l.pace}) {
    header.push_back(h);
    right.push_back(h != l.department && h != l.grade);
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : m.projects) {
    std::vector<std::string> row = {goal_heading(r.goal_no, m.options.lang),   r.measure, r.project, r.name, r.unit,
                                    with_period(r.baseline, r.baseline_period)};
    for (const auto& c : r.years) row.push_back(year_cell_text(c, m.options.lang));
    for (const std::string& cell :
         {r.actual.text, r.achievement.text, r.target.text, r.department, grade_text(r), r.pace.text})
      row.push_back(cell);
    rows.push_back(std::move(row));
  }
  out << "\n## " << l.project_table << "\n\n";
  table(out, header, right, rows);
}

void notes(std::ostream& out, const ReportModel& m, const Labels& l) {
  bool heading = false;
  for (const auto* rows : {&m.projects, &m.numeric_targets})
    for (const auto& r : *rows) {
      if (r.notes.empty() && r.formed.empty()) continue;
      if (!heading) out << "\n## " << l.notes << "\n\n";
      heading = true;
      out << "- **" << md(r.name) << "** (`" << r.id << "`)";
      if (!r.formed.empty()) out << " — " << l.formed << ": " << md(r.formed);
      out << '\n';
      for (const auto& n : r.notes) out << "  - " << md(n) << '\n';
    }
}

void commentary(std::ostream& out, const ReportModel& m, const Labels& l) {
  const auto rows = comment_rows(m);
  if (rows.empty()) return;
  out << "\n## " << l.commentary << "\n\n";
  table(out, comment_header(m.options.lang), {false, false, false, false, true}, rows);
}

}  // namespace

std::string markdown_report(const ReportModel& m) {
  const Labels& l = labels_for(m.options.lang);
  std::ostringstream out;
  out << "# " << md(m.city) << " " << md(m.strategy) << "\n\n";
  out << l.as_of << ": " << m.as_of_text << " / " << l.scheme << ": " << md(m.scheme) << " (" << md(m.scheme_title)
      << ") / **" << (m.approved_only ? l.report_final : l.report_draft) << "**\n\n";
  goal_summary(out, m, l);
  numeric_targets(out, m, l);
  projects(out, m, l);
  commentary(out, m, l);
  notes(out, m, l);
  return out.str();
}

}  // namespace sosei::report
