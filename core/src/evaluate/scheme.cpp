// Banding a score on a scheme. Edges compare exactly: a ratio is kept as num/den and cross-multiplied,
// because 79.99… % must never reach an 80 % band through floating-point division.
#include "evaluate/scheme.hpp"

#include <cmath>
#include <limits>

namespace sosei::evaluate {

double Score::value() const {
  if (den == 0) {
    if (num == 0) return 1;
    return num > 0 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
  }
  return num / den;
}

bool at_least_percent(const Score& s, double percent) {
  if (s.den == 0) return s.value() * 100 >= percent;
  // Normalise the sign of the denominator, then cross-multiply: products of the small integers and
  // two-decimal figures KPIs hold are exact where a quotient is not.
  const double num = s.den < 0 ? -s.num : s.num;
  const double den = s.den < 0 ? -s.den : s.den;
  return num * 100 >= percent * den;
}

double round_half_up(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  // The nudge absorbs representation error (62.5 stored as 62.4999…) without moving real values.
  const double scaled = value * scale;
  const double nudge = std::abs(scaled) * 1e-12;
  return (scaled >= 0 ? std::floor(scaled + 0.5 + nudge) : -std::floor(-scaled + 0.5 + nudge)) / scale;
}

std::size_t band_of(const GradingScheme& scheme, const Score& score) {
  for (std::size_t i = 0; i + 1 < scheme.bands.size(); ++i) {
    const double edge = *scheme.bands[i].min_percent;
    const bool in = scheme.round_ratio_to ? round_half_up(score.percent(), *scheme.round_ratio_to) >= edge
                                          : at_least_percent(score, edge);
    if (in) return i;
  }
  return scheme.bands.size() - 1;
}

std::size_t resolve(const GradingScheme& scheme, const Mapping& m) {
  switch (m.to) {
    case MapTo::Top:
      return 0;
    case MapTo::Bottom:
      return scheme.bands.size() - 1;
    case MapTo::Band:
      return m.band;
    case MapTo::Other:
    case MapTo::Score:
      break;
  }
  return scheme.other_index();
}

}  // namespace sosei::evaluate
