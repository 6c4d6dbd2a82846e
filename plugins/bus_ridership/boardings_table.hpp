// Boardings summed per (route group, month): the only state that grows while rows stream past, and it
// grows with routes × months, never with rows. Emits the monthly, fiscal-year and KPI series.
#pragma once

#include <sosei/plugin.hpp>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "route_index.hpp"
#include "service_date.hpp"

namespace bus_ridership {

inline constexpr const char* kKpi = "city_bus_riders";
inline constexpr const char* kMonthlySeries = "monthly_boardings";
inline constexpr const char* kFiscalYearSeries = "fiscal_year_boardings";

class BoardingsTable {
 public:
  void add(uint32_t group, YearMonth month, int64_t boardings) {
    const uint64_t key = (uint64_t{group} << 32) | static_cast<uint32_t>(month.year * 12 + (month.month - 1));
    if (key != last_key_ || last_ == nullptr) {
      last_ = &totals_[key];  // element addresses survive rehashing
      last_key_ = key;
    }
    *last_ += boardings;
  }

  // Emits monthly_boardings (MONTH, route), fiscal_year_boardings (FISCAL_YEAR, route) and the KPI
  // city_bus_riders (FISCAL_YEAR, no dimension) = the sum over routes. A fiscal year the data covers
  // only partly is emitted with a note saying which months, and a warning.
  void emit(const sosei::Context& ctx, const std::vector<RouteGroup>& groups, const std::string& file) const;

  bool empty() const { return totals_.empty(); }

 private:
  std::unordered_map<uint64_t, int64_t> totals_;
  uint64_t last_key_ = 0;
  int64_t* last_ = nullptr;
};

}  // namespace bus_ridership
