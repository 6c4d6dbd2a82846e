// The one place the evaluation touches the store on the way in, so the engine stays pure.
#include "evaluate/store_input.hpp"

namespace sosei::evaluate {

ObservationsByKpi load_observations(store::Store& store, const config::Strategy& strategy) {
  ObservationsByKpi out;
  for (const auto& kpi : strategy.kpis) out[kpi.id] = store.values({kpi.id, std::nullopt, std::nullopt});
  return out;
}

}  // namespace sosei::evaluate
