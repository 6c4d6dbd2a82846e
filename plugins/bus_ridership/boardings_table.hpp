// Boardings summed per (route group, month): the only state that grows while rows stream past, and it
// grows with routes × months, never with rows. Emits the monthly, fiscal-year and KPI series.
#pragma once

#include <sosei/plugin.hpp>

#include <cstdint>
#include <map>
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

  // Boardings known only by fiscal year (an undated board_alight.txt, ridership.txt totals); `note`
  // says how they were attributed and goes on every observation of that fiscal year.
  void add_fiscal_year(uint32_t group, int fiscal_year, int64_t boardings) {
    fiscal_totals_[(uint64_t{group} << 32) | static_cast<uint32_t>(fiscal_year)] += boardings;
  }
  void set_fiscal_year_note(int fiscal_year, std::string note) { fiscal_notes_[fiscal_year] = std::move(note); }
  // The KPI of a fiscal year from another source than the sum over routes (ridership.txt's
  // system-wide rows).
  void set_fiscal_year_total(int fiscal_year, int64_t boardings) { kpi_overrides_[fiscal_year] = boardings; }

  // Emits monthly_boardings (MONTH, route), fiscal_year_boardings (FISCAL_YEAR, route) and the KPI
  // city_bus_riders (FISCAL_YEAR, no dimension) = the sum over routes. A fiscal year the data covers
  // only partly is emitted with a note saying which months, and a warning.
  void emit(const sosei::Context& ctx, const std::vector<RouteGroup>& groups, const std::string& file) const;

  bool empty() const { return totals_.empty() && fiscal_totals_.empty() && kpi_overrides_.empty(); }

 private:
  std::unordered_map<uint64_t, int64_t> totals_;
  std::unordered_map<uint64_t, int64_t> fiscal_totals_;  // (group, fiscal year) → boardings
  std::map<int, std::string> fiscal_notes_;
  std::map<int, int64_t> kpi_overrides_;
  uint64_t last_key_ = 0;
  int64_t* last_ = nullptr;
};

}  // namespace bus_ridership
