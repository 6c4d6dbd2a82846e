// Display rules and number texts (numbers.hpp).
#include "text/numbers.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <utility>

namespace sosei::text {
namespace {

// Scales a city writes in its tables: 24万人, 1.2千人, 3億円.
constexpr std::array<std::pair<std::string_view, double>, 4> kScales{
    {{"万", 1e4}, {"千", 1e3}, {"百万", 1e6}, {"億", 1e8}}};

std::string group_digits(std::string digits) {
  // digits: "1234567" or "1234567.89" (no sign)
  std::size_t end = digits.find('.');
  if (end == std::string::npos) end = digits.size();
  for (std::size_t i = end; i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

}  // namespace

int default_decimals(std::string_view unit) {
  if (unit.empty()) return 2;
  if (unit == "%" || unit == "％" || unit == "ポイント" || unit == "pt" || unit == "点") return 1;
  return 0;
}

std::optional<DisplayRule> display_rule(std::string_view unit, std::optional<int> decimals, std::string_view display) {
  DisplayRule rule;
  rule.decimals = decimals ? *decimals : default_decimals(unit);
  if (display.empty() || display == unit) return rule;
  for (const auto& [prefix, factor] : kScales) {
    if (display.substr(0, prefix.size()) != prefix) continue;
    const std::string_view rest = display.substr(prefix.size());
    if (rest != unit) continue;
    rule.scale = factor;
    rule.scale_unit = std::string(display);
    // 24万人 reads well whole; 1.35万人 needs the decimals the strategy asks for.
    if (!decimals) rule.decimals = 0;
    return rule;
  }
  return std::nullopt;
}

std::string format_number(double v, int decimals, Lang lang) {
  if (!std::isfinite(v)) return "—";
  decimals = std::max(0, std::min(decimals, 9));
  const double factor = std::pow(10.0, decimals);
  // Half away from zero on the decimal text the city wrote: nudge by a relative epsilon so 0.125
  // stored as 0.12499999… still shows 0.13. The nudge stays far below one unit of the last decimal:
  // uncapped, 1e-9 of 10,000,000 at two decimals (1e9 units) added a whole unit (10,000,000.01).
  double scaled = std::abs(v) * factor;
  scaled = std::floor(scaled + 0.5 + std::min(1e-3, 1e-9 * std::max(1.0, scaled)));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, scaled / factor);
  std::string body = group_digits(buf);
  if (v >= 0 || scaled == 0) return body;
  return (lang == Lang::Ja ? "△" : "-") + body;
}

std::string format_number_trimmed(double v, int max_decimals, Lang lang) {
  std::string s = format_number(v, max_decimals, lang);
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string format_number(double v, const DisplayRule& rule, Lang lang) {
  if (rule.decimals < 0) return format_number_trimmed(v / rule.scale, 2, lang);
  return format_number(v / rule.scale, rule.decimals, lang);
}

std::string shown_unit(const DisplayRule& rule, std::string_view unit) {
  return rule.scale_unit.empty() ? std::string(unit) : rule.scale_unit;
}

std::string format_percent(double fraction, Lang lang) {
  if (!std::isfinite(fraction)) return "—";
  const double tenths = fraction * 1000;
  const double t = std::trunc(tenths + (tenths >= 0 ? 1e-12 : -1e-12) * std::max(1.0, std::abs(tenths)));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f", std::abs(t) / 10);
  // 33,120.0%: a target far exceeded reads like every other number of the table.
  std::string body = group_digits(buf) + "%";
  if (t >= 0) return body;
  return (lang == Lang::Ja ? "△" : "-") + body;
}

std::string duration_text(long long seconds, Lang lang) {
  struct Unit {
    long long size;
    const char* ja;
    const char* en;
  };
  static constexpr std::array<Unit, 4> kUnits{
      {{86400, "日", " d"}, {3600, "時間", " h"}, {60, "分", " min"}, {1, "秒", " s"}}};
  if (seconds <= 0) return lang == Lang::En ? "0 s" : "0秒";
  std::string out;
  for (const Unit& u : kUnits) {
    if (seconds < u.size) continue;
    if (!out.empty() && lang == Lang::En) out += ' ';
    out += std::to_string(seconds / u.size) + (lang == Lang::En ? u.en : u.ja);
    seconds %= u.size;
  }
  return out;
}

}  // namespace sosei::text
