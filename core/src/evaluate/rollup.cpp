// The council's summary: per basic goal, per department and in total, how many KPIs got each grade
// and what share, in whole percent rounded half up (5 of 8 → 63 %, 3 of 8 → 38 %).
#include "evaluate/steps.hpp"

namespace sosei::evaluate {
namespace {

Rollup empty_rollup(const GradingScheme& s, std::string key, std::string name) {
  Rollup r{std::move(key), std::move(name), 0, {}};
  for (std::size_t i = 0; i <= s.other_index(); ++i) r.grades.push_back({s.grade(i).symbol, s.grade(i).label, 0, 0});
  return r;
}

void count(Rollup& r, const KpiEvaluation& e) {
  ++r.kpis;
  ++r.grades[e.grade.index].count;
}

void finish(Rollup& r) {
  for (auto& g : r.grades) g.share_percent = share_percent(g.count, r.kpis);
}

}  // namespace

int share_percent(int count, int total) {
  if (total <= 0) return 0;
  // Integer arithmetic: half up without any floating-point doubt about x.5.
  return (200 * count + total) / (2 * total);
}

void roll_up(const config::Strategy& strategy, const GradingScheme& scheme, Evaluation& ev) {
  ev.goals.clear();
  ev.departments.clear();
  ev.total = empty_rollup(scheme, "total", "total");
  for (const auto& g : strategy.goals) ev.goals.push_back(empty_rollup(scheme, std::to_string(g.no), g.name));
  for (const auto& e : ev.kpis) {
    if (e.kpi.goal_level) continue;  // a basic goal's numeric target is reported, not counted
    count(ev.total, e);
    for (auto& g : ev.goals)
      if (g.key == std::to_string(e.kpi.goal_no)) count(g, e);
    Rollup* dept = nullptr;
    for (auto& d : ev.departments)
      if (d.key == e.kpi.department) dept = &d;
    if (!dept) dept = &ev.departments.emplace_back(empty_rollup(scheme, e.kpi.department, e.kpi.department));
    count(*dept, e);
  }
  finish(ev.total);
  for (auto& g : ev.goals) finish(g);
  for (auto& d : ev.departments) finish(d);
}

}  // namespace sosei::evaluate
