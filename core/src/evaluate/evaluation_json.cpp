// Evaluation → JSON. Missing numbers are null, never 0; ratios are fractions (0.2 = 20 %), unrounded.
#include "evaluate/evaluation_json.hpp"

#include <cmath>

namespace sosei::evaluate {
namespace {

using nlohmann::json;

json number_or_null(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return *v;
}

json value_json(const Value& v) {
  if (v.is_number()) return json{{"kind", "number"}, {"number", v.number}};
  return json{{"kind", to_string(v.kind)}, {"number", nullptr}};
}

json stated_json(const config::StatedValue& s) {
  return json{{"text", s.text},
              {"number", number_or_null(s.number)},
              {"year", s.year ? json(*s.year) : json(nullptr)},
              {"from_year", s.from_year ? json(*s.from_year) : json(nullptr)}};
}

}  // namespace

json to_json(const KpiEvaluation& e) {
  const config::Kpi& k = e.kpi;
  json years = json::array();
  for (const auto& y : e.years)
    years.push_back({{"year", y.year},
                     {"period", y.period.str()},
                     {"period_kind", to_string(y.period.kind)},
                     {"value", value_json(y.value)},
                     {"series_break", y.series_break},
                     {"note", y.note}});
  json periods = json::array();
  for (const auto& p : e.actual.periods) periods.push_back(p.str());
  json target = stated_json(k.target.value);
  target["kind"] = config::to_string(k.target.kind);
  target["year"] = k.target.year;
  target["projection"] = number_or_null(k.target.projection);
  target["projection_text"] = k.target.projection_text;
  return json{
      {"id", k.id},
      {"name", k.name_ja},
      {"name_en", k.name_en},
      {"unit", k.unit},
      {"department", k.department},
      {"goal_no", k.goal_no},
      {"goal", k.goal},
      {"measure", k.measure},
      {"project", k.project},
      {"goal_level", k.goal_level},
      {"period_type", config::to_string(k.period_type)},
      {"publication_lag_months", k.publication_lag_months},
      {"direction", config::to_string(k.direction)},
      {"formula", config::to_string(k.formula)},
      {"baseline", stated_json(k.baseline)},
      {"target", target},
      {"years", years},
      {"actual",
       {{"value", e.actual.value ? value_json(*e.actual.value) : json(nullptr)},
        {"formed", e.actual.formed},
        {"periods", periods},
        {"series_break", e.actual.series_break}}},
      {"ratio", number_or_null(e.ratio)},
      {"progress", number_or_null(e.progress)},
      {"achieved", e.achieved ? json(*e.achieved) : json(nullptr)},
      {"grade", {{"symbol", e.grade.symbol}, {"label", e.grade.label}, {"basis", e.grade.basis}}},
      {"pace",
       {{"elapsed_years", e.pace.elapsed_years},
        {"total_years", e.pace.total_years},
        {"expected", number_or_null(e.pace.expected)},
        {"ratio", number_or_null(e.pace.ratio)},
        {"off_track", e.pace.off_track},
        {"note", e.pace.note}}},
      {"forecast",
       {{"points", e.forecast.points},
        {"value", number_or_null(e.forecast.value)},
        {"ratio", number_or_null(e.forecast.ratio)},
        {"note", e.forecast.note}}},
      {"notes", e.notes},
  };
}

json to_json(const Rollup& r) {
  json grades = json::array();
  for (const auto& g : r.grades)
    grades.push_back({{"symbol", g.symbol}, {"label", g.label}, {"count", g.count}, {"share_percent", g.share_percent}});
  return json{{"key", r.key}, {"name", r.name}, {"kpis", r.kpis}, {"grades", grades}};
}

json to_json(const Evaluation& ev) {
  json kpis = json::array();
  for (const auto& k : ev.kpis) kpis.push_back(to_json(k));
  json goals = json::array(), departments = json::array();
  for (const auto& g : ev.goals) goals.push_back(to_json(g));
  for (const auto& d : ev.departments) departments.push_back(to_json(d));
  return json{{"strategy", {{"name", ev.strategy}, {"city", ev.city}, {"first_year", ev.first_year},
                            {"last_year", ev.last_year}}},
              {"as_of", ev.as_of.str()},
              {"scheme", {{"name", ev.scheme}, {"title", ev.scheme_title}}},
              {"kpis", kpis},
              {"rollups", {{"goals", goals}, {"departments", departments}, {"total", to_json(ev.total)}}}};
}

}  // namespace sosei::evaluate
