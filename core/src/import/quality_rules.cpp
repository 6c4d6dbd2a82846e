// Rules on one value (quality_rules.hpp).
#include "import/quality_rules.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

namespace sosei::import {
namespace {

std::string number_text(double v) { return Value::of(v).str(); }

// The median of `v`, reordering it (the callers pass scratch copies).
double median(std::vector<double>& v) {
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double upper = v[mid];
  if (v.size() % 2 != 0) return upper;
  return (*std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)) + upper) / 2;
}

// A thousand or ten thousand times the previous value, or as much smaller (万/千 lost or doubled):
// within a quarter of a decade of 10³ or 10⁴.
bool unit_slip(double value, double previous) {
  if (value <= 0 || previous <= 0) return false;
  const double decades = std::fabs(std::log10(value / previous));
  return std::fabs(decades - 3) < 0.25 || std::fabs(decades - 4) < 0.25;
}

// The median and the median absolute deviation of a sorted window, as median() gives them on copies
// (the same sums of the same numbers): the deviations grow outward from the median, so the smallest
// half is found by walking two ends, without sorting them.
std::pair<double, double> median_and_mad(const std::vector<double>& sorted) {
  const std::size_t n = sorted.size();
  const std::size_t mid = n / 2;
  const double m = n % 2 != 0 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  std::size_t right = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), m) - sorted.begin());
  std::size_t left = right;  // the next deviation below the median is sorted[left - 1]
  double before = 0;         // the deviation taken just before the current one
  double current = 0;
  for (std::size_t taken = 0; taken <= mid; ++taken) {
    before = current;
    const bool take_left = left > 0 && (right == n || m - sorted[left - 1] <= sorted[right] - m);
    current = take_left ? m - sorted[--left] : sorted[right++] - m;
  }
  return {m, n % 2 != 0 ? current : (before + current) / 2};
}

}  // namespace

void ValueHistory::add(double v) {
  earlier.push_back(v);
  if (window == 0) return;
  sorted_window.insert(std::upper_bound(sorted_window.begin(), sorted_window.end(), v), v);
  if (sorted_window.size() <= window) return;
  // The value that leaves the window: the one `window` places before the newest.
  const double leaving = earlier[earlier.size() - 1 - window];
  sorted_window.erase(std::lower_bound(sorted_window.begin(), sorted_window.end(), leaving));
}

store::FlagRaise raise_of(const config::Rule& rule) {
  store::FlagRaise r;
  r.rule = config::to_string(rule.kind);
  r.level = rule.level == config::RuleLevel::Error ? store::FlagLevel::Error : store::FlagLevel::Warning;
  return r;
}

std::vector<store::FlagRaise> check_value(const std::vector<config::Rule>& rules, double value,
                                          const ValueHistory& history) {
  std::vector<store::FlagRaise> found;
  // A plain double and a flag, not std::optional: GCC 12 warns of a maybe-uninitialised optional here.
  const bool has_previous = !history.earlier.empty();
  const double prev = has_previous ? history.earlier.back() : 0;
  const double* previous = has_previous ? &prev : nullptr;
  for (const config::Rule& rule : rules) {
    // The flag is built only when the rule trips: most values trip nothing, and a flag is several
    // strings and optionals to make and destroy per rule per value.
    const auto flag = [&rule, value] {
      store::FlagRaise r = raise_of(rule);
      r.value = value;
      return r;
    };
    switch (rule.kind) {
      case config::RuleKind::Range:
        if ((rule.min && value < *rule.min) || (rule.max && value > *rule.max)) {
          store::FlagRaise r = flag();
          r.expected_min = rule.min;
          r.expected_max = rule.max;
          found.push_back(std::move(r));
        }
        break;
      case config::RuleKind::MaxChange: {
        // Against the nearest earlier stored period: a strategy's first year is compared with its
        // baseline (R7 with R5 when R6 was never measured), as the council compares them.
        if (!previous) break;
        const double limit = rule.change_is_share ? std::fabs(*previous) * rule.change : rule.change;
        if (std::fabs(value - *previous) > limit) {
          store::FlagRaise r = flag();
          r.expected_min = *previous - limit;
          r.expected_max = *previous + limit;
          r.detail = "previous " + number_text(*previous);
          found.push_back(std::move(r));
        }
        break;
      }
      case config::RuleKind::Monotonic:
        if (previous && (rule.decreasing ? value > *previous : value < *previous)) {
          store::FlagRaise r = flag();
          (rule.decreasing ? r.expected_max : r.expected_min) = *previous;
          r.detail = "previous " + number_text(*previous);
          found.push_back(std::move(r));
        }
        break;
      case config::RuleKind::UnitSlip:
        if (previous && unit_slip(value, *previous)) {
          store::FlagRaise r = flag();
          r.expected_min = *previous / 10;
          r.expected_max = *previous * 10;
          r.detail = "previous " + number_text(*previous) + ", " + number_text(value / *previous) + "×";
          found.push_back(std::move(r));
        }
        break;
      case config::RuleKind::Outlier: {
        if (static_cast<int>(history.earlier.size()) < rule.min_history) break;
        // The newest `window` values: the series' recent normal, and a cost per value that does not
        // grow with its history (a daily series of ten years has 3,652 values per stop).
        const std::size_t n = std::min(history.earlier.size(), static_cast<std::size_t>(rule.window));
        if (n == 0) break;  // nothing to compare with (min_history: 0 on a first value)
        double m = 0;
        double mad = 0;
        if (history.window == static_cast<std::size_t>(rule.window) && history.sorted_window.size() == n) {
          std::tie(m, mad) = median_and_mad(history.sorted_window);
        } else {
          // Scratch space kept between calls: a million values judged without a million allocations.
          thread_local std::vector<double> recent, deviations;
          recent.assign(history.earlier.end() - static_cast<std::ptrdiff_t>(n), history.earlier.end());
          deviations.clear();
          for (double x : recent) deviations.push_back(x);
          m = median(recent);
          for (double& x : deviations) x = std::fabs(x - m);
          mad = median(deviations);
        }
        if (mad <= 0) break;  // a constant history: no spread to judge by
        // 0.6745 makes the MAD comparable to a standard deviation (Iglewicz and Hoaglin's modified z).
        const double half_width = rule.threshold * mad / 0.6745;
        if (std::fabs(value - m) > half_width) {
          store::FlagRaise r = flag();
          r.expected_min = m - half_width;
          r.expected_max = m + half_width;
          r.detail = "median " + number_text(m) + ", MAD " + number_text(mad);
          found.push_back(std::move(r));
        }
        break;
      }
      case config::RuleKind::Completeness:
      case config::RuleKind::Relation:
        break;  // judged over several keys by the pass
    }
  }
  return found;
}

std::optional<store::FlagRaise> check_relation(const config::Rule& rule, double value, double other) {
  if (rule.at_most ? value <= other : value >= other) return std::nullopt;
  store::FlagRaise r = raise_of(rule);
  r.value = value;
  (rule.at_most ? r.expected_max : r.expected_min) = other;
  r.detail = std::string(rule.at_most ? "at most " : "at least ") + rule.other + " " + number_text(other);
  return r;
}

}  // namespace sosei::import
