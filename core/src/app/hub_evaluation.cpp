// The evaluation of a hub's cities (hub_evaluation.hpp).
#include "app/hub_evaluation.hpp"

#include <set>
#include <tuple>

#include "app/evaluation.hpp"
#include "app/hub_city_pages.hpp"
#include "app/merged_history.hpp"
#include "config/load.hpp"
#include "evaluate/store_input.hpp"
#include "store/store.hpp"

namespace sosei::app {
namespace {

using InheritedKeys = std::set<std::pair<std::string, Period>>;  // (KPI, period)

// The city's rows, and before its merger its predecessors'; the keys of the values taken from them.
InheritedKeys continue_history(const HubEvaluationRequest& request, const config::HubCity& city, const Environment& env,
                               evaluate::ObservationsByKpi& observations) {
  InheritedKeys inherited;
  if (city.predecessors.empty()) return inherited;
  std::set<std::pair<std::string, Period>> own;
  for (const auto& [kpi, rows] : observations)
    for (const auto& o : rows) own.emplace(kpi, o.key.period);
  const std::string& shared = request.database_override.empty() ? request.hub->database : request.database_override;
  Predecessors predecessors(city, shared, &env.clock());
  add_merged_history(*request.hub, city, predecessors, env.config().strategy, request.lang, observations);
  for (const auto& [kpi, rows] : observations)
    for (const auto& o : rows)
      if (!own.contains({kpi, o.key.period})) inherited.emplace(kpi, o.key.period);
  return inherited;
}

bool inherited_ref(const InheritedKeys& inherited, const store::ObservationRef& ref) {
  return ref.key.dimensions.empty() && inherited.contains({ref.key.series, ref.key.period});
}

// How many of the predecessors' values the grades rest on (not every year of their history).
int used_inherited(const evaluate::Evaluation& evaluation, const InheritedKeys& inherited) {
  int n = 0;
  for (const auto& k : evaluation.kpis)
    for (const auto& ref : k.used) n += inherited_ref(inherited, ref) ? 1 : 0;
  return n;
}

// The evaluation as stored: the predecessors' values are not rows of the city's store, so they are
// not among the observations it used (a predecessor's history is closed; nothing revises it).
int64_t save(store::Store& store, evaluate::Evaluation evaluation, const InheritedKeys& inherited) {
  for (auto& k : evaluation.kpis)
    std::erase_if(k.used, [&](const store::ObservationRef& ref) { return inherited_ref(inherited, ref); });
  return evaluate::save_evaluation(store, evaluation);
}

void evaluate_city(const HubEvaluationRequest& request, const Environment& env, HubCityEvaluation& row) {
  const Date as_of = request.as_of.value_or(env.today());
  evaluate::GradingScheme scheme;
  try {
    scheme = grading_scheme(env, request.scheme);
  } catch (const config::ConfigError& e) {
    row.state = HubEvaluationState::Refused;
    row.problem = [e](const text::Locale& l) { return e.message(l.lang); };
    return;
  }
  try {
    const auto store =
        env.open_store(std::chrono::milliseconds(5000), request.save ? StoreOpen::MustExist : StoreOpen::ReadOnly);
    evaluate::ObservationsByKpi observations = stored_observations(env, *store);
    const InheritedKeys inherited = continue_history(request, *row.city, env, observations);
    row.evaluation = evaluate_observations(env, observations, as_of, scheme);
    row.inherited = used_inherited(*row.evaluation, inherited);
    if (request.save) row.saved_id = save(*store, *row.evaluation, inherited);
    row.state = HubEvaluationState::Evaluated;
  } catch (const store::NoDatabase&) {
    row.state = HubEvaluationState::NoDatabase;
  } catch (const store::StoreError& e) {
    row.state = HubEvaluationState::Unreachable;
    row.problem = [e](const text::Locale& l) { return e.message(l.lang); };
  }
}

}  // namespace

std::string to_string(HubEvaluationState s) {
  switch (s) {
    case HubEvaluationState::Evaluated:
      return "evaluated";
    case HubEvaluationState::NoConfig:
      return "no_config";
    case HubEvaluationState::NoDatabase:
      return "no_database";
    case HubEvaluationState::Refused:
      return "refused";
    case HubEvaluationState::Unreachable:
      return "unreachable";
  }
  return "";
}

int HubCityEvaluation::counted() const { return evaluation ? evaluation->total.kpis : 0; }

int HubCityEvaluation::with_value() const {
  int n = 0;
  if (evaluation)
    for (const auto& k : evaluation->kpis)
      n += !k.kpi.goal_level && k.actual.value && k.actual.value->is_number() ? 1 : 0;
  return n;
}

std::vector<HubCityEvaluation> evaluate_hub_cities(const HubEvaluationRequest& request, const Clock* clock) {
  std::vector<HubCityEvaluation> rows;
  for (const config::HubCity* city : cities_in_scope(*request.hub, request.scope)) {
    HubCityEvaluation row;
    row.city = city;
    if (!city->config.empty()) {
      try {
        const auto env = load_city_page(*request.hub, *city, request.database_override, clock);
        evaluate_city(request, *env, row);
      } catch (const config::ConfigError& e) {  // its configuration: the others are still evaluated
        row.state = HubEvaluationState::Refused;
        row.problem = [e](const text::Locale& l) { return e.message(l.lang); };
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace sosei::app
