// Store::city_glances() for a store that holds one city (SQLite): its own state through the per-city
// queries every store has. A store shared by many cities (PostgreSQL) answers for all of them at once.
#include "store/store.hpp"

namespace sosei::store {

std::vector<CityGlance> Store::city_glances() {
  CityGlance g;
  if (const auto latest = evaluations(1); !latest.empty()) {
    if (auto e = evaluation(latest.front().id)) {
      for (const auto& kpi : e->kpis) {
        if (!kpi.counted) continue;
        ++g.counted;
        if (kpi.actual) ++g.with_value;
        if (kpi.grade_index == 0 && !kpi.grade_symbol.empty()) ++g.best_grade;
      }
      e->kpis.clear();
      g.latest = std::move(e);
    }
  }
  g.open_flags = static_cast<int>(flags({.series = "", .open_only = true, .id = std::nullopt}).size());
  for (const auto& q : quarantines()) g.stopped_sources.push_back(q.source);
  for (const auto& s : run_summaries())
    if (s.last_run.status == RunStatus::Failed || s.last_run.status == RunStatus::Aborted)
      g.failing_sources.push_back(s.source);
  return {std::move(g)};
}

}  // namespace sosei::store
