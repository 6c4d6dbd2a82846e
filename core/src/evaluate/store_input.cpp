// The one place the evaluation touches the store, so the engine stays pure.
#include "evaluate/store_input.hpp"

namespace sosei::evaluate {

ObservationsByKpi load_observations(store::Store& store, const config::Strategy& strategy) {
  ObservationsByKpi out;
  for (const auto& kpi : strategy.kpis) out[kpi.id] = store.values({kpi.id, std::nullopt, std::nullopt});
  return out;
}

store::EvaluationRecord to_record(const Evaluation& evaluation) {
  store::EvaluationRecord r;
  r.as_of = evaluation.as_of.str();
  r.scheme = evaluation.scheme;
  for (const auto& e : evaluation.kpis) {
    store::EvaluationKpiRecord k;
    k.kpi = e.kpi.id;
    k.counted = !e.kpi.goal_level;  // as in the rollups
    if (e.actual.value && e.actual.value->is_number()) k.actual = e.actual.value->number;
    // The English wording with numbers rounded by the KPI's display rule: a saved record people read.
    k.formed = e.actual.formed_shown ? e.actual.formed_shown(text::Locale{text::Lang::En, text::YearStyle::Western})
                                     : e.actual.formed;
    k.ratio = e.ratio;
    k.progress = e.progress;
    k.grade_index = e.grade.index;
    k.grade_symbol = e.grade.symbol;
    k.grade_label = e.grade.label;
    k.pace_ratio = e.pace.ratio;
    k.off_track = e.pace.off_track;
    r.kpis.push_back(std::move(k));
  }
  return r;
}

int64_t save_evaluation(store::Store& store, const Evaluation& evaluation) {
  std::vector<store::ObservationRef> used;
  for (const auto& e : evaluation.kpis) used.insert(used.end(), e.used.begin(), e.used.end());
  return store.save_evaluation(to_record(evaluation), used);
}

}  // namespace sosei::evaluate
