// The evaluation of a hub's cities (hub_evaluation.hpp).
#include "app/hub_evaluation.hpp"

#include <set>
#include <tuple>

#include "app/evaluation.hpp"
#include "app/merged_history.hpp"
#include "app/user_input.hpp"
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

// The evaluation as stored: the predecessors' values are not rows of the city's store, so they are
// not among the observations it used (a predecessor's history is closed; nothing revises it).
int64_t save(store::Store& store, evaluate::Evaluation evaluation, const InheritedKeys& inherited) {
  for (auto& k : evaluation.kpis)
    std::erase_if(k.used, [&](const store::ObservationRef& ref) {
      return ref.key.dimensions.empty() && inherited.contains({ref.key.series, ref.key.period});
    });
  return evaluate::save_evaluation(store, evaluation);
}

void evaluate_city(const HubEvaluationRequest& request, const Environment& env, HubCityEvaluation& row) {
  Date as_of;
  evaluate::GradingScheme scheme;
  try {
    as_of = as_of_date(env, request.as_of);
    scheme = grading_scheme(env, request.scheme);
  } catch (const InputError& e) {
    row.state = HubEvaluationState::Refused;
    row.problem = [message = std::make_shared<InputError>(e)](const text::Locale& l) { return message->message(l); };
    return;
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
    row.inherited = static_cast<int>(inherited.size());
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

std::vector<HubCityEvaluation> evaluate_hub_cities(const HubEvaluationRequest& request,
                                                   const std::map<std::string, std::unique_ptr<Environment>>& cities) {
  std::vector<HubCityEvaluation> rows;
  for (const config::HubCity* city : cities_in_scope(*request.hub, request.scope)) {
    HubCityEvaluation row;
    row.city = city;
    if (const auto env = cities.find(city->code); env != cities.end()) evaluate_city(request, *env->second, row);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace sosei::app
