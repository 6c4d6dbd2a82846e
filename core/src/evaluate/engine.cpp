// Runs the steps of steps.hpp for every KPI of the strategy, then the rollups.
#include "evaluate/engine.hpp"

#include "evaluate/explain.hpp"

#include "evaluate/steps.hpp"

namespace sosei::evaluate {

KpiEvaluation evaluate_kpi(const config::Strategy& strategy, const config::Kpi& kpi,
                           const std::vector<store::StoredObservation>& observations, const GradingScheme& scheme,
                           const Date& as_of) {
  KpiEvaluation e;
  e.kpi = kpi;
  std::vector<text::Phrase> year_notes;
  e.years = select_years(strategy, kpi, observations, as_of, year_notes);
  for (auto& n : year_notes) add_note(e, std::move(n));
  e.actual = form_actual(strategy, kpi, e.years);
  e.parts = combine_actual(kpi, e.years, e.actual);
  apply_missing_period(strategy, kpi, e.years, as_of, scheme, e.actual);
  if (!e.actual.value) e.parts.clear();
  std::optional<Score> pace_score;
  e.pace = pace_of(strategy, kpi, e.actual, as_of, scheme, pace_score);
  e.forecast = forecast_of(strategy, kpi, e.years);
  grade_kpi(scheme, pace_score, e);
  // The KPI's values are the observations of its own series without dimensions (select_years), or
  // its parts (one dimension: combine.by).
  for (const auto& y : e.years) {
    if (y.parts.empty()) e.used.push_back({{kpi.id, y.period, {}}, y.run_id});
    for (const auto& p : y.parts) e.used.push_back({{kpi.id, p.period, {{kpi.combine->by, p.part}}}, p.run_id});
  }
  return e;
}

Evaluation evaluate(const config::Strategy& strategy, const ObservationsByKpi& observations,
                    const GradingScheme& scheme, const Date& as_of) {
  Evaluation ev;
  ev.strategy = strategy.name;
  ev.city = strategy.city;
  ev.first_year = strategy.first_year;
  ev.last_year = strategy.last_year;
  ev.as_of = as_of;
  ev.scheme = scheme.name;
  ev.scheme_title = scheme.title;
  static const std::vector<store::StoredObservation> kNone;
  for (const auto& kpi : strategy.kpis) {
    auto it = observations.find(kpi.id);
    ev.kpis.push_back(evaluate_kpi(strategy, kpi, it == observations.end() ? kNone : it->second, scheme, as_of));
  }
  roll_up(strategy, scheme, ev);
  return ev;
}

}  // namespace sosei::evaluate
