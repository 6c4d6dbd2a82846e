// Reads what the engine needs from a Store: every stored value of each KPI of the strategy.
#pragma once

#include "evaluate/engine.hpp"

namespace sosei::evaluate {

ObservationsByKpi load_observations(store::Store& store, const config::Strategy& strategy);

}  // namespace sosei::evaluate
