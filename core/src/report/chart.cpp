// The data of a KPI's chart (chart.hpp); drawing it is the HTML writer's job (svg_chart.cpp).
#include "report/chart.hpp"

#include <algorithm>

#include "evaluate/steps.hpp"

namespace sosei::report {
namespace {

void span(Chart& c, int year) {
  c.from_year = c.from_year == 0 ? year : std::min(c.from_year, year);
  c.to_year = std::max(c.to_year, year);
}

void add_forecast(Chart& c, const evaluate::Forecast& f) {
  if (!f.value || c.values.empty() || c.values.back().year >= c.target_year) return;
  c.forecast = {c.values.back(), {c.target_year, *f.value}};
}

Chart level_chart(const evaluate::KpiEvaluation& e, const config::Strategy& strategy) {
  const config::Kpi& k = e.kpi;
  Chart c;
  c.kind = Chart::Kind::Level;
  if (k.baseline.number && k.baseline.year) {
    c.baseline = ChartPoint{*k.baseline.year, *k.baseline.number};
    span(c, *k.baseline.year);
  }
  for (const auto& y : e.years)
    if (y.value.is_number()) {
      c.values.push_back({y.year, y.value.number});
      span(c, y.year);
    }
  c.target = k.target.value.number;
  c.target_year = k.target.year;
  span(c, strategy.first_year);
  span(c, k.target.year);
  add_forecast(c, e.forecast);
  return c;
}

// Flows: the actual is a sum, so the chart follows the running total from zero before the window.
Chart cumulative_chart(const evaluate::KpiEvaluation& e, const config::Strategy& strategy) {
  const config::Kpi& k = e.kpi;
  const evaluate::Window w = evaluate::window_of(strategy, k);
  Chart c;
  c.kind = Chart::Kind::Cumulative;
  c.from_year = w.from - 1;
  c.to_year = w.to;
  c.target = k.target.value.number;
  c.target_year = w.to;
  c.projection = k.target.projection;
  if (c.target)
    for (int i = 0; i <= w.years(); ++i)
      c.target_path.push_back({w.from - 1 + i, i == 0 ? 0.0 : *c.target * i / w.years()});  // no -0
  double total = 0;
  for (const auto& y : e.years)
    if (y.value.is_number() && y.year >= w.from && y.year <= w.to) {
      total += y.value.number;
      c.values.push_back({y.year, total});
    }
  add_forecast(c, e.forecast);
  return c;
}

}  // namespace

Chart chart_of(const evaluate::KpiEvaluation& e, const config::Strategy& strategy) {
  using K = config::TargetKind;
  Chart c;
  switch (e.kpi.target.kind) {
    case K::Done:
      break;  // a status has nothing to draw
    case K::Cumulative:
    case K::VsProjection:
      c = cumulative_chart(e, strategy);
      break;
    default:
      c = level_chart(e, strategy);
      break;
  }
  if (c.kind == Chart::Kind::Level && c.values.empty() && !c.baseline && !c.target) c.kind = Chart::Kind::None;
  c.unit = e.kpi.unit;
  c.calendar_years = e.kpi.period_type == config::PeriodType::CalendarYear;
  return c;
}

}  // namespace sosei::report
