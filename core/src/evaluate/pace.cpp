// Pace mid-period: what is expected by now and how the actual compares, beside the grade and never
// replacing it. Flows expect target × k/n after k of n years; levels a straight line from baseline.
#include <algorithm>

#include "evaluate/explain.hpp"
#include "evaluate/format.hpp"
#include "evaluate/steps.hpp"

namespace sosei::evaluate {
namespace {

bool has_pace(config::TargetKind kind) {
  using K = config::TargetKind;
  return kind == K::Cumulative || kind == K::VsProjection || kind == K::Level || kind == K::Stock || kind == K::Rate;
}

}  // namespace

Pace pace_of(const config::Strategy& strategy, const config::Kpi& kpi, const Actual& actual, const Date& as_of,
             const GradingScheme& scheme, std::optional<Score>& score) {
  Pace p;
  score.reset();
  if (!has_pace(kpi.target.kind)) {
    p.note = "no pace for a " + config::to_string(kpi.target.kind) + " target";
    p.note_shown = text::phrase(&text::Catalogue::pace_no_pace_for_kind, config::to_string(kpi.target.kind));
    return p;
  }
  if (!actual.value || !actual.value->is_number()) {
    p.note = "no value";
    p.note_shown = text::phrase(&text::Catalogue::pace_no_value);
    return p;
  }
  const double a = actual.value->number;
  const double t = *kpi.target.value.number;
  const std::optional<double> ref = reference_of(kpi);
  if (is_flow(kpi.target.kind)) {
    const Window w = window_of(strategy, kpi);
    const int n = w.years(), k = elapsed_years(strategy, kpi, as_of);
    p.elapsed_years = k;
    p.total_years = n;
    if (k == 0) {
      p.note = "no year of the period is due by " + as_of.str();
      p.note_shown = text::phrase(&text::Catalogue::pace_none_due, date_phrase(as_of));
      return p;
    }
    p.expected = t * k / n;
    // Everything scaled by n so that 8 of 40 after 1 of 5 years compares as 8·5 against 40·1, exactly.
    std::optional<double> scaled_ref;
    if (kpi.target.kind == config::TargetKind::VsProjection)
      scaled_ref = *ref * k;
    else if (ref)
      scaled_ref = *ref * n;
    score = score_of(kpi, a * n, t * k, scaled_ref);
  } else {
    if (!kpi.baseline.number || !kpi.baseline.year) {
      p.note = "no numeric baseline: no straight line to the target";
      p.note_shown = text::phrase(&text::Catalogue::pace_no_baseline);
      return p;
    }
    const double b = *kpi.baseline.number;
    const int bx = *kpi.baseline.year, tx = kpi.target.year;
    const int x = year_of(kpi, actual.periods.back());
    p.elapsed_years = x - bx;
    p.total_years = tx - bx;
    const double share = tx == bx ? 1.0 : std::clamp((x - bx) / double(tx - bx), 0.0, 1.0);
    p.expected = b + (t - b) * share;
    score = score_of(kpi, a, *p.expected, ref);
  }
  p.ratio = score->value();
  p.off_track = !at_least_percent(*score, scheme.off_track_below_percent);
  return p;
}

Forecast forecast_of(const config::Strategy& strategy, const config::Kpi& kpi, const std::vector<YearValue>& years) {
  Forecast f;
  if (kpi.target.kind == config::TargetKind::Done) {
    f.note = "no forecast for a done target";
    f.note_shown = text::phrase(&text::Catalogue::forecast_done);
    return f;
  }
  // Values before a series break do not compare with those after it.
  std::size_t first = 0;
  for (std::size_t i = 0; i < years.size(); ++i)
    if (years[i].series_break) first = i;
  std::vector<std::pair<double, double>> points;
  for (std::size_t i = first; i < years.size(); ++i)
    if (years[i].value.is_number()) points.emplace_back(years[i].year, years[i].value.number);
  f.points = static_cast<int>(points.size());
  if (points.size() < 2) {
    f.note = "fewer than two points: no forecast";
    f.note_shown = text::phrase(&text::Catalogue::forecast_few_points);
    return f;
  }
  double sx = 0, sy = 0;
  for (const auto& [x, y] : points) sx += x, sy += y;
  const double n = static_cast<double>(points.size()), mx = sx / n, my = sy / n;
  double sxx = 0, sxy = 0;
  for (const auto& [x, y] : points) sxx += (x - mx) * (x - mx), sxy += (x - mx) * (y - my);
  const double slope = sxy / sxx;  // points have distinct years, so sxx > 0
  auto line = [&](double x) { return my + slope * (x - mx); };
  if (is_flow(kpi.target.kind)) {
    // The total at the end: the values known, and the line for the years still to come.
    const Window w = window_of(strategy, kpi);
    double total = 0;
    for (int y = w.from; y <= w.to; ++y) {
      const YearValue* known = nullptr;
      for (const auto& v : years)
        if (v.year == y && v.value.is_number()) known = &v;
      total += known ? known->value.number : (y > years.back().year ? line(y) : 0);
    }
    f.value = total;
  } else {
    f.value = line(kpi.target.year);
  }
  if (kpi.target.value.number) f.ratio = score_of(kpi, *f.value, *kpi.target.value.number, reference_of(kpi)).value();
  return f;
}

}  // namespace sosei::evaluate
