// SVG drawing of charts and grade bars for the HTML report (svg_chart.hpp).
#include "report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "evaluate/format.hpp"
#include "report/html_escape.hpp"
#include "report/number_format.hpp"

namespace sosei::report {
namespace {

constexpr double kWidth = 440, kHeight = 220;
constexpr double kLeft = 58, kRight = 86, kTop = 14, kBottom = 30;

std::string num(double v) {  // coordinates: two decimals are plenty
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string raw(double v) { return evaluate::number_text(v); }  // data-* values, full precision

// A round step for about four grid lines: 1, 2 or 5 × 10^n.
double nice_step(double range) {
  const double rough = range / 4;
  const double mag = std::pow(10, std::floor(std::log10(rough)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * mag >= rough) return m * mag;
  return 10 * mag;
}

struct Frame {
  int from, to;
  double lo, hi;
  double x(double year) const {
    if (to == from) return kLeft + (kWidth - kLeft - kRight) / 2;
    return kLeft + (year - from) / (to - from) * (kWidth - kLeft - kRight);
  }
  double y(double v) const { return kTop + (hi - v) / (hi - lo) * (kHeight - kTop - kBottom); }
};

Frame frame_of(const Chart& c) {
  std::vector<double> all = {0};
  for (const auto* ps : {&c.values, &c.target_path, &c.forecast})
    for (const auto& p : *ps) all.push_back(p.value);
  if (c.baseline) all.push_back(c.baseline->value);
  if (c.target) all.push_back(*c.target);
  if (c.projection) all.push_back(*c.projection);
  double lo = *std::min_element(all.begin(), all.end()), hi = *std::max_element(all.begin(), all.end());
  if (hi == lo) hi = lo + 1;
  const double step = nice_step(hi - lo);
  lo = std::floor(lo / step) * step;
  hi = std::ceil(hi / step) * step;
  return {c.from_year, std::max(c.to_year, c.from_year), lo, hi};
}

// A calendar year reads 2024 in both styles (R6 would read as a fiscal year).
std::string axis_year(const Chart& c, int year, YearStyle style) {
  return c.calendar_years ? std::to_string(year) : year_label(year, style);
}

void grid(std::ostream& out, const Chart& c, const Frame& f, YearStyle style, Lang lang) {
  const double step = nice_step(f.hi - f.lo);
  out << "<g class=\"chart-grid\">";
  for (double v = f.lo; v <= f.hi + step / 2; v += step) {
    out << "<line x1=\"" << num(kLeft) << "\" x2=\"" << num(kWidth - kRight) << "\" y1=\"" << num(f.y(v)) << "\" y2=\""
        << num(f.y(v)) << "\"" << (v == 0 ? " class=\"zero\"" : "") << "/>";
    out << "<text class=\"tick\" x=\"" << num(kLeft - 6) << "\" y=\"" << num(f.y(v) + 3.5) << "\" text-anchor=\"end\">"
        << html_escape(grouped(v, lang)) << "</text>";
  }
  for (int y = f.from; y <= f.to; ++y)
    out << "<text class=\"tick\" x=\"" << num(f.x(y)) << "\" y=\"" << num(kHeight - kBottom + 16)
        << "\" text-anchor=\"middle\">" << html_escape(axis_year(c, y, style)) << "</text>";
  out << "</g>";
}

std::string points_attr(const Frame& f, const std::vector<ChartPoint>& ps) {
  std::string s;
  for (const auto& p : ps) s += (s.empty() ? "" : " ") + num(f.x(p.year)) + "," + num(f.y(p.value));
  return s;
}

std::string values_attr(const std::vector<ChartPoint>& ps) {
  std::string s;
  for (const auto& p : ps) s += (s.empty() ? "" : " ") + std::to_string(p.year) + ":" + raw(p.value);
  return s;
}

// A label at the right edge of the plot, for a horizontal line or a path's end.
void end_label(std::ostream& out, const Frame& f, double value, const std::string& cls, const std::string& text) {
  out << "<text class=\"" << cls << "-label\" x=\"" << num(kWidth - kRight + 4) << "\" y=\"" << num(f.y(value) + 3.5)
      << "\">" << html_escape(text) << "</text>";
}

}  // namespace

std::string svg_chart(const Chart& c, const std::string& kpi_id, const std::string& kpi_name, const Labels& l,
                      YearStyle style, Lang lang) {
  if (c.kind == Chart::Kind::None) return "";
  const Frame f = frame_of(c);
  std::ostringstream out;
  out << "<svg class=\"kpi-chart\" viewBox=\"0 0 " << num(kWidth) << " " << num(kHeight)
      << "\" role=\"img\" data-kpi=\"" << html_escape(kpi_id) << "\" data-kind=\""
      << (c.kind == Chart::Kind::Cumulative ? "cumulative" : "level") << "\" aria-label=\"" << html_escape(kpi_name)
      << "\"><title>" << html_escape(kpi_name) << "</title>";
  grid(out, c, f, style, lang);
  if (c.projection) {
    out << "<line class=\"chart-projection\" data-value=\"" << raw(*c.projection) << "\" x1=\"" << num(kLeft)
        << "\" x2=\"" << num(kWidth - kRight) << "\" y1=\"" << num(f.y(*c.projection)) << "\" y2=\""
        << num(f.y(*c.projection)) << "\"><title>" << l.chart_legend_projection << " " << grouped(*c.projection, lang)
        << "</title></line>";
    end_label(out, f, *c.projection, "chart-projection",
              std::string(l.projection) + " " + grouped(*c.projection, lang));
  }
  if (!c.target_path.empty()) {
    out << "<polyline class=\"chart-path\" data-values=\"" << values_attr(c.target_path) << "\" points=\""
        << points_attr(f, c.target_path) << "\"><title>" << l.chart_legend_path << "</title></polyline>";
  }
  if (c.target) {
    if (c.kind == Chart::Kind::Level)
      out << "<line class=\"chart-target\" data-value=\"" << raw(*c.target) << "\" x1=\"" << num(kLeft) << "\" x2=\""
          << num(kWidth - kRight) << "\" y1=\"" << num(f.y(*c.target)) << "\" y2=\"" << num(f.y(*c.target))
          << "\"><title>" << l.chart_legend_target << " " << grouped(*c.target, lang) << "</title></line>";
    else
      out << "<circle class=\"chart-target\" data-value=\"" << raw(*c.target) << "\" cx=\"" << num(f.x(c.target_year))
          << "\" cy=\"" << num(f.y(*c.target)) << "\" r=\"4\"><title>" << l.chart_legend_target << " "
          << grouped(*c.target, lang) << "</title></circle>";
    end_label(out, f, *c.target, "chart-target", std::string(l.target) + " " + grouped(*c.target, lang));
  }
  if (c.baseline) {
    const double x = f.x(c.baseline->year), y = f.y(c.baseline->value);
    out << "<rect class=\"chart-baseline\" data-year=\"" << c.baseline->year << "\" data-value=\""
        << raw(c.baseline->value) << "\" x=\"" << num(x - 4) << "\" y=\"" << num(y - 4)
        << "\" width=\"8\" height=\"8\"><title>" << l.chart_legend_baseline << " "
        << html_escape(axis_year(c, c.baseline->year, style)) << ": " << grouped(c.baseline->value, lang)
        << "</title></rect>";
  }
  if (!c.forecast.empty()) {
    out << "<polyline class=\"chart-forecast\" data-values=\"" << values_attr(c.forecast) << "\" points=\""
        << points_attr(f, c.forecast) << "\"><title>" << l.chart_legend_forecast << " "
        << grouped(c.forecast.back().value, lang) << "</title></polyline>";
  }
  if (!c.values.empty()) {
    out << "<g class=\"chart-values\">";
    if (c.kind == Chart::Kind::Cumulative) {  // running totals start from zero before the window
      std::vector<ChartPoint> from_zero = {{c.from_year, 0}};
      from_zero.insert(from_zero.end(), c.values.begin(), c.values.end());
      out << "<polyline class=\"chart-line\" points=\"" << points_attr(f, from_zero) << "\"/>";
    } else {  // a level's line starts at its baseline, the value the strategy started from
      std::vector<ChartPoint> line = c.values;
      if (c.baseline && c.baseline->year < line.front().year) line.insert(line.begin(), *c.baseline);
      out << "<polyline class=\"chart-line\" points=\"" << points_attr(f, line) << "\"/>";
    }
    for (const auto& p : c.values)
      out << "<circle class=\"chart-point\" data-year=\"" << p.year << "\" data-value=\"" << raw(p.value) << "\" cx=\""
          << num(f.x(p.year)) << "\" cy=\"" << num(f.y(p.value)) << "\" r=\"4\"><title>"
          << html_escape(axis_year(c, p.year, style)) << ": " << grouped(p.value, lang) << "</title></circle>";
    const auto& last = c.values.back();
    out << "<text class=\"chart-value-label\" x=\"" << num(f.x(last.year)) << "\" y=\"" << num(f.y(last.value) - 9)
        << "\" text-anchor=\"middle\">" << grouped(last.value, lang) << "</text>";
    out << "</g>";
  }
  out << "</svg>";
  return out.str();
}

std::string chart_legend(const Chart& c, const Labels& l) {
  if (c.kind == Chart::Kind::None) return "";
  std::ostringstream out;
  auto item = [&](const char* cls, const char* text) {
    out << "<span class=\"legend-item\"><svg width=\"22\" height=\"10\" aria-hidden=\"true\"><line class=\"" << cls
        << "\" x1=\"1\" x2=\"21\" y1=\"5\" y2=\"5\"/></svg>" << text << "</span>";
  };
  out << "<div class=\"chart-legend\">";
  if (!c.values.empty()) item("chart-line", l.chart_legend_values);
  if (c.target && c.kind == Chart::Kind::Level) item("chart-target", l.chart_legend_target);
  if (!c.target_path.empty()) item("chart-path", l.chart_legend_path);
  if (!c.forecast.empty()) item("chart-forecast", l.chart_legend_forecast);
  if (c.projection) item("chart-projection", l.chart_legend_projection);
  if (c.baseline)
    out << "<span class=\"legend-item\"><svg width=\"22\" height=\"10\" aria-hidden=\"true\"><rect "
           "class=\"chart-baseline\" "
           "x=\"7\" y=\"1\" width=\"8\" height=\"8\"/></svg>"
        << l.chart_legend_baseline << "</span>";
  out << "</div>";
  return out.str();
}

std::string grade_class(std::size_t index, std::size_t grade_count) {
  if (grade_count == 0 || index + 1 >= grade_count) return "grade-other";  // the last grade is "other"
  if (index == 0) return "grade-best";
  if (index + 2 == grade_count) return "grade-low";
  return "grade-mid";
}

std::string svg_grade_bar(const SummaryRow& row, const std::vector<GradeColumn>& grades) {
  constexpr double kBarWidth = 240, kBarHeight = 22;
  std::ostringstream out;
  out << "<svg class=\"grade-bar\" viewBox=\"0 0 " << num(kBarWidth) << " " << num(kBarHeight)
      << "\" role=\"img\" data-goal=\"" << html_escape(row.key) << "\" aria-label=\"";
  for (std::size_t i = 0; i < row.grades.size() && i < grades.size(); ++i)
    out << (i ? ", " : "") << html_escape(grades[i].symbol) << " " << row.grades[i].count;
  out << "\">";
  double x = 0;
  for (std::size_t i = 0; i < row.grades.size() && i < grades.size(); ++i) {
    const int n = row.grades[i].count;
    if (n == 0 || row.kpis == 0) continue;
    const double w = kBarWidth * n / row.kpis;
    out << "<g class=\"" << grade_class(i, grades.size()) << "\" data-symbol=\"" << html_escape(grades[i].symbol)
        << "\" data-count=\"" << n << "\"><rect x=\"" << num(x) << "\" y=\"0\" width=\"" << num(w) << "\" height=\""
        << num(kBarHeight) << "\"/><title>" << html_escape(grades[i].symbol + " " + grades[i].label) << ": " << n
        << " (" << row.grades[i].share_percent << "%)</title>";
    if (w >= 26)
      out << "<text x=\"" << num(x + w / 2) << "\" y=\"15\" text-anchor=\"middle\">" << html_escape(grades[i].symbol)
          << n << "</text>";
    out << "</g>";
    x += w;
  }
  out << "</svg>";
  return out.str();
}

}  // namespace sosei::report
