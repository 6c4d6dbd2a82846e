// Numbers as the city writes them: rounded by the KPI's display rule, thousands separators, and in
// Japanese a negative written with △ (△1,305人). Display only: stored values keep every digit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "text/lang.hpp"

namespace sosei::text {

// How a KPI's numbers are shown (strategy.yaml `decimals:` and `display:`; docs/config.md).
struct DisplayRule {
  // Digits after the point, rounded half away from zero; -1: not decided (a KPI built in code, not
  // loaded from a strategy): up to two, trailing zeros dropped.
  int decimals = -1;
  double scale = 1;        // `display: 万人`: shown divided by 10,000
  std::string scale_unit;  // the unit written after a scaled number ("万人"); empty: not scaled
};

// The default rule for a unit when the strategy sets none: counts (人, 件, 区画, 組, …) whole numbers;
// %, ポイント and 点 (標準化得点) one decimal; a bare rate without unit (合計特殊出生率) two decimals.
int default_decimals(std::string_view unit);

// A rule from the strategy's optional `decimals` and `display` (e.g. "万人", "千人", "億円") for a unit.
// Returns nullopt for a `display` that is not a known scale of `unit` (the loader names it).
std::optional<DisplayRule> display_rule(std::string_view unit, std::optional<int> decimals, std::string_view display);

// 130108 → "130,108"; -1305 → "△1,305" (ja) / "-1,305" (en); 98.2856 with 1 decimal → "98.3".
// Not finite → "—". A value that rounds to zero is written without sign.
std::string format_number(double v, int decimals, Lang lang);
// At most `max_decimals`, trailing zeros dropped: for figures without a KPI rule (a plugin's own
// series, an expected value): 12.50 → "12.5", 240000 → "240,000".
std::string format_number_trimmed(double v, int max_decimals, Lang lang);
// The same with a rule's scale: 240000 with `display: 万人` → "24" (the caller writes the unit).
std::string format_number(double v, const DisplayRule& rule, Lang lang);
// The unit to write after a number shown by `rule`: its scale unit, else the KPI's own unit.
std::string shown_unit(const DisplayRule& rule, std::string_view unit);

// A wait or an interval for people: 90 s → "1分30秒" (ja) / "1 min 30 s" (en); 0 → "0秒" / "0 s".
std::string duration_text(long long seconds, Lang lang);

// A fraction as a percent with one decimal, truncated toward zero so "80.0%" never stands for a
// ratio below 80 % (band edges are exact); negatives with △ in Japanese. Not finite → "—".
std::string format_percent(double fraction, Lang lang);

}  // namespace sosei::text
