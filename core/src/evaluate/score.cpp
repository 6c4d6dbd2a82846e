// The score a KPI is graded on: ratio (actual / target, or target / actual when lower is better) or
// progress ((actual − baseline) / (target − baseline)), the latter sign-aware for vs_projection.
#include "evaluate/steps.hpp"

namespace sosei::evaluate {

std::optional<double> reference_of(const config::Kpi& kpi) {
  if (kpi.target.kind == config::TargetKind::VsProjection) return kpi.target.projection;
  if (kpi.formula == config::Formula::Progress) return kpi.baseline.number;
  return std::nullopt;
}

Score score_of(const config::Kpi& kpi, double actual, double target, std::optional<double> reference) {
  // Progress needs no direction: when the target lies below the reference the denominator is
  // negative, so a value moving down towards it counts as progress (a smaller net loss of people).
  if (reference) return {actual - *reference, target - *reference};
  if (kpi.direction == config::Direction::LowerIsBetter) return {target, actual};
  return {actual, target};
}

}  // namespace sosei::evaluate
