// The report as one self-contained HTML page: totals, the goal summary with grade bars, the numeric
// targets, the sortable / filterable project table, then a card per KPI with its chart, figures,
// notes and drill-downs. Every text that comes from data goes through html_escape.
#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "evaluate/format.hpp"
#include "report/cells.hpp"
#include "report/drilldown_caption.hpp"
#include "report/html_assets.hpp"
#include "report/html_escape.hpp"
#include "report/labels.hpp"
#include "report/number_format.hpp"
#include "report/svg_chart.hpp"
#include "report/writers.hpp"

namespace sosei::report {
namespace {

std::string esc(std::string_view s) { return html_escape(s); }

std::string sort_key(const std::optional<double>& v) { return v ? evaluate::number_text(*v) : ""; }

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string grade_badge(const KpiRow& r, const ReportModel& m) {
  const std::size_t grade_count = m.grades.size();
  const Lang lang = m.options.lang;
  return "<span class=\"grade " + grade_class(r.grade_index, grade_count) + "\" title=\"" +
         esc(text::grade_basis_text(r.grade_basis, lang)) + "\">" + esc(r.grade_symbol) + "<span class=\"label\">" +
         esc(r.grade_label) + "</span></span>";
}

// A year's value with its markers written out (calendar year, series break) and its note as a tooltip.
std::string year_cell(const YearCell& c, Lang lang) {
  std::string s = "<td class=\"num\" data-sort=\"" + sort_key(c.value.number) + "\"" +
                  (c.note.empty() ? "" : " title=\"" + esc(c.note) + "\"") + ">" + esc(c.value.text);
  if (!c.period.empty()) s += "<span class=\"mark\">※" + esc(c.period) + "</span>";
  if (c.series_break) s += std::string("<span class=\"mark break\">※") + labels_for(lang).series_break + "</span>";
  return s + "</td>";
}

void page_header(std::ostream& out, const ReportModel& m, const Labels& l) {
  out << "<header class=\"page\"><h1>" << esc(m.city) << " " << esc(m.strategy) << "</h1>";
  out << "<div class=\"meta\">" << l.project_table << "・" << l.goal_summary << " ／ " << l.as_of << " "
      << esc(m.as_of_text) << " ／ " << l.scheme << " " << esc(m.scheme_title) << " (" << esc(m.scheme)
      << ") ／ <strong>" << (m.approved_only ? l.report_final : l.report_draft) << "</strong></div>";
  const SummaryRow* total = m.goal_summary.empty() ? nullptr : &m.goal_summary.back();
  if (total) {
    out << "<div class=\"totals\" id=\"totals\">";
    out << "<span class=\"total-chip\"><b>" << total->kpis << "</b>" << l.kpi_count << "</span>";
    for (std::size_t i = 0; i < total->grades.size() && i < m.grades.size(); ++i)
      out << "<span class=\"total-chip\" data-symbol=\"" << esc(m.grades[i].symbol) << "\" data-count=\""
          << total->grades[i].count << "\"><b>" << esc(m.grades[i].symbol) << " " << total->grades[i].count << "</b>"
          << esc(m.grades[i].label) << " " << total->grades[i].share_percent << "%</span>";
    out << "</div>";
  }
  out << "</header>";
}

void summary_section(std::ostream& out, const ReportModel& m, const Labels& l) {
  out << "<section id=\"goal-summary\"><h2>" << l.goal_summary
      << "</h2><div class=\"table-scroll\"><table id=\"summary-table\"><thead><tr><th>" << l.goal << "</th><th>"
      << l.kpi_count << "</th>";
  for (const auto& g : m.grades)
    out << "<th>" << esc(g.symbol) << (g.label.empty() ? "" : " ") << esc(g.label) << "</th>";
  out << "<th></th></tr></thead><tbody>";
  for (const auto& s : m.goal_summary) {
    out << "<tr" << (s.total ? " class=\"total\"" : "") << " data-goal=\"" << esc(s.key) << "\"><td>"
        << esc(goal_heading(s, m.options.lang));
    if (!s.total) out << "<span class=\"sub\">" << esc(s.name) << "</span>";
    out << "</td><td class=\"num\">" << s.kpis << "</td>";
    for (std::size_t i = 0; i < s.grades.size(); ++i)
      out << "<td class=\"num\" data-count=\"" << s.grades[i].count << "\">" << esc(tally_text(s.grades[i])) << "</td>";
    out << "<td>" << svg_grade_bar(s, m.grades) << "</td></tr>";
  }
  out << "</tbody></table></div></section>";
}

void targets_section(std::ostream& out, const ReportModel& m, const Labels& l) {
  if (m.numeric_targets.empty()) return;
  out << "<section id=\"numeric-targets\"><h2>" << l.numeric_targets
      << "</h2><div class=\"table-scroll\"><table id=\"targets-table\"><thead><tr><th>" << l.goal << "</th><th>"
      << l.kpi << "</th><th>" << l.baseline << "</th><th>" << l.projection << "</th><th>" << l.target << "</th>";
  for (const auto& y : m.target_years) out << "<th>" << esc(y.label) << "</th>";
  out << "<th>" << l.actual << "</th><th>" << l.achievement << "</th><th>" << l.grade << "</th></tr></thead><tbody>";
  for (const auto& r : m.numeric_targets) {
    out << "<tr data-kpi=\"" << esc(r.id) << "\"><td>" << esc(goal_heading(r.goal_no, m.options.lang))
        << "</td><td><a href=\"#kpi-" << esc(r.id) << "\">" << esc(r.name) << "</a><span class=\"sub\">" << esc(r.unit)
        << "</span></td>";
    out << "<td class=\"num\">" << esc(r.baseline.text) << "<span class=\"mark\">" << esc(r.baseline_period)
        << "</span></td><td class=\"num\">" << esc(r.projection.text) << "</td><td class=\"num\">" << esc(r.target.text)
        << "<span class=\"mark\">" << esc(r.target_period) << "</span></td>";
    for (const auto& c : r.years) out << year_cell(c, m.options.lang);
    out << "<td class=\"num\" title=\"" << esc(r.formed) << "\">" << esc(r.actual.text) << "</td><td class=\"num\">"
        << esc(r.achievement.text) << "</td><td class=\"center\">" << grade_badge(r, m) << "</td></tr>";
  }
  out << "</tbody></table></div></section>";
}

void select(std::ostream& out, const char* name, const char* label, const Labels& l,
            const std::vector<std::pair<std::string, std::string>>& options) {
  out << "<select name=\"" << name << "\" aria-label=\"" << label << "\"><option value=\"\">" << label << ": " << l.all
      << "</option>";
  for (const auto& [value, text] : options)
    out << "<option value=\"" << esc(value) << "\">" << esc(text) << "</option>";
  out << "</select>";
}

void controls(std::ostream& out, const ReportModel& m, const Labels& l) {
  out << "<div class=\"controls\"><input id=\"filter-text\" type=\"search\" placeholder=\"" << l.filter_placeholder
      << "\" aria-label=\"" << l.filter_placeholder << "\">";
  std::vector<std::pair<std::string, std::string>> goals, grades, departments;
  for (const auto& s : m.goal_summary)
    if (!s.total) goals.push_back({s.key, goal_heading(s, m.options.lang)});
  for (const auto& g : m.grades) grades.push_back({g.symbol, g.symbol + " " + g.label});
  std::set<std::string> seen;
  for (const auto& r : m.projects)
    if (seen.insert(r.department).second) departments.push_back({r.department, r.department});
  select(out, "goal", l.goal, l, goals);
  select(out, "grade", l.grade, l, grades);
  select(out, "department", l.department, l, departments);
  out << "<span class=\"count\" id=\"shown-count\" data-label=\"" << l.shown << "\">" << m.projects.size() << " / "
      << m.projects.size() << " " << l.shown << "</span><span class=\"hint\">" << l.sort_hint << "</span></div>";
}

void projects_section(std::ostream& out, const ReportModel& m, const Labels& l) {
  out << "<section id=\"projects\"><h2>" << l.project_table << "</h2>";
  controls(out, m, l);
  auto th = [&](const std::string& text, bool number) {
    out << "<th class=\"sortable\" data-type=\"" << (number ? "number" : "text") << "\">" << esc(text) << "</th>";
  };
  // The wide table scrolls sideways inside its box; the page itself never does.
  out << "<div class=\"table-scroll\" id=\"project-table-scroll\"><table id=\"project-table\"><thead><tr>";
  th(l.goal, true);
  th(l.measure, false);
  th(l.project, false);
  th(l.kpi, false);
  th(l.baseline, true);
  for (const auto& y : m.years) th(y.label, true);
  th(l.actual, true);
  th(l.achievement, true);
  th(l.target, false);
  th(l.department, false);
  th(l.grade, true);
  th(l.pace, true);
  out << "</tr></thead><tbody>";
  for (const auto& r : m.projects) {
    const std::string search =
        lower_ascii(r.id + " " + r.name + " " + r.measure + " " + r.project + " " + r.department);
    out << "<tr data-kpi=\"" << esc(r.id) << "\" data-goal=\"" << r.goal_no << "\" data-grade=\"" << esc(r.grade_symbol)
        << "\" data-department=\"" << esc(r.department) << "\" data-search=\"" << esc(search) << "\">";
    out << "<td class=\"center\" data-sort=\"" << r.goal_no << "\" title=\"" << esc(r.goal) << "\">" << r.goal_no
        << "</td>";
    out << "<td class=\"measure\" data-sort=\"" << esc(r.measure) << "\">" << esc(r.measure) << "</td>";
    out << "<td class=\"project\" data-sort=\"" << esc(r.project) << "\">" << esc(r.project) << "</td>";
    out << "<td class=\"kpi\" data-sort=\"" << esc(r.name) << "\"><a href=\"#kpi-" << esc(r.id) << "\">" << esc(r.name)
        << "</a><span class=\"sub\">" << esc(r.unit) << "</span></td>";
    out << "<td class=\"num\" data-sort=\"" << sort_key(r.baseline.number) << "\">" << esc(r.baseline.text)
        << "<span class=\"mark\">" << esc(r.baseline_period) << "</span></td>";
    for (const auto& c : r.years) out << year_cell(c, m.options.lang);
    out << "<td class=\"num\" data-sort=\"" << sort_key(r.actual.number) << "\" title=\"" << esc(r.formed) << "\">"
        << esc(r.actual.text) << "</td>";
    out << "<td class=\"num\" data-sort=\"" << sort_key(r.achievement.fraction) << "\">" << esc(r.achievement.text)
        << "</td>";
    out << "<td class=\"target\" data-sort=\"" << sort_key(r.target.number) << "\">" << esc(r.target.text) << "</td>";
    out << "<td class=\"dept\" data-sort=\"" << esc(r.department) << "\">" << esc(r.department) << "</td>";
    out << "<td class=\"center\" data-sort=\"" << r.grade_index << "\">" << grade_badge(r, m) << "</td>";
    out << "<td class=\"num" << (r.off_track ? " off-track" : "") << "\" data-sort=\"" << sort_key(r.pace.number)
        << "\">" << esc(r.pace.text) << "</td></tr>";
  }
  out << "</tbody></table></div></section>";
}

void drilldown(std::ostream& out, const Drilldown& d, const Labels& l, Lang lang) {
  double top = 0;
  for (const auto& r : d.rows)
    if (r.values.back()) top = std::max(top, *r.values.back());
  out << "<details class=\"drilldown\" data-series=\"" << esc(d.series) << "\"><summary>" << l.drilldown << ": "
      << esc(d.caption) << esc(unit_note(d.unit, lang)) << (d.months_summed ? std::string(" — ") + l.months_summed : "")
      << "</summary><div class=\"table-scroll\"><table><thead><tr>";
  for (std::size_t i = 0; i < d.dimension_keys.size(); ++i)
    out << "<th data-key=\"" << esc(d.dimension_keys[i]) << "\">" << esc(d.dimension_names[i]) << "</th>";
  for (const auto& y : d.years) out << "<th>" << esc(y.label) << "</th>";
  out << "</tr></thead><tbody>";
  for (const auto& r : d.rows) {
    out << "<tr>";
    for (std::size_t i = 0; i < r.dimensions.size(); ++i)
      out << "<td" << (r.labels[i] == r.dimensions[i] ? "" : " data-code=\"" + esc(r.dimensions[i]) + "\"") << ">"
          << esc(r.labels[i]) << "</td>";
    for (std::size_t i = 0; i < r.values.size(); ++i) {
      const auto& v = r.values[i];
      out << "<td class=\"num\" data-value=\"" << sort_key(v) << "\">" << (v ? esc(grouped(*v, lang)) : "");
      if (v && i + 1 == r.values.size() && top > 0 && *v > 0)
        out << "<span class=\"bar\" style=\"width:" << static_cast<int>(60 * *v / top) << "px\"></span>";
      out << "</td>";
    }
    out << "</tr>";
  }
  if (d.others) {  // the rows beyond the largest, summed: after them, unsortable (tfoot)
    out << "</tbody><tfoot><tr class=\"others\"><td colspan=\"" << std::max<std::size_t>(d.dimension_keys.size(), 1)
        << "\">" << esc(d.others->label) << "</td>";
    for (const auto& v : d.others->values) out << "<td class=\"num\">" << (v ? esc(grouped(*v, lang)) : "") << "</td>";
    out << "</tr></tfoot>";
  } else {
    out << "</tbody>";
  }
  out << "</table></div></details>";
}

// The actual with its unit, once: 19.9万人 says its unit already (display: 万人), and a value's ※ (an
// open data-quality flag) follows the unit, as it follows the figure in the table (20 件※).
std::string actual_with_unit(const KpiRow& r) {
  std::string text = r.actual.text;
  if (r.unit.empty() || !r.actual.number || text.find(r.unit) != std::string::npos) return text;
  static const std::string kFlag = "※";
  const bool flagged = text.ends_with(kFlag);
  if (flagged) text.resize(text.size() - kFlag.size());
  return text + " " + r.unit + (flagged ? kFlag : "");
}

void card(std::ostream& out, const KpiRow& r, const ReportModel& m, const Labels& l) {
  out << "<article class=\"card\" id=\"kpi-" << esc(r.id) << "\" data-kpi=\"" << esc(r.id) << "\"><h3>" << esc(r.name)
      << " " << grade_badge(r, m) << "</h3><div class=\"where\">" << esc(goal_heading(r.goal_no, m.options.lang));
  for (const auto* part : {&r.measure, &r.project, &r.department})
    if (!part->empty()) out << " ／ " << esc(*part);
  out << "</div>";
  const std::string chart = svg_chart(r.chart, r.id, r.name, l, m.options.years, m.options.lang);
  if (chart.empty())
    out << "<div class=\"no-chart\">" << l.no_chart << "</div>";
  else
    out << chart << chart_legend(r.chart, l);
  out << "<dl class=\"figures\">";
  auto fig = [&](const char* name, const std::string& value, const std::string& cls = "") {
    out << "<div><dt>" << name << "</dt><dd" << (cls.empty() ? "" : " class=\"" + cls + "\"") << ">" << esc(value)
        << "</dd></div>";
  };
  fig(l.baseline, with_period(r.baseline, r.baseline_period));
  fig(l.actual, actual_with_unit(r));
  fig(l.target, with_period(r.target, r.target_period));
  fig(l.achievement, r.achievement.text);
  if (!r.projection.text.empty()) fig(l.projection, r.projection.text);
  fig(l.pace, r.pace.text, r.off_track ? "off-track" : "");
  fig(l.forecast, r.forecast.text);
  fig(l.grade, grade_text(r));
  out << "</dl>";
  out << "<ul class=\"notes\">";
  if (!r.formed.empty()) out << "<li>" << l.formed << ": " << esc(r.formed) << "</li>";
  for (const auto& n : r.notes) out << "<li>" << esc(n) << "</li>";
  out << "</ul>";
  // The department's reasons and next steps and the committee's opinion, beside the figures.
  if (!r.comments.empty()) {
    out << "<div class=\"commentary\"><h4>" << l.commentary << "</h4><dl>";
    for (const auto& c : r.comments)
      out << "<dt data-kind=\"" << esc(c.kind) << "\">" << esc(c.year_label) << " " << esc(c.kind_label) << "</dt><dd>"
          << esc(c.text) << "</dd>";
    out << "</dl></div>";
  }
  for (const auto& d : r.drilldowns) drilldown(out, d, l, m.options.lang);
  out << "</article>";
}

void details_section(std::ostream& out, const ReportModel& m, const Labels& l) {
  out << "<section class=\"details\" id=\"kpi-details\"><h2>KPI</h2><div class=\"cards\">";
  for (const auto& r : m.projects) card(out, r, m, l);
  for (const auto& r : m.numeric_targets) card(out, r, m, l);
  out << "</div></section>";
}

}  // namespace

std::string html_report(const ReportModel& m) {
  const Labels& l = labels_for(m.options.lang);
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"" << (m.options.lang == Lang::En ? "en" : "ja")
      << "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      << "<meta name=\"generator\" content=\"sosei " << SOSEI_VERSION << "\"><title>" << esc(m.city) << " "
      << esc(m.strategy) << " — " << l.project_table << " (" << esc(m.as_of_text) << ")</title><style>" << kReportCss
      << "</style></head><body>";
  page_header(out, m, l);
  out << "<main>";
  summary_section(out, m, l);
  targets_section(out, m, l);
  projects_section(out, m, l);
  details_section(out, m, l);
  out << "</main><footer>sosei " << SOSEI_VERSION << " — " << l.as_of << " " << esc(m.as_of_text) << " — "
      << esc(m.scheme_title) << "</footer><script>" << kReportJs << "</script></body></html>\n";
  return out.str();
}

}  // namespace sosei::report
