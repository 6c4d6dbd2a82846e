// Texts of numbers, percents and periods for evaluation output.
#include "evaluate/format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace sosei::evaluate {

std::string number_text(double v) {
  if (v == 0) return "0";  // no "-0"
  if (std::isinf(v)) return v > 0 ? "∞" : "-∞";
  char buf[64];
  // Round-trip precision first; fall back to %.15g only for figures that would print an exponent.
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  std::string s(buf, ec == std::errc{} ? p : buf);
  if (s.size() > 20) {
    std::snprintf(buf, sizeof buf, "%.15g", v);
    s = buf;
  }
  return s;
}

std::string percent_text(double fraction) {
  if (std::isinf(fraction)) return fraction > 0 ? "∞%" : "-∞%";
  // Truncate, with a nudge so that 0.2 (stored as 0.2000…01 or 0.1999…98) still shows 20.0%.
  const double tenths = fraction * 1000;
  const double t = std::trunc(tenths + (tenths >= 0 ? 1e-12 : -1e-12) * std::max(1.0, std::abs(tenths)));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f%%", t / 10);
  std::string s = buf;
  if (s == "-0.0%") s = "0.0%";
  return s;
}

std::string period_label(const Period& p) {
  if (p.kind == PeriodKind::CalendarYear) return p.str() + " (calendar year)";
  return p.str();
}

std::string value_text(const Value& v) { return v.is_number() ? number_text(v.number) : to_string(v.kind); }

}  // namespace sosei::evaluate
