// The data-quality rules of one value against its own series' earlier values (issue 14 §2,
// docs/quality.md): pure, so each rule kind is tested on plain numbers.
#pragma once

#include <optional>
#include <vector>

#include "config/model.hpp"
#include "store/store.hpp"

namespace sosei::import {

// What one value is judged against: the earlier numbers of the same series and dimensions, oldest
// first (the last one is the nearest earlier period's; the pass may keep only the newest few).
struct ValueHistory {
  std::vector<double> earlier;
  // Optional, kept by the pass as values come: the newest `window` values of `earlier`, sorted. An
  // outlier rule with this window reads its median straight from it instead of sorting a copy per
  // value (the rule's cost on a million-value import); empty or another window: it sorts a copy.
  std::vector<double> sorted_window;
  std::size_t window = 0;

  // Appends `v` to `earlier` and keeps `sorted_window` (when `window` is set) in step with it.
  void add(double v);
};

// The findings of the rules that look at one value and its history (range, max_change, monotonic,
// unit_slip, outlier); completeness and relation are judged by the pass that sees several keys.
std::vector<store::FlagRaise> check_value(const std::vector<config::Rule>& rules, double value,
                                          const ValueHistory& history);

// A relation rule: `value` against the other KPI's value of the same period.
std::optional<store::FlagRaise> check_relation(const config::Rule& rule, double value, double other);

// The flag a rule raises (level, rule name), without its numbers.
store::FlagRaise raise_of(const config::Rule& rule);

}  // namespace sosei::import
