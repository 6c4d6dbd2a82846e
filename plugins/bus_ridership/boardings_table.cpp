// Turning the (route, month) totals into observations, in a stable order: routes by key, months and
// fiscal years ascending.
#include "boardings_table.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace bus_ridership {
namespace {

int fiscal_year_of_month(int month_index) {
  const int year = month_index / 12, month = month_index % 12 + 1;
  return month >= 4 ? year : year - 1;
}

std::string month_text(int month_index) {
  const int month = month_index % 12 + 1;
  return std::to_string(month_index / 12) + (month < 10 ? "-0" : "-") + std::to_string(month);
}

}  // namespace

void BoardingsTable::emit(const sosei::Context& ctx, const std::vector<RouteGroup>& groups,
                          const std::string& file) const {
  // group → month index → boardings, ordered; small (routes × months).
  std::map<std::string, std::map<int, int64_t>> by_route;
  std::map<std::string, std::map<int, int64_t>> fiscal_only;  // group → fiscal year → boardings
  std::map<std::string, const RouteGroup*> group_of;
  for (const auto& [key, boardings] : totals_) {
    const RouteGroup& g = groups[key >> 32];
    by_route[g.key][static_cast<int>(key & 0xffffffffu)] += boardings;
    group_of[g.key] = &g;
  }
  for (const auto& [key, boardings] : fiscal_totals_) {
    const RouteGroup& g = groups[key >> 32];
    fiscal_only[g.key][static_cast<int>(key & 0xffffffffu)] += boardings;
    by_route[g.key];
    group_of[g.key] = &g;
  }
  auto note_of = [&](int year) -> const std::string* {
    auto it = fiscal_notes_.find(year);
    return it == fiscal_notes_.end() ? nullptr : &it->second;
  };
  std::map<int, int64_t> kpi;           // fiscal year → boardings
  std::map<int, std::set<int>> months;  // fiscal year → months with data (any route)

  for (const auto& [route, by_month] : by_route) {
    const RouteGroup& g = *group_of[route];
    const std::array<sosei_dimension, 1> dims{sosei::dimension("route", g.key)};
    std::map<int, int64_t> fiscal = fiscal_only[route];
    for (const auto& [month_index, boardings] : by_month) {
      sosei::Observation o;
      o.series = kMonthlySeries;
      o.period = {SOSEI_PERIOD_MONTH, month_index / 12, month_index % 12 + 1, 0};
      o.dimensions = dims;
      o.number = static_cast<double>(boardings);
      o.note = g.name;
      o.file = file;
      ctx.emit(o);
      fiscal[fiscal_year_of_month(month_index)] += boardings;
      months[fiscal_year_of_month(month_index)].insert(month_index);
    }
    for (const auto& [year, boardings] : fiscal) {
      const std::string* attribution = note_of(year);
      const std::string note = attribution ? (g.name.empty() ? *attribution : g.name + "。" + *attribution) : g.name;
      sosei::Observation o;
      o.series = kFiscalYearSeries;
      o.period = {SOSEI_PERIOD_FISCAL_YEAR, year, 0, 0};
      o.dimensions = dims;
      o.number = static_cast<double>(boardings);
      o.note = note;
      o.file = file;
      ctx.emit(o);
      kpi[year] += boardings;
    }
  }
  for (const auto& [year, total] : kpi_overrides_) kpi[year] = total;
  for (const auto& [year, boardings] : kpi) {
    const std::set<int>& covered = months[year];
    std::string note;
    if (const std::string* attribution = note_of(year)) {
      note = *attribution;
    } else if (covered.size() < 12) {
      note = "年度の一部: 12か月のうち " + std::to_string(covered.size()) + "か月分のデータ（" +
             month_text(*covered.begin()) + "〜" + month_text(*covered.rbegin()) + "）";
      ctx.warn(std::to_string(year) + "年度: " + note + "。合計は1年分の利用者数ではありません");
    }
    sosei::Observation o;
    o.series = kKpi;
    o.period = {SOSEI_PERIOD_FISCAL_YEAR, year, 0, 0};
    o.number = static_cast<double>(boardings);
    o.note = note;
    o.file = file;
    ctx.emit(o);
  }
}

}  // namespace bus_ridership
