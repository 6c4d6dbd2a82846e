// Evaluation → JSON. Missing numbers are null, never 0; ratios are fractions (0.2 = 20 %), unrounded.
#include "present/evaluation_json.hpp"

#include "present/kpi_json.hpp"

namespace sosei::present {
namespace {

using nlohmann::json;

json value_json(const Value& v) {
  if (v.is_number()) return json{{"kind", "number"}, {"number", v.number}};
  return json{{"kind", to_string(v.kind)}, {"number", nullptr}};
}

json from_year(const config::StatedValue& s) { return s.from_year ? json(*s.from_year) : json(nullptr); }

// A KPI measured in parts: [{"part": "小学校", "label": "小", "value": {…}, "period": "FY2025"}].
json parts_json(const std::vector<evaluate::PartValue>& parts) {
  json out = json::array();
  for (const auto& p : parts)
    out.push_back({{"part", p.part},
                   {"label", p.label},
                   {"value", value_json(p.value)},
                   {"period", p.period.str()},
                   {"series_break", p.series_break}});
  return out;
}

}  // namespace

json to_json(const evaluate::KpiEvaluation& e) {
  const config::Kpi& k = e.kpi;
  json years = json::array();
  for (const auto& y : e.years)
    years.push_back({{"year", y.year},
                     {"period", y.period.str()},
                     {"period_kind", to_string(y.period.kind)},
                     {"value", value_json(y.value)},
                     {"series_break", y.series_break},
                     {"note", y.note},
                     {"parts", parts_json(y.parts)}});
  json periods = json::array();
  for (const auto& p : e.actual.periods) periods.push_back(p.str());
  // The KPI as /api/kpis shows it, and what an evaluation needs besides.
  json j = kpi_json(k);
  j["publication_lag_months"] = k.publication_lag_months;
  j["direction"] = config::to_string(k.direction);
  j["formula"] = config::to_string(k.formula);
  j["baseline"]["from_year"] = from_year(k.baseline);
  j["target"]["from_year"] = from_year(k.target.value);
  j["target"]["projection"] = number_or_null(k.target.projection);
  j["target"]["projection_text"] = k.target.projection_text;
  j["years"] = years;
  j["actual"] = {{"value", e.actual.value ? value_json(*e.actual.value) : json(nullptr)},
                 {"formed", e.actual.formed},
                 {"periods", periods},
                 {"series_break", e.actual.series_break}};
  j["parts"] = parts_json(e.parts);
  j["combine"] = k.combine ? json{{"by", k.combine->by}, {"rule", config::to_string(k.combine->rule)}} : json(nullptr);
  j["ratio"] = number_or_null(e.ratio);
  j["progress"] = number_or_null(e.progress);
  j["achieved"] = e.achieved ? json(*e.achieved) : json(nullptr);
  j["grade"] = {{"symbol", e.grade.symbol}, {"label", e.grade.label}, {"basis", e.grade.basis}};
  j["pace"] = {{"elapsed_years", e.pace.elapsed_years},
               {"total_years", e.pace.total_years},
               {"expected", number_or_null(e.pace.expected)},
               {"ratio", number_or_null(e.pace.ratio)},
               {"off_track", e.pace.off_track},
               {"note", e.pace.note}};
  j["forecast"] = {{"points", e.forecast.points},
                   {"value", number_or_null(e.forecast.value)},
                   {"ratio", number_or_null(e.forecast.ratio)},
                   {"note", e.forecast.note}};
  j["notes"] = e.notes;
  return j;
}

json to_json(const evaluate::Rollup& r) {
  json grades = json::array();
  for (const auto& g : r.grades)
    grades.push_back(
        {{"symbol", g.symbol}, {"label", g.label}, {"count", g.count}, {"share_percent", g.share_percent}});
  return json{{"key", r.key}, {"name", r.name}, {"kpis", r.kpis}, {"grades", grades}};
}

json to_json(const evaluate::Evaluation& ev) {
  json kpis = json::array();
  for (const auto& k : ev.kpis) kpis.push_back(to_json(k));
  json goals = json::array(), departments = json::array();
  for (const auto& g : ev.goals) goals.push_back(to_json(g));
  for (const auto& d : ev.departments) departments.push_back(to_json(d));
  return json{{"strategy",
               {{"name", ev.strategy}, {"city", ev.city}, {"first_year", ev.first_year}, {"last_year", ev.last_year}}},
              {"as_of", ev.as_of.str()},
              {"scheme", {{"name", ev.scheme}, {"title", ev.scheme_title}}},
              {"kpis", kpis},
              {"rollups", {{"goals", goals}, {"departments", departments}, {"total", to_json(ev.total)}}}};
}

}  // namespace sosei::present
