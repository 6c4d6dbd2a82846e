// Deterministic strategies of many cities for the evaluation benchmark: every city gets 4 basic goals
// of 4 project KPIs and one numeric target each (20 KPIs, every target kind, fiscal and calendar
// years, both directions and formulas, statuses, series breaks) and 10 years of values, FY2020–FY2029.
#pragma once

#include <cstdint>
#include <vector>

#include "config/model.hpp"
#include "evaluate/engine.hpp"

namespace bench {

struct CityData {
  sosei::config::Strategy strategy;
  sosei::evaluate::ObservationsByKpi observations;
};

inline constexpr int kKpisPerCity = 20;
inline constexpr int kYears = 10;  // FY2020–FY2029

// City `index` (0-based); the same index always gives the same city.
CityData make_city(int index);

std::vector<CityData> make_cities(int count);

}  // namespace bench
