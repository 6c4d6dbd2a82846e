// The report model as JSON (`sosei report --format json`): stable keys, documented in docs/report.md.
// Numbers that do not exist are null; percents are the fractions the other formats show.
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/writers.hpp"

namespace sosei::report {
namespace {

using nlohmann::json;

json number(const std::optional<double>& v) { return v && std::isfinite(*v) ? json(*v) : json(nullptr); }

json figure(const Figure& f) { return {{"text", f.text}, {"number", number(f.number)}}; }

json columns(const std::vector<YearColumn>& cols) {
  json out = json::array();
  for (const auto& c : cols) out.push_back({{"year", c.year}, {"label", c.label}});
  return out;
}

json points(const std::vector<ChartPoint>& ps) {
  json out = json::array();
  for (const auto& p : ps) out.push_back({{"year", p.year}, {"value", p.value}});
  return out;
}

const char* kind_name(Achievement::Kind k) {
  switch (k) {
    case Achievement::Kind::Ratio:
      return "ratio";
    case Achievement::Kind::Progress:
      return "progress";
    case Achievement::Kind::Achieved:
      return "achieved";
    case Achievement::Kind::None:
      break;
  }
  return "none";
}

const char* kind_name(Chart::Kind k) {
  switch (k) {
    case Chart::Kind::Level:
      return "level";
    case Chart::Kind::Cumulative:
      return "cumulative";
    case Chart::Kind::None:
      break;
  }
  return "none";
}

json chart(const Chart& c) {
  return {{"kind", kind_name(c.kind)},
          {"from_year", c.from_year},
          {"to_year", c.to_year},
          {"baseline", c.baseline ? json{{"year", c.baseline->year}, {"value", c.baseline->value}} : json(nullptr)},
          {"values", points(c.values)},
          {"target", number(c.target)},
          {"target_year", c.target_year},
          {"target_path", points(c.target_path)},
          {"projection", number(c.projection)},
          {"forecast", points(c.forecast)}};
}

// The rows beyond the largest, summed; null when every row is shown.
json others(const Drilldown& d) {
  if (!d.others) return nullptr;
  json values = json::array();
  for (const auto& v : d.others->values) values.push_back(number(v));
  return {{"rows", d.others->rows}, {"label", d.others->label}, {"values", values}};
}

json drilldown(const Drilldown& d) {
  json rows = json::array();
  for (const auto& r : d.rows) {
    json values = json::array();
    for (const auto& v : r.values) values.push_back(number(v));
    rows.push_back({{"dimensions", r.dimensions}, {"labels", r.labels}, {"values", values}});
  }
  return {{"series", d.series},
          {"unit", d.unit},
          {"help", d.help},
          {"name", d.name},
          {"caption", d.caption},
          {"dimension_keys", d.dimension_keys},
          {"dimension_names", d.dimension_names},
          {"years", columns(d.years)},
          {"rows", rows},
          {"others", others(d)},
          {"months_summed", d.months_summed}};
}

json kpi(const KpiRow& r) {
  json years = json::array();
  for (const auto& c : r.years)
    years.push_back(
        {{"value", figure(c.value)}, {"period", c.period}, {"series_break", c.series_break}, {"note", c.note}});
  json drilldowns = json::array();
  for (const auto& d : r.drilldowns) drilldowns.push_back(drilldown(d));
  json comments = json::array();
  for (const auto& c : r.comments)
    comments.push_back({{"year", c.year},
                        {"year_label", c.year_label},
                        {"kind", c.kind},
                        {"kind_label", c.kind_label},
                        {"text", c.text},
                        {"version", c.version}});
  return {{"id", r.id},
          {"goal_no", r.goal_no},
          {"goal", r.goal},
          {"measure", r.measure},
          {"project", r.project},
          {"name", r.name},
          {"unit", r.unit},
          {"department", r.department},
          {"baseline", figure(r.baseline)},
          {"baseline_period", r.baseline_period},
          {"years", years},
          {"actual", figure(r.actual)},
          {"formed", r.formed},
          {"target", figure(r.target)},
          {"target_period", r.target_period},
          {"projection", figure(r.projection)},
          {"achievement",
           {{"kind", kind_name(r.achievement.kind)},
            {"fraction", number(r.achievement.fraction)},
            {"text", r.achievement.text}}},
          {"grade",
           {{"index", r.grade_index}, {"symbol", r.grade_symbol}, {"label", r.grade_label}, {"basis", r.grade_basis}}},
          {"pace", {{"text", r.pace.text}, {"fraction", number(r.pace.number)}, {"off_track", r.off_track}}},
          {"forecast", figure(r.forecast)},
          {"notes", r.notes},
          {"chart", chart(r.chart)},
          {"drilldowns", drilldowns},
          {"comments", comments},
          {"unconfirmed", r.unconfirmed}};
}

}  // namespace

std::string json_report(const ReportModel& m) {
  json grades = json::array();
  for (const auto& g : m.grades) grades.push_back({{"symbol", g.symbol}, {"label", g.label}});
  json summary = json::array();
  for (const auto& s : m.goal_summary) {
    json tallies = json::array();
    for (std::size_t i = 0; i < s.grades.size(); ++i)
      tallies.push_back({{"symbol", i < m.grades.size() ? m.grades[i].symbol : ""},
                         {"count", s.grades[i].count},
                         {"share_percent", s.grades[i].share_percent}});
    summary.push_back({{"key", s.key}, {"name", s.name}, {"kpis", s.kpis}, {"total", s.total}, {"grades", tallies}});
  }
  json projects = json::array();
  for (const auto& r : m.projects) projects.push_back(kpi(r));
  json targets = json::array();
  for (const auto& r : m.numeric_targets) targets.push_back(kpi(r));
  const json out = {{"city", m.city},
                    {"strategy", m.strategy},
                    {"as_of", m.as_of},
                    {"scheme", {{"name", m.scheme}, {"title", m.scheme_title}}},
                    {"lang", m.options.lang == Lang::En ? "en" : "ja"},
                    {"years", columns(m.years)},
                    {"grades", grades},
                    {"projects", projects},
                    {"goal_summary", summary},
                    {"target_years", columns(m.target_years)},
                    {"numeric_targets", targets},
                    {"approved_only", m.approved_only}};
  return out.dump(2) + "\n";
}

}  // namespace sosei::report
